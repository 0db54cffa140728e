#include "render/figure_table.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "render/format.h"
#include "render/table.h"

namespace usage::render {
namespace {

// Shown in place of a missing value.
constexpr char kNone[] = "–";
// Upper estimates of the heading with the table header, and of a one-line
// row of 7.5 pt text with its padding, in points.
constexpr double kHeadingAndHeaderHeight = 48;
constexpr double kRowHeight = 15;

// The label gets the widest column. The numbers fit "12,345 h 59 min" at
// 7.5 pt.
std::vector<TableColumn> FigureColumns(bool with_previous) {
  std::vector<TableColumn> columns = {
      {"Figure", 200, CellAlignment::kStart},
      {"This period", 100, CellAlignment::kEnd},
  };
  if (with_previous) {
    columns.push_back({"Previous period", 100, CellAlignment::kEnd});
    columns.push_back({"Change", 80, CellAlignment::kEnd});
  }
  return columns;
}

}  // namespace

std::string FormatFigure(double value, FigureFormat format) {
  switch (format) {
    case FigureFormat::kDuration:
      return FormatDuration(value);
    case FigureFormat::kDecimal:
      return FormatDecimal(value, 1);
    case FigureFormat::kCount:
      break;
  }
  return std::isfinite(value) ? FormatCount(std::llround(value)) : kNone;
}

std::string ChangeText(double current, double previous) {
  if (!std::isfinite(current) || !std::isfinite(previous)) return kNone;
  if (previous == 0) return current > 0 ? "new" : kNone;
  const double percent = (current - previous) / std::fabs(previous) * 100;
  const std::string magnitude = FormatDecimal(std::fabs(percent), 1);
  if (magnitude == "0.0") return "0.0 %";
  return absl::StrCat(percent > 0 ? "+" : "-", magnitude, " %");
}

std::vector<std::string> FigureRowCells(const FigureRow& row,
                                        bool with_previous) {
  std::vector<std::string> cells = {row.label,
                                    FormatFigure(row.current, row.format)};
  if (!with_previous) return cells;
  if (!row.previous.has_value()) {
    cells.push_back(kNone);
    cells.push_back(kNone);
    return cells;
  }
  cells.push_back(FormatFigure(*row.previous, row.format));
  cells.push_back(ChangeText(row.current, *row.previous));
  return cells;
}

void DrawFigureTable(PageCanvas& canvas, const std::string& heading,
                     const std::vector<FigureRow>& rows, bool with_previous) {
  // Keeps a table that fits on one page together instead of leaving a few
  // rows at the bottom of a page.
  const double estimated_height =
      kHeadingAndHeaderHeight + kRowHeight * static_cast<double>(rows.size());
  if (estimated_height < canvas.geometry().content_height()) {
    canvas.EnsureSpace(estimated_height);
  }
  std::vector<std::vector<std::string>> cells;
  for (const FigureRow& row : rows) {
    cells.push_back(FigureRowCells(row, with_previous));
  }
  DrawTable(
      canvas, FigureColumns(with_previous), cells,
      TableOptions{.heading = heading,
                   .continued_heading = absl::StrCat(heading, " (continued)")});
}

}  // namespace usage::render
