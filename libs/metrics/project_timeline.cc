#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/time/civil_time.h"
#include "metrics/timeline.h"

namespace usage::metrics_internal {
namespace {

using DayMap = std::map<absl::CivilDay, ProjectDay>;

// Position of a project in the timeline: its index in the projects table,
// or after every table row, then by id.
using Rank = std::pair<size_t, std::string_view>;

Rank RankOf(std::string_view project_id,
            const absl::flat_hash_map<std::string_view, size_t>& table_index,
            size_t table_size) {
  auto it = table_index.find(project_id);
  if (it != table_index.end()) return {it->second, {}};
  return {table_size, project_id};
}

std::string ProjectName(std::string_view project_id,
                        const std::vector<ProjectRow>& table,
                        const RowSet& included) {
  for (const ProjectRow& row : table) {
    if (row.id == project_id) return row.name;
  }
  for (const Project* project : included.projects) {
    if (project->id == project_id) return project->name;
  }
  return "";
}

}  // namespace

std::vector<ProjectTimeline> BuildProjectTimelines(
    const RowSet& included, const std::vector<ProjectRow>& table,
    const Period& window, absl::TimeZone zone) {
  absl::flat_hash_map<std::string_view, DayMap> per_project;
  for (const Conversation* conversation : included.conversations) {
    if (!InPeriod(conversation->created_at, window)) continue;
    const absl::CivilDay day = DayOf(*conversation->created_at, zone);
    ProjectDay& entry = per_project[conversation->project_id][day];
    entry.day = day;
    ++entry.conversations;
    entry.duration_seconds += ConversationDuration(*conversation).first;
  }

  absl::flat_hash_map<std::string_view, size_t> table_index;
  for (size_t i = 0; i < table.size(); ++i) table_index[table[i].id] = i;
  std::map<Rank, std::string_view> ordered;
  for (const auto& [project_id, days] : per_project) {
    ordered.emplace(RankOf(project_id, table_index, table.size()), project_id);
  }

  std::vector<ProjectTimeline> timelines;
  timelines.reserve(ordered.size());
  for (const auto& [rank, project_id] : ordered) {
    ProjectTimeline& timeline = timelines.emplace_back();
    timeline.project_id = std::string(project_id);
    timeline.project_name = ProjectName(project_id, table, included);
    for (const auto& [day, entry] : per_project[project_id]) {
      timeline.days.push_back(entry);
    }
  }
  return timelines;
}

}  // namespace usage::metrics_internal
