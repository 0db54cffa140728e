#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "metrics/metrics.h"

namespace usage {
namespace {

struct PercentileCase {
  std::string name;
  std::vector<double> values;
  double percent;
  double expected;
};

std::vector<double> OneToTwenty() {
  std::vector<double> values;
  for (int i = 1; i <= 20; ++i) values.push_back(i);
  return values;
}

class PercentileTest : public ::testing::TestWithParam<PercentileCase> {};

TEST_P(PercentileTest, InterpolatesLinearly) {
  const PercentileCase& c = GetParam();

  EXPECT_DOUBLE_EQ(Percentile(c.values, c.percent), c.expected);
}

// rank = percent / 100 x (n - 1); the result lies between the values at the
// floor and the ceiling of the rank.
INSTANTIATE_TEST_SUITE_P(
    Samples, PercentileTest,
    ::testing::Values(
        PercentileCase{"EmptyIsZero", {}, 50, 0},
        PercentileCase{"EmptyP90IsZero", {}, 90, 0},
        PercentileCase{"SingleValue", {42}, 90, 42},
        // rank 1.5: 200 + 0.5 x 100.
        PercentileCase{"FourValuesP50", {100, 200, 300, 400}, 50, 250},
        // rank 2.7: 300 + 0.7 x 100.
        PercentileCase{"FourValuesP90", {100, 200, 300, 400}, 90, 370},
        PercentileCase{"UnsortedInput", {400, 100, 300, 200}, 50, 250},
        // rank 9.5: 10 + 0.5 x 1.
        PercentileCase{"OneToTwentyP50", OneToTwenty(), 50, 10.5},
        // rank 17.1: 18 + 0.1 x 1.
        PercentileCase{"OneToTwentyP90", OneToTwenty(), 90, 18.1},
        PercentileCase{"P0IsMinimum", {5, 1, 9}, 0, 1},
        PercentileCase{"P100IsMaximum", {5, 1, 9}, 100, 9},
        PercentileCase{"AboveHundredIsMaximum", {5, 1, 9}, 150, 9},
        PercentileCase{"BelowZeroIsMinimum", {5, 1, 9}, -10, 1}),
    [](const ::testing::TestParamInfo<PercentileCase>& info) {
      return info.param.name;
    });

}  // namespace
}  // namespace usage
