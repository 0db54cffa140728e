// The account-wide leaderboard: active users, daily averages and the top
// users, organisations and projects of a period, computed from the records
// of the whole platform. Nothing here depends on HTTP or gRPC.
#ifndef USAGE_METRICS_LEADERBOARD_H_
#define USAGE_METRICS_LEADERBOARD_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "metrics/excluded_accounts.h"
#include "period/period.h"
#include "records/records.h"
#include "source/platform_data.h"

namespace usage {

// A user ranked by logins.
struct LeaderboardUserRow {
  User user;
  int64_t logins = 0;
  // Logins divided by the period's weeks (days / 7), at least one week.
  double logins_per_week = 0;
};

// The users of one email domain.
struct LeaderboardOrganisationRow {
  std::string domain;  // lower case, such as "example.com"
  // Users of the domain with a login in the period.
  int64_t active_users = 0;
  // Logins of those users in the period.
  int64_t logins = 0;
  // Conversations created in the period in projects that users of the
  // domain own.
  int64_t conversations = 0;
};

// A project ranked by activity.
struct LeaderboardProjectRow {
  std::string id;
  std::string name;
  // Display name of the owner, or the owner id when the user is unknown.
  std::string owner;
  // Conversations created in the period.
  int64_t conversations = 0;
  // Chat sessions with a message in the period.
  int64_t chat_sessions = 0;
};

// The figures of one leaderboard.
struct Leaderboard {
  // Days of the period. For all time, the calendar days from the first to
  // the last counted event (conversation, message or login), or 0 without
  // events.
  int days = 0;
  // Distinct users with a login in the period.
  int64_t monthly_active_users = 0;
  // Distinct users with a login on the period's last day. For all time, the
  // last day is that of the last counted event.
  int64_t daily_active_users = 0;
  // Conversations created in the period, divided by `days`.
  double average_daily_conversations = 0;
  // Sum over the days of the projects with a conversation created or a chat
  // message sent that day, divided by `days`.
  double average_daily_active_projects = 0;
  // Users with at least one login, by logins per week, most first. Ties go
  // by email ignoring case, users without email last, then by id.
  std::vector<LeaderboardUserRow> top_users;
  // Domains with a login or a conversation, by logins, most first. Ties go
  // by domain.
  std::vector<LeaderboardOrganisationRow> top_organisations;
  // Projects with a conversation or an active chat session, by
  // conversations, then chat sessions, most first. Ties go by name, then
  // id.
  std::vector<LeaderboardProjectRow> top_projects;
  // Users of `data.users` that match the excluded accounts.
  int64_t excluded_users = 0;
};

// Computes the leaderboard of `data` for `period`, with days in `zone`.
//
// The rows that count are logins with a timestamp in the period,
// conversations created in the period and messages sent in it. A soft-deleted
// project or chat takes everything inside it out, as do soft-deleted
// conversations and chats themselves. Users matching `excluded` are left
// out with their logins and their projects, and with everything inside
// those projects. A conversation or chat whose project is not in
// `data.projects`, or a message whose chat is not in `data.chats`, does
// not count. Each ranking keeps its first `limit` rows (none when `limit`
// is not positive).
Leaderboard ComputeLeaderboard(const PlatformData& data, const Period& period,
                               absl::TimeZone zone,
                               const ExcludedAccounts& excluded, int limit);

}  // namespace usage

#endif  // USAGE_METRICS_LEADERBOARD_H_
