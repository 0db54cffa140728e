// The activity timeline: conversations adding up over the period, and the
// duration of each day.
#ifndef USAGE_RENDER_ACTIVITY_TIMELINE_CHART_H_
#define USAGE_RENDER_ACTIVITY_TIMELINE_CHART_H_

#include "echo/usage/v1/usage_service.pb.h"
#include "render/page_canvas.h"
#include "render/report_context.h"

namespace usage::render {

// Periods up to this many days get day labels; longer ones get month labels.
inline constexpr int kMaxDaysWithDayLabels = 62;

// Draws the "Activity timeline" heading and, over every day of
// report.timeline.days, the cumulative conversations as a line on the left
// axis and each day's duration in hours as thin bars on a right-hand axis,
// with a legend. The x labels are days ("Mar 5") for periods up to
// kMaxDaysWithDayLabels days and months ("Mar 2026", thinned to whole years
// as space needs) for longer ones. Without conversations it draws a
// sentence instead. Moves canvas.y() below what it drew.
void DrawActivityTimelineChart(PageCanvas& canvas,
                               const echo::usage::v1::UsageReport& report,
                               const ReportContext& context);

}  // namespace usage::render

#endif  // USAGE_RENDER_ACTIVITY_TIMELINE_CHART_H_
