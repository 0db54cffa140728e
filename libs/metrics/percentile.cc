#include <algorithm>
#include <cmath>
#include <vector>

#include "metrics/metrics.h"

namespace usage {

double Percentile(std::vector<double> values, double percent) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());

  // Percents outside [0, 100] give the minimum or maximum, and NaN gives the
  // minimum, so that the rank is always a valid index.
  const double clamped =
      std::isnan(percent) ? 0.0 : std::clamp(percent, 0.0, 100.0);
  const double rank = clamped / 100.0 * static_cast<double>(values.size() - 1);
  const auto lower = static_cast<size_t>(std::floor(rank));
  const auto upper = static_cast<size_t>(std::ceil(rank));
  const double fraction = rank - static_cast<double>(lower);
  return values[lower] + (values[upper] - values[lower]) * fraction;
}

}  // namespace usage
