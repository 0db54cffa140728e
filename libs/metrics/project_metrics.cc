#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "metrics/period_metrics.h"

namespace usage::metrics_internal {

ProjectMetrics ComputeProjectMetrics(const RowSet& included,
                                     const Period& period) {
  absl::flat_hash_map<std::string_view, int64_t> conversations_per_project;
  absl::flat_hash_set<std::string_view> active_projects;
  for (const Conversation* conversation : included.conversations) {
    if (!InPeriod(conversation->created_at, period)) continue;
    ++conversations_per_project[conversation->project_id];
    active_projects.insert(conversation->project_id);
  }
  for (const ProjectMessage& entry : included.messages) {
    if (InPeriod(entry.message->created_at, period)) {
      active_projects.insert(entry.project_id);
    }
  }

  ProjectMetrics metrics;
  std::vector<double> conversation_counts;
  double conversation_total = 0;
  for (const Project* project : included.projects) {
    if (IsOwned(*project, period)) {
      ++metrics.owned;
      auto it = conversations_per_project.find(project->id);
      const double count =
          it == conversations_per_project.end() ? 0 : it->second;
      conversation_counts.push_back(count);
      conversation_total += count;
    }
    if (InPeriod(project->created_at, period)) ++metrics.created;
    if (active_projects.contains(project->id)) ++metrics.active;
  }

  metrics.mean_conversations_per_project =
      Ratio(conversation_total, metrics.owned);
  metrics.p90_conversations_per_project =
      Percentile(std::move(conversation_counts), 90);
  return metrics;
}

}  // namespace usage::metrics_internal
