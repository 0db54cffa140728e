// DORMANCY and SHARED_ACCOUNT: the account's rhythm of activity and logins.
#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "insights/finding_rules.h"
#include "insights/number_text.h"
#include "insights/thresholds.h"

namespace usage::insights::insights_internal {
namespace {

using ::echo::usage::v1::Finding;
using ::echo::usage::v1::UsageReport;

bool HasActivity(const echo::usage::v1::DailyActivity& day) {
  return day.conversations() > 0 || day.duration_seconds() > 0 ||
         day.chat_sessions_started() > 0 || day.messages() > 0 ||
         day.logins() > 0;
}

// Returns the days with any activity in the period, in order, each once.
// Logins count from logins.daily too, so that reports whose timeline is
// missing still show their login rhythm.
std::vector<absl::CivilDay> ActiveDays(const UsageReport& report) {
  std::vector<absl::CivilDay> days;
  auto add = [&days](absl::string_view date) {
    absl::CivilDay day;
    if (absl::ParseCivilTime(date, &day)) days.push_back(day);
  };
  for (const auto& day : report.timeline().days()) {
    if (HasActivity(day)) add(day.date());
  }
  for (const auto& day : report.metrics().logins().daily()) {
    if (day.count() > 0) add(day.date());
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

// Returns the median gap in days between consecutive active days, or 0 when
// there are fewer than two active days.
double MedianGapDays(const std::vector<absl::CivilDay>& days) {
  if (days.size() < 2) return 0;
  std::vector<double> gaps;
  for (size_t i = 1; i < days.size(); ++i) {
    gaps.push_back(static_cast<double>(days[i] - days[i - 1]));
  }
  std::sort(gaps.begin(), gaps.end());
  const size_t middle = gaps.size() / 2;
  if (gaps.size() % 2 == 1) return gaps[middle];
  return (gaps[middle - 1] + gaps[middle]) / 2;
}

std::string DaysText(double days) {
  const std::string number =
      days == std::floor(days) ? FormatCount(days) : FormatOneDecimal(days);
  return absl::StrCat(number, number == "1" ? " day" : " days");
}

bool LooksShared(int64_t logins, int64_t active_days) {
  return active_days >= kSharedAccountMinActiveDays &&
         static_cast<double>(logins) / active_days >=
             kSharedAccountLoginsPerActiveDay;
}

void AddSharedSingleAccount(const UsageReport& report,
                            std::vector<Finding>& findings) {
  const echo::usage::v1::LoginMetrics& logins = report.metrics().logins();
  if (logins.active_days() < kSharedAccountMinActiveDays ||
      logins.mean_per_active_day() < kSharedAccountLoginsPerActiveDay) {
    return;
  }
  Finding finding = MakeFinding(
      echo::usage::v1::FINDING_KIND_SHARED_ACCOUNT,
      echo::usage::v1::FINDING_SEVERITY_WARNING,
      absl::StrCat("Logins average ",
                   FormatOneDecimal(logins.mean_per_active_day()),
                   " per active day over ", DaysText(logins.active_days()),
                   ", a sign that several people share the account."));
  AddFigure(finding, "logins_per_active_day", "Logins per active day",
            logins.mean_per_active_day(), "logins per day");
  AddFigure(finding, "login_active_days", "Days with a login",
            logins.active_days(), "days");
  AddFigure(finding, "logins", "Logins", logins.total(), "logins");
  findings.push_back(std::move(finding));
}

// Judges each selected user on their own daily logins, because one busy
// user's logins spread over the others' days would hide the signal.
void AddSharedAccounts(const UsageReport& report,
                       std::vector<Finding>& findings) {
  struct UserLogins {
    int64_t logins = 0;
    int64_t days = 0;
  };
  std::map<std::string, UserLogins> by_user;
  for (const auto& day : report.metrics().logins().daily_per_user()) {
    if (day.count() <= 0) continue;
    UserLogins& user = by_user[day.user_id()];
    user.logins += day.count();
    ++user.days;
  }

  int64_t shared_users = 0;
  double max_per_day = 0;
  for (const auto& [id, user] : by_user) {
    if (!LooksShared(user.logins, user.days)) continue;
    ++shared_users;
    max_per_day =
        std::max(max_per_day, static_cast<double>(user.logins) / user.days);
  }
  if (shared_users == 0) return;

  Finding finding = MakeFinding(
      echo::usage::v1::FINDING_KIND_SHARED_ACCOUNT,
      echo::usage::v1::FINDING_SEVERITY_WARNING,
      absl::StrCat(
          FormatCount(shared_users), " of ",
          CountOf(report.users_size(), "selected user", "selected users"),
          " log in ", FormatOneDecimal(kSharedAccountLoginsPerActiveDay),
          " or more times per active day (up to ",
          FormatOneDecimal(max_per_day),
          "), a sign that several people share those accounts."));
  AddFigure(finding, "users_with_shared_logins",
            "Users with many logins per active day", shared_users, "users");
  AddFigure(finding, "selected_users", "Selected users", report.users_size(),
            "users");
  AddFigure(finding, "max_logins_per_active_day",
            "Most logins per active day of one user", max_per_day,
            "logins per day");
  findings.push_back(std::move(finding));
}

}  // namespace

void AddDormancy(const UsageReport& report, std::vector<Finding>& findings) {
  const echo::usage::v1::Activity& activity = report.activity();
  if (!activity.has_days_since_last_activity()) return;
  const int64_t days_since = activity.days_since_last_activity();

  const std::vector<absl::CivilDay> active_days = ActiveDays(report);
  const double median_gap = MedianGapDays(active_days);
  const double threshold =
      std::max(kDormancyMinDays, kDormancyGapMultiple * median_gap);
  if (days_since <= threshold) return;

  const std::string rhythm =
      median_gap > 0
          ? absl::StrCat(", while active days are usually ",
                         DaysText(median_gap), " apart.")
          : ", and the period has too few active days to show a usual gap.";
  Finding finding = MakeFinding(
      echo::usage::v1::FINDING_KIND_DORMANCY,
      days_since > kDormancyCriticalDays
          ? echo::usage::v1::FINDING_SEVERITY_CRITICAL
          : echo::usage::v1::FINDING_SEVERITY_WARNING,
      absl::StrCat("No activity for ", DaysText(days_since), rhythm));
  AddFigure(finding, "days_since_last_activity", "Days since last activity",
            days_since, "days");
  if (median_gap > 0) {
    AddFigure(finding, "median_gap_days", "Usual gap between active days",
              median_gap, "days");
  }
  AddFigure(finding, "dormancy_threshold_days", "Days that count as dormant",
            threshold, "days");
  AddFigure(finding, "active_days", "Active days in the period",
            active_days.size(), "days");
  findings.push_back(std::move(finding));
}

void AddSharedAccount(const UsageReport& report,
                      std::vector<Finding>& findings) {
  if (report.users_size() > 1) {
    AddSharedAccounts(report, findings);
  } else {
    AddSharedSingleAccount(report, findings);
  }
}

}  // namespace usage::insights::insights_internal
