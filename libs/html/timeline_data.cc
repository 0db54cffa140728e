#include "html/timeline_data.h"

#include <map>
#include <vector>

#include "absl/strings/str_cat.h"
#include "html/html_escape.h"

namespace usage::html {
namespace {

namespace v1 = echo::usage::v1;

// A project's conversations on one day, by date.
using ProjectsByDate =
    std::map<std::string, std::vector<std::pair<std::string, int64_t>>>;

ProjectsByDate GroupProjectDays(const v1::Timeline& timeline) {
  ProjectsByDate by_date;
  for (const v1::ProjectTimeline& project : timeline.projects()) {
    for (const v1::ProjectDay& day : project.days()) {
      by_date[day.date()].emplace_back(project.project_name(),
                                       day.conversations());
    }
  }
  return by_date;
}

}  // namespace

std::string TimelineJson(const v1::UsageReport& report) {
  const ProjectsByDate projects = GroupProjectDays(report.timeline());
  std::string json = "{\"days\":[";
  bool first_day = true;
  for (const v1::DailyActivity& day : report.timeline().days()) {
    absl::StrAppend(&json, first_day ? "" : ",",
                    "{\"date\":", JsonString(day.date()),
                    ",\"conversations\":", day.conversations(),
                    ",\"messages\":", day.messages(), ",\"projects\":[");
    first_day = false;
    auto it = projects.find(day.date());
    if (it != projects.end()) {
      bool first_project = true;
      for (const auto& [name, conversations] : it->second) {
        absl::StrAppend(&json, first_project ? "" : ",", "[", JsonString(name),
                        ",", conversations, "]");
        first_project = false;
      }
    }
    absl::StrAppend(&json, "]}");
  }
  absl::StrAppend(&json, "]}");
  return json;
}

}  // namespace usage::html
