// Per-user breakdowns: the figures of each selected user's own projects and
// logins, for reports on more than one user.
#ifndef USAGE_METRICS_USER_BREAKDOWN_H_
#define USAGE_METRICS_USER_BREAKDOWN_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"
#include "metrics/included_rows.h"
#include "metrics/metrics.h"
#include "period/period.h"
#include "records/records.h"

namespace usage::metrics_internal {

// Returns the rows of `included` that belong to projects owned by
// `user_id`: the projects themselves and their conversations, chats,
// messages and reports.
RowSet RowsOwnedBy(const RowSet& included, std::string_view user_id);

// Returns one breakdown per user of `users`, in order, when there are two
// or more; else none. Each has the period figures and feature adoption of
// the user's own projects and logins in `period`, and the activity of
// `activity_by_user` for the user's id (no activity when it has no entry).
// `users` must not repeat an id.
std::vector<UserBreakdown> BuildUserBreakdowns(
    const RowSet& included, const std::vector<Login>& logins,
    const std::vector<User>& users,
    const std::map<std::string, ActivityBounds>& activity_by_user,
    const Period& period, absl::TimeZone zone, absl::Time as_of);

}  // namespace usage::metrics_internal

#endif  // USAGE_METRICS_USER_BREAKDOWN_H_
