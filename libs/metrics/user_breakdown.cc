#include "metrics/user_breakdown.h"

#include "absl/container/flat_hash_set.h"
#include "metrics/account_metrics.h"
#include "metrics/period_metrics.h"

namespace usage::metrics_internal {
namespace {

template <typename Row>
void KeepOwned(const std::vector<const Row*>& rows,
               const absl::flat_hash_set<std::string_view>& projects,
               std::vector<const Row*>& out) {
  for (const Row* row : rows) {
    if (projects.contains(row->project_id)) out.push_back(row);
  }
}

std::vector<Login> LoginsOf(const std::vector<Login>& logins,
                            std::string_view user_id) {
  std::vector<Login> user_logins;
  for (const Login& login : logins) {
    if (login.user_id == user_id) user_logins.push_back(login);
  }
  return user_logins;
}

}  // namespace

RowSet RowsOwnedBy(const RowSet& included, std::string_view user_id) {
  RowSet owned;
  absl::flat_hash_set<std::string_view> projects;
  for (const Project* project : included.projects) {
    if (project->owner_id != user_id) continue;
    owned.projects.push_back(project);
    projects.insert(project->id);
  }
  KeepOwned(included.conversations, projects, owned.conversations);
  KeepOwned(included.chats, projects, owned.chats);
  KeepOwned(included.reports, projects, owned.reports);
  for (const ProjectMessage& entry : included.messages) {
    if (projects.contains(entry.project_id)) owned.messages.push_back(entry);
  }
  return owned;
}

std::vector<UserBreakdown> BuildUserBreakdowns(
    const RowSet& included, const std::vector<Login>& logins,
    const std::vector<User>& users,
    const std::map<std::string, ActivityBounds>& activity_by_user,
    const Period& period, absl::TimeZone zone, absl::Time as_of) {
  std::vector<UserBreakdown> breakdowns;
  if (users.size() < 2) return breakdowns;

  for (const User& user : users) {
    const RowSet rows = RowsOwnedBy(included, user.id);
    UserBreakdown& breakdown = breakdowns.emplace_back();
    breakdown.user = user;
    breakdown.metrics =
        ComputePeriodMetrics(rows, LoginsOf(logins, user.id), period, zone);
    breakdown.features =
        ComputeFeatureAdoption(breakdown.metrics, rows, period);
    auto bounds = activity_by_user.find(user.id);
    breakdown.activity = ComputeActivity(
        bounds == activity_by_user.end() ? ActivityBounds{} : bounds->second,
        zone, as_of);
  }
  return breakdowns;
}

}  // namespace usage::metrics_internal
