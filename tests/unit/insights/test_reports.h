// Builders of crafted usage reports for the insight rule tests.
#ifndef USAGE_TESTS_UNIT_INSIGHTS_TEST_REPORTS_H_
#define USAGE_TESTS_UNIT_INSIGHTS_TEST_REPORTS_H_

#include <string>
#include <vector>

#include "echo/usage/v1/usage_service.pb.h"

namespace usage::insights::testing {

using ::echo::usage::v1::Finding;
using ::echo::usage::v1::FindingFigure;
using ::echo::usage::v1::UsageReport;

// A report of one user for the 30 days 2026-03-01 to 2026-03-30, with an
// empty previous period and no activity.
inline UsageReport PeriodReport() {
  UsageReport report;
  report.add_users()->set_id("user-1");
  report.mutable_period()->set_preset(
      echo::usage::v1::PERIOD_PRESET_LAST_30_DAYS);
  report.mutable_period()->set_start_date("2026-03-01");
  report.mutable_period()->set_end_date("2026-03-30");
  report.mutable_period()->set_days(30);
  report.mutable_previous_period()->set_start_date("2026-01-30");
  report.mutable_previous_period()->set_end_date("2026-02-28");
  report.mutable_previous_metrics();
  return report;
}

// A report of one user over all time, without a previous period.
inline UsageReport AllTimeReport() {
  UsageReport report;
  report.add_users()->set_id("user-1");
  report.mutable_period()->set_preset(echo::usage::v1::PERIOD_PRESET_ALL_TIME);
  return report;
}

// Adds the trend of `metric` with the direction the metrics library gives.
inline void AddTrend(UsageReport& report, echo::usage::v1::TrendMetric metric,
                     double current, double previous) {
  echo::usage::v1::Trend* trend = report.add_trends();
  trend->set_metric(metric);
  trend->set_current(current);
  trend->set_previous(previous);
  if (previous == 0) {
    trend->set_direction(current > 0 ? echo::usage::v1::TREND_DIRECTION_NEW
                                     : echo::usage::v1::TREND_DIRECTION_FLAT);
    return;
  }
  trend->set_percent_change((current - previous) / previous * 100);
  trend->set_direction(current > previous ? echo::usage::v1::TREND_DIRECTION_UP
                       : current < previous
                           ? echo::usage::v1::TREND_DIRECTION_DOWN
                           : echo::usage::v1::TREND_DIRECTION_FLAT);
}

// Adds a timeline day with `logins` logins and nothing else.
inline void AddActiveDay(UsageReport& report, const std::string& date,
                         int64_t logins = 1) {
  echo::usage::v1::DailyActivity* day = report.mutable_timeline()->add_days();
  day->set_date(date);
  day->set_logins(logins);
}

// Adds an owned project with `conversations` conversations in the period.
inline void AddProject(UsageReport& report, const std::string& name,
                       int64_t conversations) {
  echo::usage::v1::ProjectRow* project = report.add_projects();
  project->set_id(name + "-id");
  project->set_name(name);
  project->set_conversations(conversations);
}

// Returns the findings of `kind`, in their order.
inline std::vector<Finding> OfKind(const std::vector<Finding>& findings,
                                   echo::usage::v1::FindingKind kind) {
  std::vector<Finding> matching;
  for (const Finding& finding : findings) {
    if (finding.kind() == kind) matching.push_back(finding);
  }
  return matching;
}

// Returns the figure named `name`, or an empty figure named "missing".
inline FindingFigure Figure(const Finding& finding, const std::string& name) {
  for (const FindingFigure& figure : finding.figures()) {
    if (figure.name() == name) return figure;
  }
  FindingFigure missing;
  missing.set_name("missing");
  return missing;
}

}  // namespace usage::insights::testing

#endif  // USAGE_TESTS_UNIT_INSIGHTS_TEST_REPORTS_H_
