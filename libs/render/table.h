// A table of plain-text cells that wraps long text inside its cells and
// breaks across pages between rows, repeating its header on every page.
#ifndef USAGE_RENDER_TABLE_H_
#define USAGE_RENDER_TABLE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "render/page_canvas.h"

namespace usage::render {

enum class CellAlignment {
  kStart,  // Text, aligned left.
  kEnd,    // Numbers, aligned right.
};

struct TableColumn {
  std::string title;
  // Relative width: each column gets share / (sum of shares) of the width.
  double share = 1;
  CellAlignment alignment = CellAlignment::kStart;
};

struct TableOptions {
  // Section heading drawn above the table, kept on one page with the header
  // and the first row. Empty draws nothing.
  std::string heading;
  // Drawn above the repeated header on each later page that the table
  // spans, such as "Projects (continued)". Empty draws nothing.
  std::string continued_heading;
  // Lines a cell keeps before its text is cut with an ellipsis. 30 lines of
  // 7.5 pt text take about 270 pt, well under the body of an A4 or Letter
  // page, so every row fits on one page. A 300-character URL takes 17 lines
  // in the 100 pt project column.
  int max_lines_per_cell = 30;
};

// Splits rows into pages. Every page starts with the header
// (`header_height` points). The first page has `first_page_space` points
// and takes no row when the header and its first row do not fit. Every
// later page has `page_space` points and takes at least one row, even one
// taller than the page. Returns the number of rows on each page in order,
// or an empty vector when `row_heights` is empty.
std::vector<size_t> PlanRowPages(const std::vector<double>& row_heights,
                                 double header_height, double first_page_space,
                                 double page_space);

// Draws a table from canvas.y() down, one row per element of `rows`, each
// with one cell per column. Missing cells are empty. Rows are never split
// between pages. A table without rows draws only its heading and header.
void DrawTable(PageCanvas& canvas, const std::vector<TableColumn>& columns,
               const std::vector<std::vector<std::string>>& rows,
               const TableOptions& options);

}  // namespace usage::render

#endif  // USAGE_RENDER_TABLE_H_
