#include "render/report_document.h"

#include "render/notes_section.h"
#include "render/projects_section.h"
#include "render/summary_figures.h"
#include "render/title_block.h"

namespace usage::render {

void DrawReport(PageCanvas& canvas, const echo::usage::v1::UsageReport& report,
                const ReportContext& context) {
  // Page 1, at a glance.
  DrawTitleBlock(canvas, report, context);
  DrawSummaryFigures(canvas, report, context);
  // @section executive-summary

  // Trends over time, from a new page.
  // @section monthly-trends-chart
  // @section daily-engagement-chart

  // Detailed analytics.
  // @section conversation-and-chat-tables
  // @section word-cloud
  // @section top-keywords
  // @section login-activity-chart
  // @section top-users
  DrawProjectsSection(canvas, report, context);
  // @section report-activity
  // @section activity-timeline-chart
  // @section feature-adoption-chart
  DrawDataQualitySection(canvas, report);
  // @section insights
}

}  // namespace usage::render
