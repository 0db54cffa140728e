// The monthly trends chart: conversations per month as stacked bars, with
// chat sessions and duration as lines.
#ifndef USAGE_RENDER_MONTHLY_TRENDS_CHART_H_
#define USAGE_RENDER_MONTHLY_TRENDS_CHART_H_

#include "echo/usage/v1/usage_service.pb.h"
#include "render/page_canvas.h"
#include "render/report_context.h"

namespace usage::render {

// Starts a new page unless the current one is empty, then draws the
// "Monthly trends" heading and, for each month of report.timeline.months,
// a bar of recorded, uploaded and empty conversations stacked in that
// order, a line of chat sessions on the same left axis, and a line of the
// duration in hours on a right-hand axis, with a legend. Month labels are
// thinned to every 2, 3, 6 or 12 months, or whole years, as space needs,
// so 1 to 120 months stay readable. Without conversations and chat sessions
// it draws a sentence instead. Moves canvas.y() below what it drew.
void DrawMonthlyTrendsChart(PageCanvas& canvas,
                            const echo::usage::v1::UsageReport& report,
                            const ReportContext& context);

}  // namespace usage::render

#endif  // USAGE_RENDER_MONTHLY_TRENDS_CHART_H_
