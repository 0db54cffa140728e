#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "metrics/account_metrics.h"
#include "metrics/period_metrics.h"

namespace usage::metrics_internal {
namespace {

std::string OwnerName(const Project& project, const std::vector<User>& users) {
  for (const User& user : users) {
    if (user.id == project.owner_id) return user.DisplayName();
  }
  return project.owner_id;
}

ProjectRow MakeRow(const Project& project, const std::vector<User>& users) {
  ProjectRow row;
  row.id = project.id;
  row.name = project.name;
  row.owner = OwnerName(project, users);
  row.tags = project.tags;
  row.created_at = project.created_at;
  row.active = project.conversations_allowed;
  return row;
}

bool ComesBefore(const ProjectRow& a, const ProjectRow& b) {
  if (a.duration_seconds != b.duration_seconds) {
    return a.duration_seconds > b.duration_seconds;
  }
  if (a.conversations != b.conversations) {
    return a.conversations > b.conversations;
  }
  if (a.name != b.name) return a.name < b.name;
  return a.id < b.id;
}

}  // namespace

std::vector<ProjectRow> BuildProjectTable(const RowSet& included,
                                          const std::vector<User>& users,
                                          const Period& period) {
  std::vector<ProjectRow> rows;
  for (const Project* project : included.projects) {
    if (IsOwned(*project, period)) rows.push_back(MakeRow(*project, users));
  }
  // Index by id once the vector no longer grows, so pointers stay valid.
  absl::flat_hash_map<std::string_view, ProjectRow*> by_id;
  for (ProjectRow& row : rows) by_id.emplace(row.id, &row);

  for (const Conversation* conversation : included.conversations) {
    if (!InPeriod(conversation->created_at, period)) continue;
    auto it = by_id.find(conversation->project_id);
    if (it == by_id.end()) continue;
    ++it->second->conversations;
    it->second->duration_seconds += ConversationDuration(*conversation).first;
  }

  absl::flat_hash_map<ProjectRow*, absl::flat_hash_set<std::string_view>>
      sessions;
  for (const ProjectMessage& entry : included.messages) {
    if (!InPeriod(entry.message->created_at, period)) continue;
    auto it = by_id.find(entry.project_id);
    if (it == by_id.end()) continue;
    ++it->second->messages;
    if (IsUserMessage(*entry.message)) ++it->second->user_messages;
    sessions[it->second].insert(entry.message->chat_id);
  }
  for (auto& [row, chat_ids] : sessions) {
    row->chat_sessions = static_cast<int64_t>(chat_ids.size());
  }

  std::sort(rows.begin(), rows.end(), ComesBefore);
  return rows;
}

}  // namespace usage::metrics_internal
