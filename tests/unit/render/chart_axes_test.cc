#include "render/chart_axes.h"

#include <cstdint>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage::render {
namespace {

using ::testing::DoubleNear;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::Pointwise;

struct TickCase {
  std::string name;
  double low;
  double high;
  bool whole_numbers;
  std::vector<double> expected;
};

// The smallest 1-2-5 step that covers the range with at most 6 ticks
// (5 intervals) from 0.
const std::vector<TickCase> kTickCases = {
    // An empty range still needs a scale.
    {"Empty", 0, 0, true, {0, 1}},
    // 7 / 5 = 1.4, so step 2 and the top tick 8.
    {"UpToSeven", 0, 7, true, {0, 2, 4, 6, 8}},
    // 1234 / 5 = 246.8: step 200 needs 0..1400, 8 ticks; step 500 fits.
    {"UpTo1234", 0, 1234, true, {0, 500, 1000, 1500}},
    // 0 is included; 0.9 / 5 = 0.18, so step 0.2 up to 1.0.
    {"FractionOfHour", 0.3, 0.9, false, {0, 0.2, 0.4, 0.6, 0.8, 1.0}},
    // 1e6 / 5 = 2e5 exactly.
    {"UpToMillion", 0, 1e6, true, {0, 2e5, 4e5, 6e5, 8e5, 1e6}},
    // Counts never get a step below 1.
    {"SmallCount", 0, 1, true, {0, 1}},
    // 3 / 5 = 0.6, raised to the whole-number step 1.
    {"UpToThree", 0, 3, true, {0, 1, 2, 3}},
};

class NiceTicksTest : public ::testing::TestWithParam<TickCase> {};

TEST_P(NiceTicksTest, MatchesHandComputedTicks) {
  const TickCase& c = GetParam();
  EXPECT_THAT(NiceTicks(c.low, c.high, c.whole_numbers),
              Pointwise(DoubleNear(1e-9), c.expected));
}

INSTANTIATE_TEST_SUITE_P(Ranges, NiceTicksTest, ::testing::ValuesIn(kTickCases),
                         [](const ::testing::TestParamInfo<TickCase>& info) {
                           return info.param.name;
                         });

TEST(NiceTicksTest, NeverMoreThanMaxTicks) {
  for (double high = 0.01; high < 1e7; high *= 1.37) {
    const std::vector<double> ticks = NiceTicks(0, high, false);
    EXPECT_LE(ticks.size(), 6u) << high;
    EXPECT_GE(ticks.back(), high) << high;
    EXPECT_EQ(ticks.front(), 0) << high;
  }
}

TEST(TickLabelsTest, CountsUseSeparatorsThenThousands) {
  EXPECT_THAT(TickLabels({0, 500, 1000, 1500}, AxisFormat::kCount),
              ElementsAre("0", "500", "1,000", "1,500"));
  EXPECT_THAT(TickLabels({0, 5000, 10000, 15000}, AxisFormat::kCount),
              ElementsAre("0", "5,000", "10k", "15k"));
  EXPECT_THAT(TickLabels({0, 12500, 25000}, AxisFormat::kCount),
              ElementsAre("0", "12.5k", "25k"));
  EXPECT_THAT(TickLabels({0, 5e5, 1e6, 1.5e6}, AxisFormat::kCount),
              ElementsAre("0", "500k", "1M", "1.5M"));
}

TEST(TickLabelsTest, HoursShowDecimalsOfTheStep) {
  EXPECT_THAT(TickLabels({0, 0.2, 0.4}, AxisFormat::kHours),
              ElementsAre("0 h", "0.2 h", "0.4 h"));
  EXPECT_THAT(TickLabels({0, 0.05, 0.1}, AxisFormat::kHours),
              ElementsAre("0 h", "0.05 h", "0.10 h"));
  EXPECT_THAT(TickLabels({0, 5, 10}, AxisFormat::kHours),
              ElementsAre("0 h", "5 h", "10 h"));
}

TEST(ThinLabelsTest, KeepsEveryLabelWhenThereIsRoom) {
  // Centres 20 apart, labels 10 wide: gaps of 10 >= 4.
  EXPECT_THAT(ThinLabels({10, 30, 50}, {10, 10, 10}, {0, 1, 2}, {1, 2}, 4),
              ElementsAre(0, 1, 2));
}

TEST(ThinLabelsTest, SkipsToTheFirstStrideThatFits) {
  // Centres 10 apart, labels 12 wide. Stride 2: 20 - 12 = 8 >= 4, but the
  // candidates are 1 and 3, so stride 3 is taken.
  EXPECT_THAT(
      ThinLabels({0, 10, 20, 30, 40, 50, 60}, {12, 12, 12, 12, 12, 12, 12},
                 {0, 1, 2, 3, 4, 5, 6}, {1, 3}, 4),
      ElementsAre(0, 3, 6));
}

TEST(ThinLabelsTest, KeysChooseWhichLabelsStay) {
  // Month keys of Nov 2025 .. Feb 2026: 2025 * 12 + 10 = 24310 up to 24313.
  // Only January (24312) is a multiple of 12.
  EXPECT_THAT(ThinLabels({0, 10, 20, 30}, {30, 30, 30, 30},
                         {24310, 24311, 24312, 24313}, {12}, 4),
              ElementsAre(2));
}

TEST(ThinLabelsTest, DrawnLabelsNeverOverlap) {
  // 120 labels 3.8 pt apart with widths from 20 to 40 pt.
  std::vector<double> centers;
  std::vector<double> widths;
  std::vector<int64_t> keys;
  for (int i = 0; i < 120; ++i) {
    centers.push_back(40 + 3.8 * i);
    widths.push_back(20 + (i * 7) % 21);
    keys.push_back(i);
  }
  const std::vector<int> drawn = ThinLabels(centers, widths, keys, {1, 2}, 4);
  ASSERT_GE(drawn.size(), 2u);
  for (size_t k = 1; k < drawn.size(); ++k) {
    const int a = drawn[k - 1];
    const int b = drawn[k];
    EXPECT_GE((centers[b] - widths[b] / 2) - (centers[a] + widths[a] / 2), 4)
        << a << " and " << b;
  }
}

TEST(ThinLabelsTest, NoLabelsGiveNone) {
  EXPECT_THAT(ThinLabels({}, {}, {}, {1}, 4), ElementsAreArray<int>({}));
}

TEST(DateLabelTest, MonthsAndDaysReadShort) {
  EXPECT_EQ(MonthLabel(absl::CivilMonth(2026, 3)), "Mar 2026");
  EXPECT_EQ(DayLabel(absl::CivilDay(2026, 3, 5)), "Mar 5");
  EXPECT_EQ(MonthKey(absl::CivilMonth(2026, 1)), 2026 * 12);
}

TEST(DateLabelTest, ParsesReportDates) {
  EXPECT_EQ(ParseDay("2026-03-05"), absl::CivilDay(2026, 3, 5));
  EXPECT_EQ(ParseMonth("2026-03"), absl::CivilMonth(2026, 3));
  EXPECT_EQ(ParseDay("March 5"), std::nullopt);
}

}  // namespace
}  // namespace usage::render
