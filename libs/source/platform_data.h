// The records behind the leaderboard: every account of the platform, with
// only the fields that rankings need.
#ifndef USAGE_SOURCE_PLATFORM_DATA_H_
#define USAGE_SOURCE_PLATFORM_DATA_H_

#include <vector>

#include "absl/time/time.h"
#include "records/records.h"

namespace usage {

// The window of the records fetched for one leaderboard.
struct PlatformQuery {
  // Half-open window [start, end) of the events to fetch: conversations by
  // created_at, messages by date_created and logins by timestamp.
  // absl::InfinitePast() and absl::InfiniteFuture() mean no bound. Rows
  // whose event time is null or unparsable are never returned, because
  // every figure of the leaderboard counts events by day.
  absl::Time start = absl::InfinitePast();
  absl::Time end = absl::InfiniteFuture();
};

// Everything a data source returns for one leaderboard. Soft-deleted rows
// are included, because the leaderboard leaves them out itself. Each field
// names the members that sources must fill, and the others may stay empty.
struct PlatformData {
  // Every user: id, email and names.
  std::vector<User> users;
  // Every project: id, name, owner_id and deleted_at.
  std::vector<Project> projects;
  // Conversations created in the window: id, project_id, created_at and
  // deleted_at.
  std::vector<Conversation> conversations;
  // Every chat session: id, project_id and deleted_at.
  std::vector<Chat> chats;
  // Messages sent in the window: id, chat_id and created_at.
  std::vector<ChatMessage> messages;
  // Logins in the window: id, user_id and timestamp.
  std::vector<Login> logins;
};

}  // namespace usage

#endif  // USAGE_SOURCE_PLATFORM_DATA_H_
