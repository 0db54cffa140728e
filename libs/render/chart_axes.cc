#include "render/chart_axes.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/strings/str_cat.h"
#include "render/blocks.h"
#include "render/format.h"
#include "render/text.h"

namespace usage::render {
namespace {

// Gap between tick labels and the plot, in points.
constexpr double kTickLabelGap = 4;
// Height of the row of x labels below the plot, its gap included.
constexpr double kXLabelRow = 14;
// Room above the plot, so that the top tick label, centred on the top
// gridline, stays inside the box.
constexpr double kTopPadding = 5;
// Wide enough for any single-line label.
constexpr double kUnboundedWidth = 1000;
constexpr double kLegendSwatch = 9;
constexpr double kLegendKeyGap = 14;
constexpr double kLegendRowHeight = 12;
constexpr double kLegendGapBelow = 6;
// Points drawn closer together than this get no dots.
constexpr double kMinDotSpacing = 8;
constexpr size_t kDenseSeries = 60;

constexpr const char* kMonthNames[] = {"Jan", "Feb", "Mar", "Apr",
                                       "May", "Jun", "Jul", "Aug",
                                       "Sep", "Oct", "Nov", "Dec"};

const TextStyle kLabelStyle{.size = kChartLabelSize};

LayoutPtr LabelLayout(cairo_t* cr, std::string_view text) {
  return CreateTextLayout(cr, text, kLabelStyle, kUnboundedWidth);
}

double MaxLabelWidth(cairo_t* cr, const std::vector<std::string>& labels) {
  double widest = 0;
  for (const std::string& label : labels) {
    widest = std::max(widest, LayoutWidth(LabelLayout(cr, label).get()));
  }
  return widest;
}

// Returns a step of 1, 2 or 5 times a power of ten, at least `raw_step`.
double NiceStep(double raw_step) {
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw_step)));
  for (double factor : {1.0, 2.0, 5.0, 10.0}) {
    // The tolerance keeps 0.2 / 0.1 from rounding up to the next factor.
    if (factor * magnitude >= raw_step * (1 - 1e-9)) return factor * magnitude;
  }
  return 10 * magnitude;
}

// Formats a count, writing large values in thousands or millions with at
// most one decimal.
std::string CountLabel(double value) {
  const double magnitude = std::abs(value);
  if (magnitude >= 1e6) {
    return absl::StrCat(
        FormatDecimal(value / 1e6, std::fmod(value, 1e6) == 0 ? 0 : 1), "M");
  }
  if (magnitude >= 1e4) {
    return absl::StrCat(
        FormatDecimal(value / 1e3, std::fmod(value, 1e3) == 0 ? 0 : 1), "k");
  }
  return FormatCount(std::llround(value));
}

// Returns the number of decimals that show every multiple of `step`.
int DecimalsForStep(double step) {
  if (step <= 0 || step >= 1) return 0;
  return static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
}

bool DrawnLabelsOverlap(const std::vector<double>& centers,
                        const std::vector<double>& widths,
                        const std::vector<int>& drawn, double min_gap) {
  for (size_t k = 1; k < drawn.size(); ++k) {
    const int a = drawn[k - 1];
    const int b = drawn[k];
    const double right_of_a = centers[a] + widths[a] / 2;
    const double left_of_b = centers[b] - widths[b] / 2;
    if (left_of_b - right_of_a < min_gap) return true;
  }
  return false;
}

std::vector<int> LabelsAtStride(const std::vector<int64_t>& keys,
                                int64_t stride) {
  std::vector<int> drawn;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] % stride == 0) drawn.push_back(static_cast<int>(i));
  }
  return drawn;
}

}  // namespace

