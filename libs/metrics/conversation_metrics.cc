#include <utility>
#include <vector>

#include "metrics/period_metrics.h"

namespace usage::metrics_internal {

ConversationMetrics ComputeConversationMetrics(const RowSet& included,
                                               const Period& period) {
  ConversationMetrics metrics;
  std::vector<double> durations;
  for (const Conversation* conversation : included.conversations) {
    if (!InPeriod(conversation->created_at, period)) continue;

    const auto [seconds, estimated] = ConversationDuration(*conversation);
    durations.push_back(seconds);
    ++metrics.count;
    metrics.total_duration_seconds += seconds;
    if (estimated) {
      ++metrics.estimated_duration_count;
      metrics.estimated_duration_seconds += seconds;
    } else {
      ++metrics.recorded_duration_count;
      metrics.recorded_duration_seconds += seconds;
    }

    metrics.chunks += conversation->chunk_count;
    if (conversation->nonblank_chunk_count > 0) {
      ++metrics.with_content;
      if (conversation->source == kUploadSource) {
        ++metrics.uploaded;
      } else {
        ++metrics.recorded;
      }
    }
  }

  metrics.empty = metrics.count - metrics.with_content;
  metrics.mean_duration_seconds =
      Ratio(metrics.total_duration_seconds, metrics.count);
  metrics.mean_chunks_per_conversation =
      Ratio(static_cast<double>(metrics.chunks), metrics.count);
  metrics.p50_duration_seconds = Percentile(durations, 50);
  metrics.p90_duration_seconds = Percentile(std::move(durations), 90);
  return metrics;
}

}  // namespace usage::metrics_internal
