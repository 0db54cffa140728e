#include "metrics/metrics.h"

#include "metrics/account_metrics.h"
#include "metrics/included_rows.h"
#include "metrics/period_metrics.h"
#include "metrics/query_topics.h"
#include "metrics/timeline.h"
#include "metrics/user_breakdown.h"

namespace usage {

using metrics_internal::BuildProjectTable;
using metrics_internal::BuildTimeline;
using metrics_internal::BuildUserBreakdowns;
using metrics_internal::CompareTrends;
using metrics_internal::ComputeActivity;
using metrics_internal::ComputeFeatureAdoption;
using metrics_internal::ComputePeriodMetrics;
using metrics_internal::CountDataQuality;
using metrics_internal::CountEffectiveDays;
using metrics_internal::CountQueryTopics;
using metrics_internal::SplitBySoftDelete;
using metrics_internal::SplitRows;
using metrics_internal::UniqueLogins;
using metrics_internal::UniqueUsers;

UsageMetrics ComputeUsage(const AccountData& data,
                          const std::vector<User>& users,
                          const ResolvedPeriods& periods, absl::TimeZone zone,
                          absl::Time as_of) {
  const SplitRows rows = SplitBySoftDelete(data);
  const std::vector<Login> logins = UniqueLogins(data.logins);
  const Period& current = periods.current;

  UsageMetrics usage;
  usage.current = ComputePeriodMetrics(rows.included, logins, current, zone);
  if (periods.previous.has_value()) {
    usage.previous =
        ComputePeriodMetrics(rows.included, logins, *periods.previous, zone);
    usage.trends = CompareTrends(usage.current, *usage.previous);
  }

  usage.features =
      ComputeFeatureAdoption(usage.current, rows.included, current);
  usage.activity = ComputeActivity(data.activity, zone, as_of);
  usage.projects = BuildProjectTable(rows.included, users, current);
  usage.quality = CountDataQuality(data, rows, logins, current,
                                   usage.current.conversations);
  usage.effective_days =
      CountEffectiveDays(rows.included, logins, current, zone);

  usage.query_topics = CountQueryTopics(rows.included, current);
  usage.timeline =
      BuildTimeline(rows.included, logins, usage.projects, current, zone);
  usage.user_breakdowns =
      BuildUserBreakdowns(rows.included, logins, UniqueUsers(users),
                          data.activity_by_user, current, zone, as_of);
  return usage;
}

}  // namespace usage
