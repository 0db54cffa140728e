#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "metrics/period_metrics.h"

namespace usage::metrics_internal {
namespace {

// Counts the code points of UTF-8 `text` by its bytes that start a
// sequence. In invalid UTF-8 a stray continuation byte counts as nothing.
int64_t CountCodePoints(std::string_view text) {
  int64_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

void AddToLengthBand(const ChatMessage& message, MessageLengthBands& bands) {
  const int64_t length = CountCodePoints(message.text);
  if (length < 50) {
    ++bands.under_50;
  } else if (length < 200) {
    ++bands.from_50_to_199;
  } else {
    ++bands.from_200;
  }
}

}  // namespace

ChatMetrics ComputeChatMetrics(const RowSet& included, const Period& period) {
  ChatMetrics metrics;
  absl::flat_hash_map<std::string_view, int64_t> messages_per_session;
  for (const ProjectMessage& entry : included.messages) {
    const ChatMessage& message = *entry.message;
    if (!InPeriod(message.created_at, period)) continue;

    ++metrics.messages;
    ++messages_per_session[message.chat_id];
    if (IsUserMessage(message)) {
      ++metrics.user_messages;
      AddToLengthBand(message, metrics.user_message_lengths);
    }
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
