#include "render/format.h"

#include <cstdint>
#include <limits>

#include "absl/time/civil_time.h"
#include "gtest/gtest.h"

namespace usage::render {
namespace {

TEST(FormatTest, CountGroupsThousands) {
  EXPECT_EQ(FormatCount(0), "0");
  EXPECT_EQ(FormatCount(12), "12");
  EXPECT_EQ(FormatCount(999), "999");
  EXPECT_EQ(FormatCount(1000), "1,000");
  EXPECT_EQ(FormatCount(1234567), "1,234,567");
  EXPECT_EQ(FormatCount(-1234), "-1,234");
  EXPECT_EQ(FormatCount(std::numeric_limits<int64_t>::min()),
            "-9,223,372,036,854,775,808");
}

TEST(FormatTest, DecimalRoundsAndGroups) {
  EXPECT_EQ(FormatDecimal(1234.56, 1), "1,234.6");
  EXPECT_EQ(FormatDecimal(4.4, 1), "4.4");
  EXPECT_EQ(FormatDecimal(-2.5, 1), "-2.5");
  EXPECT_EQ(FormatDecimal(7, 0), "7");
}

TEST(FormatTest, DecimalHasNoNegativeZero) {
  EXPECT_EQ(FormatDecimal(-0.04, 1), "0.0");
}

TEST(FormatTest, DecimalOfNanIsDash) {
  EXPECT_EQ(FormatDecimal(std::numeric_limits<double>::quiet_NaN(), 1), "–");
}

TEST(FormatTest, DurationInHoursAndMinutes) {
  // 43499 s = 724.98 min, rounded to 725 min = 12 h 05 min.
  EXPECT_EQ(FormatDuration(43499), "12 h 05 min");
  EXPECT_EQ(FormatDuration(3600), "1 h 00 min");
  // 3.6e6 s = 1000 h.
  EXPECT_EQ(FormatDuration(3.6e6), "1,000 h 00 min");
}

TEST(FormatTest, DurationUnderAnHourInMinutes) {
  EXPECT_EQ(FormatDuration(2700), "45 min");
  EXPECT_EQ(FormatDuration(29), "0 min");
  EXPECT_EQ(FormatDuration(0), "0 min");
}

TEST(FormatTest, DurationOfBadValueIsZero) {
  EXPECT_EQ(FormatDuration(-60), "0 min");
  EXPECT_EQ(FormatDuration(std::numeric_limits<double>::infinity()), "0 min");
}

TEST(FormatTest, UnknownZoneFallsBackToUtc) {
  EXPECT_EQ(LoadZoneOrUtc("Nowhere/Invalid").name, "UTC");
  EXPECT_EQ(LoadZoneOrUtc("").name, "UTC");
  EXPECT_EQ(LoadZoneOrUtc("Asia/Tokyo").name, "Asia/Tokyo");
}

TEST(FormatTest, DateTimeInReportZone) {
  // 2026-03-30T23:30:00Z is 01:30 the next day in Amsterdam (UTC+2 in
  // summer time).
  const absl::Time time = absl::FromCivil(
      absl::CivilSecond(2026, 3, 30, 23, 30, 0), absl::UTCTimeZone());
  const NamedZone amsterdam = LoadZoneOrUtc("Europe/Amsterdam");
  EXPECT_EQ(FormatDateTime(time, amsterdam),
            "2026-03-31 01:30 Europe/Amsterdam");
  EXPECT_EQ(FormatDate(time, amsterdam), "2026-03-31");
  EXPECT_EQ(FormatDateTime(time, LoadZoneOrUtc("UTC")), "2026-03-30 23:30 UTC");
}

TEST(FormatTest, Iso8601InUtc) {
  const absl::Time time = absl::FromCivil(
      absl::CivilSecond(2026, 3, 30, 12, 0, 5), absl::UTCTimeZone());
  EXPECT_EQ(FormatIso8601Utc(time), "2026-03-30T12:00:05Z");
}

TEST(FormatTest, TimestampKeepsNanos) {
  google::protobuf::Timestamp timestamp;
  timestamp.set_seconds(1774872000);
  timestamp.set_nanos(500000000);
  EXPECT_EQ(ToAbslTime(timestamp),
            absl::FromUnixSeconds(1774872000) + absl::Milliseconds(500));
}

}  // namespace
}  // namespace usage::render
