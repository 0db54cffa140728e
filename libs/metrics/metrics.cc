#include "metrics/metrics.h"

#include "metrics/account_metrics.h"
#include "metrics/included_rows.h"
#include "metrics/period_metrics.h"

namespace usage {

using metrics_internal::BuildProjectTable;
using metrics_internal::CompareTrends;
using metrics_internal::ComputeActivity;
using metrics_internal::ComputeFeatureAdoption;
using metrics_internal::ComputePeriodMetrics;
using metrics_internal::CountDataQuality;
using metrics_internal::CountEffectiveDays;
using metrics_internal::SplitBySoftDelete;
using metrics_internal::SplitRows;

UsageMetrics ComputeUsage(const AccountData& data,
                          const std::vector<User>& users,
                          const ResolvedPeriods& periods, absl::TimeZone zone,
                          absl::Time as_of) {
  const SplitRows rows = SplitBySoftDelete(data);
  const Period& current = periods.current;

  UsageMetrics usage;
  usage.current =
      ComputePeriodMetrics(rows.included, data.logins, current, zone);
  if (periods.previous.has_value()) {
    usage.previous = ComputePeriodMetrics(rows.included, data.logins,
                                          *periods.previous, zone);
    usage.trends = CompareTrends(usage.current, *usage.previous);
  }

  usage.features =
      ComputeFeatureAdoption(usage.current, rows.included, current);
  usage.activity = ComputeActivity(data.activity, zone, as_of);
  usage.projects = BuildProjectTable(rows.included, users, current);
  usage.quality =
      CountDataQuality(data, rows, current, usage.current.conversations);
  usage.effective_days =
      CountEffectiveDays(rows.included, data.logins, current, zone);
  return usage;
}

}  // namespace usage