std::vector<double> NiceTicks(double low, double high, bool whole_numbers,
                              int max_ticks) {
  low = std::min(low, 0.0);
  high = std::max(high, 0.0);
  max_ticks = std::max(max_ticks, 2);
  if (!std::isfinite(low) || !std::isfinite(high) || high - low <= 0) {
    return {0, 1};
  }

  double step = NiceStep((high - low) / (max_ticks - 1));
  if (whole_numbers) step = std::max(step, 1.0);
  // The range may not start and end on multiples of the step, so one more
  // interval can be needed; then the next larger step is taken.
  while (std::ceil(high / step - 1e-9) - std::floor(low / step + 1e-9) + 1 >
         max_ticks) {
    step = NiceStep(step * 1.5);
  }

  std::vector<double> ticks;
  const int64_t first = std::llround(std::floor(low / step + 1e-9));
  const int64_t last = std::llround(std::ceil(high / step - 1e-9));
  for (int64_t i = first; i <= last; ++i) ticks.push_back(i * step);
  return ticks;
}

std::vector<std::string> TickLabels(const std::vector<double>& ticks,
                                    AxisFormat format) {
  const double step = ticks.size() >= 2 ? ticks[1] - ticks[0] : 1;
  std::vector<std::string> labels;
  for (double tick : ticks) {
    if (format == AxisFormat::kHours && tick == 0) {
      labels.push_back("0 h");
    } else if (format == AxisFormat::kHours) {
      labels.push_back(
          absl::StrCat(FormatDecimal(tick, DecimalsForStep(step)), " h"));
    } else {
      labels.push_back(CountLabel(tick));
    }
  }
  return labels;
}

std::vector<int> ThinLabels(const std::vector<double>& centers,
                            const std::vector<double>& widths,
                            const std::vector<int64_t>& keys,
                            const std::vector<int>& strides, double min_gap) {
  if (keys.empty()) return {};
  std::vector<int64_t> candidates(strides.begin(), strides.end());
  if (candidates.empty()) candidates.push_back(1);
  // Doubling the largest stride ends once at most one label is left, which
  // can never overlap.
  const auto span = static_cast<int64_t>(keys.size()) + 1;
  while (candidates.back() <=
         2 * span + std::abs(keys.front()) + std::abs(keys.back())) {
    candidates.push_back(candidates.back() * 2);
  }

  for (int64_t stride : candidates) {
    if (stride <= 0) continue;
    std::vector<int> drawn = LabelsAtStride(keys, stride);
    if (drawn.empty()) return {0};
    if (!DrawnLabelsOverlap(centers, widths, drawn, min_gap)) return drawn;
  }
  return {0};
}

std::optional<absl::CivilDay> ParseDay(std::string_view date) {
  absl::CivilDay day;
  if (!absl::ParseCivilTime(absl::string_view(date.data(), date.size()),
                            &day)) {
    return std::nullopt;
  }
  return day;
}

std::optional<absl::CivilMonth> ParseMonth(std::string_view month) {
  absl::CivilMonth parsed;
  if (!absl::ParseCivilTime(absl::string_view(month.data(), month.size()),
                            &parsed)) {
    return std::nullopt;
  }
  return parsed;
}

std::string MonthLabel(absl::CivilMonth month) {
  return absl::StrCat(kMonthNames[month.month() - 1], " ", month.year());
}

std::string DayLabel(absl::CivilDay day) {
  return absl::StrCat(kMonthNames[day.month() - 1], " ", day.day());
}

int64_t MonthKey(absl::CivilMonth month) {
  return month.year() * 12 + month.month() - 1;
}

ValueAxis MakeValueAxis(double max_value, AxisFormat format) {
  return ValueAxis{
      .ticks = NiceTicks(0, max_value, format == AxisFormat::kCount),
      .format = format};
}

