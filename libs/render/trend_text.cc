#include "render/trend_text.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "render/format.h"
#include "render/markup.h"
#include "render/style.h"

namespace usage::render {
namespace {

using ::echo::usage::v1::Trend;

std::string Span(const char* color, absl::string_view escaped_text) {
  return absl::StrCat("<span foreground=\"", color, "\">", escaped_text,
                      "</span>");
}

// Returns the colored arrow and percent, or an empty string when the trend
// has no percent change.
std::string ChangeMarkup(const Trend& trend) {
  if (trend.direction() == echo::usage::v1::TREND_DIRECTION_NEW) {
    return Span(kAccentMarkup, "<b>NEW</b>");
  }
  if (!trend.has_percent_change()) return "";

  const std::string percent = EscapeMarkup(
      absl::StrCat(FormatDecimal(std::fabs(trend.percent_change()), 1), " %"));
  switch (trend.direction()) {
    case echo::usage::v1::TREND_DIRECTION_UP:
      return Span(kUpMarkup, absl::StrCat("↑ ", percent));
    case echo::usage::v1::TREND_DIRECTION_DOWN:
      return Span(kDownMarkup, absl::StrCat("↓ ", percent));
    default:
      return Span(kMutedMarkup, absl::StrCat("→ ", percent));
  }
}

}  // namespace

const Trend* FindTrend(const echo::usage::v1::UsageReport& report,
                       echo::usage::v1::TrendMetric metric) {
  for (const Trend& trend : report.trends()) {
    if (trend.metric() == metric) return &trend;
  }
  return nullptr;
}

std::string TrendMarkup(
    const Trend& trend,
    const std::function<std::string(double)>& format_value) {
  const std::string previous = Span(
      kMutedMarkup,
      absl::StrCat("previous ", EscapeMarkup(format_value(trend.previous()))));
  const std::string change = ChangeMarkup(trend);
  if (change.empty()) return previous;
  return absl::StrCat(change, "  ", previous);
}

}  // namespace usage::render
