// The insights: rule findings, the AI model's narrative and the insight
// status.
#ifndef USAGE_RENDER_INSIGHTS_SECTION_H_
#define USAGE_RENDER_INSIGHTS_SECTION_H_

#include <string>

#include "echo/usage/v1/usage_service.pb.h"
#include "render/page_canvas.h"

namespace usage::render {

// Returns the severity in words, such as "Warning".
std::string SeverityText(echo::usage::v1::FindingSeverity severity);

// Returns a supporting figure as "Label: value unit", such as
// "Days since last activity: 45 days" or "Share: 82.5 %". Whole values
// have no decimals, others one.
std::string FindingFigureText(const echo::usage::v1::FindingFigure& figure);

// Returns Pango markup for `finding`: the title in bold, then a muted line
// with the severity and the supporting figures. Every text is escaped.
std::string FindingMarkup(const echo::usage::v1::Finding& finding);

// Returns the insight status in words, with provenance.insight_status_detail
// and, for UNVERIFIED, the unverified numbers appended.
std::string InsightStatusText(const echo::usage::v1::UsageReport& report);

// Draws the "Insights" heading, one item per finding with a colored
// severity marker (or a line saying there are none), the narrative when the
// report has one, and the insight status.
void DrawInsightsSection(PageCanvas& canvas,
                         const echo::usage::v1::UsageReport& report);

}  // namespace usage::render

#endif  // USAGE_RENDER_INSIGHTS_SECTION_H_
