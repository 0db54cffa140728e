#include "render/table.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "render/blocks.h"
#include "render/style.h"
#include "render/text.h"

namespace usage::render {
namespace {

constexpr double kCellPaddingX = 4;
constexpr double kCellPaddingY = 3.5;
constexpr double kHeaderRuleWidth = 0.8;
constexpr double kRowRuleWidth = 0.4;

struct ColumnBox {
  double x = 0;
  double width = 0;
  CellAlignment alignment = CellAlignment::kStart;
};

// A laid-out cell text with its height in points.
struct CellLayout {
  LayoutPtr layout;
  double height = 0;
};

// The layouts of one table's cells, one per column and distinct text.
// Counts, dates, owners and statuses repeat from row to row, and laying out
// (shaping) text is most of the time that a long table takes to draw.
class CellLayouts {
 public:
  explicit CellLayouts(size_t columns) : columns_(columns) {}

  // Returns the layout of `text` in column `column`, created on first use.
  const CellLayout& Get(cairo_t* cr, size_t column, const std::string& text,
                        const TextStyle& style, double width) {
    auto [it, inserted] = columns_[column].try_emplace(text);
    if (inserted) {
      it->second.layout = CreateTextLayout(cr, text, style, width);
      it->second.height = LayoutHeight(it->second.layout.get());
    }
    return it->second;
  }

 private:
  std::vector<std::unordered_map<std::string, CellLayout>> columns_;
};

// A row whose cells are laid out, so its height is known before drawing.
// The layouts belong to a CellLayouts.
struct MeasuredRow {
  std::vector<PangoLayout*> cells;
  double height = 0;
};

std::vector<ColumnBox> PlaceColumns(const std::vector<TableColumn>& columns,
                                    double left, double width) {
  const double total_share = std::accumulate(
      columns.begin(), columns.end(), 0.0,
      [](double sum, const TableColumn& column) { return sum + column.share; });
  std::vector<ColumnBox> boxes;
  double x = left;
  for (const TableColumn& column : columns) {
    const double column_width = width * column.share / total_share;
    boxes.push_back(ColumnBox{x, column_width, column.alignment});
    x += column_width;
  }
  return boxes;
}

MeasuredRow MeasureRow(cairo_t* cr, const std::vector<ColumnBox>& boxes,
                       const std::vector<std::string>& texts, TextStyle style,
                       CellLayouts& layouts) {
  MeasuredRow row;
  double tallest = 0;
  for (size_t i = 0; i < boxes.size(); ++i) {
    style.alignment = boxes[i].alignment == CellAlignment::kEnd
                          ? PANGO_ALIGN_RIGHT
                          : PANGO_ALIGN_LEFT;
    const std::string empty;
    const std::string& text = i < texts.size() ? texts[i] : empty;
    const CellLayout& cell =
        layouts.Get(cr, i, text, style, boxes[i].width - 2 * kCellPaddingX);
    row.cells.push_back(cell.layout.get());
    tallest = std::max(tallest, cell.height);
  }
  row.height = tallest + 2 * kCellPaddingY;
  return row;
}

void DrawRule(cairo_t* cr, double x, double y, double width, double line_width,
              Color color) {
  cairo_save(cr);
  cairo_set_source_rgb(cr, color.red, color.green, color.blue);
  cairo_set_line_width(cr, line_width);
  cairo_move_to(cr, x, y);
  cairo_line_to(cr, x + width, y);
  cairo_stroke(cr);
  cairo_restore(cr);
}

enum class VerticalAlignment { kTop, kBottom };

void DrawCells(PageCanvas& canvas, const std::vector<ColumnBox>& boxes,
               const MeasuredRow& row, Color color,
               VerticalAlignment alignment) {
  const double content_height = row.height - 2 * kCellPaddingY;
  for (size_t i = 0; i < boxes.size(); ++i) {
    PangoLayout* cell = row.cells[i];
    const double offset = alignment == VerticalAlignment::kBottom
                              ? content_height - LayoutHeight(cell)
                              : 0;
    DrawLayout(canvas.cr(), cell, boxes[i].x + kCellPaddingX,
               canvas.y() + kCellPaddingY + offset, color);
  }
}

void DrawHeader(PageCanvas& canvas, const std::vector<ColumnBox>& boxes,
                const MeasuredRow& header) {
  cairo_t* cr = canvas.cr();
  cairo_save(cr);
  cairo_set_source_rgb(cr, kPanel.red, kPanel.green, kPanel.blue);
  cairo_rectangle(cr, canvas.left(), canvas.y(), canvas.width(), header.height);
  cairo_fill(cr);
  cairo_restore(cr);

  // Header words share a baseline when some titles wrap to two lines.
  DrawCells(canvas, boxes, header, kMuted, VerticalAlignment::kBottom);
  canvas.MoveDown(header.height);
  DrawRule(cr, canvas.left(), canvas.y(), canvas.width(), kHeaderRuleWidth,
           kMuted);
}

// The header and body rows with every cell laid out.
struct LaidOutTable {
  explicit LaidOutTable(size_t columns)
      : header_layouts(columns), body_layouts(columns) {}

