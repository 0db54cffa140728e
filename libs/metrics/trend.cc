#include <cmath>
#include <vector>

#include "metrics/period_metrics.h"

namespace usage {

Trend MakeTrend(TrendMetric metric, double current, double previous) {
  Trend trend;
  trend.metric = metric;
  trend.current = current;
  trend.previous = previous;

  // A change from 0 has no percentage, and a made-up 100 % would mislead.
  if (previous == 0) {
    trend.direction =
        current > 0 ? TrendDirection::kNew : TrendDirection::kFlat;
    return trend;
  }

  const double percent = (current - previous) / previous * 100;
  if (std::isfinite(percent)) trend.percent_change = percent;
  if (current > previous) {
    trend.direction = TrendDirection::kUp;
  } else if (current < previous) {
    trend.direction = TrendDirection::kDown;
  } else {
    trend.direction = TrendDirection::kFlat;
  }
  return trend;
}

namespace metrics_internal {

std::vector<Trend> CompareTrends(const PeriodMetrics& current,
                                 const PeriodMetrics& previous) {
  auto count = [](int64_t value) { return static_cast<double>(value); };
  return {
      MakeTrend(TrendMetric::kProjects, count(current.projects.created),
                count(previous.projects.created)),
      MakeTrend(TrendMetric::kConversations, count(current.conversations.count),
                count(previous.conversations.count)),
      MakeTrend(TrendMetric::kDuration,
                current.conversations.total_duration_seconds,
                previous.conversations.total_duration_seconds),
      MakeTrend(TrendMetric::kLogins, count(current.logins.total),
                count(previous.logins.total)),
      MakeTrend(TrendMetric::kChatSessions, count(current.chat.active_sessions),
                count(previous.chat.active_sessions)),
      MakeTrend(TrendMetric::kMessages, count(current.chat.messages),
                count(previous.chat.messages)),
      MakeTrend(TrendMetric::kReports, count(current.reports.created),
                count(previous.reports.created)),
  };
}

}  // namespace metrics_internal
}  // namespace usage
