#include "render/activity_timeline_chart.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "render/chart_axes.h"
#include "render/style.h"

namespace usage::render {
namespace {

using ::echo::usage::v1::DailyActivity;
using ::echo::usage::v1::Timeline;

constexpr char kHeading[] = "Activity timeline";
constexpr double kPlotHeight = 170;
// Bars take this share of their day's slot, up to kMaxBarWidth points.
constexpr double kBarShare = 0.6;
constexpr double kMaxBarWidth = 4;
constexpr double kSecondsPerHour = 3600;

bool HasData(const Timeline& timeline) {
  return std::any_of(timeline.days().begin(), timeline.days().end(),
                     [](const DailyActivity& day) {
                       return day.conversations() > 0 ||
                              day.cumulative_conversations() > 0 ||
                              day.duration_seconds() > 0;
                     });
}

std::vector<LegendKey> Legend() {
  return {
      {"Conversations, cumulative", kSeriesRecorded, LegendShape::kLine},
      {"Duration per day (hours, right axis)", kSeriesDurationBar,
       LegendShape::kBox},
  };
}

PlotFrame MakeFrame(const PageCanvas& canvas, const Timeline& timeline) {
  double max_total = 0;
  double max_hours = 0;
  for (const DailyActivity& day : timeline.days()) {
    max_total = std::max<double>(max_total, day.cumulative_conversations());
    max_hours = std::max(max_hours, day.duration_seconds() / kSecondsPerHour);
  }
  return PlotFrame(canvas.cr(), canvas.left(), canvas.y(), canvas.width(),
                   kPlotHeight, MakeValueAxis(max_total, AxisFormat::kCount),
                   MakeValueAxis(max_hours, AxisFormat::kHours));
}

void DrawSeries(cairo_t* cr, const PlotFrame& frame, const Timeline& timeline) {
  const int count = timeline.days_size();
  const double slot = frame.SlotWidth(count);
  // On long periods the slots get narrower than a visible bar, and then the
  // bars fill their slots and merge into an area.
  const double bar_width = std::min(slot * kBarShare, kMaxBarWidth);
  std::vector<double> xs;
  std::vector<double> total_ys;
  for (int i = 0; i < count; ++i) {
    const DailyActivity& day = timeline.days(i);
    const double center = frame.SlotCenter(i, count);
    FillBar(cr, center - bar_width / 2, bar_width,
            frame.RightY(day.duration_seconds() / kSecondsPerHour),
            frame.RightY(0), kSeriesDurationBar);
    xs.push_back(center);
    total_ys.push_back(frame.LeftY(day.cumulative_conversations()));
  }
  DrawSeriesLine(cr, xs, total_ys, kSeriesRecorded);
}

// Day labels keyed by the distance from the last day, so that thinning
// keeps the last day.
std::vector<XLabel> DayLabels(const PlotFrame& frame,
                              const Timeline& timeline) {
  const int count = timeline.days_size();
  std::vector<XLabel> labels;
  for (int i = 0; i < count; ++i) {
    const std::string& date = timeline.days(i).date();
    const std::optional<absl::CivilDay> day = ParseDay(date);
    labels.push_back(XLabel{.text = day ? DayLabel(*day) : date,
                            .center = frame.SlotCenter(i, count),
                            .key = count - 1 - i});
  }
  return labels;
}

// One label per month, on the month's first day in the period.
std::vector<XLabel> MonthLabels(const PlotFrame& frame,
                                const Timeline& timeline) {
  const int count = timeline.days_size();
  std::vector<XLabel> labels;
  std::optional<absl::CivilMonth> previous;
  for (int i = 0; i < count; ++i) {
    const std::optional<absl::CivilDay> day = ParseDay(timeline.days(i).date());
    if (!day.has_value()) continue;
    const absl::CivilMonth month(*day);
    if (previous == month) continue;
    previous = month;
    labels.push_back(XLabel{.text = MonthLabel(month),
                            .center = frame.SlotCenter(i, count),
                            .key = MonthKey(month)});
  }
  return labels;
}

}  // namespace

void DrawActivityTimelineChart(PageCanvas& canvas,
                               const echo::usage::v1::UsageReport& report,
                               const ReportContext& /*context*/) {
  const Timeline& timeline = report.timeline();
  if (!HasData(timeline)) {
    DrawNoDataSection(canvas, kHeading, "No conversations in this period.");
    return;
  }

  DrawChartHeader(canvas, kHeading, Legend(), kPlotHeight);
  const PlotFrame frame = MakeFrame(canvas, timeline);
  frame.DrawAxes();
  DrawSeries(canvas.cr(), frame, timeline);
  if (timeline.days_size() <= kMaxDaysWithDayLabels) {
    frame.DrawXLabels(DayLabels(frame, timeline), {1, 2, 7, 14});
  } else {
    frame.DrawXLabels(MonthLabels(frame, timeline), kMonthStrides);
  }
  canvas.MoveDown(kPlotHeight + kChartGapBelow);
}

}  // namespace usage::render
