#include <optional>
#include <string>

#include "gtest/gtest.h"
#include "metrics/metrics.h"

namespace usage {
namespace {

struct TrendCase {
  std::string name;
  double current;
  double previous;
  std::optional<double> percent_change;
  TrendDirection direction;
};

class TrendTest : public ::testing::TestWithParam<TrendCase> {};

TEST_P(TrendTest, ComparesWithPrevious) {
  const TrendCase& c = GetParam();

  const Trend trend = MakeTrend(TrendMetric::kMessages, c.current, c.previous);

  EXPECT_EQ(trend.metric, TrendMetric::kMessages);
  EXPECT_EQ(trend.current, c.current);
  EXPECT_EQ(trend.previous, c.previous);
  EXPECT_EQ(trend.direction, c.direction);
  ASSERT_EQ(trend.percent_change.has_value(), c.percent_change.has_value());
  if (c.percent_change.has_value()) {
    EXPECT_DOUBLE_EQ(*trend.percent_change, *c.percent_change);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Changes, TrendTest,
    ::testing::Values(
        TrendCase{"ZeroToZeroIsFlat", 0, 0, std::nullopt,
                  TrendDirection::kFlat},
        TrendCase{"ZeroToFiveIsNew", 5, 0, std::nullopt, TrendDirection::kNew},
        // (5 - 10) / 10 x 100.
        TrendCase{"TenToFiveIsDown", 5, 10, -50.0, TrendDirection::kDown},
        // (6 - 4) / 4 x 100.
        TrendCase{"FourToSixIsUp", 6, 4, 50.0, TrendDirection::kUp},
        TrendCase{"SevenToSevenIsFlat", 7, 7, 0.0, TrendDirection::kFlat},
        TrendCase{"ThreeToZeroIsDown", 0, 3, -100.0, TrendDirection::kDown},
        // 1e308 / 1e-10 x 100 overflows to infinity, which is left unset.
        TrendCase{"OverflowingPercentIsUnset", 1e308, 1e-10, std::nullopt,
                  TrendDirection::kUp}),
    [](const ::testing::TestParamInfo<TrendCase>& info) {
      return info.param.name;
    });

struct BandCase {
  std::string name;
  double per_week;
  UsageBand band;
};

class BandTest : public ::testing::TestWithParam<BandCase> {};

TEST_P(BandTest, MatchesBoundaries) {
  EXPECT_EQ(BandForLoginsPerWeek(GetParam().per_week), GetParam().band);
}

INSTANTIATE_TEST_SUITE_P(
    LoginsPerWeek, BandTest,
    ::testing::Values(BandCase{"Twenty", 20, UsageBand::kPower},
                      BandCase{"JustAboveEight", 8.01, UsageBand::kPower},
                      BandCase{"ExactlyEight", 8, UsageBand::kHigh},
                      BandCase{"Five", 5, UsageBand::kHigh},
                      BandCase{"JustBelowFive", 4.99, UsageBand::kMedium},
                      BandCase{"One", 1, UsageBand::kMedium},
                      BandCase{"JustBelowOne", 0.99, UsageBand::kLow},
                      BandCase{"Half", 0.5, UsageBand::kLow},
                      BandCase{"Zero", 0, UsageBand::kNone}),
    [](const ::testing::TestParamInfo<BandCase>& info) {
      return info.param.name;
    });

}  // namespace
}  // namespace usage
