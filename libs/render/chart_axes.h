// Pieces that every chart of the PDF shares: value axes with "nice" ticks,
// a plot frame with gridlines and axis labels, x labels thinned so that they
// never overlap, a legend row, and the sentence drawn instead of an empty
// chart. Everything is drawn as vector paths and text, never as bitmaps.
#ifndef USAGE_RENDER_CHART_AXES_H_
#define USAGE_RENDER_CHART_AXES_H_

#include <cairo.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"
#include "render/page_canvas.h"
#include "render/style.h"

namespace usage::render {

// What the values of an axis are, which decides how its labels read.
enum class AxisFormat {
  kCount,  // Whole numbers: "0", "1,200", "15k", "1.5M".
  kHours,  // Durations in hours: "0 h", "0.5 h", "12 h".
};

// Returns tick values from 0 (or below, when `low` is negative) up to at
// least `high`, evenly spaced by a step of 1, 2 or 5 times a power of ten,
// at most `max_ticks` of them (at least 2). With `whole_numbers` the step is
// at least 1. An empty range, such as 0..0, gives {0, 1}. Examples: 0..7
// gives 0, 2, 4, 6, 8 and 0..1234 gives 0, 500, 1000, 1500.
std::vector<double> NiceTicks(double low, double high, bool whole_numbers,
                              int max_ticks = 6);

// Returns the label of each tick. The step between the first two ticks sets
// the decimals of kHours labels.
std::vector<std::string> TickLabels(const std::vector<double>& ticks,
                                    AxisFormat format);

// Returns the indices of the x labels to draw. A label i is a candidate when
// keys[i] is a multiple of the stride; the smallest stride of `strides`
// (tried in order, then doubled) is taken for which no two drawn labels,
// centred at centers[i] and widths[i] wide, come closer than `min_gap`
// points. `centers` must be ascending. When no key is a multiple of the
// stride, the first label alone is drawn.
std::vector<int> ThinLabels(const std::vector<double>& centers,
                            const std::vector<double>& widths,
                            const std::vector<int64_t>& keys,
                            const std::vector<int>& strides, double min_gap);

// Parses "YYYY-MM-DD" (a DailyActivity date); nullopt when it is not one.
std::optional<absl::CivilDay> ParseDay(std::string_view date);

// Parses "YYYY-MM" (a MonthlyActivity month); nullopt when it is not one.
std::optional<absl::CivilMonth> ParseMonth(std::string_view month);

// Returns the month as "Mar 2026".
std::string MonthLabel(absl::CivilMonth month);

// Returns the day as "Mar 5".
std::string DayLabel(absl::CivilDay day);

// Returns year * 12 + month - 1, a key whose multiples of 12 are Januaries,
// for thinning month labels.
int64_t MonthKey(absl::CivilMonth month);

// Strides for month labels: every month, 2, 3, 6 months, then whole years.
inline const std::vector<int> kMonthStrides = {1, 2, 3, 6, 12, 24, 60, 120};

// A value axis: its ticks, the first at the bottom, and their labels.
struct ValueAxis {
  std::vector<double> ticks;
  AxisFormat format = AxisFormat::kCount;

  double min() const { return ticks.front(); }
  double max() const { return ticks.back(); }
};

// Returns the axis from 0 to `max_value`, with NiceTicks.
ValueAxis MakeValueAxis(double max_value, AxisFormat format);

// A label under the x axis, centred at `center` points from the page's left.
struct XLabel {
  std::string text;
  double center = 0;
  // Labels are thinned by multiples of this key; see ThinLabels.
  int64_t key = 0;
};

// The rectangle of a plot and the axes around it. The constructor measures
// the tick labels and places the plot inside the box (left, top, width,
// height), leaving room for the left labels, for the right labels when there
// is a right axis, and for one row of x labels below.
class PlotFrame {
 public:
  PlotFrame(cairo_t* cr, double left, double top, double width, double height,
            ValueAxis left_axis, std::optional<ValueAxis> right_axis);

  double plot_left() const { return plot_left_; }
  double plot_right() const { return plot_right_; }
  double plot_top() const { return plot_top_; }
  double plot_bottom() const { return plot_bottom_; }
  double plot_width() const { return plot_right_ - plot_left_; }

  // Returns the y of `value` on the left (right) axis, in points.
  double LeftY(double value) const;
  double RightY(double value) const;

  // Returns the centre of slot `index` of `count` equal slots across the
  // plot.
  double SlotCenter(int index, int count) const;
  double SlotWidth(int count) const { return plot_width() / count; }

  // Draws the gridlines of the left axis, the base line and the tick labels
  // of both axes.
  void DrawAxes() const;

  // Draws the labels that ThinLabels keeps, below the plot. Labels that
  // would stick out past the plot's left or right edge, under the tick
  // labels, are moved inside first.
  void DrawXLabels(const std::vector<XLabel>& labels,
                   const std::vector<int>& strides) const;

 private:
  cairo_t* cr_;
  double box_left_;
  double box_right_;
  ValueAxis left_axis_;
  std::optional<ValueAxis> right_axis_;
  double plot_left_ = 0;
  double plot_right_ = 0;
  double plot_top_ = 0;
  double plot_bottom_ = 0;
};

// The shape of a legend key: the mark drawn for its series.
enum class LegendShape { kBox, kLine };

struct LegendKey {
  std::string label;
  Color color;
  LegendShape shape = LegendShape::kBox;
};

// Draws `keys` in one row from (x, y) and returns the legend's height. Keys
// that do not fit in `width` continue on a further row.
double DrawLegend(cairo_t* cr, double x, double y, double width,
                  const std::vector<LegendKey>& keys);

// Returns the height DrawLegend would return, without drawing.
double LegendHeight(cairo_t* cr, double width,
                    const std::vector<LegendKey>& keys);

// Fills the rectangle between x and x + width, from y_top to y_bottom.
void FillBar(cairo_t* cr, double x, double width, double y_top, double y_bottom,
             Color color);

// Strokes a line through the points (xs[i], ys[i]), with a dot on each
// point when there are more than two and they are at least 8 pt apart.
void DrawSeriesLine(cairo_t* cr, const std::vector<double>& xs,
                    const std::vector<double>& ys, Color color);

// Draws `heading` and the legend below it, on the same page as the
// `plot_height` points that follow, and moves canvas.y() to the top of the
// plot.
void DrawChartHeader(PageCanvas& canvas, std::string_view heading,
                     const std::vector<LegendKey>& legend, double plot_height);

// Draws `heading` and, below it, `sentence` in the muted colour, for a chart
// that has no data.
void DrawNoDataSection(PageCanvas& canvas, std::string_view heading,
                       std::string_view sentence);

// Font size of axis labels and legends, in points.
inline constexpr double kChartLabelSize = 7.5;
// Space below a chart before the next section, in points.
inline constexpr double kChartGapBelow = kSectionGap;

}  // namespace usage::render

#endif  // USAGE_RENDER_CHART_AXES_H_
