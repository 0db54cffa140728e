// The projects table: one row per owned project with its figures.
#ifndef USAGE_RENDER_PROJECTS_SECTION_H_
#define USAGE_RENDER_PROJECTS_SECTION_H_

#include <string>
#include <vector>

#include "echo/usage/v1/usage_service.pb.h"
#include "render/page_canvas.h"
#include "render/report_context.h"

namespace usage::render {

// Returns the cells of one table row: name, owner, tags, conversations,
// duration, chat sessions, messages, created date and status.
std::vector<std::string> ProjectCells(
    const echo::usage::v1::ProjectRow& project, const ReportContext& context);

// Draws the "Projects (N)" heading and the table, which continues on as
// many pages as it needs.
void DrawProjectsSection(PageCanvas& canvas,
                         const echo::usage::v1::UsageReport& report,
                         const ReportContext& context);

}  // namespace usage::render

#endif  // USAGE_RENDER_PROJECTS_SECTION_H_
