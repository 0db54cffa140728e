#include "directus/retry_policy.h"

#include <random>

#include "gtest/gtest.h"

namespace usage {
namespace {

TEST(BackoffDelayTest, StaysWithinDoublingCap) {
  std::mt19937_64 random(7);
  const absl::Duration initial = absl::Milliseconds(200);
  const absl::Duration max = absl::Seconds(5);
  // Caps by attempt: 200 ms, 400 ms, 800 ms, 1.6 s, 3.2 s, then 5 s.
  const absl::Duration caps[] = {
      absl::Milliseconds(200),  absl::Milliseconds(400),
      absl::Milliseconds(800),  absl::Milliseconds(1600),
      absl::Milliseconds(3200), absl::Seconds(5),
      absl::Seconds(5)};
  for (int attempt = 1; attempt <= 7; ++attempt) {
    for (int sample = 0; sample < 200; ++sample) {
      const absl::Duration delay = BackoffDelay(attempt, initial, max, random);
      EXPECT_GE(delay, absl::ZeroDuration());
      EXPECT_LE(delay, caps[attempt - 1]) << "attempt " << attempt;
    }
  }
}

TEST(BackoffDelayTest, JitterSpreadsDelays) {
  std::mt19937_64 random(11);
  absl::Duration smallest = absl::InfiniteDuration();
  absl::Duration largest = absl::ZeroDuration();
  for (int sample = 0; sample < 500; ++sample) {
    const absl::Duration delay =
        BackoffDelay(4, absl::Milliseconds(200), absl::Seconds(5), random);
    smallest = std::min(smallest, delay);
    largest = std::max(largest, delay);
  }
  // Full jitter over [0, 1.6 s]: 500 samples cover most of the range.
  EXPECT_LT(smallest, absl::Milliseconds(200));
  EXPECT_GT(largest, absl::Milliseconds(1400));
}

TEST(IsRetryableHttpStatusTest, TransientStatusesOnly) {
  for (int status : {429, 500, 502, 503, 504}) {
    EXPECT_TRUE(IsRetryableHttpStatus(status)) << status;
  }
  for (int status : {200, 400, 401, 403, 404, 413, 501}) {
    EXPECT_FALSE(IsRetryableHttpStatus(status)) << status;
  }
}

TEST(ParseRetryAfterTest, SecondsOnly) {
  EXPECT_EQ(ParseRetryAfter("3"), absl::Seconds(3));
  EXPECT_EQ(ParseRetryAfter("0"), absl::ZeroDuration());
  EXPECT_EQ(ParseRetryAfter(""), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("-1"), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"), std::nullopt);
}

}  // namespace
}  // namespace usage
