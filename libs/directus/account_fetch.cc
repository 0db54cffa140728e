// DirectusSource::FetchAccount: the account's queries run in parallel, and
// their rows are assembled into typed records.
#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "directus/account_queries.h"
#include "directus/directus_client.h"
#include "directus/directus_source.h"
#include "directus/query_json.h"
#include "directus/task_group.h"
#include "source/rows.h"

namespace usage {
namespace {

using Rows = std::vector<boost::json::object>;

// Rows per page of transcript and message text queries, whose rows can be
// megabytes each.
constexpr int kTranscriptPageSize = 100;

Collection Items(std::string name) {
  return Collection{name, "/items/" + name};
}

const Collection kLogins{"directus_activity", "/activity"};

// Chunks counted per conversation among those that `filter` selects.
GroupedQuery ChunkCounts(boost::json::object filter) {
  return GroupedQuery{std::move(filter),
                      boost::json::object{{"count", boost::json::array{"id"}}},
                      "conversation_id"};
}

// The raw results of every query of one account.
struct Fetched {
  Rows projects, tags, conversations, chats, messages, reports, logins;
  Rows chunk_groups, nonempty_chunk_groups, blank_candidates;
  Rows merged_transcripts, chunk_transcripts, user_message_texts;
  // Grouped min and max rows: projects by owner, conversations and chats
  // by project, logins by user.
  Rows project_bounds, conversation_bounds, chat_bounds, login_bounds;
};

// The mapping of one kind of event's grouped bounds rows onto ActivityBounds.
struct BoundsKind {
  const Rows Fetched::*rows;
  const char* field;        // the aggregated timestamp
  const char* group_field;  // the owner, project or user of each group
  bool grouped_by_project;  // else grouped by user
  TimeBounds ActivityBounds::*bounds;
};

constexpr BoundsKind kBoundsKinds[] = {
    {&Fetched::project_bounds, "created_at", "directus_user_id", false,
     &ActivityBounds::projects},
    {&Fetched::conversation_bounds, "created_at", "project_id", true,
     &ActivityBounds::conversations},
    {&Fetched::chat_bounds, "date_created", "project_id", true,
     &ActivityBounds::chats},
    {&Fetched::login_bounds, "timestamp", "user", false,
     &ActivityBounds::logins},
};

template <typename Record>
absl::StatusOr<std::vector<Record>> ParseAll(
    const Rows& rows,
    const std::function<absl::StatusOr<Record>(const boost::json::object&,
                                               ParseStats&)>& parse,
    ParseStats& stats) {
  std::vector<Record> records;
  records.reserve(rows.size());
  for (const boost::json::object& row : rows) {
    absl::StatusOr<Record> record = parse(row, stats);
    if (!record.ok()) return absl::InternalError(record.status().message());
    records.push_back(*std::move(record));
  }
  return records;
}

// Returns the min and max of `field` in a grouped aggregate row. Either is
// missing when the group's values are all null.
TimeBounds ParseGroupBounds(const boost::json::object& row,
                            std::string_view field, ParseStats& stats) {
  TimeBounds bounds;
  for (auto [operation, target] :
       {std::pair{"min", &bounds.first}, std::pair{"max", &bounds.last}}) {
    const boost::json::value* value = row.if_contains(operation);
    if (value != nullptr && value->is_object()) {
      *target = ParseTimestamp(value->get_object(), field, stats);
    }
  }
  return bounds;
}

// Widens `into` to cover `other`.
void Combine(TimeBounds& into, const TimeBounds& other) {
  if (other.first && (!into.first || *other.first < *into.first)) {
    into.first = other.first;
  }
  if (other.last && (!into.last || *other.last > *into.last)) {
    into.last = other.last;
  }
}

// Returns the count per conversation of grouped chunk rows.
absl::StatusOr<absl::flat_hash_map<std::string, int64_t>> ParseChunkGroups(
    const Rows& groups) {
  absl::flat_hash_map<std::string, int64_t> counts;
  for (const boost::json::object& group : groups) {
    absl::StatusOr<int64_t> count = ParseAggregateInteger(group, "count", "id");
    if (!count.ok()) {
      return absl::InternalError(
          absl::StrCat("conversation_chunk count: ", count.status().message()));
    }
    counts[ParseForeignKey(group, "conversation_id")] = *count;
  }
  return counts;
}

// Orders tags by creation, then by id (numerically where both are numbers).
bool TagBefore(
    const std::tuple<std::optional<absl::Time>, std::string, std::string>& a,
    const std::tuple<std::optional<absl::Time>, std::string, std::string>& b) {
  const auto& [a_time, a_id, a_text] = a;
  const auto& [b_time, b_id, b_text] = b;
  if (a_time != b_time) {
    if (!a_time.has_value()) return false;  // missing times last
    if (!b_time.has_value()) return true;
    return *a_time < *b_time;
  }
  int64_t a_number = 0;
  int64_t b_number = 0;
  if (absl::SimpleAtoi(a_id, &a_number) && absl::SimpleAtoi(b_id, &b_number)) {
    return a_number < b_number;
  }
  return a_id < b_id;
}

void AttachTags(const Rows& rows, std::vector<Project>& projects,
                ParseStats& stats) {
  absl::flat_hash_map<std::string,
                      std::vector<std::tuple<std::optional<absl::Time>,
                                             std::string, std::string>>>
      by_project;
  for (const boost::json::object& row : rows) {
    by_project[ParseForeignKey(row, "project_id")].emplace_back(
        ParseTimestamp(row, "created_at", stats), ParseForeignKey(row, "id"),
        ParseString(row, "text"));
  }
  for (Project& project : projects) {
    auto it = by_project.find(project.id);
    if (it == by_project.end()) continue;
    std::sort(it->second.begin(), it->second.end(), TagBefore);
    for (auto& tag : it->second) {
      project.tags.push_back(std::move(std::get<2>(tag)));
    }
  }
}

// Fills chunk counts, the non-blank ones included.
absl::Status AttachChunkCounts(const Fetched& fetched,
                               std::vector<Conversation>& conversations) {
  absl::StatusOr<absl::flat_hash_map<std::string, int64_t>> chunks =
      ParseChunkGroups(fetched.chunk_groups);
  if (!chunks.ok()) return chunks.status();
  absl::StatusOr<absl::flat_hash_map<std::string, int64_t>> nonblank =
      ParseChunkGroups(fetched.nonempty_chunk_groups);
  if (!nonblank.ok()) return nonblank.status();

  // `_nempty` counts "   " as content; the candidates that are only white
  // space come off again.
  for (const boost::json::object& row : fetched.blank_candidates) {
    if (IsBlank(ParseString(row, "transcript"))) {
      --(*nonblank)[ParseForeignKey(row, "conversation_id")];
    }
  }

  absl::flat_hash_map<std::string, Conversation*> by_id;
  for (Conversation& conversation : conversations) {
    by_id[conversation.id] = &conversation;
  }
  for (const auto& [id, count] : *chunks) {
    auto it = by_id.find(id);
    if (it == by_id.end()) {
      return absl::InternalError(absl::StrCat(
          "Directus counted chunks of conversation ", id,
          ", which is not among the account's conversations; the data "
          "changed during the fetch"));
    }
    it->second->chunk_count = count;
    it->second->nonblank_chunk_count =
        std::max<int64_t>(0, nonblank->contains(id) ? nonblank->at(id) : 0);
  }
  return absl::OkStatus();
}

// Counts transcript words of the conversations without a recorded duration.
void AttachWords(const Fetched& fetched,
                 std::vector<Conversation>& conversations) {
  absl::flat_hash_map<std::string, int64_t> words;
  for (const boost::json::object& row : fetched.chunk_transcripts) {
    words[ParseForeignKey(row, "conversation_id")] +=
        CountWords(ParseString(row, "transcript"));
  }
  // A merged transcript that is not blank wins over the chunks, which the
  // chunk query also returns for merged transcripts that only look blank.
  for (const boost::json::object& row : fetched.merged_transcripts) {
    const std::string merged = ParseString(row, "merged_transcript");
    if (!IsBlank(merged))
      words[ParseForeignKey(row, "id")] = CountWords(merged);
  }
  for (Conversation& conversation : conversations) {
    if (conversation.HasRecordedDuration()) continue;
    auto it = words.find(conversation.id);
    conversation.transcript_words = it == words.end() ? 0 : it->second;
  }
}

// Puts the fetched texts onto the messages from the user. A text of a
// message that is not in `messages`, one sent between the two queries, is
// left out like its message.
absl::Status AttachTexts(const Rows& rows, std::vector<ChatMessage>& messages) {
  absl::flat_hash_map<std::string, std::string> texts;
  for (const boost::json::object& row : rows) {
    texts[ParseForeignKey(row, "id")] = ParseString(row, "text");
  }
  for (ChatMessage& message : messages) {
    if (!absl::EqualsIgnoreCase(message.message_from, "user")) continue;
    auto it = texts.find(message.id);
    if (it == texts.end()) {
      return absl::InternalError(
          absl::StrCat("Directus returned no text for the user message ",
                       message.id, "; the data changed during the fetch"));
    }
    message.text = std::move(it->second);
  }
  return absl::OkStatus();
}

// Returns the bounds entry of the selected user that a grouped bounds row
// of `kind` belongs to, through the owner of its project where it is
// grouped by project.
absl::StatusOr<ActivityBounds*> GroupOwner(
    const boost::json::object& row, const BoundsKind& kind,
    const absl::flat_hash_map<std::string, std::string>& owners,
    std::map<std::string, ActivityBounds>& by_user) {
  std::string key = ParseForeignKey(row, kind.group_field);
  if (kind.grouped_by_project) {
    auto owner = owners.find(key);
    if (owner == owners.end()) {
      return absl::InternalError(absl::StrCat(
          "Directus returned activity bounds of project ", key,
          ", which is not among the account's projects; the data changed "
          "during the fetch"));
    }
    key = owner->second;
  }
  auto user = by_user.find(key);
  if (user == by_user.end()) {
    return absl::InternalError(
        absl::StrCat("Directus returned activity bounds of user \"", key,
                     "\", who is not among the selected users"));
  }
  return &user->second;
}

// Fills activity_by_user with an entry per selected user from the grouped
// bounds rows, and the account-wide activity from those entries.
absl::Status AttachActivity(const Fetched& fetched,
                            const std::vector<std::string>& user_ids,
                            AccountData& data, ParseStats& stats) {
  for (const std::string& id : user_ids) data.activity_by_user[id] = {};
  absl::flat_hash_map<std::string, std::string> owners;
  for (const Project& project : data.projects) {
    owners[project.id] = project.owner_id;
  }

  for (const BoundsKind& kind : kBoundsKinds) {
    for (const boost::json::object& row : fetched.*kind.rows) {
      absl::StatusOr<ActivityBounds*> user =
          GroupOwner(row, kind, owners, data.activity_by_user);
      if (!user.ok()) return user.status();
      Combine((*user)->*kind.bounds, ParseGroupBounds(row, kind.field, stats));
    }
  }

  for (const auto& [id, activity] : data.activity_by_user) {
    for (const BoundsKind& kind : kBoundsKinds) {
      Combine(data.activity.*kind.bounds, activity.*kind.bounds);
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<AccountData> Assemble(const Fetched& fetched,
                                     const AccountQuery& query) {
  AccountData data;
  ParseStats stats;

  auto projects = ParseAll<Project>(fetched.projects, ParseProject, stats);
  if (!projects.ok()) return projects.status();
  data.projects = *std::move(projects);
  AttachTags(fetched.tags, data.projects, stats);

  auto conversations =
      ParseAll<Conversation>(fetched.conversations, ParseConversation, stats);
  if (!conversations.ok()) return conversations.status();
  data.conversations = *std::move(conversations);
  if (absl::Status status = AttachChunkCounts(fetched, data.conversations);
      !status.ok()) {
    return status;
  }
  AttachWords(fetched, data.conversations);

  auto chats = ParseAll<Chat>(fetched.chats, ParseChat, stats);
  if (!chats.ok()) return chats.status();
  data.chats = *std::move(chats);
  auto messages =
      ParseAll<ChatMessage>(fetched.messages, ParseChatMessage, stats);
  if (!messages.ok()) return messages.status();
  data.messages = *std::move(messages);
  if (absl::Status status =
          AttachTexts(fetched.user_message_texts, data.messages);
      !status.ok()) {
    return status;
  }
  auto reports =
      ParseAll<ProjectReport>(fetched.reports, ParseProjectReport, stats);
  if (!reports.ok()) return reports.status();
  data.reports = *std::move(reports);
  auto logins = ParseAll<Login>(fetched.logins, ParseLogin, stats);
  if (!logins.ok()) return logins.status();
  data.logins = *std::move(logins);

  if (absl::Status status =
          AttachActivity(fetched, query.user_ids, data, stats);
      !status.ok()) {
    return status;
  }
  data.unparsable_values = stats.unparsable_values;
  return data;
}

absl::Status CheckQuery(const AccountQuery& query) {
  if (query.user_ids.empty()) {
    return absl::InvalidArgumentError("the account query selects no users");
  }
  for (const std::string& id : query.user_ids) {
    if (!IsUuid(id)) {
      return absl::InvalidArgumentError(
          absl::StrCat("user id \"", id, "\" is not a UUID"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<AccountData> DirectusSource::FetchAccount(
    const AccountQuery& query, const CallContext& context) {
  if (absl::Status status = CheckQuery(query); !status.ok()) return status;

  DirectusClient& client = *client_;
  const int page_size = client.options().page_size;
  const int transcript_page_size = std::min(page_size, kTranscriptPageSize);
  Fetched fetched;
  TaskGroup group(context);
  const CallContext& shared = group.context();

  // Each call starts one fetch on the group that fills `out`; `label` names
  // it in progress messages.
  const auto rows = [&](std::string label, Rows& out, Collection collection,
                        boost::json::object json, int size) {
    group.Run(
        [&client, &shared, &out, collection = std::move(collection),
         json = std::move(json), size]() -> absl::Status {
          auto result = client.FetchRows(collection, json, shared, size);
          if (!result.ok()) return result.status();
          out = *std::move(result);
          return absl::OkStatus();
        },
        std::move(label));
  };
  const auto groups = [&](std::string label, Rows& out, Collection collection,
                          GroupedQuery grouped) {
    group.Run(
        [&client, &shared, &out, collection = std::move(collection),
         grouped = std::move(grouped)]() -> absl::Status {
          auto result =
              client.FetchGroups(collection, grouped.filter, grouped.aggregate,
                                 grouped.group_field, shared);
          if (!result.ok()) return result.status();
          out = *std::move(result);
          return absl::OkStatus();
        },
        std::move(label));
  };

  // Projects, conversations and their chunks.
  rows("projects", fetched.projects, Items(kProject), ProjectsQuery(query),
       page_size);
  rows("tags", fetched.tags, Items(kProjectTag), TagsQuery(query), page_size);
  rows("conversations", fetched.conversations, Items(kConversation),
       ConversationsQuery(query), page_size);
  groups("chunk counts", fetched.chunk_groups, Items(kConversationChunk),
         ChunkCounts(ChunkFilter(query)));
  groups("transcribed chunk counts", fetched.nonempty_chunk_groups,
         Items(kConversationChunk), ChunkCounts(NonEmptyChunkFilter(query)));
  rows("blank chunks", fetched.blank_candidates, Items(kConversationChunk),
       BlankCandidateChunksQuery(query), transcript_page_size);
  rows("transcripts", fetched.merged_transcripts, Items(kConversation),
       MergedTranscriptsQuery(query), transcript_page_size);
  rows("chunk transcripts", fetched.chunk_transcripts,
       Items(kConversationChunk), ChunkTranscriptsQuery(query),
       transcript_page_size);

  // Chats, reports and logins.
  rows("chat sessions", fetched.chats, Items(kProjectChat), ChatsQuery(query),
       page_size);
  rows("chat messages", fetched.messages, Items(kProjectChatMessage),
       MessagesQuery(query), page_size);
  rows("chat queries", fetched.user_message_texts, Items(kProjectChatMessage),
       UserMessageTextsQuery(query), transcript_page_size);
  rows("reports", fetched.reports, Items(kProjectReport), ReportsQuery(query),
       page_size);
  rows("logins", fetched.logins, kLogins, LoginsQuery(query), page_size);

  // All-time activity bounds.
  groups("project activity", fetched.project_bounds, Items(kProject),
         ProjectBoundsByOwner(query));
  groups("conversation activity", fetched.conversation_bounds,
         Items(kConversation), ConversationBoundsByProject(query));
  groups("chat activity", fetched.chat_bounds, Items(kProjectChat),
         ChatBoundsByProject(query));
  groups("login activity", fetched.login_bounds, kLogins,
         LoginBoundsByUser(query));

  if (absl::Status status = group.Wait(); !status.ok()) return status;
  return Assemble(fetched, query);
}

}  // namespace usage
