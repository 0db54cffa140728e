#include "metrics/included_rows.h"

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"

namespace usage::metrics_internal {
namespace {

using IdSet = absl::flat_hash_set<std::string_view>;

// Passes the first row with each id. Rows without an id always pass
// because nothing shows that they repeat another row.
class FirstOccurrence {
 public:
  bool IsFirst(std::string_view id) {
    return id.empty() || seen_.insert(id).second;
  }

 private:
  IdSet seen_;
};

void SplitProjects(const AccountData& data, SplitRows& rows,
                   IdSet& included_ids) {
  FirstOccurrence unique;
  for (const Project& project : data.projects) {
    if (!unique.IsFirst(project.id)) continue;
    if (project.deleted_at.has_value()) {
      rows.excluded.projects.push_back(&project);
    } else {
      rows.included.projects.push_back(&project);
      included_ids.insert(project.id);
    }
  }
}

// Rows of an unknown project count as excluded, like rows of a deleted one.
template <typename Row>
void SplitProjectRows(const std::vector<Row>& source, const IdSet& projects,
                      std::vector<const Row*>& included,
                      std::vector<const Row*>& excluded) {
  FirstOccurrence unique;
  for (const Row& row : source) {
    if (!unique.IsFirst(row.id)) continue;
    if (row.deleted_at.has_value() || !projects.contains(row.project_id)) {
      excluded.push_back(&row);
    } else {
      included.push_back(&row);
    }
  }
}

void SplitMessages(const AccountData& data, SplitRows& rows) {
  absl::flat_hash_map<std::string_view, std::string_view> included_chats;
  for (const Chat* chat : rows.included.chats) {
    included_chats.emplace(chat->id, chat->project_id);
  }
  absl::flat_hash_map<std::string_view, std::string_view> excluded_chats;
  for (const Chat* chat : rows.excluded.chats) {
    excluded_chats.emplace(chat->id, chat->project_id);
  }

  FirstOccurrence unique;
  for (const ChatMessage& message : data.messages) {
    if (!unique.IsFirst(message.id)) continue;
    if (auto it = included_chats.find(message.chat_id);
        it != included_chats.end()) {
      rows.included.messages.push_back({&message, it->second});
      continue;
    }
    ProjectMessage excluded{&message, {}};
    if (auto it = excluded_chats.find(message.chat_id);
        it != excluded_chats.end()) {
      excluded.project_id = it->second;
    }
    rows.excluded.messages.push_back(excluded);
  }
}

}  // namespace

SplitRows SplitBySoftDelete(const AccountData& data) {
  SplitRows rows;
  IdSet projects;
  SplitProjects(data, rows, projects);
  SplitProjectRows(data.conversations, projects, rows.included.conversations,
                   rows.excluded.conversations);
  SplitProjectRows(data.chats, projects, rows.included.chats,
                   rows.excluded.chats);
  SplitProjectRows(data.reports, projects, rows.included.reports,
                   rows.excluded.reports);
  SplitMessages(data, rows);
  return rows;
}

std::vector<Login> UniqueLogins(const std::vector<Login>& logins) {
  std::vector<Login> unique_logins;
  unique_logins.reserve(logins.size());
  FirstOccurrence unique;
  for (const Login& login : logins) {
    if (unique.IsFirst(login.id)) unique_logins.push_back(login);
  }
  return unique_logins;
}

std::vector<User> UniqueUsers(const std::vector<User>& users) {
  std::vector<User> unique_users;
  unique_users.reserve(users.size());
  FirstOccurrence unique;
  for (const User& user : users) {
    if (unique.IsFirst(user.id)) unique_users.push_back(user);
  }
  return unique_users;
}

bool InPeriod(const std::optional<absl::Time>& t, const Period& period) {
  return t.has_value() && (period.all_time() || period.Contains(*t));
}

}  // namespace usage::metrics_internal
