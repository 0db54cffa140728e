#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "metrics/period_metrics.h"

namespace usage::metrics_internal {

ChatMetrics ComputeChatMetrics(const RowSet& included, const Period& period) {
  ChatMetrics metrics;
  absl::flat_hash_map<std::string_view, int64_t> messages_per_session;
  for (const ProjectMessage& entry : included.messages) {
    const ChatMessage& message = *entry.message;
    if (!InPeriod(message.created_at, period)) continue;

    ++metrics.messages;
    ++messages_per_session[message.chat_id];
    if (IsUserMessage(message)) ++metrics.user_messages;
    if (IsAssistantMessage(message)) ++metrics.assistant_messages;
    metrics.tokens = SaturatingAdd(metrics.tokens, message.tokens.value_or(0));
  }

  for (const Chat* chat : included.chats) {
    if (InPeriod(chat->created_at, period)) ++metrics.sessions_created;
  }

  metrics.active_sessions = static_cast<int64_t>(messages_per_session.size());
  std::vector<double> counts;
  counts.reserve(messages_per_session.size());
  for (const auto& [chat_id, count] : messages_per_session) {
    counts.push_back(static_cast<double>(count));
  }
  metrics.mean_messages_per_session =
      Ratio(static_cast<double>(metrics.messages), metrics.active_sessions);
  metrics.p50_messages_per_session = Percentile(counts, 50);
  metrics.p90_messages_per_session = Percentile(std::move(counts), 90);
  metrics.queries_per_session = Ratio(
      static_cast<double>(metrics.user_messages), metrics.active_sessions);
  return metrics;
}

}  // namespace usage::metrics_internal
