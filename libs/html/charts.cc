#include "html/charts.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "absl/strings/str_cat.h"
#include "html/html_escape.h"
#include "html/svg.h"
#include "render/format.h"

namespace usage::html {
namespace {

namespace v1 = echo::usage::v1;

// Days the daily engagement chart covers, counted back from the period's
// last day.
constexpr int kEngagementDays = 30;

// Values of one series, one per category.
struct Series {
  std::string label;
  render::Color color;
  std::vector<double> values;
};

// A chart over categories (months or days): stacked bars, lines on the left
// axis and lines on an optional right axis.
struct CategoryChart {
  std::string label;
  std::vector<std::string> categories;
  std::vector<Series> bars;
  std::vector<Series> lines;
  std::vector<Series> right_lines;
  std::string (*format_left)(double) = nullptr;
  std::string (*format_right)(double) = nullptr;
};

// Returns the decimals a round tick value needs: none for 5, one for 0.5,
// two for 0.05.
int TickDecimals(double value) {
  for (int decimals = 0; decimals < 2; ++decimals) {
    const double scaled = value * std::pow(10, decimals);
    if (std::abs(scaled - std::round(scaled)) < 1e-9) return decimals;
  }
  return 2;
}

std::string FormatAxisCount(double value) {
  return render::FormatDecimal(value, TickDecimals(value));
}

std::string FormatAxisHours(double value) {
  return absl::StrCat(render::FormatDecimal(value, TickDecimals(value)), " h");
}

double MaximumOf(const std::vector<double>& values) {
  double maximum = 0;
  for (double value : values) maximum = std::max(maximum, value);
  return maximum;
}

// Returns the points attribute of a line through `values`.
std::string LinePoints(const PlotArea& area, const std::vector<double>& values,
                       double maximum, double step) {
  std::string points;
  for (size_t i = 0; i < values.size(); ++i) {
    const double x = area.left + step * (i + 0.5);
    const double y = area.Bottom() - area.PlotHeight() * values[i] / maximum;
    absl::StrAppend(&points, i == 0 ? "" : " ", Number(x), ",", Number(y));
  }
  return points;
}

std::string Polyline(const std::string& points, const render::Color& color) {
  return absl::StrCat("<polyline fill=\"none\" stroke=\"", ColorHex(color),
                      "\" stroke-width=\"2\" points=\"", points, "\"/>");
}

std::string StackedBars(const PlotArea& area, const CategoryChart& chart,
                        double maximum, double step) {
  std::string svg;
  const double bar_width = std::max(1.0, step * 0.6);
  for (size_t i = 0; i < chart.categories.size(); ++i) {
    double stacked = 0;
    for (const Series& series : chart.bars) {
      const double value = series.values[i];
      if (value <= 0) continue;
      const double top =
          area.Bottom() - area.PlotHeight() * (stacked + value) / maximum;
      const double height = area.PlotHeight() * value / maximum;
      absl::StrAppend(&svg, "<rect x=\"",
                      Number(area.left + step * i + (step - bar_width) / 2),
                      "\" y=\"", Number(top), "\" width=\"", Number(bar_width),
                      "\" height=\"", Number(height), "\" fill=\"",
                      ColorHex(series.color), "\">",
                      Tooltip(absl::StrCat(chart.categories[i], ": ",
                                           render::FormatDecimal(value, 0), " ",
                                           series.label)),
                      "</rect>");
      stacked += value;
    }
  }
  return svg;
}

// Returns the maximum of the left axis: the highest stack or line value.
double LeftMaximum(const CategoryChart& chart) {
  double maximum = 0;
  for (size_t i = 0; i < chart.categories.size(); ++i) {
    double stacked = 0;
    for (const Series& series : chart.bars) stacked += series.values[i];
    maximum = std::max(maximum, stacked);
  }
  for (const Series& series : chart.lines) {
    maximum = std::max(maximum, MaximumOf(series.values));
  }
  return NiceMaximum(maximum);
}

std::string DrawCategoryChart(const CategoryChart& chart) {
  PlotArea area;
  if (!chart.right_lines.empty()) area.right = 52;
  if (chart.categories.empty()) {
    return "<p class=\"empty\">No activity in the period.</p>";
  }
  const double step = area.PlotWidth() / chart.categories.size();
  const double left_maximum = LeftMaximum(chart);

  std::string svg = OpenSvg(area, chart.label);
  absl::StrAppend(&svg, ValueAxis(area, left_maximum, false, chart.format_left,
                                  chart.format_left == FormatAxisCount));
  absl::StrAppend(&svg, StackedBars(area, chart, left_maximum, step));
  for (const Series& series : chart.lines) {
    absl::StrAppend(
        &svg, Polyline(LinePoints(area, series.values, left_maximum, step),
                       series.color));
  }
  if (!chart.right_lines.empty()) {
    double right_maximum = 0;
    for (const Series& series : chart.right_lines) {
      right_maximum = std::max(right_maximum, MaximumOf(series.values));
    }
    right_maximum = NiceMaximum(right_maximum);
    absl::StrAppend(&svg,
                    ValueAxis(area, right_maximum, true, chart.format_right,
                              chart.format_right == FormatAxisCount));
    for (const Series& series : chart.right_lines) {
      absl::StrAppend(
          &svg, Polyline(LinePoints(area, series.values, right_maximum, step),
                         series.color));
    }
  }

  // About eight labels fit under the plot without overlapping.
  const size_t label_every = std::max<size_t>(1, chart.categories.size() / 8);
  for (size_t i = 0; i < chart.categories.size(); i += label_every) {
    absl::StrAppend(
        &svg, XLabel(area, area.left + step * (i + 0.5), chart.categories[i]));
  }
  std::vector<LegendEntry> legend;
  for (const Series& series : chart.bars) {
    legend.push_back({series.label, series.color, false});
  }
  for (const auto* group : {&chart.lines, &chart.right_lines}) {
    for (const Series& series : *group) {
      legend.push_back({series.label, series.color, true});
    }
  }
  absl::StrAppend(&svg, Legend(area, legend), "</svg>");
  return svg;
}

}  // namespace

std::string MonthlyTrendsChart(const v1::UsageReport& report) {
  CategoryChart chart;
  chart.label = "Monthly conversations, chat sessions and duration";
  chart.bars = {{"Recorded", kSeriesColors[0], {}},
                {"Uploaded", kSeriesColors[1], {}},
                {"Empty", kSeriesColors[2], {}}};
  chart.lines = {{"Chat sessions", kSeriesColors[3], {}}};
  chart.right_lines = {{"Duration (h, right axis)", kSeriesColors[4], {}}};
  chart.format_left = FormatAxisCount;
  chart.format_right = FormatAxisHours;
  for (const v1::MonthlyActivity& month : report.timeline().months()) {
    chart.categories.push_back(month.month());
    chart.bars[0].values.push_back(month.recorded());
    chart.bars[1].values.push_back(month.uploaded());
    chart.bars[2].values.push_back(month.empty());
    chart.lines[0].values.push_back(month.chats());
    chart.right_lines[0].values.push_back(month.duration_seconds() / 3600);
  }
  return DrawCategoryChart(chart);
}

std::string DailyEngagementChart(const v1::UsageReport& report) {
  CategoryChart chart;
  chart.label = "Conversations, chat messages and logins per day, last 30 days";
  chart.bars = {{"Conversations", kSeriesColors[0], {}}};
  chart.lines = {{"Chat messages", kSeriesColors[3], {}},
                 {"Logins", render::kSeriesLogins, {}}};
  chart.format_left = FormatAxisCount;
  const auto& days = report.timeline().days();
  const int first = std::max(0, days.size() - kEngagementDays);
  for (int i = first; i < days.size(); ++i) {
    // Days are YYYY-MM-DD; the label keeps MM-DD.
    chart.categories.push_back(days[i].date().substr(5));
    chart.bars[0].values.push_back(days[i].conversations());
    chart.lines[0].values.push_back(days[i].messages());
    chart.lines[1].values.push_back(days[i].logins());
  }
  return DrawCategoryChart(chart);
}

std::string LoginHoursChart(const v1::UsageReport& report) {
  CategoryChart chart;
  chart.label = "Logins per hour of the day";
  chart.bars = {{"Logins", kSeriesColors[0], {}}};
  chart.format_left = FormatAxisCount;
  const auto& hours = report.metrics().logins().hour_histogram();
  for (int hour = 0; hour < 24; ++hour) {
    chart.categories.push_back(absl::StrCat(hour < 10 ? "0" : "", hour, ":00"));
    chart.bars[0].values.push_back(hour < hours.size() ? hours[hour] : 0);
  }
  return DrawCategoryChart(chart);
}

std::string FeatureAdoptionChart(const v1::UsageReport& report) {
  const v1::FeatureAdoption& features = report.features();
  struct Feature {
    const char* name;
    bool used;
    int64_t count;
  };
  const Feature rows[] = {
      {"Conversations", features.uses_conversations(),
       features.conversations()},
      {"Chat messages", features.uses_chat(), features.chat_messages()},
      {"Reports", features.uses_reports(), features.reports()},
      {"Tags", features.uses_tags(), features.tags()},
  };
  double maximum = 0;
  for (const Feature& row : rows) {
    maximum = std::max(maximum, static_cast<double>(row.count));
  }
  maximum = NiceMaximum(maximum);

  PlotArea area{.width = 640,
                .height = 150,
                .left = 110,
                .right = 70,
                .top = 8,
                .bottom = 8};
  std::string svg = OpenSvg(area, "Feature adoption");
  const double row_height = area.PlotHeight() / 4;
  for (int i = 0; i < 4; ++i) {
    const Feature& row = rows[i];
    const double y = area.top + row_height * i;
    const double width = area.PlotWidth() * row.count / maximum;
    const std::string color =
        ColorHex(row.used ? kSeriesColors[0] : render::kRule);
    absl::StrAppend(&svg, "<text class=\"legend\" x=\"", Number(area.left - 8),
                    "\" y=\"", Number(y + row_height / 2 + 4),
                    "\" text-anchor=\"end\" fill=\"", ColorHex(render::kInk),
                    "\">", EscapeHtml(row.name), "</text>", "<rect x=\"",
                    Number(area.left), "\" y=\"", Number(y + 6), "\" width=\"",
                    Number(std::max(width, 2.0)), "\" height=\"",
                    Number(row_height - 12), "\" fill=\"", color, "\"/>");
    absl::StrAppend(&svg, "<text class=\"legend\" x=\"",
                    Number(area.left + std::max(width, 2.0) + 6), "\" y=\"",
                    Number(y + row_height / 2 + 4), "\" fill=\"",
                    ColorHex(render::kMuted), "\">",
                    row.used ? render::FormatCount(row.count) : "not used",
                    "</text>");
  }
  absl::StrAppend(&svg, "</svg>");
  return svg;
}

std::string TimelineChart(const v1::UsageReport& report) {
  const PlotArea area;
  std::string svg = OpenSvg(area, "Activity timeline", "chart timeline");
  // The script redraws the <g> for the selected window with the same
  // geometry, which it reads from these attributes.
  absl::StrAppend(&svg, "<g id=\"timeline-plot\" data-left=\"",
                  Number(area.left), "\" data-top=\"", Number(area.top),
                  "\" data-width=\"", Number(area.PlotWidth()),
                  "\" data-height=\"", Number(area.PlotHeight()),
                  "\" data-colors=\"", ColorHex(kSeriesColors[0]), " ",
                  ColorHex(kSeriesColors[3]), " ", ColorHex(render::kHairline),
                  " ", ColorHex(render::kMuted), "\">");

  const auto& days = report.timeline().days();
  std::vector<double> conversations;
  std::vector<double> messages;
  for (const v1::DailyActivity& day : days) {
    conversations.push_back(day.conversations());
    messages.push_back(day.messages());
  }
  const double maximum =
      NiceMaximum(std::max(MaximumOf(conversations), MaximumOf(messages)));
  absl::StrAppend(&svg, ValueAxis(area, maximum, false, FormatAxisCount,
                                  /*whole_numbers=*/true));
  if (!days.empty()) {
    const double step = area.PlotWidth() / days.size();
    absl::StrAppend(
        &svg,
        Polyline(LinePoints(area, messages, maximum, step), kSeriesColors[3]),
        Polyline(LinePoints(area, conversations, maximum, step),
                 kSeriesColors[0]));
    for (int i = 0; i < days.size(); ++i) {
      const double x = area.left + step * (i + 0.5);
      const double y =
          area.Bottom() - area.PlotHeight() * conversations[i] / maximum;
      absl::StrAppend(
          &svg, "<circle class=\"point\" data-date=\"",
          EscapeHtml(days[i].date()), "\" cx=\"", Number(x), "\" cy=\"",
          Number(y), "\" r=\"2.5\" fill=\"", ColorHex(kSeriesColors[0]), "\">",
          Tooltip(absl::StrCat(days[i].date(), ": ", days[i].conversations(),
                               " conversations")),
          "</circle>");
    }
    absl::StrAppend(
        &svg, XLabel(area, area.left + step / 2, days[0].date()),
        XLabel(area, area.Right() - step / 2, days[days.size() - 1].date()));
  }
  absl::StrAppend(&svg, "</g>",
                  Legend(area, {{"Conversations", kSeriesColors[0], true},
                                {"Chat messages", kSeriesColors[3], true}}),
                  "</svg>");
  return svg;
}

}  // namespace usage::html
