#include "llm/retry_after.h"

#include <optional>

#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage::llm {
namespace {

using ::testing::Optional;

// 2015-10-21 07:28:00 UTC, the instant of the HTTP dates below.
absl::Time DateInstant() {
  return absl::FromCivil(absl::CivilSecond(2015, 10, 21, 7, 28, 0),
                         absl::UTCTimeZone());
}

HttpResponse WithHeaders(HttpHeaders headers) {
  HttpResponse response;
  response.status = 429;
  response.headers = std::move(headers);
  return response;
}

TEST(RetryAfterTest, MillisecondsHeader) {
  EXPECT_THAT(ParseRetryAfterMs("250"), Optional(absl::Milliseconds(250)));
  EXPECT_THAT(ParseRetryAfterMs("0"), Optional(absl::ZeroDuration()));
  EXPECT_THAT(ParseRetryAfterMs("1.5"), Optional(absl::Microseconds(1500)));
  EXPECT_THAT(ParseRetryAfterMs(" 40 "), Optional(absl::Milliseconds(40)));
  EXPECT_THAT(ParseRetryAfterMs("-5"), Optional(absl::Milliseconds(-5)));
  EXPECT_EQ(ParseRetryAfterMs(""), std::nullopt);
  EXPECT_EQ(ParseRetryAfterMs("soon"), std::nullopt);
  EXPECT_EQ(ParseRetryAfterMs("1e3"), std::nullopt);
  EXPECT_EQ(ParseRetryAfterMs("12ms"), std::nullopt);
  EXPECT_EQ(ParseRetryAfterMs("."), std::nullopt);
  EXPECT_EQ(ParseRetryAfterMs("1."), std::nullopt);
}

TEST(RetryAfterTest, SecondsAsIntegerOrDecimal) {
  const absl::Time now = DateInstant();
  EXPECT_THAT(ParseRetryAfter("3", now), Optional(absl::Seconds(3)));
  EXPECT_THAT(ParseRetryAfter("1.5", now), Optional(absl::Milliseconds(1500)));
  EXPECT_THAT(ParseRetryAfter("0.25", now), Optional(absl::Milliseconds(250)));
  EXPECT_THAT(ParseRetryAfter("-2", now), Optional(absl::Seconds(-2)));
}

TEST(RetryAfterTest, HttpDateRelativeToNow) {
  // Two seconds before the date, so each form means a 2 s wait.
  const absl::Time now = DateInstant() - absl::Seconds(2);
  EXPECT_THAT(ParseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now),
              Optional(absl::Seconds(2)));
  EXPECT_THAT(ParseRetryAfter("Wednesday, 21-Oct-15 07:28:00 GMT", now),
              Optional(absl::Seconds(2)));
  EXPECT_THAT(ParseRetryAfter("Wed Oct 21 07:28:00 2015", now),
              Optional(absl::Seconds(2)));
}

TEST(RetryAfterTest, AsctimeWithOneDigitDay) {
  // asctime pads a one-digit day with a space: 2015-10-01 07:28:00 UTC.
  const absl::Time date = absl::FromCivil(
      absl::CivilSecond(2015, 10, 1, 7, 28, 0), absl::UTCTimeZone());
  EXPECT_THAT(ParseRetryAfter("Thu Oct  1 07:28:00 2015", date),
              Optional(absl::ZeroDuration()));
}

TEST(RetryAfterTest, PastHttpDateIsNegative) {
  const absl::Time now = DateInstant() + absl::Seconds(10);
  EXPECT_THAT(ParseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now),
              Optional(absl::Seconds(-10)));
}

TEST(RetryAfterTest, GarbageIsNotAWait) {
  const absl::Time now = DateInstant();
  EXPECT_EQ(ParseRetryAfter("", now), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("later", now), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("3 seconds", now), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("Wed, 32 Oct 2015 07:28:00 GMT", now),
            std::nullopt);
  EXPECT_EQ(ParseRetryAfter("2015-10-21T07:28:00Z", now), std::nullopt);
}

TEST(RetryAfterTest, RequestedWaitPrefersMilliseconds) {
  const HttpResponse response =
      WithHeaders({{"Retry-After", "7"}, {"retry-after-ms", "300"}});
  EXPECT_THAT(RequestedWait(response, DateInstant()),
              Optional(absl::Milliseconds(300)));
}

TEST(RetryAfterTest, RequestedWaitFallsBackToRetryAfter) {
  // retry-after-ms is garbage, so Retry-After's 2 s applies.
  const HttpResponse response =
      WithHeaders({{"retry-after-ms", "x"}, {"retry-after", "2"}});
  EXPECT_THAT(RequestedWait(response, DateInstant()),
              Optional(absl::Seconds(2)));
}

TEST(RetryAfterTest, RequestedWaitClampsNegativeToZero) {
  EXPECT_THAT(
      RequestedWait(WithHeaders({{"Retry-After", "-3"}}), DateInstant()),
      Optional(absl::ZeroDuration()));
  EXPECT_THAT(
      RequestedWait(
          WithHeaders({{"Retry-After", "Wed, 21 Oct 2015 07:27:00 GMT"}}),
          DateInstant()),
      Optional(absl::ZeroDuration()));
}

TEST(RetryAfterTest, RequestedWaitCapsHugeValues) {
  EXPECT_THAT(
      RequestedWait(WithHeaders({{"Retry-After", "3600"}}), DateInstant()),
      Optional(absl::Seconds(20)));
  EXPECT_THAT(RequestedWait(
                  WithHeaders({{"Retry-After", "99999999999999999999999999"}}),
                  DateInstant()),
              Optional(absl::Seconds(20)));
  EXPECT_THAT(
      RequestedWait(WithHeaders({{"retry-after-ms", "21000"}}), DateInstant()),
      Optional(absl::Seconds(20)));
}

TEST(RetryAfterTest, RequestedWaitWithoutHeaders) {
  EXPECT_EQ(RequestedWait(WithHeaders({}), DateInstant()), std::nullopt);
  EXPECT_EQ(
      RequestedWait(WithHeaders({{"Retry-After", "soon"}}), DateInstant()),
      std::nullopt);
}

}  // namespace
}  // namespace usage::llm
