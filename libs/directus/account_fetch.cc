// DirectusSource::FetchAccount: the account's queries run in parallel, and
// their rows are assembled into typed records.
#include <algorithm>
#include <functional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
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

// Rows per page of transcript queries, whose rows can be megabytes each.
constexpr int kTranscriptPageSize = 100;

Collection Items(std::string name) {
  return Collection{name, "/items/" + name};
}

const Collection kLogins{"directus_activity", "/activity"};

// The raw results of every query of one account.
struct Fetched {
  Rows projects, tags, conversations, chats, messages, reports, logins;
  Rows chunk_groups, nonempty_chunk_groups, blank_candidates;
  Rows merged_transcripts, chunk_transcripts;
  Rows project_bounds, conversation_bounds, chat_bounds, login_bounds;
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

absl::StatusOr<TimeBounds> ParseBounds(const Rows& rows, std::string_view field,
                                       const std::string& collection,
                                       ParseStats& stats) {
  TimeBounds bounds;
  if (rows.empty()) return bounds;
  if (rows.size() != 1) {
    return absl::InternalError(absl::StrCat("Directus returned ", rows.size(),
                                            " rows for the bounds of ",
                                            collection));
  }
  for (auto [operation, target] :
       {std::pair{"min", &bounds.first}, std::pair{"max", &bounds.last}}) {
    const boost::json::value* value = rows[0].if_contains(operation);
    if (value != nullptr && value->is_object()) {
      *target = ParseTimestamp(value->get_object(), field, stats);
    }
  }
  return bounds;
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

// Counts transcript words of the conversations without a positive duration.
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
    if (!IsBlank(merged)) words[ParseForeignKey(row, "id")] = CountWords(merged);
  }
  for (Conversation& conversation : conversations) {
    if (conversation.duration_seconds.value_or(0) > 0) continue;
    auto it = words.find(conversation.id);
    conversation.transcript_words = it == words.end() ? 0 : it->second;
  }
}

absl::StatusOr<AccountData> Assemble(const Fetched& fetched) {
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
  auto reports =
      ParseAll<ProjectReport>(fetched.reports, ParseProjectReport, stats);
  if (!reports.ok()) return reports.status();
  data.reports = *std::move(reports);
  auto logins = ParseAll<Login>(fetched.logins, ParseLogin, stats);
  if (!logins.ok()) return logins.status();
  data.logins = *std::move(logins);

  const std::pair<const Rows*, TimeBounds*> bounds[] = {
      {&fetched.project_bounds, &data.activity.projects},
      {&fetched.conversation_bounds, &data.activity.conversations},
      {&fetched.chat_bounds, &data.activity.chats},
      {&fetched.login_bounds, &data.activity.logins}};
  const char* fields[] = {"created_at", "created_at", "date_created",
                          "timestamp"};
  for (size_t i = 0; i < std::size(bounds); ++i) {
    auto parsed = ParseBounds(*bounds[i].first, fields[i], "activity", stats);
    if (!parsed.ok()) return parsed.status();
    *bounds[i].second = *parsed;
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

  const auto rows = [&](Rows& out, std::string collection,
                        boost::json::object json, int size) {
    group.Run([&client, &shared, &out, collection = Items(collection),
               json = std::move(json), size]() -> absl::Status {
      auto result = client.FetchRows(collection, json, shared, size);
      if (!result.ok()) return result.status();
      out = *std::move(result);
      return absl::OkStatus();
    });
  };
  const auto groups = [&](Rows& out, boost::json::object filter) {
    group.Run(
        [&client, &shared, &out, filter = std::move(filter)]() -> absl::Status {
          auto result = client.FetchGroups(
              Items(kConversationChunk), filter,
              boost::json::object{{"count", boost::json::array{"id"}}},
              "conversation_id", shared);
          if (!result.ok()) return result.status();
          out = *std::move(result);
          return absl::OkStatus();
        });
  };
  const auto aggregate = [&](Rows& out, Collection collection,
                             boost::json::object json) {
    group.Run([&client, &shared, &out, collection = std::move(collection),
               json = std::move(json)]() -> absl::Status {
      auto response = client.Search(collection, json, shared);
      if (!response.ok()) return response.status();
      boost::json::value* data = response->if_contains("data");
      if (data == nullptr || !data->is_array()) {
        return absl::InternalError(absl::StrCat(
            "Directus response for ", collection.name, " has no data array"));
      }
      for (boost::json::value& row : data->get_array()) {
        if (row.is_object()) out.push_back(std::move(row.get_object()));
      }
      return absl::OkStatus();
    });
  };

  rows(fetched.projects, kProject, ProjectsQuery(query), page_size);
  rows(fetched.tags, kProjectTag, TagsQuery(query), page_size);
  rows(fetched.conversations, kConversation, ConversationsQuery(query),
       page_size);
  groups(fetched.chunk_groups, ChunkFilter(query));
  groups(fetched.nonempty_chunk_groups, NonEmptyChunkFilter(query));
  rows(fetched.blank_candidates, kConversationChunk,
       BlankCandidateChunksQuery(query), transcript_page_size);
  rows(fetched.merged_transcripts, kConversation, MergedTranscriptsQuery(query),
       transcript_page_size);
  rows(fetched.chunk_transcripts, kConversationChunk,
       ChunkTranscriptsQuery(query), transcript_page_size);
  rows(fetched.chats, kProjectChat, ChatsQuery(query), page_size);
  rows(fetched.messages, kProjectChatMessage, MessagesQuery(query), page_size);
  rows(fetched.reports, kProjectReport, ReportsQuery(query), page_size);
  group.Run([&]() -> absl::Status {
    auto result =
        client.FetchRows(kLogins, LoginsQuery(query), shared, page_size);
    if (!result.ok()) return result.status();
    fetched.logins = *std::move(result);
    return absl::OkStatus();
  });
  aggregate(fetched.project_bounds, Items(kProject), ProjectBoundsQuery(query));
  aggregate(fetched.conversation_bounds, Items(kConversation),
            ConversationBoundsQuery(query));
  aggregate(fetched.chat_bounds, Items(kProjectChat), ChatBoundsQuery(query));
  aggregate(fetched.login_bounds, kLogins, LoginBoundsQuery(query));

  if (absl::Status status = group.Wait(); !status.ok()) return status;
  return Assemble(fetched);
}

}  // namespace usage
