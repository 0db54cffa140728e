#include "render/feature_adoption_chart.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "render/blocks.h"
#include "render/chart_axes.h"
#include "render/format.h"
#include "render/style.h"
#include "render/text.h"

namespace usage::render {
namespace {

constexpr char kHeading[] = "Feature adoption";
constexpr double kRowHeight = 22;
constexpr double kBarHeight = 12;
constexpr double kNameColumn = 100;
// Room right of the longest bar for its "1,234,567 · not used" label.
constexpr double kValueColumn = 110;
constexpr double kValueGap = 6;
constexpr double kMinBarWidth = 3;

struct FeatureRow {
  std::string name;
  bool used = false;
  int64_t count = 0;
  Color color;
};

std::vector<FeatureRow> Rows(const echo::usage::v1::FeatureAdoption& features) {
  return {
      {"Conversations", features.uses_conversations(), features.conversations(),
       kSeriesRecorded},
      {"Chat messages", features.uses_chat(), features.chat_messages(),
       kSeriesChat},
      {"Reports", features.uses_reports(), features.reports(), kAccent},
      {"Tags", features.uses_tags(), features.tags(), kSeriesLogins},
  };
}

void DrawRow(cairo_t* cr, const FeatureRow& row, double left, double top,
             double bar_area, int64_t max_count) {
  const TextStyle style{.size = kBodySize - 1};
  LayoutPtr name = CreateTextLayout(cr, row.name, style, kNameColumn);
  const double middle = top + kRowHeight / 2;
  DrawLayout(cr, name.get(), left, middle - LayoutHeight(name.get()) / 2, kInk);

  const double bar_left = left + kNameColumn;
  FillBar(cr, bar_left, bar_area, middle - kBarHeight / 2,
          middle + kBarHeight / 2, kPanel);
  // A used feature with a small count still gets a visible bar.
  const double share =
      row.count > 0 ? row.count / static_cast<double>(max_count) : 0;
  const double bar_width =
      row.count > 0 ? std::max(kMinBarWidth, bar_area * share) : 0;
  FillBar(cr, bar_left, bar_width, middle - kBarHeight / 2,
          middle + kBarHeight / 2, row.color);

  LayoutPtr value =
      CreateTextLayout(cr,
                       absl::StrCat(FormatCount(row.count), " · ",
                                    row.used ? "in use" : "not used"),
                       style, kValueColumn);
  DrawLayout(cr, value.get(), bar_left + bar_area + kValueGap,
             middle - LayoutHeight(value.get()) / 2, row.used ? kInk : kMuted);
}

}  // namespace

void DrawFeatureAdoptionChart(PageCanvas& canvas,
                              const echo::usage::v1::UsageReport& report,
                              const ReportContext& /*context*/) {
  const std::vector<FeatureRow> rows = Rows(report.features());
  const bool any_used = std::any_of(
      rows.begin(), rows.end(),
      [](const FeatureRow& row) { return row.used || row.count > 0; });
  if (!any_used) {
    DrawNoDataSection(canvas, kHeading,
                      "No conversations, chat messages, reports or tags in "
                      "this period.");
    return;
  }

  const double height = kRowHeight * rows.size();
  DrawHeading(canvas, kHeading, height);
  int64_t max_count = 0;
  for (const FeatureRow& row : rows) max_count = std::max(max_count, row.count);
  const double bar_area =
      canvas.width() - kNameColumn - kValueGap - kValueColumn;
  for (size_t i = 0; i < rows.size(); ++i) {
    DrawRow(canvas.cr(), rows[i], canvas.left(), canvas.y() + i * kRowHeight,
            bar_area, max_count);
  }
  canvas.MoveDown(height + kChartGapBelow);
}

}  // namespace usage::render
