// Soft-delete exclusion: splits the rows of an account into those the
// metrics count and those they leave out.
#ifndef USAGE_METRICS_INCLUDED_ROWS_H_
#define USAGE_METRICS_INCLUDED_ROWS_H_

#include <optional>
#include <string_view>
#include <vector>

#include "absl/time/time.h"
#include "period/period.h"
#include "records/records.h"

namespace usage::metrics_internal {

// A chat message with the project of its chat; `project_id` is empty when
// the chat is unknown.
struct ProjectMessage {
  const ChatMessage* message = nullptr;
  std::string_view project_id;
};

// Rows of one side of the split. Pointers and views refer into the
// AccountData passed to SplitBySoftDelete, which must outlive this.
struct RowSet {
  std::vector<const Project*> projects;
  std::vector<const Conversation*> conversations;
  std::vector<const Chat*> chats;
  std::vector<ProjectMessage> messages;
  std::vector<const ProjectReport*> reports;
};

struct SplitRows {
  RowSet included;
  RowSet excluded;
};

// Splits `data` in its order. A row whose non-empty id repeats an earlier
// row of the same collection is left out of both sides. A project is
// excluded when deleted_at is set. A conversation, chat or report is
// excluded when its own deleted_at is set or its project is excluded or not
// in data.projects. A message is excluded when its chat is excluded or not
// in data.chats. Logins are never excluded and are not part of the split.
SplitRows SplitBySoftDelete(const AccountData& data);

// Returns `logins` in order without the logins whose non-empty id repeats
// an earlier one.
std::vector<Login> UniqueLogins(const std::vector<Login>& logins);

// Returns `users` in order without the users whose id repeats an earlier
// one.
std::vector<User> UniqueUsers(const std::vector<User>& users);

// Returns true when `t` is set and lies in `period`. For an all-time period
// that is every set instant.
bool InPeriod(const std::optional<absl::Time>& t, const Period& period);

}  // namespace usage::metrics_internal

#endif  // USAGE_METRICS_INCLUDED_ROWS_H_
