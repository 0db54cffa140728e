// A data source that reads a snapshot of the ECHO collections from JSON
// files, for a first run without Directus and for offline analysis of an
// export.
#ifndef USAGE_SNAPSHOT_SNAPSHOT_SOURCE_H_
#define USAGE_SNAPSHOT_SNAPSHOT_SOURCE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "records/records.h"
#include "source/data_source.h"

namespace usage {

namespace snapshot_internal {

// A record of a snapshot with the number of its optional values that failed
// to parse, so that each report counts only those of its own rows.
template <typename Record>
struct Loaded {
  Record record;
  int64_t unparsable_values = 0;
};

}  // namespace snapshot_internal

// The file names of a snapshot, one per collection. Each file contains a
// JSON array of rows as Directus returns them, or an object whose "data"
// member is that array (a saved Directus response), in UTF-8 with or without
// a byte-order mark. Load rejects a file in which two rows have the same
// id, and an id written as a number is the same as its decimal text.
inline constexpr const char* kSnapshotFiles[] = {
    "directus_users.json",       "project.json",
    "project_tag.json",          "conversation.json",
    "conversation_chunk.json",   "project_chat.json",
    "project_chat_message.json", "project_report.json",
    "directus_activity.json",
};

// Serves the records of a snapshot loaded into memory at start. It filters
// exactly as the Directus source does, so both give the same report for the
// same data. Thread-safe: the records are immutable after Load.
class SnapshotSource : public DataSource {
 public:
  // Loads every file of kSnapshotFiles from `dir`. Returns NOT_FOUND naming
  // a missing file, FAILED_PRECONDITION naming a file that is not a regular
  // file or cannot be read, and INVALID_ARGUMENT naming the file and row
  // of malformed content or the file and id of a repeated row id.
  static absl::StatusOr<std::unique_ptr<SnapshotSource>> Load(
      const std::string& dir);

  absl::StatusOr<std::vector<User>> FindUsers(
      const std::vector<std::string>& terms,
      const CallContext& context) override;
  absl::StatusOr<std::vector<User>> GetUsersById(
      const std::vector<std::string>& ids, const CallContext& context) override;
  absl::StatusOr<std::vector<User>> GetUsersByEmail(
      const std::vector<std::string>& emails,
      const CallContext& context) override;
  absl::StatusOr<AccountData> FetchAccount(const AccountQuery& query,
                                           const CallContext& context) override;
  absl::StatusOr<PlatformData> FetchPlatform(
      const PlatformQuery& query, const CallContext& context) override;
  std::string Name() const override { return "snapshot " + dir_; }

 private:
  SnapshotSource() = default;

  // Returns an entry per selected user with the bounds of their projects,
  // conversations and chats before as_of, leaving out soft-deleted rows and
  // rows of soft-deleted projects, and of their logins before as_of.
  std::map<std::string, ActivityBounds> ActivityByUser(
      const AccountQuery& query) const;

  template <typename Record>
  using Loaded = snapshot_internal::Loaded<Record>;

  std::string dir_;
  std::vector<User> users_;
  // The unparsable values of a project include those of its tags.
  std::vector<Loaded<Project>> projects_;
  std::vector<Loaded<Conversation>> conversations_;
  std::vector<Loaded<Chat>> chats_;
  std::vector<Loaded<ChatMessage>> messages_;
  std::vector<Loaded<ProjectReport>> reports_;
  std::vector<Loaded<Login>> logins_;
};

}  // namespace usage

#endif  // USAGE_SNAPSHOT_SNAPSHOT_SOURCE_H_
