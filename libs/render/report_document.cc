#include "render/report_document.h"

#include "render/notes_section.h"
#include "render/projects_section.h"
#include "render/summary_figures.h"
#include "render/title_block.h"

namespace usage::render {

void DrawReport(PageCanvas& canvas, const echo::usage::v1::UsageReport& report,
                const ReportContext& context) {
  DrawTitleBlock(canvas, report, context);
  DrawSummaryFigures(canvas, report, context);
  // TODO: draw the monthly trend, daily engagement and login activity charts
  // here; the report has no chart sections yet.
  DrawProjectsSection(canvas, report, context);
  DrawDataQualitySection(canvas, report);
}

}  // namespace usage::render
