#include "html/svg.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "html/html_escape.h"
#include "render/chart_axes.h"

namespace usage::html {
namespace {

int Channel(double component) {
  return static_cast<int>(std::lround(component * 255));
}

}  // namespace

std::string ColorHex(const render::Color& color) {
  return absl::StrFormat("#%02x%02x%02x", Channel(color.red),
                         Channel(color.green), Channel(color.blue));
}

double NiceMaximum(double value) {
  if (!std::isfinite(value)) return 1;
  return render::NiceTicks(0, value, /*whole_numbers=*/false).back();
}

std::string Number(double value) {
  if (!std::isfinite(value)) return "0";
  std::string text = absl::StrFormat("%.2f", value);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  if (text == "-0") text = "0";
  return text;
}

std::string OpenSvg(const PlotArea& area, std::string_view label,
                    std::string_view css_class) {
  return absl::StrCat("<svg class=\"", std::string(css_class),
                      "\" viewBox=\"0 0 ", Number(area.width), " ",
                      Number(area.height), "\" role=\"img\" aria-label=\"",
                      EscapeHtml(label), "\">");
}

std::string ValueAxis(const PlotArea& area, double maximum, bool right_axis,
                      std::string (*format)(double), bool whole_numbers) {
  std::string svg;
  const std::string grid = ColorHex(render::kHairline);
  const std::string muted = ColorHex(render::kMuted);
  for (double value : render::NiceTicks(0, maximum, whole_numbers)) {
    const double y = area.Bottom() - area.PlotHeight() * value / maximum;
    if (!right_axis) {
      absl::StrAppend(&svg, "<line x1=\"", Number(area.left), "\" x2=\"",
                      Number(area.Right()), "\" y1=\"", Number(y), "\" y2=\"",
                      Number(y), "\" stroke=\"", grid, "\"/>");
    }
    const double x = right_axis ? area.Right() + 4 : area.left - 4;
    absl::StrAppend(&svg, "<text class=\"axis\" x=\"", Number(x), "\" y=\"",
                    Number(y + 3), "\" text-anchor=\"",
                    right_axis ? "start" : "end", "\" fill=\"", muted, "\">",
                    EscapeHtml(format(value)), "</text>");
  }
  return svg;
}

std::string XLabel(const PlotArea& area, double x, std::string_view text) {
  return absl::StrCat(
      "<text class=\"axis\" x=\"", Number(x), "\" y=\"",
      Number(area.Bottom() + 13), "\" text-anchor=\"middle\" fill=\"",
      ColorHex(render::kMuted), "\">", EscapeHtml(text), "</text>");
}

std::string Legend(const PlotArea& area,
                   const std::vector<LegendEntry>& entries) {
  std::string svg;
  double x = area.left;
  const double y = area.height - 8;
  for (const LegendEntry& entry : entries) {
    const std::string color = ColorHex(entry.color);
    if (entry.line) {
      absl::StrAppend(&svg, "<line x1=\"", Number(x), "\" x2=\"",
                      Number(x + 12), "\" y1=\"", Number(y - 4), "\" y2=\"",
                      Number(y - 4), "\" stroke=\"", color,
                      "\" stroke-width=\"2\"/>");
    } else {
      absl::StrAppend(&svg, "<rect x=\"", Number(x + 2), "\" y=\"",
                      Number(y - 9), "\" width=\"9\" height=\"9\" fill=\"",
                      color, "\"/>");
    }
    absl::StrAppend(&svg, "<text class=\"legend\" x=\"", Number(x + 16),
                    "\" y=\"", Number(y), "\" fill=\"", ColorHex(render::kInk),
                    "\">", EscapeHtml(entry.label), "</text>");
    // An estimate of the label's width: 6 units per character at 10 units.
    x += 28 + 6 * static_cast<double>(entry.label.size());
  }
  return svg;
}

std::string Tooltip(std::string_view text) {
  return absl::StrCat("<title>", EscapeHtml(text), "</title>");
}

}  // namespace usage::html
