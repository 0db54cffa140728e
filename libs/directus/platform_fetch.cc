// DirectusSource::FetchPlatform: the leaderboard's queries run in parallel,
// and their rows are parsed into typed records.
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "directus/account_queries.h"
#include "directus/directus_client.h"
#include "directus/directus_source.h"
#include "directus/platform_queries.h"
#include "directus/task_group.h"
#include "source/rows.h"

namespace usage {
namespace {

using Rows = std::vector<boost::json::object>;

const Collection kUsers{"directus_users", "/users"};
const Collection kLogins{"directus_activity", "/activity"};

Collection Items(std::string name) {
  return Collection{name, "/items/" + name};
}

// The raw results of every query of the leaderboard.
struct Fetched {
  Rows users, projects, conversations, chats, messages, logins;
};

// Parses every row with `parse`. A malformed row is INTERNAL, because the
// server, not the caller, sent it.
template <typename Record, typename Parse>
absl::StatusOr<std::vector<Record>> ParseAll(const Rows& rows, Parse parse) {
  ParseStats stats;
  std::vector<Record> records;
  records.reserve(rows.size());
  for (const boost::json::object& row : rows) {
    absl::StatusOr<Record> record = parse(row, stats);
    if (!record.ok()) return absl::InternalError(record.status().message());
    records.push_back(*std::move(record));
  }
  return records;
}

// Removes the records whose event time is missing: a timestamp that
// Directus returned but that does not parse.
template <typename Record, typename Field>
void DropUntimed(std::vector<Record>& records, Field field) {
  std::erase_if(records,
                [field](const Record& r) { return !(r.*field).has_value(); });
}

absl::StatusOr<PlatformData> Assemble(const Fetched& fetched) {
  PlatformData data;
  const auto parse_user = [](const boost::json::object& row, ParseStats&) {
    return ParseUser(row);
  };
  auto users = ParseAll<User>(fetched.users, parse_user);
  if (!users.ok()) return users.status();
  data.users = *std::move(users);

  auto projects = ParseAll<Project>(fetched.projects, ParseProject);
  if (!projects.ok()) return projects.status();
  data.projects = *std::move(projects);

  auto conversations =
      ParseAll<Conversation>(fetched.conversations, ParseConversation);
  if (!conversations.ok()) return conversations.status();
  data.conversations = *std::move(conversations);
  DropUntimed(data.conversations, &Conversation::created_at);

  auto chats = ParseAll<Chat>(fetched.chats, ParseChat);
  if (!chats.ok()) return chats.status();
  data.chats = *std::move(chats);

  auto messages = ParseAll<ChatMessage>(fetched.messages, ParseChatMessage);
  if (!messages.ok()) return messages.status();
  data.messages = *std::move(messages);
  DropUntimed(data.messages, &ChatMessage::created_at);

  auto logins = ParseAll<Login>(fetched.logins, ParseLogin);
  if (!logins.ok()) return logins.status();
  data.logins = *std::move(logins);
  DropUntimed(data.logins, &Login::timestamp);
  return data;
}

}  // namespace

absl::StatusOr<PlatformData> DirectusSource::FetchPlatform(
    const PlatformQuery& query, const CallContext& context) {
  DirectusClient& client = *client_;
  const int page_size = client.options().page_size;
  Fetched fetched;
  TaskGroup group(context);
  const CallContext& shared = group.context();

  const auto rows = [&](Rows& out, Collection collection,
                        boost::json::object json) {
    group.Run([&client, &shared, &out, page_size,
               collection = std::move(collection),
               json = std::move(json)]() -> absl::Status {
      auto result = client.FetchRows(collection, json, shared, page_size);
      if (!result.ok()) return result.status();
      out = *std::move(result);
      return absl::OkStatus();
    });
  };

  // NOTE: every conversation and message of the window comes as a row of
  // three or four short fields, because Directus groups days only in the
  // database's time zone. For all time on a large platform that is the
  // whole of both tables.
  rows(fetched.users, kUsers, PlatformUsersQuery());
  rows(fetched.projects, Items(kProject), PlatformProjectsQuery());
  rows(fetched.conversations, Items(kConversation),
       PlatformConversationsQuery(query));
  rows(fetched.chats, Items(kProjectChat), PlatformChatsQuery());
  rows(fetched.messages, Items(kProjectChatMessage),
       PlatformMessagesQuery(query));
  rows(fetched.logins, kLogins, PlatformLoginsQuery(query));

  if (absl::Status status = group.Wait(); !status.ok()) return status;
  return Assemble(fetched);
}

}  // namespace usage
