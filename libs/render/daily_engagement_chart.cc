#include "render/daily_engagement_chart.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "render/chart_axes.h"
#include "render/style.h"

namespace usage::render {
namespace {

using ::echo::usage::v1::DailyActivity;

constexpr char kHeading[] = "Daily engagement (last 30 days)";
constexpr double kPlotHeight = 170;
// The two bars of a day take this share of its slot, each at most
// kMaxBarWidth points wide.
constexpr double kGroupShare = 0.7;
constexpr double kMaxBarWidth = 9;

// The days the chart shows, oldest first.
std::vector<const DailyActivity*> LastDays(
    const echo::usage::v1::Timeline& timeline) {
  const int first = std::max(0, timeline.days_size() - kEngagementDays);
  std::vector<const DailyActivity*> days;
  for (int i = first; i < timeline.days_size(); ++i) {
    days.push_back(&timeline.days(i));
  }
  return days;
}

bool HasData(const std::vector<const DailyActivity*>& days) {
  return std::any_of(days.begin(), days.end(), [](const DailyActivity* day) {
    return day->conversations() > 0 || day->messages() > 0 || day->logins() > 0;
  });
}

std::vector<LegendKey> Legend() {
  return {
      {"Conversations", kSeriesRecorded, LegendShape::kBox},
      {"Logins", kSeriesLogins, LegendShape::kBox},
      {"Chat messages (right axis)", kSeriesChat, LegendShape::kLine},
  };
}

PlotFrame MakeFrame(const PageCanvas& canvas,
                    const std::vector<const DailyActivity*>& days) {
  double max_bar = 0;
  double max_messages = 0;
  for (const DailyActivity* day : days) {
    max_bar = std::max<double>(max_bar,
                               std::max(day->conversations(), day->logins()));
    max_messages = std::max<double>(max_messages, day->messages());
  }
  return PlotFrame(canvas.cr(), canvas.left(), canvas.y(), canvas.width(),
                   kPlotHeight, MakeValueAxis(max_bar, AxisFormat::kCount),
                   MakeValueAxis(max_messages, AxisFormat::kCount));
}

void DrawDays(cairo_t* cr, const PlotFrame& frame,
              const std::vector<const DailyActivity*>& days) {
  const int count = static_cast<int>(days.size());
  const double bar_width =
      std::min(frame.SlotWidth(count) * kGroupShare / 2, kMaxBarWidth);
  std::vector<double> xs;
  std::vector<double> message_ys;
  for (int i = 0; i < count; ++i) {
    const double center = frame.SlotCenter(i, count);
    FillBar(cr, center - bar_width, bar_width,
            frame.LeftY(days[i]->conversations()), frame.LeftY(0),
            kSeriesRecorded);
    FillBar(cr, center, bar_width, frame.LeftY(days[i]->logins()),
            frame.LeftY(0), kSeriesLogins);
    xs.push_back(center);
    message_ys.push_back(frame.RightY(days[i]->messages()));
  }
  DrawSeriesLine(cr, xs, message_ys, kSeriesChat);
}

// Day labels keyed by the distance from the last day, so that thinning
// keeps the last day.
std::vector<XLabel> DayLabels(const PlotFrame& frame,
                              const std::vector<const DailyActivity*>& days) {
  const int count = static_cast<int>(days.size());
  std::vector<XLabel> labels;
  for (int i = 0; i < count; ++i) {
    const std::optional<absl::CivilDay> day = ParseDay(days[i]->date());
    labels.push_back(XLabel{.text = day ? DayLabel(*day) : days[i]->date(),
                            .center = frame.SlotCenter(i, count),
                            .key = count - 1 - i});
  }
  return labels;
}

}  // namespace

void DrawDailyEngagementChart(PageCanvas& canvas,
                              const echo::usage::v1::UsageReport& report,
                              const ReportContext& /*context*/) {
  const std::vector<const DailyActivity*> days = LastDays(report.timeline());
  if (!HasData(days)) {
    DrawNoDataSection(canvas, kHeading,
                      "No conversations, chat messages or logins in the last "
                      "30 days of this period.");
    return;
  }

  DrawChartHeader(canvas, kHeading, Legend(), kPlotHeight);
  const PlotFrame frame = MakeFrame(canvas, days);
  frame.DrawAxes();
  DrawDays(canvas.cr(), frame, days);
  frame.DrawXLabels(DayLabels(frame, days), {1, 2, 7, 14});
  canvas.MoveDown(kPlotHeight + kChartGapBelow);
}

}  // namespace usage::render
