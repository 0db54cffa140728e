// The timeline of a report: day-by-day and month-by-month activity, and the
// days on which each project had conversations.
#ifndef USAGE_METRICS_TIMELINE_H_
#define USAGE_METRICS_TIMELINE_H_

#include <optional>
#include <vector>

#include "absl/time/time.h"
#include "metrics/included_rows.h"
#include "metrics/metrics.h"
#include "period/period.h"
#include "records/records.h"

namespace usage::metrics_internal {

// Builds the timeline of `period` in `zone` from the included rows and
// `logins`. `table` is the projects table of the same period, which orders
// the project timelines. Every figure counts the same rows as the period
// figures, bucketed by calendar day in `zone`.
Timeline BuildTimeline(const RowSet& included, const std::vector<Login>& logins,
                       const std::vector<ProjectRow>& table,
                       const Period& period, absl::TimeZone zone);

// Returns the days a timeline covers: `period` itself when it has dates.
// For all time, it returns the days from the first to the last event
// (project, conversation, chat or report created, message sent, login), as
// a custom period, and nothing without an event: the same span as the
// report's effective days. An all-time span longer than
// kMaxTimelineYears years keeps only its last kMaxTimelineYears years.
// Years an all-time timeline covers at most: far longer than ECHO has
// existed, so only a corrupt timestamp, such as a zero date, reaches it.
inline constexpr int kMaxTimelineYears = 30;

std::optional<Period> TimelineWindow(const RowSet& included,
                                     const std::vector<Login>& logins,
                                     const Period& period, absl::TimeZone zone);

// Returns one entry per day of `window`, zeros included, with the running
// sum of conversations from the window's first day.
std::vector<DailyActivity> BuildDailyActivity(const RowSet& included,
                                              const std::vector<Login>& logins,
                                              const Period& window,
                                              absl::TimeZone zone);

// Returns one entry per project with conversations in `window`: first the
// projects of `table` in its order, then any other project by id. Each
// lists its days with conversations, in order.
std::vector<ProjectTimeline> BuildProjectTimelines(
    const RowSet& included, const std::vector<ProjectRow>& table,
    const Period& window, absl::TimeZone zone);

// Returns one entry per calendar month that overlaps `window`, with the
// events of `window` only, so partial months at the ends hold part of their
// days.
std::vector<MonthlyActivity> BuildMonthlyActivity(
    const RowSet& included, const std::vector<Login>& logins,
    const Period& window, absl::TimeZone zone);

}  // namespace usage::metrics_internal

#endif  // USAGE_METRICS_TIMELINE_H_
