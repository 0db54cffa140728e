// The feature adoption chart: how much of each platform feature the account
// uses.
#ifndef USAGE_RENDER_FEATURE_ADOPTION_CHART_H_
#define USAGE_RENDER_FEATURE_ADOPTION_CHART_H_

#include "echo/usage/v1/usage_service.pb.h"
#include "render/page_canvas.h"
#include "render/report_context.h"

namespace usage::render {

// Draws the "Feature adoption" heading and one horizontal bar each for
// conversations, chat messages, reports and tags from report.features,
// scaled to the largest count, each labelled with its count and "in use" or
// "not used". When no feature is used it draws a sentence instead. Moves
// canvas.y() below what it drew.
void DrawFeatureAdoptionChart(PageCanvas& canvas,
                              const echo::usage::v1::UsageReport& report,
                              const ReportContext& context);

}  // namespace usage::render

#endif  // USAGE_RENDER_FEATURE_ADOPTION_CHART_H_
