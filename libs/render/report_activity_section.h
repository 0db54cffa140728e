// The reports that the users created in ECHO during the period.
#ifndef USAGE_RENDER_REPORT_ACTIVITY_SECTION_H_
#define USAGE_RENDER_REPORT_ACTIVITY_SECTION_H_

#include <vector>

#include "echo/usage/v1/usage_service.pb.h"
#include "render/figure_table.h"
#include "render/page_canvas.h"

namespace usage::render {

// Returns rows for reports created, published and with an error, then one
// row per status ("Status: draft"). Previous values are set when the report
// has a previous period; a status missing there counts as 0.
std::vector<FigureRow> ReportActivityRows(
    const echo::usage::v1::UsageReport& report);

// Draws the "Report activity" table.
void DrawReportActivitySection(PageCanvas& canvas,
                               const echo::usage::v1::UsageReport& report);

}  // namespace usage::render

#endif  // USAGE_RENDER_REPORT_ACTIVITY_SECTION_H_
