#include "render/login_activity_chart.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "render/chart_axes.h"
#include "render/style.h"
#include "render/text.h"

namespace usage::render {
namespace {

constexpr char kHeading[] = "Login activity";
constexpr int kHours = 24;
constexpr double kPlotHeight = 150;
constexpr double kCaptionHeight = 14;
// The hour chart takes this share of the width, the weekday chart the rest
// after kPanelGap.
constexpr double kHourShare = 0.62;
constexpr double kPanelGap = 24;
constexpr double kBarShare = 0.7;
constexpr double kMaxBarWidth = 26;
constexpr const char* kWeekdayNames[] = {"Mon", "Tue", "Wed", "Thu",
                                         "Fri", "Sat", "Sun"};

// A bar chart of `values` in the box from `left`, `width` points wide,
// below a caption.
struct BarPanel {
  std::string caption;
  std::vector<int64_t> values;
  std::vector<XLabel> labels;  // Centres are filled in when drawn.
  std::vector<int> strides;
};

void DrawPanel(cairo_t* cr, const BarPanel& panel, double left, double top,
               double width, double max_value) {
  LayoutPtr caption =
      CreateTextLayout(cr, panel.caption,
                       TextStyle{.size = kChartLabelSize, .bold = true}, width);
  DrawLayout(cr, caption.get(), left, top, kInk);

  const PlotFrame frame(cr, left, top + kCaptionHeight, width, kPlotHeight,
                        MakeValueAxis(max_value, AxisFormat::kCount),
                        std::nullopt);
  frame.DrawAxes();
  const int count = static_cast<int>(panel.values.size());
  const double bar_width =
      std::min(frame.SlotWidth(count) * kBarShare, kMaxBarWidth);
  std::vector<XLabel> labels = panel.labels;
  for (int i = 0; i < count; ++i) {
    const double center = frame.SlotCenter(i, count);
    FillBar(cr, center - bar_width / 2, bar_width, frame.LeftY(panel.values[i]),
            frame.LeftY(0), kSeriesLogins);
    labels[i].center = center;
  }
  frame.DrawXLabels(labels, panel.strides);
}

BarPanel HourPanel(const echo::usage::v1::LoginMetrics& logins) {
  BarPanel panel{.caption = "By hour of day", .strides = {3}};
  for (int hour = 0; hour < kHours; ++hour) {
    panel.values.push_back(
        hour < logins.hour_histogram_size() ? logins.hour_histogram(hour) : 0);
    panel.labels.push_back(
        XLabel{.text = absl::StrFormat("%02d", hour), .key = hour});
  }
  return panel;
}

BarPanel WeekdayPanel(const echo::usage::v1::LoginMetrics& logins) {
  BarPanel panel{.caption = "By weekday", .strides = {1}};
  const std::array<int64_t, 7> per_weekday = LoginsPerWeekday(logins);
  for (int i = 0; i < 7; ++i) {
    panel.values.push_back(per_weekday[i]);
    panel.labels.push_back(XLabel{.text = kWeekdayNames[i], .key = i});
  }
  return panel;
}

int64_t MaxValue(const BarPanel& panel) {
  return *std::max_element(panel.values.begin(), panel.values.end());
}

}  // namespace

std::array<int64_t, 7> LoginsPerWeekday(
    const echo::usage::v1::LoginMetrics& logins) {
  std::array<int64_t, 7> per_weekday{};
  for (const echo::usage::v1::DailyCount& daily : logins.daily()) {
    const std::optional<absl::CivilDay> day = ParseDay(daily.date());
    if (!day.has_value()) continue;
    // absl::Weekday starts with Monday at 0.
    per_weekday[static_cast<int>(absl::GetWeekday(*day))] += daily.count();
  }
  return per_weekday;
}

void DrawLoginActivityChart(PageCanvas& canvas,
                            const echo::usage::v1::UsageReport& report,
                            const ReportContext& /*context*/) {
  const echo::usage::v1::LoginMetrics& logins = report.metrics().logins();
  const BarPanel hours = HourPanel(logins);
  const BarPanel weekdays = WeekdayPanel(logins);
  if (MaxValue(hours) == 0 && MaxValue(weekdays) == 0) {
    DrawNoDataSection(canvas, kHeading, "No logins in this period.");
    return;
  }

  DrawChartHeader(canvas, kHeading, {}, kCaptionHeight + kPlotHeight);
  cairo_t* cr = canvas.cr();
  const double hour_width = canvas.width() * kHourShare;
  DrawPanel(cr, hours, canvas.left(), canvas.y(), hour_width, MaxValue(hours));
  DrawPanel(cr, weekdays, canvas.left() + hour_width + kPanelGap, canvas.y(),
            canvas.width() - hour_width - kPanelGap, MaxValue(weekdays));
  canvas.MoveDown(kCaptionHeight + kPlotHeight + kChartGapBelow);
}

}  // namespace usage::render
