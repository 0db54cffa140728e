// A data source that reads a snapshot of the ECHO collections from JSON
// files, for a first run without Directus and for offline analysis of an
// export.
#ifndef USAGE_SNAPSHOT_SNAPSHOT_SOURCE_H_
#define USAGE_SNAPSHOT_SNAPSHOT_SOURCE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "records/records.h"
#include "source/data_source.h"

namespace usage {

// The file names of a snapshot, one per collection. Each file contains a
// JSON array of rows as Directus returns them, or an object whose "data"
// member is that array (a saved Directus response).
inline constexpr const char* kSnapshotFiles[] = {
    "directus_users.json",     "project.json",
    "project_tag.json",        "conversation.json",
    "conversation_chunk.json", "project_chat.json",
    "project_chat_message.json", "project_report.json",
    "directus_activity.json",
};

// Serves the records of a snapshot loaded into memory at start. It filters
// exactly as the Directus source does, so both give the same report for the
// same data. Thread-safe: the records are immutable after Load.
class SnapshotSource : public DataSource {
 public:
  // Loads every file of kSnapshotFiles from `dir`. Returns NOT_FOUND naming
  // a missing file and INVALID_ARGUMENT naming the file and row of malformed
  // content.
  static absl::StatusOr<std::unique_ptr<SnapshotSource>> Load(
      const std::string& dir);

  absl::StatusOr<std::vector<User>> FindUsers(
      const std::vector<std::string>& terms,
      const CallContext& context) override;
  absl::StatusOr<std::vector<User>> GetUsersById(
      const std::vector<std::string>& ids,
      const CallContext& context) override;
  absl::StatusOr<std::vector<User>> GetUsersByEmail(
      const std::vector<std::string>& emails,
      const CallContext& context) override;
  absl::StatusOr<AccountData> FetchAccount(
      const AccountQuery& query, const CallContext& context) override;
  std::string Name() const override { return "snapshot " + dir_; }

 private:
  SnapshotSource() = default;

  std::string dir_;
  std::vector<User> users_;
  std::vector<Project> projects_;
  std::vector<Conversation> conversations_;
  std::vector<Chat> chats_;
  std::vector<ChatMessage> messages_;
  std::vector<ProjectReport> reports_;
  std::vector<Login> logins_;
  int64_t unparsable_values_ = 0;
};

}  // namespace usage

#endif  // USAGE_SNAPSHOT_SNAPSHOT_SOURCE_H_
