// SnapshotSource::FetchPlatform: the snapshot's records filtered by the
// window exactly as the Directus source's platform queries filter.
#include <optional>
#include <vector>

#include "absl/time/time.h"
#include "snapshot/snapshot_source.h"

namespace usage {
namespace {

// Returns true when `t` is set and lies in the query's window, as the
// Directus source's `_nnull` and window conditions select.
bool InWindow(const std::optional<absl::Time>& t, const PlatformQuery& query) {
  return t.has_value() && *t >= query.start && *t < query.end;
}

// Copies the records of `loaded` for which `keep` returns true.
template <typename Record, typename Keep>
std::vector<Record> Select(
    const std::vector<snapshot_internal::Loaded<Record>>& loaded, Keep keep) {
  std::vector<Record> records;
  for (const snapshot_internal::Loaded<Record>& row : loaded) {
    if (keep(row.record)) records.push_back(row.record);
  }
  return records;
}

}  // namespace

absl::StatusOr<PlatformData> SnapshotSource::FetchPlatform(
    const PlatformQuery& query, const CallContext& context) {
  if (absl::Status s = context.Check("reading the snapshot"); !s.ok()) {
    return s;
  }
  const auto all = [](const auto&) { return true; };

  PlatformData data;
  data.users = users_;
  data.projects = Select(projects_, all);
  data.chats = Select(chats_, all);
  data.conversations = Select(conversations_, [&](const Conversation& row) {
    return InWindow(row.created_at, query);
  });
  data.messages = Select(messages_, [&](const ChatMessage& row) {
    return InWindow(row.created_at, query);
  });
  data.logins = Select(logins_, [&](const Login& row) {
    return InWindow(row.timestamp, query);
  });
  return data;
}

}  // namespace usage
