// Figures of a report that are not per period: feature adoption, activity,
// the projects table, data-quality counts and the effective number of days.
#ifndef USAGE_METRICS_ACCOUNT_METRICS_H_
#define USAGE_METRICS_ACCOUNT_METRICS_H_

#include <vector>

#include "absl/time/time.h"
#include "metrics/included_rows.h"
#include "metrics/metrics.h"
#include "period/period.h"
#include "records/records.h"

namespace usage::metrics_internal {

// Flags each feature used in `period` from the figures of `current`, and
// counts the tags of the projects owned in `period`.
FeatureAdoption ComputeFeatureAdoption(const PeriodMetrics& current,
                                       const RowSet& included,
                                       const Period& period);

// Copies `bounds` and derives the first and last activity over all kinds,
// and the calendar days in `zone` from the last activity to `as_of`.
Activity ComputeActivity(const ActivityBounds& bounds, absl::TimeZone zone,
                         absl::Time as_of);

// Builds one row per project owned in `period` with its activity in
// `period`, sorted by duration, then conversations (both descending), then
// name and id. The owner is the display name of the matching user in
// `users`, else the owner id.
std::vector<ProjectRow> BuildProjectTable(const RowSet& included,
                                          const std::vector<User>& users,
                                          const Period& period);

// Counts the data-quality figures of `period`. `logins` are the logins of
// `data` without repeats, and `conversations` the figures of the same
// period.
DataQuality CountDataQuality(const AccountData& data, const SplitRows& rows,
                             const std::vector<Login>& logins,
                             const Period& period,
                             const ConversationMetrics& conversations);

// Returns period.days, or for all time the calendar days in `zone` from the
// earliest to the latest creation time of the included rows and logins. An
// all-time period without any such time has 0 days.
int CountEffectiveDays(const RowSet& included, const std::vector<Login>& logins,
                       const Period& period, absl::TimeZone zone);

}  // namespace usage::metrics_internal

#endif  // USAGE_METRICS_ACCOUNT_METRICS_H_
