#include "metrics/leaderboard.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/time/civil_time.h"

namespace usage {
namespace {

// The known users by id, and which of them are excluded.
struct Accounts {
  absl::flat_hash_map<std::string_view, const User*> by_id;
  absl::flat_hash_set<std::string_view> excluded;
};

// The rows that count: inside live projects and chats, outside excluded
// accounts, with their event time in the period.
struct CountedRows {
  // Projects that are not soft-deleted and whose owner is not excluded.
  absl::flat_hash_map<std::string_view, const Project*> projects;
  // Conversations with their project.
  std::vector<const Conversation*> conversations;
  // Messages with the project of their chat.
  std::vector<std::pair<const ChatMessage*, std::string_view>> messages;
  std::vector<const Login*> logins;
};

// Per-day activity, bucketed in the leaderboard's time zone.
struct DailyActivity {
  std::map<absl::CivilDay, absl::flat_hash_set<std::string_view>> projects;
  std::map<absl::CivilDay, absl::flat_hash_set<std::string_view>> users;
  std::optional<absl::CivilDay> first_day;
  std::optional<absl::CivilDay> last_day;
};

bool InPeriod(const std::optional<absl::Time>& t, const Period& period) {
  return t.has_value() && period.Contains(*t);
}

Accounts IndexAccounts(const PlatformData& data,
                       const ExcludedAccounts& excluded) {
  Accounts accounts;
  for (const User& user : data.users) {
    accounts.by_id[user.id] = &user;
    if (excluded.Matches(user)) accounts.excluded.insert(user.id);
  }
  return accounts;
}

// Returns true when the user `id` is excluded. A user that is not in the
// data can still be excluded by its id.
bool IsExcluded(std::string_view id, const Accounts& accounts,
                const ExcludedAccounts& excluded) {
  if (accounts.by_id.contains(id)) return accounts.excluded.contains(id);
  return excluded.Matches(User{.id = std::string(id)});
}

CountedRows SelectRows(const PlatformData& data, const Period& period,
                       const Accounts& accounts,
                       const ExcludedAccounts& excluded) {
  CountedRows rows;
  for (const Project& project : data.projects) {
    if (project.deleted_at.has_value()) continue;
    if (IsExcluded(project.owner_id, accounts, excluded)) continue;
    rows.projects[project.id] = &project;
  }

  // Live chats by id, with their project.
  absl::flat_hash_map<std::string_view, std::string_view> chats;
  for (const Chat& chat : data.chats) {
    if (!chat.deleted_at.has_value() &&
        rows.projects.contains(chat.project_id)) {
      chats[chat.id] = chat.project_id;
    }
  }

  for (const Conversation& conversation : data.conversations) {
    if (!conversation.deleted_at.has_value() &&
        rows.projects.contains(conversation.project_id) &&
        InPeriod(conversation.created_at, period)) {
      rows.conversations.push_back(&conversation);
    }
  }
  for (const ChatMessage& message : data.messages) {
    auto chat = chats.find(message.chat_id);
    if (chat != chats.end() && InPeriod(message.created_at, period)) {
      rows.messages.emplace_back(&message, chat->second);
    }
  }
  for (const Login& login : data.logins) {
    if (!login.user_id.empty() &&
        !IsExcluded(login.user_id, accounts, excluded) &&
        InPeriod(login.timestamp, period)) {
      rows.logins.push_back(&login);
    }
  }
  return rows;
}

void AddEventDay(absl::CivilDay day, DailyActivity& activity) {
  if (!activity.first_day || day < *activity.first_day) {
    activity.first_day = day;
  }
  if (!activity.last_day || day > *activity.last_day) activity.last_day = day;
}

DailyActivity BucketByDay(const CountedRows& rows, absl::TimeZone zone) {
  DailyActivity activity;
  for (const Conversation* conversation : rows.conversations) {
    const absl::CivilDay day = DayOf(*conversation->created_at, zone);
    activity.projects[day].insert(conversation->project_id);
    AddEventDay(day, activity);
  }
  for (const auto& [message, project_id] : rows.messages) {
    const absl::CivilDay day = DayOf(*message->created_at, zone);
    activity.projects[day].insert(project_id);
    AddEventDay(day, activity);
  }
  for (const Login* login : rows.logins) {
    const absl::CivilDay day = DayOf(*login->timestamp, zone);
    activity.users[day].insert(login->user_id);
    AddEventDay(day, activity);
  }
  return activity;
}

// Returns the user `id`, or a user with only that id when it is unknown.
User UserOf(std::string_view id, const Accounts& accounts) {
  auto it = accounts.by_id.find(id);
  if (it != accounts.by_id.end()) return *it->second;
  return User{.id = std::string(id)};
}

// Returns the lower-cased email domain of the user `id`, or "" when the
// user is unknown or has no email with a domain.
std::string DomainOf(std::string_view id, const Accounts& accounts) {
  auto it = accounts.by_id.find(id);
  if (it == accounts.by_id.end() || !it->second->email) return "";
  return EmailDomain(*it->second->email);
}

template <typename Row>
void KeepFirst(std::vector<Row>& rows, int limit) {
  const size_t max_rows = static_cast<size_t>(std::max(limit, 0));
  if (rows.size() > max_rows) rows.resize(max_rows);
}

// Orders users by email ignoring case, users without email last, then id.
auto UserTieKey(const User& user) {
  const bool has_email = user.email.has_value();
  return std::make_tuple(
      !has_email, has_email ? absl::AsciiStrToLower(*user.email) : "", user.id);
}

std::vector<LeaderboardUserRow> RankUsers(
    const absl::flat_hash_map<std::string_view, int64_t>& logins, int days,
    const Accounts& accounts) {
  const double weeks = std::max(static_cast<double>(days) / 7.0, 1.0);
  std::vector<LeaderboardUserRow> ranked;
  for (const auto& [id, count] : logins) {
    ranked.push_back(
        {UserOf(id, accounts), count, static_cast<double>(count) / weeks});
  }
  std::sort(ranked.begin(), ranked.end(),
            [](const LeaderboardUserRow& a, const LeaderboardUserRow& b) {
              if (a.logins != b.logins) return a.logins > b.logins;
              return UserTieKey(a.user) < UserTieKey(b.user);
            });
  return ranked;
}

std::vector<LeaderboardOrganisationRow> RankOrganisations(
    const absl::flat_hash_map<std::string_view, int64_t>& logins,
    const CountedRows& rows, const Accounts& accounts) {
  std::map<std::string, LeaderboardOrganisationRow> by_domain;
  for (const auto& [id, count] : logins) {
    const std::string domain = DomainOf(id, accounts);
    if (domain.empty()) continue;
    LeaderboardOrganisationRow& row = by_domain[domain];
    ++row.active_users;
    row.logins += count;
  }
  for (const Conversation* conversation : rows.conversations) {
    const Project& project = *rows.projects.at(conversation->project_id);
    const std::string domain = DomainOf(project.owner_id, accounts);
    if (!domain.empty()) ++by_domain[domain].conversations;
  }

  std::vector<LeaderboardOrganisationRow> ranked;
  for (auto& [domain, row] : by_domain) {
    row.domain = domain;
    ranked.push_back(std::move(row));
  }
  // The map's domain order is the tie order, which a stable sort keeps.
  std::stable_sort(
      ranked.begin(), ranked.end(),
      [](const LeaderboardOrganisationRow& a,
         const LeaderboardOrganisationRow& b) { return a.logins > b.logins; });
  return ranked;
}

std::vector<LeaderboardProjectRow> RankProjects(const CountedRows& rows,
                                                const Accounts& accounts) {
  absl::flat_hash_map<std::string_view, int64_t> conversations;
  for (const Conversation* conversation : rows.conversations) {
    ++conversations[conversation->project_id];
  }
  absl::flat_hash_map<std::string_view, absl::flat_hash_set<std::string_view>>
      active_chats;
  for (const auto& [message, project_id] : rows.messages) {
    active_chats[project_id].insert(message->chat_id);
  }

  std::vector<LeaderboardProjectRow> ranked;
  for (const auto& [id, project] : rows.projects) {
    auto count = conversations.find(id);
    auto chats = active_chats.find(id);
    if (count == conversations.end() && chats == active_chats.end()) continue;
    LeaderboardProjectRow row;
    row.id = project->id;
    row.name = project->name;
    row.owner = accounts.by_id.contains(project->owner_id)
                    ? accounts.by_id.at(project->owner_id)->DisplayName()
                    : project->owner_id;
    row.conversations = count == conversations.end() ? 0 : count->second;
    row.chat_sessions = chats == active_chats.end()
                            ? 0
                            : static_cast<int64_t>(chats->second.size());
    ranked.push_back(std::move(row));
  }
  std::sort(ranked.begin(), ranked.end(),
            [](const LeaderboardProjectRow& a, const LeaderboardProjectRow& b) {
              return std::tie(b.conversations, b.chat_sessions, a.name, a.id) <
                     std::tie(a.conversations, a.chat_sessions, b.name, b.id);
            });
  return ranked;
}

}  // namespace

Leaderboard ComputeLeaderboard(const PlatformData& data, const Period& period,
                               absl::TimeZone zone,
                               const ExcludedAccounts& excluded, int limit) {
  const Accounts accounts = IndexAccounts(data, excluded);
  const CountedRows rows = SelectRows(data, period, accounts, excluded);
  const DailyActivity activity = BucketByDay(rows, zone);

  Leaderboard board;
  board.excluded_users = static_cast<int64_t>(accounts.excluded.size());

  // For all time, the window is the span of the counted events.
  std::optional<absl::CivilDay> last_day = period.last_day;
  board.days = period.days;
  if (period.all_time()) {
    last_day = activity.last_day;
    board.days =
        activity.first_day
            ? static_cast<int>(*activity.last_day - *activity.first_day + 1)
            : 0;
  }

  absl::flat_hash_map<std::string_view, int64_t> logins_by_user;
  for (const Login* login : rows.logins) ++logins_by_user[login->user_id];
  board.monthly_active_users = static_cast<int64_t>(logins_by_user.size());
  if (last_day.has_value() && activity.users.contains(*last_day)) {
    board.daily_active_users =
        static_cast<int64_t>(activity.users.at(*last_day).size());
  }

  if (board.days > 0) {
    int64_t project_days = 0;
    for (const auto& [day, projects] : activity.projects) {
      project_days += static_cast<int64_t>(projects.size());
    }
    board.average_daily_conversations =
        static_cast<double>(rows.conversations.size()) / board.days;
    board.average_daily_active_projects =
        static_cast<double>(project_days) / board.days;
  }

  board.top_users = RankUsers(logins_by_user, board.days, accounts);
  board.top_organisations = RankOrganisations(logins_by_user, rows, accounts);
  board.top_projects = RankProjects(rows, accounts);
  KeepFirst(board.top_users, limit);
  KeepFirst(board.top_organisations, limit);
  KeepFirst(board.top_projects, limit);
  return board;
}

}  // namespace usage
