#include "snapshot/snapshot_source.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "absl/strings/string_view.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "boost/json/parse.hpp"
#include "source/rows.h"

namespace usage {
namespace {

using Rows = std::vector<boost::json::object>;

absl::StatusOr<Rows> ReadRows(const std::filesystem::path& path) {
  std::ifstream file(path);
  if (!file) {
    return absl::NotFoundError(
        absl::StrCat("snapshot file ", path.string(), " is missing"));
  }
  std::stringstream text;
  text << file.rdbuf();

  boost::system::error_code error;
  boost::json::value document = boost::json::parse(text.str(), error);
  if (error) {
    return absl::InvalidArgumentError(absl::StrCat(
        "snapshot file ", path.string(), " is not JSON: ", error.message()));
  }
  const boost::json::array* rows = document.if_array();
  if (rows == nullptr && document.is_object()) {
    if (const boost::json::value* data = document.as_object().if_contains(
            "data")) {
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
  return out;
}

// Parses every row of `file` with `parse`, naming the file in errors.
template <typename Record, typename Parse>
absl::Status ParseAll(const Rows& rows, const std::filesystem::path& file,
                      Parse parse, std::vector<Record>& out) {
  for (const boost::json::object& row : rows) {
    absl::StatusOr<Record> record = parse(row);
    if (!record.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "snapshot file ", file.string(), ": ", record.status().message()));
    }
    out.push_back(*std::move(record));
  }
  return absl::OkStatus();
}

// A chunk as the snapshot needs it: its conversation and transcript.
struct Chunk {
  std::string conversation_id;
  std::string transcript;
};

bool InWindow(const std::optional<absl::Time>& t, const AccountQuery& query) {
  bool unbounded = query.start == absl::InfinitePast() &&
                   query.end == absl::InfiniteFuture();
  if (!t.has_value()) return unbounded;
  return *t >= query.start && *t < query.end;
}

void Widen(TimeBounds& bounds, const std::optional<absl::Time>& t,
           absl::Time as_of) {
  if (!t.has_value() || *t >= as_of) return;
  if (!bounds.first || *t < *bounds.first) bounds.first = t;
  if (!bounds.last || *t > *bounds.last) bounds.last = t;
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
  ParseStats stats;
  auto with_stats = [&stats](auto parse) {
    return [&stats, parse](const boost::json::object& row) {
      return parse(row, stats);
    };
  };

  absl::Status status = ParseAll<User>(collections["directus_users.json"],
                                       root / "directus_users.json",
                                       ParseUser, source->users_);
  if (status.ok()) {
    status = ParseAll<Project>(collections["project.json"],
                               root / "project.json",
                               with_stats(ParseProject), source->projects_);
  }
  if (status.ok()) {
    status = ParseAll<Conversation>(
        collections["conversation.json"], root / "conversation.json",
        with_stats(ParseConversation), source->conversations_);
  }
  if (status.ok()) {
    status = ParseAll<Chat>(collections["project_chat.json"],
                            root / "project_chat.json",
                            with_stats(ParseChat), source->chats_);
  }
  if (status.ok()) {
    status = ParseAll<ChatMessage>(collections["project_chat_message.json"],
                                   root / "project_chat_message.json",
                                   with_stats(ParseChatMessage),
                                   source->messages_);
  }
  if (status.ok()) {
    status = ParseAll<ProjectReport>(
        collections["project_report.json"], root / "project_report.json",
        with_stats(ParseProjectReport), source->reports_);
  }
  if (!status.ok()) return status;

  // Logins are the activity rows whose action is "login".
  for (const boost::json::object& row : collections["directus_activity.json"]) {
    if (ParseString(row, "action") != "login") continue;
    absl::StatusOr<Login> login = ParseLogin(row, stats);
    if (!login.ok()) return login.status();
    source->logins_.push_back(*std::move(login));
  }

  // Tags go onto their projects in creation order.
  std::vector<std::tuple<std::string, absl::Time, std::string, std::string>>
      tags;
  for (const boost::json::object& row : collections["project_tag.json"]) {
    tags.emplace_back(ParseForeignKey(row, "project_id"),
                      ParseTimestamp(row, "created_at", stats)
                          .value_or(absl::InfinitePast()),
                      ParseForeignKey(row, "id"), ParseString(row, "text"));
  }
  std::sort(tags.begin(), tags.end());
  absl::flat_hash_map<std::string, Project*> projects_by_id;
  for (Project& project : source->projects_) {
    projects_by_id[project.id] = &project;
  }
  for (const auto& [project_id, created, id, text] : tags) {
    auto it = projects_by_id.find(project_id);
    if (it != projects_by_id.end()) it->second->tags.push_back(text);
  }

  // Chunk counts, content and transcript words go onto their conversations.
  absl::flat_hash_map<std::string, std::vector<Chunk>> chunks;
  for (const boost::json::object& row :
       collections["conversation_chunk.json"]) {
    std::string conversation_id = ParseForeignKey(row, "conversation_id");
    chunks[conversation_id].push_back(
        {conversation_id, ParseString(row, "transcript")});
  }
  absl::flat_hash_map<std::string, std::string> merged;
  for (const boost::json::object& row : collections["conversation.json"]) {
    merged[ParseForeignKey(row, "id")] = ParseString(row, "merged_transcript");
  }
  for (Conversation& conversation : source->conversations_) {
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

  source->unparsable_values_ = stats.unparsable_values;
  return source;
}

absl::StatusOr<std::vector<User>> SnapshotSource::FindUsers(
    const std::vector<std::string>& terms, const CallContext& context) {
  std::vector<User> found;
  for (const User& user : users_) {
    bool all = std::all_of(terms.begin(), terms.end(),
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
  data.unparsable_values = unparsable_values_;

  absl::flat_hash_set<std::string> projects;
  absl::flat_hash_set<std::string> live_projects;
  for (const Project& project : projects_) {
    if (!users.contains(project.owner_id)) continue;
    data.projects.push_back(project);
    projects.insert(project.id);
    if (!project.deleted_at) {
      live_projects.insert(project.id);
      Widen(data.activity.projects, project.created_at, query.as_of);
    }
  }

  for (const Conversation& conversation : conversations_) {
    if (!projects.contains(conversation.project_id)) continue;
    if (InWindow(conversation.created_at, query)) {
      data.conversations.push_back(conversation);
    }
    if (!conversation.deleted_at &&
        live_projects.contains(conversation.project_id)) {
      Widen(data.activity.conversations, conversation.created_at,
            query.as_of);
    }
  }

  absl::flat_hash_set<std::string> chats;
  for (const Chat& chat : chats_) {
    if (!projects.contains(chat.project_id)) continue;
    data.chats.push_back(chat);
    chats.insert(chat.id);
    if (!chat.deleted_at && live_projects.contains(chat.project_id)) {
      Widen(data.activity.chats, chat.created_at, query.as_of);
    }
  }

  for (const ChatMessage& message : messages_) {
    if (chats.contains(message.chat_id) &&
        InWindow(message.created_at, query)) {
      data.messages.push_back(message);
    }
  }
  for (const ProjectReport& report : reports_) {
    if (projects.contains(report.project_id) &&
        InWindow(report.created_at, query)) {
      data.reports.push_back(report);
    }
  }
  for (const Login& login : logins_) {
    if (!users.contains(login.user_id)) continue;
    if (InWindow(login.timestamp, query)) data.logins.push_back(login);
    Widen(data.activity.logins, login.timestamp, query.as_of);
  }
  return data;
}

}  // namespace usage
