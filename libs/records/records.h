// Typed records of the ECHO collections that the usage metrics read. Every
// data source (Directus, snapshot) produces these; the metrics code consumes
// them and does not depend on where they came from.
#ifndef USAGE_RECORDS_RECORDS_H_
#define USAGE_RECORDS_RECORDS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"

namespace usage {

// A Directus user (`directus_users`).
struct User {
  std::string id;
  std::optional<std::string> email;
  std::optional<std::string> first_name;
  std::optional<std::string> last_name;

  // Returns "first last" when either name is set and not blank, else the
  // email, else the id.
  std::string DisplayName() const;
};

// A project (`project`). Soft-deleted projects are kept so that the metrics
// can count what they exclude.
struct Project {
  std::string id;
  std::string name;
  std::string owner_id;  // directus_user_id
  std::optional<absl::Time> created_at;
  std::optional<absl::Time> deleted_at;
  bool conversations_allowed = true;  // is_conversation_allowed
  std::vector<std::string> tags;      // project_tag.text, by creation
};

// A conversation (`conversation`) with what the metrics need of its chunks.
struct Conversation {
  std::string id;
  std::string project_id;
  std::optional<absl::Time> created_at;
  std::optional<absl::Time> deleted_at;
  // Recorded duration in seconds; missing when null in the data.
  std::optional<double> duration_seconds;
  // `source`, such as "DASHBOARD_UPLOAD"; empty when null.
  std::string source;
  // Chunks of the conversation.
  int64_t chunk_count = 0;
  // Chunks whose transcript is not blank after trimming white space.
  int64_t nonblank_chunk_count = 0;
  // Whitespace-separated words of `merged_transcript`, or of the chunk
  // transcripts joined when that is empty. Sources fill it only when the
  // duration is missing or not above 0, because only estimation needs it.
  std::optional<int64_t> transcript_words;

  // True when duration_seconds is a usable recording length: above 0 and
  // at most kMaxRecordedDurationSeconds. Other values are estimated.
  bool HasRecordedDuration() const;
};

// The longest recorded duration taken as real: one week. No recording runs
// that long, so a larger value is a corrupt field, and taking it would
// swamp every total it enters.
inline constexpr double kMaxRecordedDurationSeconds = 7 * 24 * 3600;

// A chat session (`project_chat`).
struct Chat {
  std::string id;
  std::string project_id;
  std::optional<absl::Time> created_at;  // date_created
  std::optional<absl::Time> deleted_at;
};

// A chat message (`project_chat_message`).
struct ChatMessage {
  std::string id;
  std::string chat_id;       // project_chat_id
  std::string message_from;  // as stored: "User", "assistant", "dembrane"
  std::optional<int64_t> tokens;
  std::optional<absl::Time> created_at;  // date_created
  // The message text. Sources fill it only for messages from the user
  // (message_from "user" in any case), because only those feed the query
  // topics and length bands; it is empty for the others.
  std::string text;
};

// A generated report (`project_report`).
struct ProjectReport {
  std::string id;  // a bigint, kept as its decimal text
  std::string project_id;
  std::string status;
  std::optional<absl::Time> created_at;  // date_created
  std::optional<absl::Time> deleted_at;
};

// A login event (`directus_activity` with action "login").
struct Login {
  std::string id;
  std::string user_id;
  std::optional<absl::Time> timestamp;
};

// Earliest and latest instant of one kind of event.
struct TimeBounds {
  std::optional<absl::Time> first;
  std::optional<absl::Time> last;
};

// First and last activity of an account over all time up to `as_of`,
// soft-deleted rows excluded.
struct ActivityBounds {
  TimeBounds projects;
  TimeBounds conversations;
  TimeBounds chats;
  TimeBounds logins;
};

// Everything a data source returns for one report. The windowed collections
// (conversations, messages, reports, logins) also contain the rows whose
// timestamp is null, whatever the window, because the metrics count those
// rows as missing timestamps.
struct AccountData {
  // Projects owned by the selected users, soft-deleted ones included.
  std::vector<Project> projects;
  // Conversations of those projects created in the fetch window or without
  // created_at, soft-deleted ones included. Chunk counts and words cover the
  // same conversations.
  std::vector<Conversation> conversations;
  // All chat sessions of those projects, soft-deleted ones included.
  std::vector<Chat> chats;
  // Messages of those chats sent in the fetch window or without
  // date_created.
  std::vector<ChatMessage> messages;
  // Reports of those projects created in the fetch window or without
  // date_created, soft-deleted ones included.
  std::vector<ProjectReport> reports;
  // Logins of the selected users in the fetch window or without timestamp.
  std::vector<Login> logins;
  // All-time first and last activity.
  ActivityBounds activity;
  // All-time first and last activity of each selected user's own projects
  // and logins, by user id; every selected user has an entry.
  std::map<std::string, ActivityBounds> activity_by_user;
  // Optional values (timestamps) of this account's rows that failed to
  // parse and were treated as missing. Rows of other accounts never count.
  int64_t unparsable_values = 0;
};

}  // namespace usage

#endif  // USAGE_RECORDS_RECORDS_H_
