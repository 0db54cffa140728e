// Tests of the number formats of findings and summaries.
#include "insights/number_text.h"

#include "gtest/gtest.h"

namespace usage::insights::insights_internal {
namespace {

TEST(NumberTextTest, CountGroupsThousands) {
  EXPECT_EQ(FormatCount(0), "0");
  EXPECT_EQ(FormatCount(999), "999");
  EXPECT_EQ(FormatCount(1000), "1,000");
  EXPECT_EQ(FormatCount(1234567), "1,234,567");
  EXPECT_EQ(FormatCount(-4321), "-4,321");
  EXPECT_EQ(FormatCount(12.5), "13");
}

TEST(NumberTextTest, PercentDropsSignAndRounds) {
  EXPECT_EQ(FormatPercent(-62.4), "62 %");
  EXPECT_EQ(FormatPercent(150), "150 %");
  EXPECT_EQ(FormatPercent(49.5), "50 %");
}

TEST(NumberTextTest, DurationInHoursAndMinutes) {
  // 43499 s = 724.98 min, rounded to 725 min = 12 h 05 min.
  EXPECT_EQ(FormatDuration(43499), "12 h 05 min");
  EXPECT_EQ(FormatDuration(2700), "45 min");
  EXPECT_EQ(FormatDuration(3600), "1 h 00 min");
  EXPECT_EQ(FormatDuration(-5), "0 min");
}

TEST(NumberTextTest, CountOfPicksSingularForOne) {
  EXPECT_EQ(CountOf(1, "day", "days"), "1 day");
  EXPECT_EQ(CountOf(0, "day", "days"), "0 days");
  EXPECT_EQ(CountOf(1500, "day", "days"), "1,500 days");
}

}  // namespace
}  // namespace usage::insights::insights_internal
