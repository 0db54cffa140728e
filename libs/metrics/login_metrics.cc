#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "metrics/period_metrics.h"

namespace usage {
namespace metrics_internal {
namespace {

// Returns the days that logins per week are spread over: the period's
// days, or for all time the days from the first to the last login day.
int64_t LoginWindowDays(const Period& period,
                        const std::map<absl::CivilDay, int64_t>& per_day) {
  if (!period.all_time()) return period.days;
  if (per_day.empty()) return 0;
  return per_day.rbegin()->first - per_day.begin()->first + 1;
}

double LoginsPerWeek(int64_t total, int64_t window_days) {
  if (window_days <= 0) return 0;
  const double weeks = std::max(static_cast<double>(window_days) / 7.0, 1.0);
  return static_cast<double>(total) / weeks;
}

}  // namespace

LoginMetrics ComputeLoginMetrics(const std::vector<Login>& logins,
                                 const Period& period, absl::TimeZone zone) {
  LoginMetrics metrics;
  std::map<absl::CivilDay, int64_t> per_day;
  std::map<std::pair<std::string_view, absl::CivilDay>, int64_t> per_user_day;
  absl::flat_hash_set<std::string_view> users;
  for (const Login& login : logins) {
    if (!InPeriod(login.timestamp, period)) continue;
    const absl::CivilDay day = DayOf(*login.timestamp, zone);
    ++metrics.total;
    ++per_day[day];
    ++per_user_day[{login.user_id, day}];
    ++metrics.hour_histogram[absl::ToCivilHour(*login.timestamp, zone).hour()];
    users.insert(login.user_id);
  }

  metrics.active_days = static_cast<int64_t>(per_day.size());
  metrics.unique_users = static_cast<int64_t>(users.size());
  const double total = static_cast<double>(metrics.total);
  metrics.mean_per_active_day = Ratio(total, metrics.active_days);
  metrics.mean_per_user = Ratio(total, metrics.unique_users);
  metrics.per_week =
      LoginsPerWeek(metrics.total, LoginWindowDays(period, per_day));
  metrics.band = BandForLoginsPerWeek(metrics.per_week);
  for (const auto& [day, count] : per_day) {
    metrics.daily.push_back({day, count});
  }
  for (const auto& [user_day, count] : per_user_day) {
    metrics.daily_per_user.push_back(
        {std::string(user_day.first), user_day.second, count});
  }
  return metrics;
}

}  // namespace metrics_internal

UsageBand BandForLoginsPerWeek(double per_week) {
  if (per_week > 8) return UsageBand::kPower;
  if (per_week >= 5) return UsageBand::kHigh;
  if (per_week >= 1) return UsageBand::kMedium;
  if (per_week > 0) return UsageBand::kLow;
  return UsageBand::kNone;
}

}  // namespace usage
