#include <algorithm>
#include <utility>

#include "metrics/metrics.h"

namespace usage {

std::pair<double, bool> ConversationDuration(const Conversation& conversation) {
  // A null, zero or negative duration means the recording did not store
  // one, so the audio length is estimated from what was transcribed; so
  // does a corrupt one beyond kMaxRecordedDurationSeconds.
  if (conversation.HasRecordedDuration()) {
    return {*conversation.duration_seconds, false};
  }

  const double from_chunks =
      kSecondsPerChunk * static_cast<double>(conversation.chunk_count);
  const double from_words =
      static_cast<double>(conversation.transcript_words.value_or(0)) /
      kWordsPerMinute * 60.0;
  return {std::max(from_chunks, from_words), true};
}

}  // namespace usage
