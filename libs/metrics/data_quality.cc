#include <algorithm>
#include <optional>
#include <vector>

#include "metrics/account_metrics.h"

namespace usage::metrics_internal {
namespace {

// Returns how many `rows` have a creation time in `period`.
template <typename Row>
int64_t CountCreatedIn(const std::vector<const Row*>& rows,
                       const Period& period) {
  return std::count_if(rows.begin(), rows.end(), [&period](const Row* row) {
    return InPeriod(row->created_at, period);
  });
}

template <typename Row>
int64_t CountMissingCreatedAt(const std::vector<const Row*>& rows) {
  return std::count_if(rows.begin(), rows.end(), [](const Row* row) {
    return !row->created_at.has_value();
  });
}

int64_t CountSoftDeleted(const RowSet& excluded, const Period& period) {
  // Projects and chats count over all time because the data contains all of
  // them; the other rows were fetched for a window, so only those in
  // `period` count.
  int64_t count =
      static_cast<int64_t>(excluded.projects.size() + excluded.chats.size());
  count += CountCreatedIn(excluded.conversations, period);
  count += CountCreatedIn(excluded.reports, period);
  count += std::count_if(excluded.messages.begin(), excluded.messages.end(),
                         [&period](const ProjectMessage& entry) {
                           return InPeriod(entry.message->created_at, period);
                         });
  return count;
}

int64_t CountMissingTimestamps(const RowSet& included,
                               const std::vector<Login>& logins) {
  int64_t count = CountMissingCreatedAt(included.projects) +
                  CountMissingCreatedAt(included.conversations) +
                  CountMissingCreatedAt(included.chats) +
                  CountMissingCreatedAt(included.reports);
  count += std::count_if(included.messages.begin(), included.messages.end(),
                         [](const ProjectMessage& entry) {
                           return !entry.message->created_at.has_value();
                         });
  count += std::count_if(logins.begin(), logins.end(), [](const Login& login) {
    return !login.timestamp.has_value();
  });
  return count;
}

}  // namespace

DataQuality CountDataQuality(const AccountData& data, const SplitRows& rows,
                             const std::vector<Login>& logins,
                             const Period& period,
                             const ConversationMetrics& conversations) {
  DataQuality quality;
  quality.estimated_durations = conversations.estimated_duration_count;
  for (const Conversation* conversation : rows.included.conversations) {
    if (InPeriod(conversation->created_at, period) &&
        conversation->chunk_count == 0) {
      ++quality.conversations_without_chunks;
    }
  }
  quality.soft_deleted_excluded = CountSoftDeleted(rows.excluded, period);
  quality.missing_timestamps = CountMissingTimestamps(rows.included, logins);
  quality.unparsable_values = data.unparsable_values;
  return quality;
}

}  // namespace usage::metrics_internal
