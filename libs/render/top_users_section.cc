#include "render/top_users_section.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "render/format.h"
#include "render/style.h"
#include "render/summary_figures.h"
#include "render/table.h"

namespace usage::render {
namespace {

using ::echo::usage::v1::UsageReport;
using ::echo::usage::v1::UserBreakdown;

// Shown in place of a missing value.
constexpr char kNone[] = "–";

std::vector<TableColumn> TopUserColumns() {
  return {
      {"User", 170, CellAlignment::kStart},
      {"Logins", 55, CellAlignment::kEnd},
      {"Conversations", 70, CellAlignment::kEnd},
      {"Duration", 75, CellAlignment::kEnd},
      {"Chat messages", 65, CellAlignment::kEnd},
      {"Last activity", 70, CellAlignment::kStart},
  };
}

std::string DateOrNone(bool present, const google::protobuf::Timestamp& time,
                       const ReportContext& context) {
  return present ? FormatDate(ToAbslTime(time), context.zone) : kNone;
}

std::string UserName(const echo::usage::v1::User& user) {
  if (!user.display_name().empty()) return user.display_name();
  return user.id().empty() ? std::string("(unknown user)") : user.id();
}

}  // namespace

std::vector<std::vector<std::string>> TopUserRows(
    const UsageReport& report, const ReportContext& context) {
  std::vector<const UserBreakdown*> users;
  for (const UserBreakdown& user : report.user_breakdowns()) {
    users.push_back(&user);
  }
  std::stable_sort(users.begin(), users.end(),
                   [](const UserBreakdown* a, const UserBreakdown* b) {
                     const auto& ma = a->metrics();
                     const auto& mb = b->metrics();
                     if (ma.logins().total() != mb.logins().total()) {
                       return ma.logins().total() > mb.logins().total();
                     }
                     return ma.conversations().count() >
                            mb.conversations().count();
                   });

  std::vector<std::vector<std::string>> rows;
  for (const UserBreakdown* user : users) {
    const echo::usage::v1::PeriodMetrics& metrics = user->metrics();
    rows.push_back({
        UserName(user->user()),
        FormatCount(metrics.logins().total()),
        FormatCount(metrics.conversations().count()),
        FormatDuration(metrics.conversations().total_duration_seconds()),
        FormatCount(metrics.chat().messages()),
        DateOrNone(user->activity().has_last_activity(),
                   user->activity().last_activity(), context),
    });
  }
  return rows;
}

std::vector<std::vector<std::string>> LoginFigureRows(
    const UsageReport& report, const ReportContext& context) {
  const echo::usage::v1::LoginMetrics& logins = report.metrics().logins();
  return {
      {"Logins", FormatCount(logins.total())},
      {"Active days", FormatCount(logins.active_days())},
      {"Logins per active day", FormatDecimal(logins.mean_per_active_day(), 1)},
      {"Logins per week", FormatDecimal(logins.per_week(), 1)},
      {"Usage band", UsageBandText(logins.band())},
      {"Last login", DateOrNone(report.activity().has_last_login(),
                                report.activity().last_login(), context)},
  };
}

void DrawTopUsersSection(PageCanvas& canvas, const UsageReport& report,
                         const ReportContext& context) {
  if (!report.user_breakdowns().empty()) {
    DrawTable(canvas, TopUserColumns(), TopUserRows(report, context),
              TableOptions{.heading = "Top users",
                           .continued_heading = "Top users (continued)"});
  } else {
    DrawTable(canvas,
              {{"Figure", 300, CellAlignment::kStart},
               {"Value", 180, CellAlignment::kEnd}},
              LoginFigureRows(report, context),
              TableOptions{.heading = "Logins"});
  }
  canvas.MoveDown(kSectionGap);
}

}  // namespace usage::render
