// The login activity chart: when in the day and the week logins happen.
#ifndef USAGE_RENDER_LOGIN_ACTIVITY_CHART_H_
#define USAGE_RENDER_LOGIN_ACTIVITY_CHART_H_

#include <array>
#include <cstdint>

#include "echo/usage/v1/usage_service.pb.h"
#include "render/page_canvas.h"
#include "render/report_context.h"

namespace usage::render {

// Returns the logins of `logins.daily` summed per weekday, Monday first.
// Dates that do not parse as YYYY-MM-DD are left out.
std::array<int64_t, 7> LoginsPerWeekday(
    const echo::usage::v1::LoginMetrics& logins);

// Draws the "Login activity" heading and two bar charts side by side: logins
// per hour of the day from logins.hour_histogram (24 bars, labelled 00 to 23
// every 3 hours) and logins per weekday from logins.daily. Without logins it
// draws a sentence instead. Moves canvas.y() below what it drew.
void DrawLoginActivityChart(PageCanvas& canvas,
                            const echo::usage::v1::UsageReport& report,
                            const ReportContext& context);

}  // namespace usage::render

#endif  // USAGE_RENDER_LOGIN_ACTIVITY_CHART_H_
