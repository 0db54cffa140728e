// Text for a figure compared with the previous period.
#ifndef USAGE_RENDER_TREND_TEXT_H_
#define USAGE_RENDER_TREND_TEXT_H_

#include <functional>
#include <string>

#include "echo/usage/v1/usage_service.pb.h"

namespace usage::render {

// Returns the report's trend for `metric`, or null when the report has none,
// as for all-time reports.
const echo::usage::v1::Trend* FindTrend(
    const echo::usage::v1::UsageReport& report,
    echo::usage::v1::TrendMetric metric);

// Returns Pango markup for `trend`: an arrow and the percent change colored
// by direction ("↑ 12.5 %", "↓ 8.0 %", "→ 0.0 %"), or "NEW" without a percent
// for TREND_DIRECTION_NEW, followed by "previous " and the previous value
// formatted by `format_value`. Without a percent change the arrow is left
// out, except for NEW.
std::string TrendMarkup(const echo::usage::v1::Trend& trend,
                        const std::function<std::string(double)>& format_value);

}  // namespace usage::render

#endif  // USAGE_RENDER_TREND_TEXT_H_
