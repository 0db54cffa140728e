#include "render/monthly_trends_chart.h"

#include <algorithm>
#include <vector>

#include "render/chart_axes.h"
#include "render/style.h"

namespace usage::render {
namespace {

using ::echo::usage::v1::MonthlyActivity;

constexpr char kHeading[] = "Monthly trends";
constexpr double kPlotHeight = 210;
// Bars take this share of their month's slot, up to kMaxBarWidth points.
constexpr double kBarShare = 0.65;
constexpr double kMaxBarWidth = 26;
constexpr double kSecondsPerHour = 3600;

int64_t StackTotal(const MonthlyActivity& month) {
  return month.recorded() + month.uploaded() + month.empty();
}

bool HasData(const echo::usage::v1::Timeline& timeline) {
  return std::any_of(timeline.months().begin(), timeline.months().end(),
                     [](const MonthlyActivity& month) {
                       return StackTotal(month) > 0 || month.chats() > 0 ||
                              month.duration_seconds() > 0;
                     });
}

std::vector<LegendKey> Legend() {
  return {
      {"Recorded", kSeriesRecorded, LegendShape::kBox},
      {"Uploaded", kSeriesUploaded, LegendShape::kBox},
      {"Empty", kSeriesEmpty, LegendShape::kBox},
      {"Chat sessions", kSeriesChat, LegendShape::kLine},
      {"Duration (hours, right axis)", kSeriesDuration, LegendShape::kLine},
  };
}

// Returns the frame with the left axis fitted to the tallest bar or chat
// count and the right axis to the longest month.
PlotFrame MakeFrame(const PageCanvas& canvas, double top,
                    const echo::usage::v1::Timeline& timeline) {
  double max_count = 0;
  double max_hours = 0;
  for (const MonthlyActivity& month : timeline.months()) {
    max_count = std::max<double>(
        max_count, std::max<int64_t>(StackTotal(month), month.chats()));
    max_hours = std::max(max_hours, month.duration_seconds() / kSecondsPerHour);
  }
  return PlotFrame(canvas.cr(), canvas.left(), top, canvas.width(), kPlotHeight,
                   MakeValueAxis(max_count, AxisFormat::kCount),
                   MakeValueAxis(max_hours, AxisFormat::kHours));
}

void DrawStackedBars(cairo_t* cr, const PlotFrame& frame,
                     const echo::usage::v1::Timeline& timeline) {
  const int count = timeline.months_size();
  const double bar_width =
      std::min(frame.SlotWidth(count) * kBarShare, kMaxBarWidth);
  for (int i = 0; i < count; ++i) {
    const MonthlyActivity& month = timeline.months(i);
    const double x = frame.SlotCenter(i, count) - bar_width / 2;
    double base = 0;
    for (const auto& [value, color] :
         {std::pair{month.recorded(), kSeriesRecorded},
          std::pair{month.uploaded(), kSeriesUploaded},
          std::pair{month.empty(), kSeriesEmpty}}) {
      FillBar(cr, x, bar_width, frame.LeftY(base + value), frame.LeftY(base),
              color);
      base += value;
    }
  }
}

void DrawLines(cairo_t* cr, const PlotFrame& frame,
               const echo::usage::v1::Timeline& timeline) {
  const int count = timeline.months_size();
  std::vector<double> xs;
  std::vector<double> chat_ys;
  std::vector<double> hour_ys;
  for (int i = 0; i < count; ++i) {
    const MonthlyActivity& month = timeline.months(i);
    xs.push_back(frame.SlotCenter(i, count));
    chat_ys.push_back(frame.LeftY(month.chats()));
    hour_ys.push_back(frame.RightY(month.duration_seconds() / kSecondsPerHour));
  }
  DrawSeriesLine(cr, xs, hour_ys, kSeriesDuration);
  DrawSeriesLine(cr, xs, chat_ys, kSeriesChat);
}

std::vector<XLabel> MonthLabels(const PlotFrame& frame,
                                const echo::usage::v1::Timeline& timeline) {
  const int count = timeline.months_size();
  std::vector<XLabel> labels;
  for (int i = 0; i < count; ++i) {
    const std::string& text = timeline.months(i).month();
    const std::optional<absl::CivilMonth> month = ParseMonth(text);
    labels.push_back(XLabel{
        .text = month ? MonthLabel(*month) : text,
        .center = frame.SlotCenter(i, count),
        .key = month ? MonthKey(*month) : i,
    });
  }
  return labels;
}

}  // namespace

void DrawMonthlyTrendsChart(PageCanvas& canvas,
                            const echo::usage::v1::UsageReport& report,
                            const ReportContext& /*context*/) {
  if (!canvas.at_page_top()) canvas.NewPage();
  const echo::usage::v1::Timeline& timeline = report.timeline();
  if (!HasData(timeline)) {
    DrawNoDataSection(canvas, kHeading,
                      "No conversations or chat sessions in this period.");
    return;
  }

  DrawChartHeader(canvas, kHeading, Legend(), kPlotHeight);
  cairo_t* cr = canvas.cr();
  const PlotFrame frame = MakeFrame(canvas, canvas.y(), timeline);
  frame.DrawAxes();
  DrawStackedBars(cr, frame, timeline);
  DrawLines(cr, frame, timeline);
  frame.DrawXLabels(MonthLabels(frame, timeline), kMonthStrides);
  canvas.MoveDown(kPlotHeight + kChartGapBelow);
}

}  // namespace usage::render
