// The figures of a usage report that numbers in an LLM's text may refer to.
#ifndef USAGE_INSIGHTS_REPORT_FIGURES_H_
#define USAGE_INSIGHTS_REPORT_FIGURES_H_

#include <set>
#include <tuple>
#include <vector>

#include "echo/usage/v1/usage_service.pb.h"

namespace usage::insights {

// A calendar date as (year, month, day).
using CalendarDate = std::tuple<int, int, int>;

struct ReportFigures {
  // Every count, mean, percentile and day figure of the period, the
  // previous period, the projects, the query topics and the findings.
  // Durations are also given in minutes and hours, with the minutes left
  // over after whole hours. Trends add their differences and ratios, and
  // every share of one current figure in another is added in percent.
  // Values are not negative.
  std::vector<double> values;
  // Dates of the period, the previous period and the activity, in the
  // report's time zone.
  std::set<CalendarDate> dates;
  // (year, month) of every month that overlaps either period, and of the
  // dates above.
  std::set<std::pair<int, int>> months;
  // Hours of the day (0-23) with logins.
  std::set<int> login_hours;
};

// Collects the figures of `report`, including report.insights().findings().
ReportFigures CollectFigures(const echo::usage::v1::UsageReport& report);

}  // namespace usage::insights

#endif  // USAGE_INSIGHTS_REPORT_FIGURES_H_