  CellLayouts header_layouts;
  CellLayouts body_layouts;
  MeasuredRow header;
  std::vector<MeasuredRow> body;
  std::vector<double> body_heights;
};

LaidOutTable LayOutTable(cairo_t* cr, const std::vector<ColumnBox>& boxes,
                         const std::vector<TableColumn>& columns,
                         const std::vector<std::vector<std::string>>& rows,
                         int max_lines_per_cell) {
  LaidOutTable table(columns.size());
  std::vector<std::string> titles;
  for (const TableColumn& column : columns) titles.push_back(column.title);
  table.header =
      MeasureRow(cr, boxes, titles, TextStyle{.size = kTableHeaderSize},
                 table.header_layouts);

  const TextStyle cell_style{.size = kSmallSize,
                             .max_lines = max_lines_per_cell};
  for (const std::vector<std::string>& texts : rows) {
    table.body.push_back(
        MeasureRow(cr, boxes, texts, cell_style, table.body_layouts));
    table.body_heights.push_back(table.body.back().height);
  }
  return table;
}

void DrawBodyRow(PageCanvas& canvas, const std::vector<ColumnBox>& boxes,
                 const MeasuredRow& row) {
  DrawCells(canvas, boxes, row, kInk, VerticalAlignment::kTop);
  canvas.MoveDown(row.height);
  DrawRule(canvas.cr(), canvas.left(), canvas.y(), canvas.width(),
           kRowRuleWidth, kHairline);
}

}  // namespace

std::vector<size_t> PlanRowPages(const std::vector<double>& row_heights,
                                 double header_height, double first_page_space,
                                 double page_space) {
  std::vector<size_t> pages;
  if (row_heights.empty()) return pages;

  pages.push_back(0);
  double used = header_height;
  double space = first_page_space;
  for (double height : row_heights) {
    const bool page_has_rows = pages.back() > 0;
    const bool fits = used + height <= space;
    // A later page that is still empty takes the row even when it is too
    // tall, because no page would have room for it.
    const bool first_page = pages.size() == 1;
    if (!fits && (page_has_rows || first_page)) {
      pages.push_back(0);
      used = header_height;
      space = page_space;
    }
    ++pages.back();
    used += height;
  }
  return pages;
}

void DrawTable(PageCanvas& canvas, const std::vector<TableColumn>& columns,
               const std::vector<std::vector<std::string>>& rows,
               const TableOptions& options) {
  cairo_t* cr = canvas.cr();
  const std::vector<ColumnBox> boxes =
      PlaceColumns(columns, canvas.left(), canvas.width());

  // Lay out every cell first, so the page breaks are known before drawing.
  const LaidOutTable table =
      LayOutTable(cr, boxes, columns, rows, options.max_lines_per_cell);

  const Heading heading(cr, options.heading, canvas.width());
  const Heading continued(cr, options.continued_heading, canvas.width());
  const double heading_height = options.heading.empty() ? 0 : heading.height();
  const double continued_height =
      options.continued_heading.empty() ? 0 : continued.height();

  if (table.body.empty()) {
    canvas.EnsureSpace(heading_height + table.header.height);
    if (!options.heading.empty()) heading.Draw(canvas);
    DrawHeader(canvas, boxes, table.header);
    return;
  }

  // When the first page has no room for the first row, the table starts on
  // the next page under its own heading, so later pages leave room for the
  // taller of the two headings.
  const std::vector<size_t> plan =
      PlanRowPages(table.body_heights, table.header.height,
                   canvas.remaining() - heading_height,
                   canvas.geometry().content_height() -
                       std::max(heading_height, continued_height));
  size_t next_row = 0;
  for (size_t page = 0; page < plan.size(); ++page) {
    if (page > 0) canvas.NewPage();
    if (plan[page] == 0) continue;

    const bool first_rows = next_row == 0;
    if (first_rows && !options.heading.empty()) heading.Draw(canvas);
    if (!first_rows && !options.continued_heading.empty()) {
      continued.Draw(canvas);
    }
    DrawHeader(canvas, boxes, table.header);
    for (size_t i = 0; i < plan[page]; ++i) {
      DrawBodyRow(canvas, boxes, table.body[next_row++]);
    }
  }
}

}  // namespace usage::render
