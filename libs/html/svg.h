// Building blocks of the report's inline SVG charts: colors, scales, axes
// and legends. Every function returns SVG markup with its text escaped.
#ifndef USAGE_HTML_SVG_H_
#define USAGE_HTML_SVG_H_

#include <string>
#include <string_view>
#include <vector>

#include "render/style.h"

namespace usage::html {

// Returns `color` as "#rrggbb".
std::string ColorHex(const render::Color& color);

// Colors of chart series, in the order charts use them: the PDF's accent
// first, then lighter and contrasting tones of the same palette.
inline constexpr render::Color kSeriesColors[] = {
    render::kAccent, render::Rgb(0x7fa7cf), render::Rgb(0xc5d5e6),
    render::Rgb(0xd08a2e), render::Rgb(0x2f7d55)};

// The drawing area of a chart inside its view box, in SVG user units.
struct PlotArea {
  double width = 640;   // View box width.
  double height = 240;  // View box height.
  double left = 48;     // Margin for the left axis labels.
  double right = 16;    // Margin, or room for a right axis.
  double top = 16;
  double bottom = 40;  // Room for the x labels and the legend.

  double Right() const { return width - right; }
  double Bottom() const { return height - bottom; }
  double PlotWidth() const { return width - left - right; }
  double PlotHeight() const { return height - top - bottom; }
};

// Returns the top of the axis that render::NiceTicks gives for 0..`value`:
// a round number at or above `value`; 1 for values at or below 0.
double NiceMaximum(double value);

// Returns the opening <svg> tag of a chart with `area`'s view box, scaled
// to the page width, described by `label` for screen readers.
std::string OpenSvg(const PlotArea& area, std::string_view label,
                    std::string_view css_class = "chart");

// Returns horizontal grid lines and labels at render::NiceTicks of
// 0..`maximum` (a value from NiceMaximum) on the left axis, or on the right
// axis when `right_axis` is true. `format` turns a value into its label;
// with `whole_numbers` the ticks are whole, as counts need.
std::string ValueAxis(const PlotArea& area, double maximum, bool right_axis,
                      std::string (*format)(double),
                      bool whole_numbers = false);

// Returns a label under the x position `x`.
std::string XLabel(const PlotArea& area, double x, std::string_view text);

// One entry of a legend.
struct LegendEntry {
  std::string label;
  render::Color color;
  bool line = false;  // A line sample instead of a square.
};

// Returns a legend row along the bottom edge of the view box.
std::string Legend(const PlotArea& area,
                   const std::vector<LegendEntry>& entries);

// Returns a <title> child that browsers show as a tooltip.
std::string Tooltip(std::string_view text);

// Formats a number for SVG attributes with at most two decimals.
std::string Number(double value);

}  // namespace usage::html

#endif  // USAGE_HTML_SVG_H_
