#include "render/report_activity_section.h"

#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "render/style.h"

namespace usage::render {
namespace {

using ::echo::usage::v1::ReportMetrics;
using ::echo::usage::v1::UsageReport;

int64_t CountOfStatus(const ReportMetrics& metrics, const std::string& status) {
  for (const echo::usage::v1::ReportStatusCount& count : metrics.by_status()) {
    if (count.status() == status) return count.count();
  }
  return 0;
}

std::string StatusLabel(const std::string& status) {
  return absl::StrCat("Status: ", status.empty() ? "(none)" : status);
}

}  // namespace

std::vector<FigureRow> ReportActivityRows(const UsageReport& report) {
  const ReportMetrics& current = report.metrics().reports();
  const ReportMetrics* previous = report.has_previous_metrics()
                                      ? &report.previous_metrics().reports()
                                      : nullptr;
  auto previous_value = [&](int64_t value) -> std::optional<double> {
    if (previous == nullptr) return std::nullopt;
    return static_cast<double>(value);
  };

  std::vector<FigureRow> rows = {
      {"Reports created", static_cast<double>(current.created()),
       previous_value(previous ? previous->created() : 0)},
      {"Published", static_cast<double>(current.published()),
       previous_value(previous ? previous->published() : 0)},
      {"With an error", static_cast<double>(current.error()),
       previous_value(previous ? previous->error() : 0)},
  };
  for (const echo::usage::v1::ReportStatusCount& count : current.by_status()) {
    rows.push_back(FigureRow{
        StatusLabel(count.status()), static_cast<double>(count.count()),
        previous_value(previous ? CountOfStatus(*previous, count.status())
                                : 0)});
  }
  return rows;
}

void DrawReportActivitySection(PageCanvas& canvas, const UsageReport& report) {
  DrawFigureTable(canvas, "Report activity", ReportActivityRows(report),
                  report.has_previous_metrics());
  canvas.MoveDown(kSectionGap);
}

}  // namespace usage::render
