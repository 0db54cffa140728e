// The figures of a usage report that numbers in an LLM's text may refer to.
#ifndef USAGE_INSIGHTS_REPORT_FIGURES_H_
#define USAGE_INSIGHTS_REPORT_FIGURES_H_

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "echo/usage/v1/usage_service.pb.h"

namespace usage::insights {

// A calendar date as (year, month, day).
using CalendarDate = std::tuple<int, int, int>;

// The quantity a figure counts or measures, so that "36 conversations" is compared
// only with conversation figures.
enum class FigureKind {
  kConversations,
  kLogins,
  kMessages,
  kSessions,
  kProjects,
  kReports,
  kUsers,
  kDuration,  // Seconds, minutes or hours.
  kDays,
  kPercent,  // Shares and changes in percent.
  kOther,    // Tokens, ratios, topic counts and the like.
  kAny,      // A finding's figure without a known unit.
};

// A number a text may quote, with its sign and kind.
struct Figure {
  double value = 0;
  FigureKind kind = FigureKind::kOther;
};

struct ReportFigures {
  // The numbers a text may quote, with their signs. Only changes between
  // periods can be negative. The list is:
  // - every count, mean, percentile, per-unit figure (per week, per session,
  //   per active day) and day figure of the report: the period, the previous
  //   period, the trends, the projects, the query topics, the per-user
  //   breakdowns and the findings' figures;
  // - each duration in seconds also in minutes, hours, whole hours, whole
  //   minutes, minutes left over after whole hours and seconds left over
  //   after whole minutes;
  // - for each trend and each figure of `metrics` against the same figure
  //   of `previous_metrics`: the difference, the change in percent and the
  //   ratio current / previous ("2.1x");
  // - in percent of their whole, for the period and the previous period:
  //   empty, with_content, uploaded, recorded, recorded_duration_count and
  //   estimated_duration_count of the conversations; recorded and
  //   estimated duration of the total duration; user and assistant messages
  //   of all messages; active of owned projects; published and failed of
  //   created reports;
  // - logins per active day;
  // - in percent of the account's: each project's conversations, duration
  //   and messages, and the top two projects' conversations and duration.
  // Shares of other pairs of figures are not numbers a reader would state,
  // so they are left out.
  // Each figure has the kind of the field it comes from; a duration's forms
  // are durations, changes in percent and shares are percentages, a
  // difference has the kind of its figures and a ratio is kOther.
  std::vector<Figure> values;
  // Names of the projects (report.projects() and timeline.projects()) and
  // their tags, as written, without duplicates or empty names.
  std::vector<std::string> names;
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
