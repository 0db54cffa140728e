#include "metrics/period_metrics.h"

#include <limits>
#include <map>
#include <string>

#include "absl/strings/match.h"

namespace usage::metrics_internal {

PeriodMetrics ComputePeriodMetrics(const RowSet& included,
                                   const std::vector<Login>& logins,
                                   const Period& period, absl::TimeZone zone) {
  PeriodMetrics metrics;
  metrics.conversations = ComputeConversationMetrics(included, period);
  metrics.chat = ComputeChatMetrics(included, period);
  metrics.projects = ComputeProjectMetrics(included, period);
  metrics.reports = ComputeReportMetrics(included, period);
  metrics.logins = ComputeLoginMetrics(logins, period, zone);
  return metrics;
}

ReportMetrics ComputeReportMetrics(const RowSet& included,
                                   const Period& period) {
  std::map<std::string, int64_t> by_status;
  ReportMetrics metrics;
  for (const ProjectReport* report : included.reports) {
    if (!InPeriod(report->created_at, period)) continue;
    ++metrics.created;
    ++by_status[report->status];
  }

  for (const auto& [status, count] : by_status) {
    metrics.by_status.push_back({status, count});
    if (status == "published") metrics.published = count;
    if (status == "error") metrics.error = count;
  }
  return metrics;
}

bool IsOwned(const Project& project, const Period& period) {
  return period.all_time() || !project.created_at.has_value() ||
         *project.created_at < period.end;
}

bool IsUserMessage(const ChatMessage& message) {
  return absl::EqualsIgnoreCase(message.message_from, "user");
}

bool IsAssistantMessage(const ChatMessage& message) {
  return absl::EqualsIgnoreCase(message.message_from, "assistant") ||
         absl::EqualsIgnoreCase(message.message_from, "dembrane");
}

int64_t SaturatingAdd(int64_t a, int64_t b) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  if (b > 0 && a > kMax - b) return kMax;
  if (b < 0 && a < kMin - b) return kMin;
  return a + b;
}

double Ratio(double total, int64_t count) {
  if (count == 0) return 0;
  return total / static_cast<double>(count);
}

}  // namespace usage::metrics_internal