PlotFrame::PlotFrame(cairo_t* cr, double left, double top, double width,
                     double height, ValueAxis left_axis,
                     std::optional<ValueAxis> right_axis)
    : cr_(cr),
      box_left_(left),
      box_right_(left + width),
      left_axis_(std::move(left_axis)),
      right_axis_(std::move(right_axis)) {
  const double left_labels =
      MaxLabelWidth(cr, TickLabels(left_axis_.ticks, left_axis_.format));
  plot_left_ = left + left_labels + kTickLabelGap;
  plot_right_ = box_right_;
  if (right_axis_.has_value()) {
    plot_right_ -=
        MaxLabelWidth(cr, TickLabels(right_axis_->ticks, right_axis_->format)) +
        kTickLabelGap;
  }
  plot_top_ = top + kTopPadding;
  plot_bottom_ = top + height - kXLabelRow;
}

double PlotFrame::LeftY(double value) const {
  const double share =
      (value - left_axis_.min()) / (left_axis_.max() - left_axis_.min());
  return plot_bottom_ - share * (plot_bottom_ - plot_top_);
}

double PlotFrame::RightY(double value) const {
  if (!right_axis_.has_value()) return LeftY(value);
  const double share =
      (value - right_axis_->min()) / (right_axis_->max() - right_axis_->min());
  return plot_bottom_ - share * (plot_bottom_ - plot_top_);
}

double PlotFrame::SlotCenter(int index, int count) const {
  return plot_left_ + (index + 0.5) * SlotWidth(count);
}

void PlotFrame::DrawAxes() const {
  cairo_save(cr_);
  cairo_set_line_width(cr_, 0.5);
  const std::vector<std::string> left_labels =
      TickLabels(left_axis_.ticks, left_axis_.format);
  for (size_t i = 0; i < left_axis_.ticks.size(); ++i) {
    const double y = LeftY(left_axis_.ticks[i]);
    const Color line = left_axis_.ticks[i] == 0 ? kRule : kHairline;
    cairo_set_source_rgb(cr_, line.red, line.green, line.blue);
    cairo_move_to(cr_, plot_left_, y);
    cairo_line_to(cr_, plot_right_, y);
    cairo_stroke(cr_);

    LayoutPtr label = LabelLayout(cr_, left_labels[i]);
    DrawLayout(cr_, label.get(),
               plot_left_ - kTickLabelGap - LayoutWidth(label.get()),
               y - LayoutHeight(label.get()) / 2, kMuted);
  }
  cairo_restore(cr_);
  if (!right_axis_.has_value()) return;

  // The right axis gets labels only: gridlines of two scales would mix.
  const std::vector<std::string> right_labels =
      TickLabels(right_axis_->ticks, right_axis_->format);
  for (size_t i = 0; i < right_axis_->ticks.size(); ++i) {
    const double y = RightY(right_axis_->ticks[i]);
    LayoutPtr label = LabelLayout(cr_, right_labels[i]);
    DrawLayout(cr_, label.get(), plot_right_ + kTickLabelGap,
               y - LayoutHeight(label.get()) / 2, kMuted);
  }
}

void PlotFrame::DrawXLabels(const std::vector<XLabel>& labels,
                            const std::vector<int>& strides) const {
  std::vector<LayoutPtr> layouts;
  std::vector<double> centers;
  std::vector<double> widths;
  std::vector<int64_t> keys;
  for (const XLabel& label : labels) {
    layouts.push_back(LabelLayout(cr_, label.text));
    const double width = LayoutWidth(layouts.back().get());
    const double lowest = plot_left_ + width / 2;
    const double highest = plot_right_ - width / 2;
    centers.push_back(
        std::clamp(label.center, lowest, std::max(lowest, highest)));
    widths.push_back(width);
    keys.push_back(label.key);
  }

  const double y = plot_bottom_ + 3;
  for (int i : ThinLabels(centers, widths, keys, strides, kTickLabelGap)) {
    DrawLayout(cr_, layouts[i].get(), centers[i] - widths[i] / 2, y, kMuted);
  }
}

