// GetLeaderboard: validation of the request, the fetch of the whole
// platform's records and their ranking into the response.
#ifndef USAGE_SERVICE_LEADERBOARD_RPC_H_
#define USAGE_SERVICE_LEADERBOARD_RPC_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "echo/usage/v1/usage_service.pb.h"
#include "metrics/excluded_accounts.h"
#include "period/period.h"
#include "source/call_context.h"
#include "source/data_source.h"

namespace usage {

// Entries per ranking when the request sets none, and the most it may set.
inline constexpr int kDefaultLeaderboardLimit = 10;
inline constexpr int kMaxLeaderboardLimit = 100;

// A validated GetLeaderboardRequest.
struct LeaderboardRequest {
  PeriodRequest period;
  std::string time_zone_name;  // "UTC" when the request left it empty
  absl::TimeZone time_zone;
  absl::Time as_of;
  int limit = kDefaultLeaderboardLimit;
};

// Validates `request` with the rules of ValidateReportRequest for the
// period, time zone and as_of, with `now` in place of an unset as_of. A limit of 0
// becomes kDefaultLeaderboardLimit. Returns INVALID_ARGUMENT naming the bad
// value, including a limit below 0 or above kMaxLeaderboardLimit.
absl::StatusOr<LeaderboardRequest> ValidateLeaderboardRequest(
    const echo::usage::v1::GetLeaderboardRequest& request, absl::Time now);

// Resolves the period, fetches the platform's records in its window from
// `source`, and ranks them, leaving out `excluded`. Returns the source's
// error when the fetch fails, never a partial leaderboard.
absl::StatusOr<echo::usage::v1::GetLeaderboardResponse> BuildLeaderboard(
    DataSource& source, const ExcludedAccounts& excluded,
    const LeaderboardRequest& request, const CallContext& context);

}  // namespace usage

#endif  // USAGE_SERVICE_LEADERBOARD_RPC_H_
