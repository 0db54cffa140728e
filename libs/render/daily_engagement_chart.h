// The daily engagement chart: the last 30 days of the period, day by day.
#ifndef USAGE_RENDER_DAILY_ENGAGEMENT_CHART_H_
#define USAGE_RENDER_DAILY_ENGAGEMENT_CHART_H_

#include "echo/usage/v1/usage_service.pb.h"
#include "render/page_canvas.h"
#include "render/report_context.h"

namespace usage::render {

// Number of days the chart shows at most.
inline constexpr int kEngagementDays = 30;

// Draws the "Daily engagement (last 30 days)" heading and, for each of the
// last 30 days of report.timeline.days (all of them when there are fewer),
// a bar of conversations and a bar of logins on the left axis and a line of
// chat messages on a right-hand axis, with a legend and day labels such as
// "Mar 5", thinned so that the last day is always labelled. Without
// activity on those days it draws a sentence instead. Moves canvas.y()
// below what it drew.
void DrawDailyEngagementChart(PageCanvas& canvas,
                              const echo::usage::v1::UsageReport& report,
                              const ReportContext& context);

}  // namespace usage::render

#endif  // USAGE_RENDER_DAILY_ENGAGEMENT_CHART_H_