namespace {

double LayOutLegend(cairo_t* cr, double x, double y, double width,
                    const std::vector<LegendKey>& keys, bool draw) {
  if (keys.empty()) return 0;
  double cursor = x;
  double row_top = y;
  for (const LegendKey& key : keys) {
    LayoutPtr label = LabelLayout(cr, key.label);
    const double key_width =
        kLegendSwatch + 4 + LayoutWidth(label.get()) + kLegendKeyGap;
    if (cursor > x && cursor + key_width > x + width) {
      cursor = x;
      row_top += kLegendRowHeight;
    }

    cursor += key_width;
    if (!draw) continue;
    const double left = cursor - key_width;
    const double middle = row_top + kLegendRowHeight / 2 - 1;
    if (key.shape == LegendShape::kBox) {
      FillBar(cr, left, kLegendSwatch, middle - kLegendSwatch / 2,
              middle + kLegendSwatch / 2, key.color);
    } else {
      DrawSeriesLine(cr, {left, left + kLegendSwatch}, {middle, middle},
                     key.color);
    }
    DrawLayout(cr, label.get(), left + kLegendSwatch + 4,
               middle - LayoutHeight(label.get()) / 2, kInk);
  }
  return row_top + kLegendRowHeight - y;
}

}  // namespace

double DrawLegend(cairo_t* cr, double x, double y, double width,
                  const std::vector<LegendKey>& keys) {
  return LayOutLegend(cr, x, y, width, keys, /*draw=*/true);
}

double LegendHeight(cairo_t* cr, double width,
                    const std::vector<LegendKey>& keys) {
  return LayOutLegend(cr, 0, 0, width, keys, /*draw=*/false);
}

void FillBar(cairo_t* cr, double x, double width, double y_top, double y_bottom,
             Color color) {
  if (y_bottom - y_top <= 0 || width <= 0) return;
  cairo_save(cr);
  cairo_set_source_rgb(cr, color.red, color.green, color.blue);
  cairo_rectangle(cr, x, y_top, width, y_bottom - y_top);
  cairo_fill(cr);
  cairo_restore(cr);
}

void DrawSeriesLine(cairo_t* cr, const std::vector<double>& xs,
                    const std::vector<double>& ys, Color color) {
  if (xs.empty() || xs.size() != ys.size()) return;
  cairo_save(cr);
  cairo_set_source_rgb(cr, color.red, color.green, color.blue);
  // Dense series get a thinner line, so their ups and downs stay apart.
  cairo_set_line_width(cr, xs.size() > kDenseSeries ? 1.0 : 1.5);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to(cr, xs[0], ys[0]);
  for (size_t i = 1; i < xs.size(); ++i) cairo_line_to(cr, xs[i], ys[i]);
  cairo_stroke(cr);

  const bool spaced =
      xs.size() == 1 ||
      (xs.size() > 2 &&
       (xs.back() - xs.front()) / (xs.size() - 1) >= kMinDotSpacing);
  if (spaced) {
    for (size_t i = 0; i < xs.size(); ++i) {
      cairo_arc(cr, xs[i], ys[i], 1.8, 0, 2 * M_PI);
      cairo_fill(cr);
    }
  }
  cairo_restore(cr);
}

void DrawChartHeader(PageCanvas& canvas, std::string_view heading,
                     const std::vector<LegendKey>& legend, double plot_height) {
  cairo_t* cr = canvas.cr();
  const double legend_height = LegendHeight(cr, canvas.width(), legend);
  const double gap = legend.empty() ? 0 : kLegendGapBelow;
  DrawHeading(canvas, heading, legend_height + gap + plot_height);
  DrawLegend(cr, canvas.left(), canvas.y(), canvas.width(), legend);
  canvas.MoveDown(legend_height + gap);
}

void DrawNoDataSection(PageCanvas& canvas, std::string_view heading,
                       std::string_view sentence) {
  LayoutPtr text = CreateTextLayout(
      canvas.cr(), sentence, TextStyle{.size = kBodySize}, canvas.width());
  DrawHeading(canvas, heading, LayoutHeight(text.get()));
  DrawBlock(canvas, text.get(), kMuted);
  canvas.MoveDown(kChartGapBelow);
}

}  // namespace usage::render
