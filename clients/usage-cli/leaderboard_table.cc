#include "leaderboard_table.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "report_table.h"

namespace usage::cli {
namespace {

namespace v1 = echo::usage::v1;

std::string PeriodLine(const v1::GetLeaderboardResponse& leaderboard) {
  const v1::ResolvedPeriod& period = leaderboard.period();
  const std::string days =
      absl::StrCat(period.days(), period.days() == 1 ? " day" : " days");
  const std::string span =
      period.preset() == v1::PERIOD_PRESET_ALL_TIME
          ? absl::StrCat("all time (", days, " with activity)")
          : absl::StrCat(period.start_date(), " to ", period.end_date(), " (",
                         days, ")");
  return absl::StrCat("Leaderboard ", span, ", ",
                      Printable(leaderboard.time_zone()), "\n");
}

std::string Figures(const v1::GetLeaderboardResponse& leaderboard) {
  return FormatColumns(
      {{"Monthly active users",
        absl::StrCat(leaderboard.monthly_active_users())},
       {"Daily active users (last day)",
        absl::StrCat(leaderboard.daily_active_users())},
       {"Conversations per day",
        absl::StrFormat("%.2f", leaderboard.average_daily_conversations())},
       {"Active projects per day",
        absl::StrFormat("%.2f", leaderboard.average_daily_active_projects())},
       {"Excluded accounts", absl::StrCat(leaderboard.excluded_users())}},
      {false, true});
}

std::string UsersSection(const v1::GetLeaderboardResponse& leaderboard) {
  if (leaderboard.top_users().empty()) return "No user logged in.\n";
  std::vector<std::vector<std::string>> rows = {
      {"Top users", "Email", "Logins", "Per week"}};
  for (const v1::LeaderboardUser& row : leaderboard.top_users()) {
    rows.push_back({row.user().display_name(), row.user().email(),
                    absl::StrCat(row.logins()),
                    absl::StrFormat("%.2f", row.logins_per_week())});
  }
  return FormatColumns(std::move(rows), {false, false, true, true});
}

std::string OrganisationsSection(
    const v1::GetLeaderboardResponse& leaderboard) {
  if (leaderboard.top_organisations().empty()) {
    return "No organisation was active.\n";
  }
  std::vector<std::vector<std::string>> rows = {
      {"Top organisations", "Active users", "Logins", "Conversations"}};
  for (const v1::LeaderboardOrganisation& row :
       leaderboard.top_organisations()) {
    rows.push_back({row.domain(), absl::StrCat(row.active_users()),
                    absl::StrCat(row.logins()),
                    absl::StrCat(row.conversations())});
  }
  return FormatColumns(std::move(rows), {false, true, true, true});
}

std::string ProjectsSection(const v1::GetLeaderboardResponse& leaderboard) {
  if (leaderboard.top_projects().empty()) return "No project was active.\n";
  std::vector<std::vector<std::string>> rows = {
      {"Top projects", "Owner", "Conversations", "Chat sessions"}};
  for (const v1::LeaderboardProject& row : leaderboard.top_projects()) {
    rows.push_back({row.name(), row.owner(), absl::StrCat(row.conversations()),
                    absl::StrCat(row.chat_sessions())});
  }
  return FormatColumns(std::move(rows), {false, false, true, true});
}

}  // namespace

std::string FormatLeaderboardTable(
    const v1::GetLeaderboardResponse& leaderboard) {
  std::string notes;
  for (const std::string& note : leaderboard.notes()) {
    absl::StrAppend(&notes, "Note: ", Printable(note), "\n");
  }
  return absl::StrCat(PeriodLine(leaderboard), notes, "\n",
                      Figures(leaderboard), "\n", UsersSection(leaderboard),
                      "\n", OrganisationsSection(leaderboard), "\n",
                      ProjectsSection(leaderboard));
}

}  // namespace usage::cli
