#include "leaderboard_rpc.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "metrics/leaderboard.h"
#include "report_proto.h"
#include "report_request.h"

namespace usage {
namespace {

namespace v1 = echo::usage::v1;

// Any valid user id: ValidateReportRequest needs a selection, and the
// leaderboard has none.
constexpr char kPlaceholderUserId[] = "00000000-0000-0000-0000-000000000000";

void FillRankings(const Leaderboard& board,
                  v1::GetLeaderboardResponse& response) {
  for (const LeaderboardUserRow& row : board.top_users) {
    v1::LeaderboardUser& user = *response.add_top_users();
    *user.mutable_user() = ToProto(row.user);
    user.set_logins(row.logins);
    user.set_logins_per_week(row.logins_per_week);
  }
  for (const LeaderboardOrganisationRow& row : board.top_organisations) {
    v1::LeaderboardOrganisation& organisation =
        *response.add_top_organisations();
    organisation.set_domain(row.domain);
    organisation.set_active_users(row.active_users);
    organisation.set_logins(row.logins);
    organisation.set_conversations(row.conversations);
  }
  for (const LeaderboardProjectRow& row : board.top_projects) {
    v1::LeaderboardProject& project = *response.add_top_projects();
    project.set_id(row.id);
    project.set_name(row.name);
    project.set_owner(row.owner);
    project.set_conversations(row.conversations);
    project.set_chat_sessions(row.chat_sessions);
  }
}

}  // namespace

absl::StatusOr<LeaderboardRequest> ValidateLeaderboardRequest(
    const v1::GetLeaderboardRequest& request, absl::Time now) {
  // The period, time zone and as_of follow the report's rules, so they are
  // checked by the report's validation with a placeholder user.
  v1::GetUsageReportRequest report;
  report.add_users()->set_id(kPlaceholderUserId);
  *report.mutable_period() = request.period();
  report.set_time_zone(request.time_zone());
  if (request.has_as_of()) *report.mutable_as_of() = request.as_of();
  absl::StatusOr<ReportRequest> validated = ValidateReportRequest(report, now);
  if (!validated.ok()) return validated.status();

  if (request.limit() < 0 || request.limit() > kMaxLeaderboardLimit) {
    return absl::InvalidArgumentError(absl::StrCat(
        "invalid limit ", request.limit(), ": expected 1 to ",
        kMaxLeaderboardLimit, ", or 0 for ", kDefaultLeaderboardLimit));
  }
  LeaderboardRequest out;
  out.period = validated->period;
  out.time_zone_name = validated->time_zone_name;
  out.time_zone = validated->time_zone;
  out.as_of = validated->as_of;
  out.limit = request.limit() == 0 ? kDefaultLeaderboardLimit : request.limit();
  return out;
}

absl::StatusOr<v1::GetLeaderboardResponse> BuildLeaderboard(
    DataSource& source, const ExcludedAccounts& excluded,
    const LeaderboardRequest& request, const CallContext& context) {
  absl::StatusOr<ResolvedPeriods> periods =
      ResolvePeriod(request.period, request.time_zone, request.as_of);
  if (!periods.ok()) return periods.status();
  const Period& period = periods->current;

  PlatformQuery query;
  query.start = period.start;
  query.end = period.end;
  absl::StatusOr<PlatformData> data = source.FetchPlatform(query, context);
  if (!data.ok()) return data.status();

  const Leaderboard board = ComputeLeaderboard(*data, period, request.time_zone,
                                               excluded, request.limit);

  v1::GetLeaderboardResponse response;
  FillPeriod(period, board.days, *response.mutable_period());
  response.set_time_zone(request.time_zone_name);
  for (const std::string& note : periods->notes) response.add_notes(note);
  response.set_monthly_active_users(board.monthly_active_users);
  response.set_daily_active_users(board.daily_active_users);
  response.set_average_daily_conversations(board.average_daily_conversations);
  response.set_average_daily_active_projects(
      board.average_daily_active_projects);
  FillRankings(board, response);
  response.set_excluded_users(static_cast<int32_t>(board.excluded_users));
  return response;
}

}  // namespace usage
