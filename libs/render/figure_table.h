// A table of figures of the period, each beside the previous period's value
// and the change between them.
#ifndef USAGE_RENDER_FIGURE_TABLE_H_
#define USAGE_RENDER_FIGURE_TABLE_H_

#include <optional>
#include <string>
#include <vector>

#include "render/page_canvas.h"

namespace usage::render {

enum class FigureFormat {
  kCount,     // Rounded to a whole number: "1,234".
  kDuration,  // Seconds shown as hours and minutes: "2 h 05 min".
  kDecimal,   // One digit after the point: "3.5".
};

struct FigureRow {
  // Plain text, such as "Conversations".
  std::string label;
  double current = 0;
  // The previous period's value, or nullopt when there is none.
  std::optional<double> previous;
  FigureFormat format = FigureFormat::kCount;
};

// Formats `value` in the given `format`.
std::string FormatFigure(double value, FigureFormat format);

// Returns the change from `previous` to `current` as a signed percent with
// one decimal, such as "+12.5 %" or "-8.0 %". When `previous` is 0 the
// percent is undefined, so it returns "new" when `current` is above 0 and
// "–" otherwise.
std::string ChangeText(double current, double previous);

// Returns the cells of `row`: label, current value, and when
// `with_previous` is true the previous value and the change ("–" for both
// when the row has no previous value).
std::vector<std::string> FigureRowCells(const FigureRow& row,
                                        bool with_previous);

// Draws `rows` as a table under `heading`, with the previous period's
// columns when `with_previous` is true. Rows are never split between pages,
// and a table that fits on one page starts on a new page rather than
// breaking.
void DrawFigureTable(PageCanvas& canvas, const std::string& heading,
                     const std::vector<FigureRow>& rows, bool with_previous);

}  // namespace usage::render

#endif  // USAGE_RENDER_FIGURE_TABLE_H_
