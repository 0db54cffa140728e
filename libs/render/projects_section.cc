#include "render/projects_section.h"

#include "absl/strings/str_cat.h"
#include "render/bidi.h"
#include "render/blocks.h"
#include "render/format.h"
#include "render/style.h"
#include "render/table.h"
#include "render/text.h"

namespace usage::render {
namespace {

// Shown in place of a missing value.
constexpr char kNone[] = "–";

// Shares are the column widths in points on A4 (505 pt of body width): the
// dates, durations and header words at 7.5 pt fit on one line, and the
// free text gets the rest.
std::vector<TableColumn> ProjectColumns() {
  return {
      {"Project", 100, CellAlignment::kStart},
      {"Owner", 64, CellAlignment::kStart},
      {"Tags", 50, CellAlignment::kStart},
      {"Conversations", 58, CellAlignment::kEnd},
      {"Duration", 54, CellAlignment::kEnd},
      {"Chat sessions", 42, CellAlignment::kEnd},
      {"Messages", 44, CellAlignment::kEnd},
      {"Created", 54, CellAlignment::kStart},
      {"Status", 39, CellAlignment::kStart},
  };
}

std::string StatusText(echo::usage::v1::ProjectStatus status) {
  switch (status) {
    case echo::usage::v1::PROJECT_STATUS_ACTIVE:
      return "Active";
    case echo::usage::v1::PROJECT_STATUS_PAUSED:
      return "Paused";
    default:
      return kNone;
  }
}

}  // namespace

std::vector<std::string> ProjectCells(
    const echo::usage::v1::ProjectRow& project, const ReportContext& context) {
  return {
      project.name().empty() ? std::string("(no name)") : project.name(),
      project.owner(),
      JoinIsolated(project.tags(), ", "),
      FormatCount(project.conversations()),
      FormatDuration(project.duration_seconds()),
      FormatCount(project.chat_sessions()),
      FormatCount(project.messages()),
      project.has_created_at()
          ? FormatDate(ToAbslTime(project.created_at()), context.zone)
          : kNone,
      StatusText(project.status()),
  };
}

void DrawProjectsSection(PageCanvas& canvas,
                         const echo::usage::v1::UsageReport& report,
                         const ReportContext& context) {
  const std::string heading =
      absl::StrCat("Projects (", FormatCount(report.projects_size()), ")");
  if (report.projects().empty()) {
    LayoutPtr none =
        CreateTextLayout(canvas.cr(), "The selected users own no projects.",
                         TextStyle{.size = kBodySize}, canvas.width());
    DrawHeading(canvas, heading, LayoutHeight(none.get()));
    DrawBlock(canvas, none.get(), kMuted);
    canvas.MoveDown(kSectionGap);
    return;
  }

  std::vector<std::vector<std::string>> rows;
  for (const echo::usage::v1::ProjectRow& project : report.projects()) {
    rows.push_back(ProjectCells(project, context));
  }
  DrawTable(canvas, ProjectColumns(), rows,
            TableOptions{.heading = heading,
                         .continued_heading = "Projects (continued)"});
  canvas.MoveDown(kSectionGap);
}

}  // namespace usage::render
