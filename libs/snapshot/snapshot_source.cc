#include "snapshot/snapshot_source.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "boost/json/parse.hpp"
#include "source/rows.h"

namespace usage {
namespace {

using Rows = std::vector<boost::json::object>;

template <typename Record>
using Loaded = snapshot_internal::Loaded<Record>;

// The UTF-8 encoding of U+FEFF, which some editors and exporters write at
// the start of a file.
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

absl::StatusOr<std::string> ReadFile(const std::filesystem::path& path) {
  std::error_code error;
  const std::filesystem::file_status status =
      std::filesystem::status(path, error);
  if (error && status.type() != std::filesystem::file_type::not_found) {
    return absl::FailedPreconditionError(
        absl::StrCat("snapshot file ", path.string(),
                     " could not be read: ", error.message()));
  }
  if (!std::filesystem::exists(status)) {
    return absl::NotFoundError(
        absl::StrCat("snapshot file ", path.string(), " is missing"));
  }
  if (!std::filesystem::is_regular_file(status)) {
    return absl::FailedPreconditionError(absl::StrCat(
        "snapshot file ", path.string(),
        " is not a regular file. Replace it with the JSON file of the "
        "collection's rows."));
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return absl::FailedPreconditionError(absl::StrCat(
        "snapshot file ", path.string(), " could not be opened for reading"));
  }
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

// Returns INVALID_ARGUMENT when two rows have the same id. Rows without an
// id are not checked here, and the row parsers reject them where an id is
// required.
absl::Status CheckUniqueIds(const Rows& rows,
                            const std::filesystem::path& path) {
  absl::flat_hash_map<std::string, size_t> first_row;
  for (size_t i = 0; i < rows.size(); ++i) {
    std::string id = ParseForeignKey(rows[i], "id");
    if (id.empty()) continue;
    auto [it, inserted] = first_row.emplace(id, i);
    if (!inserted) {
      return absl::InvalidArgumentError(absl::StrCat(
          "snapshot file ", path.string(), ": rows ", it->second, " and ", i,
          " have the same id \"", id, "\", but each id may occur only once"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<Rows> ReadRows(const std::filesystem::path& path) {
  absl::StatusOr<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  std::string_view json = *text;
  if (json.starts_with(kByteOrderMark)) {
    json.remove_prefix(kByteOrderMark.size());
  }

  boost::system::error_code error;
  boost::json::value document = boost::json::parse(
      boost::json::string_view(json.data(), json.size()), error);
  if (error) {
    return absl::InvalidArgumentError(absl::StrCat(
        "snapshot file ", path.string(), " is not JSON: ", error.message()));
  }
  const boost::json::array* rows = document.if_array();
  if (rows == nullptr && document.is_object()) {
    if (const boost::json::value* data =
            document.as_object().if_contains("data")) {
      rows = data->if_array();
    }
  }
  if (rows == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("snapshot file ", path.string(),
                     " must contain an array of rows or {\"data\": [...]}"));
  }

  Rows out;
  out.reserve(rows->size());
  for (size_t i = 0; i < rows->size(); ++i) {
    if (!(*rows)[i].is_object()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "snapshot file ", path.string(), ": row ", i, " is not an object"));
    }
    out.push_back((*rows)[i].as_object());
  }
  if (absl::Status status = CheckUniqueIds(out, path); !status.ok()) {
    return status;
  }
  return out;
}

absl::Status InFile(const std::filesystem::path& file,
                    const absl::Status& status) {
  return absl::InvalidArgumentError(
      absl::StrCat("snapshot file ", file.string(), ": ", status.message()));
}

// Parses every row of `file` with `parse`, naming the file in errors, and
// keeps each record with the count of its values that failed to parse.
template <typename Record, typename Parse>
absl::Status ParseAll(const Rows& rows, const std::filesystem::path& file,
                      Parse parse, std::vector<Loaded<Record>>& out) {
  for (const boost::json::object& row : rows) {
    ParseStats stats;
    absl::StatusOr<Record> record = parse(row, stats);
    if (!record.ok()) return InFile(file, record.status());
    out.push_back({*std::move(record), stats.unparsable_values});
  }
  return absl::OkStatus();
}

// A chunk as the snapshot needs it: its conversation and transcript.
struct Chunk {
  std::string conversation_id;
  std::string transcript;
};

// Returns true when `t` lies in the query's window or is missing (null or
// unparsable). Rows without the timestamp are in every window, as with the
// Directus source, so that the metrics count them as missing timestamps.
bool InWindow(const std::optional<absl::Time>& t, const AccountQuery& query) {
  if (!t.has_value()) return true;
  return *t >= query.start && *t < query.end;
}

void Widen(TimeBounds& bounds, const std::optional<absl::Time>& t,
           absl::Time as_of) {
  if (!t.has_value() || *t >= as_of) return;
  if (!bounds.first || *t < *bounds.first) bounds.first = t;
  if (!bounds.last || *t > *bounds.last) bounds.last = t;
}

// Widens `into` to cover `other`.
void Combine(TimeBounds& into, const TimeBounds& other) {
  Widen(into, other.first, absl::InfiniteFuture());
  Widen(into, other.last, absl::InfiniteFuture());
}

bool Matches(const User& user, absl::string_view term) {
  std::string lower_term = absl::AsciiStrToLower(term);
  for (const std::optional<std::string>* field :
       {&user.email, &user.first_name, &user.last_name}) {
    if (field->has_value() &&
        absl::StrContains(absl::AsciiStrToLower(**field), lower_term)) {
      return true;
    }
  }
  return false;
}

// Puts the tags onto their projects in creation order, and adds their
// unparsable values to their project's.
void AttachTags(const Rows& rows, std::vector<Loaded<Project>>& projects) {
  std::vector<
      std::tuple<std::string, absl::Time, std::string, std::string, int64_t>>
      tags;
  for (const boost::json::object& row : rows) {
    ParseStats stats;
    const absl::Time created =
        ParseTimestamp(row, "created_at", stats).value_or(absl::InfinitePast());
    tags.emplace_back(ParseForeignKey(row, "project_id"), created,
                      ParseForeignKey(row, "id"), ParseString(row, "text"),
                      stats.unparsable_values);
  }
  std::sort(tags.begin(), tags.end());
  absl::flat_hash_map<std::string, Loaded<Project>*> projects_by_id;
  for (Loaded<Project>& project : projects) {
    projects_by_id[project.record.id] = &project;
  }
  for (const auto& [project_id, created, id, text, unparsable] : tags) {
    auto it = projects_by_id.find(project_id);
    if (it == projects_by_id.end()) continue;
    it->second->record.tags.push_back(text);
    it->second->unparsable_values += unparsable;
  }
}

// Puts chunk counts, content and transcript words onto their conversations.
void AttachChunks(const Rows& chunk_rows, const Rows& conversation_rows,
                  std::vector<Loaded<Conversation>>& conversations) {
  absl::flat_hash_map<std::string, std::vector<Chunk>> chunks;
  for (const boost::json::object& row : chunk_rows) {
    std::string conversation_id = ParseForeignKey(row, "conversation_id");
    chunks[conversation_id].push_back(
        {conversation_id, ParseString(row, "transcript")});
  }
  absl::flat_hash_map<std::string, std::string> merged;
  for (const boost::json::object& row : conversation_rows) {
    merged[ParseForeignKey(row, "id")] = ParseString(row, "merged_transcript");
  }
  for (Loaded<Conversation>& loaded : conversations) {
    Conversation& conversation = loaded.record;
    const std::vector<Chunk>& own = chunks[conversation.id];
    conversation.chunk_count = static_cast<int64_t>(own.size());
    std::string joined;
    for (const Chunk& chunk : own) {
      if (!IsBlank(chunk.transcript)) ++conversation.nonblank_chunk_count;
      absl::StrAppend(&joined, chunk.transcript, " ");
    }
    bool needs_estimate = !conversation.duration_seconds.has_value() ||
                          *conversation.duration_seconds <= 0;
    if (needs_estimate) {
      const std::string& text = merged[conversation.id];
      conversation.transcript_words =
          IsBlank(text) ? CountWords(joined) : CountWords(text);
    }
  }
}

}  // namespace

absl::StatusOr<std::unique_ptr<SnapshotSource>> SnapshotSource::Load(
    const std::string& dir) {
  std::filesystem::path root(dir);
  if (!std::filesystem::is_directory(root)) {
    return absl::NotFoundError(
        absl::StrCat("snapshot folder ", dir, " does not exist"));
  }
  absl::flat_hash_map<std::string, Rows> collections;
  for (const char* name : kSnapshotFiles) {
    absl::StatusOr<Rows> rows = ReadRows(root / name);
    if (!rows.ok()) return rows.status();
    collections[name] = *std::move(rows);
  }

  auto source = std::unique_ptr<SnapshotSource>(new SnapshotSource());
  source->dir_ = dir;
  for (const boost::json::object& row : collections["directus_users.json"]) {
    absl::StatusOr<User> user = ParseUser(row);
    if (!user.ok()) return InFile(root / "directus_users.json", user.status());
    source->users_.push_back(*std::move(user));
  }
  if (absl::Status status =
          ParseAll<Project>(collections["project.json"], root / "project.json",
                            ParseProject, source->projects_);
      !status.ok()) {
    return status;
  }
  if (absl::Status status = ParseAll<Conversation>(
          collections["conversation.json"], root / "conversation.json",
          ParseConversation, source->conversations_);
      !status.ok()) {
    return status;
  }
  if (absl::Status status =
          ParseAll<Chat>(collections["project_chat.json"],
                         root / "project_chat.json", ParseChat, source->chats_);
      !status.ok()) {
    return status;
  }
  if (absl::Status status =
          ParseAll<ChatMessage>(collections["project_chat_message.json"],
                                root / "project_chat_message.json",
                                ParseChatMessage, source->messages_);
      !status.ok()) {
    return status;
  }
  if (absl::Status status = ParseAll<ProjectReport>(
          collections["project_report.json"], root / "project_report.json",
          ParseProjectReport, source->reports_);
      !status.ok()) {
    return status;
  }

  // Logins are the activity rows whose action is "login".
  Rows logins;
  for (const boost::json::object& row : collections["directus_activity.json"]) {
    if (ParseString(row, "action") == "login") logins.push_back(row);
  }
  if (absl::Status status = ParseAll<Login>(
          logins, root / "directus_activity.json", ParseLogin, source->logins_);
      !status.ok()) {
    return status;
  }

  AttachTags(collections["project_tag.json"], source->projects_);
  AttachChunks(collections["conversation_chunk.json"],
               collections["conversation.json"], source->conversations_);
  return source;
}

absl::StatusOr<std::vector<User>> SnapshotSource::FindUsers(
    const std::vector<std::string>& terms, const CallContext& context) {
  std::vector<User> found;
  for (const User& user : users_) {
    bool all =
        std::all_of(terms.begin(), terms.end(),
                    [&](const std::string& t) { return Matches(user, t); });
    if (all) found.push_back(user);
  }
  return found;
}

absl::StatusOr<std::vector<User>> SnapshotSource::GetUsersById(
    const std::vector<std::string>& ids, const CallContext& context) {
  absl::flat_hash_set<std::string> requested(ids.begin(), ids.end());
  std::vector<User> found;
  for (const User& user : users_) {
    if (requested.contains(user.id)) found.push_back(user);
  }
  return found;
}

absl::StatusOr<std::vector<User>> SnapshotSource::GetUsersByEmail(
    const std::vector<std::string>& emails, const CallContext& context) {
  absl::flat_hash_set<std::string> requested;
  for (const std::string& email : emails) {
    requested.insert(absl::AsciiStrToLower(email));
  }
  std::vector<User> found;
  for (const User& user : users_) {
    if (user.email && requested.contains(absl::AsciiStrToLower(*user.email))) {
      found.push_back(user);
    }
  }
  return found;
}

absl::StatusOr<AccountData> SnapshotSource::FetchAccount(
    const AccountQuery& query, const CallContext& context) {
  if (absl::Status s = context.Check("reading the snapshot"); !s.ok()) {
    return s;
  }
  absl::flat_hash_set<std::string> users(query.user_ids.begin(),
                                         query.user_ids.end());
  AccountData data;
  // Adds a row to the result and counts its values that failed to parse.
  const auto take = [&data](const auto& loaded, auto& out) {
    out.push_back(loaded.record);
    data.unparsable_values += loaded.unparsable_values;
  };

  absl::flat_hash_set<std::string> projects;
  for (const Loaded<Project>& loaded : projects_) {
    if (!users.contains(loaded.record.owner_id)) continue;
    take(loaded, data.projects);
    projects.insert(loaded.record.id);
  }
  for (const Loaded<Conversation>& loaded : conversations_) {
    if (projects.contains(loaded.record.project_id) &&
        InWindow(loaded.record.created_at, query)) {
      take(loaded, data.conversations);
    }
  }

  absl::flat_hash_set<std::string> chats;
  for (const Loaded<Chat>& loaded : chats_) {
    if (!projects.contains(loaded.record.project_id)) continue;
    take(loaded, data.chats);
    chats.insert(loaded.record.id);
  }

  for (const Loaded<ChatMessage>& loaded : messages_) {
    if (chats.contains(loaded.record.chat_id) &&
        InWindow(loaded.record.created_at, query)) {
      take(loaded, data.messages);
    }
  }
  for (const Loaded<ProjectReport>& loaded : reports_) {
    if (projects.contains(loaded.record.project_id) &&
        InWindow(loaded.record.created_at, query)) {
      take(loaded, data.reports);
    }
  }
  for (const Loaded<Login>& loaded : logins_) {
    if (users.contains(loaded.record.user_id) &&
        InWindow(loaded.record.timestamp, query)) {
      take(loaded, data.logins);
    }
  }

  // The account's activity is that of its users together.
  data.activity_by_user = ActivityByUser(query);
  for (const auto& [id, activity] : data.activity_by_user) {
    Combine(data.activity.projects, activity.projects);
    Combine(data.activity.conversations, activity.conversations);
    Combine(data.activity.chats, activity.chats);
    Combine(data.activity.logins, activity.logins);
  }
  context.ReportProgress("fetch", 1, 1, "Read the snapshot");
  return data;
}

std::map<std::string, ActivityBounds> SnapshotSource::ActivityByUser(
    const AccountQuery& query) const {
  std::map<std::string, ActivityBounds> by_user;
  for (const std::string& id : query.user_ids) by_user[id] = {};

  // The bounds of the owner of each live project of the selected users.
  absl::flat_hash_map<std::string, ActivityBounds*> live_projects;
  for (const Loaded<Project>& loaded : projects_) {
    const Project& project = loaded.record;
    auto user = by_user.find(project.owner_id);
    if (user == by_user.end() || project.deleted_at) continue;
    live_projects[project.id] = &user->second;
    Widen(user->second.projects, project.created_at, query.as_of);
  }

  for (const Loaded<Conversation>& loaded : conversations_) {
    const Conversation& conversation = loaded.record;
    auto owner = live_projects.find(conversation.project_id);
    if (owner == live_projects.end() || conversation.deleted_at) continue;
    Widen(owner->second->conversations, conversation.created_at, query.as_of);
  }
  for (const Loaded<Chat>& loaded : chats_) {
    const Chat& chat = loaded.record;
    auto owner = live_projects.find(chat.project_id);
    if (owner == live_projects.end() || chat.deleted_at) continue;
    Widen(owner->second->chats, chat.created_at, query.as_of);
  }
  for (const Loaded<Login>& loaded : logins_) {
    auto user = by_user.find(loaded.record.user_id);
    if (user == by_user.end()) continue;
    Widen(user->second.logins, loaded.record.timestamp, query.as_of);
  }
  return by_user;
}

}  // namespace usage
