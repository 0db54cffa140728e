#include "directus/directus_source.h"

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "boost/json/parse.hpp"
#include "boost/json/serialize.hpp"
#include "fake_directus.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;
using ::usage::testing::DirectusCall;
using ::usage::testing::ErrorBody;
using ::usage::testing::FakeDirectus;
using ::usage::testing::JsonReply;
using ::usage::testing::PageOf;
using ::usage::testing::Reply;
using ::usage::testing::Rows;
using ::usage::testing::RowsOf;

constexpr char kUser[] = "0b7c9d56-3f2a-4e1b-9c8d-7a6b5c4d3e2f";
constexpr char kSecond[] = "5d0e2c4a-8b1f-4c3d-9e7a-6f5b4a3c2d1e";
constexpr char kEmpty[] = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

std::unique_ptr<DirectusSource> MakeSource(const std::string& url) {
  DirectusOptions options;
  options.base_url = url;
  options.token = "token";
  options.backoff_initial = absl::Milliseconds(1);
  options.backoff_max = absl::Milliseconds(10);
  auto source = DirectusSource::Create(options);
  EXPECT_TRUE(source.ok()) << source.status();
  return source.ok() ? *std::move(source) : nullptr;
}

CallContext Within(absl::Duration duration) {
  return CallContext(absl::Now() + duration, nullptr);
}

std::string Text(const boost::json::value& value) {
  return boost::json::serialize(value);
}

Reply Data(const char* rows_json) {
  return JsonReply(
      200, boost::json::object{{"data", boost::json::parse(rows_json)}});
}

absl::Time At(const char* text) {
  absl::Time time;
  std::string error;
  EXPECT_TRUE(absl::ParseTime(absl::RFC3339_full, text, &time, &error))
      << error;
  return time;
}

// Returns `json` with every "{user}" replaced by kUser and "{second}" by
// kSecond.
std::string WithUsers(std::string json) {
  for (const auto& [name, id] :
       {std::pair{"{user}", kUser}, std::pair{"{second}", kSecond}}) {
    for (size_t at = json.find(name); at != std::string::npos;
         at = json.find(name)) {
      json.replace(at, std::string_view(name).size(), id);
    }
  }
  return json;
}

// Returns the reply to one request of DirectusClient::FetchGroups: the
// number of groups for its countDistinct request, else the page of groups
// (already sorted by their value) that the request selects.
Reply GroupsOf(const DirectusCall& call, const std::string& groups_json) {
  const Rows groups = RowsOf(WithUsers(groups_json).c_str());
  const boost::json::object& aggregate = call.query.at("aggregate").as_object();
  if (const boost::json::value* distinct =
          aggregate.if_contains("countDistinct")) {
    const boost::json::string& field = distinct->as_array().at(0).as_string();
    boost::json::object count{{field, std::to_string(groups.size())}};
    boost::json::array data{boost::json::object{{"countDistinct", count}}};
    return JsonReply(200, boost::json::object{{"data", data}});
  }
  return PageOf(groups, call.query);
}

// Returns true for the grouped min and max queries of the activity bounds.
bool IsBoundsQuery(const DirectusCall& call) {
  const boost::json::value* aggregate = call.query.if_contains("aggregate");
  if (aggregate == nullptr) return false;
  const boost::json::object& operations = aggregate->as_object();
  if (operations.contains("min")) return true;
  // FetchGroups counts the groups of a bounds query with countDistinct.
  const boost::json::value* distinct = operations.if_contains("countDistinct");
  return distinct != nullptr && call.path != "/items/conversation_chunk";
}

// Returns false when an object inside `filter` has more than one key, the
// shape that Directus 11.1.2 turns into broken SQL for relations.
bool HasOnlySingleKeyObjects(const boost::json::value& filter) {
  if (filter.is_array()) {
    for (const auto& item : filter.get_array()) {
      if (!HasOnlySingleKeyObjects(item)) return false;
    }
  }
  if (filter.is_object()) {
    if (filter.get_object().size() > 1) return false;
    for (const auto& [key, value] : filter.get_object()) {
      if (!HasOnlySingleKeyObjects(value)) return false;
    }
  }
  return true;
}

// Returns the reply to each query of FetchAccount for a small fixed account.
Reply AnswerAccount(const DirectusCall& call) {
  const std::string query = Text(call.query);
  const bool has_aggregate = call.query.contains("aggregate");
  if (call.path == "/items/project") {
    if (has_aggregate) {
      return GroupsOf(call, R"([{"directus_user_id": "{user}",
          "min": {"created_at": "2025-01-01T00:00:00.000Z"},
          "max": {"created_at": "2026-02-01T00:00:00.000Z"}}])");
    }
    return PageOf(RowsOf(WithUsers(R"([
      {"id": "p1", "name": "Pilot", "directus_user_id": "{user}",
       "created_at": "2025-01-01T00:00:00.000Z", "deleted_at": null,
       "is_conversation_allowed": true}])")
                             .c_str()),
                  call.query);
  }
  if (call.path == "/items/project_tag") {
    // Creation order puts "early" first; "late-2" and "late-10" share a
    // time, and 2 < 10 as numbers although "10" < "2" as text.
    return PageOf(RowsOf(R"([
      {"id": 10, "project_id": "p1", "text": "late-10",
       "created_at": "2025-01-03T00:00:00.000Z"},
      {"id": 2, "project_id": "p1", "text": "late-2",
       "created_at": "2025-01-03T00:00:00.000Z"},
      {"id": 5, "project_id": "p1", "text": "early",
       "created_at": "2025-01-02T00:00:00.000Z"}])"),
                  call.query);
  }
  if (call.path == "/items/conversation") {
    if (has_aggregate) {
      return GroupsOf(call, R"([{"project_id": "p1",
          "min": {"created_at": "2025-02-01T00:00:00.000Z"},
          "max": {"created_at": "2026-03-01T00:00:00.000Z"}}])");
    }
    if (absl::StrContains(query, "merged_transcript")) {
      return PageOf(RowsOf(R"([
        {"id": "c2", "merged_transcript": "one two three"},
        {"id": "c3", "merged_transcript": " \n "}])"),
                    call.query);
    }
    return PageOf(RowsOf(R"([
      {"id": "c1", "project_id": "p1", "duration": 120,
       "created_at": "2026-03-01T00:00:00.000Z", "source": null},
      {"id": "c2", "project_id": "p1", "duration": null,
       "created_at": "2026-03-02T00:00:00.000Z", "source": "DASHBOARD_UPLOAD"},
      {"id": "c3", "project_id": "p1", "duration": 0,
       "created_at": "2026-03-03T00:00:00.000Z", "source": null}])"),
                  call.query);
  }
  if (call.path == "/items/conversation_chunk") {
    if (has_aggregate &&
        call.query.at("aggregate").as_object().contains("countDistinct")) {
      return Data(R"([{"countDistinct": {"conversation_id": "3"}}])");
    }
    if (has_aggregate && absl::StrContains(query, "_nempty")) {
      return PageOf(RowsOf(R"([
        {"conversation_id": "c1", "count": {"id": "3"}},
        {"conversation_id": "c2", "count": {"id": "1"}},
        {"conversation_id": "c3", "count": {"id": "2"}}])"),
                    call.query);
    }
    if (has_aggregate) {
      return PageOf(RowsOf(R"([
        {"conversation_id": "c1", "count": {"id": "3"}},
        {"conversation_id": "c2", "count": {"id": "2"}},
        {"conversation_id": "c3", "count": {"id": 2}}])"),
                    call.query);
    }
    // Blank candidates: the chunk transcript query asks for candidates of
    // blank merged transcripts, not of blank chunks.
    if (absl::StrContains(query, "_starts_with") &&
        !absl::StrContains(query, "merged_transcript")) {
      return PageOf(RowsOf(R"([
        {"id": "k1", "conversation_id": "c1", "transcript": " \n "},
        {"id": "k2", "conversation_id": "c1", "transcript": " hi "}])"),
                    call.query);
    }
    return PageOf(RowsOf(R"([
      {"id": "k5", "conversation_id": "c3", "transcript": "a b"},
      {"id": "k6", "conversation_id": "c3", "transcript": "c"}])"),
                  call.query);
  }
  if (call.path == "/items/project_chat") {
    if (has_aggregate) return GroupsOf(call, "[]");
    return PageOf(RowsOf(R"([{"id": "ch1", "project_id": "p1",
                               "date_created": "2026-03-01T10:00:00Z"}])"),
                  call.query);
  }
  if (call.path == "/items/project_chat_message") {
    if (call.query.at("fields") == boost::json::array{"id", "text"}) {
      return PageOf(RowsOf(R"([
        {"id": "m1", "text": "How many people came?"},
        {"id": "m3", "text": "Summarise the feedback."}])"),
                    call.query);
    }
    return PageOf(RowsOf(R"([
      {"id": "m1", "project_chat_id": "ch1", "message_from": "User",
       "tokens_count": "5", "date_created": "2026-03-01T10:01:00Z"},
      {"id": "m2", "project_chat_id": "ch1", "message_from": "assistant",
       "tokens_count": 40, "date_created": "2026-03-01T10:02:00Z"},
      {"id": "m3", "project_chat_id": "ch1", "message_from": "user",
       "tokens_count": null, "date_created": "2026-03-01T10:03:00Z"}])"),
                  call.query);
  }
  if (call.path == "/items/project_report") {
    return PageOf(RowsOf(R"([{"id": "7", "project_id": "p1",
                               "status": "published"}])"),
                  call.query);
  }
  if (call.path == "/activity") {
    if (has_aggregate) return GroupsOf(call, "[]");
    return PageOf(RowsOf(WithUsers(R"([{"id": 1, "user": "{user}",
                                         "timestamp": "not a time"}])")
                             .c_str()),
                  call.query);
  }
  return JsonReply(404, ErrorBody("unknown path"));
}

// Returns the reply to each query of FetchAccount for three users: kUser
// owns p1 and p4, kSecond owns p3, and kEmpty owns nothing and never
// logged in. Lists other than the projects are those of AnswerAccount.
Reply AnswerThreeUsers(const DirectusCall& call) {
  const bool bounds = IsBoundsQuery(call);
  if (call.path == "/items/project" && !bounds) {
    return PageOf(RowsOf(WithUsers(R"([
      {"id": "p1", "name": "Pilot", "directus_user_id": "{user}"},
      {"id": "p3", "name": "Survey", "directus_user_id": "{second}"},
      {"id": "p4", "name": "Panel", "directus_user_id": "{user}"}])")
                             .c_str()),
                  call.query);
  }
  if (!bounds) return AnswerAccount(call);
  if (call.path == "/items/project") {
    return GroupsOf(call, R"([
      {"directus_user_id": "{user}",
       "min": {"created_at": "2025-01-01T00:00:00.000Z"},
       "max": {"created_at": "2025-06-01T00:00:00.000Z"}},
      {"directus_user_id": "{second}",
       "min": {"created_at": "2025-03-01T00:00:00.000Z"},
       "max": {"created_at": "2025-03-01T00:00:00.000Z"}}])");
  }
  if (call.path == "/items/conversation") {
    return GroupsOf(call, R"([
      {"project_id": "p1", "min": {"created_at": "2025-02-01T00:00:00.000Z"},
       "max": {"created_at": "2026-01-15T00:00:00.000Z"}},
      {"project_id": "p3", "min": {"created_at": "2025-03-02T00:00:00.000Z"},
       "max": {"created_at": "2025-04-01T00:00:00.000Z"}},
      {"project_id": "p4", "min": {"created_at": "2025-07-01T00:00:00.000Z"},
       "max": {"created_at": "2026-03-20T00:00:00.000Z"}}])");
  }
  if (call.path == "/items/project_chat") {
    return GroupsOf(call, R"([
      {"project_id": "p3", "min": {"date_created": "2025-03-05T00:00:00.000Z"},
       "max": {"date_created": "2025-03-06T00:00:00.000Z"}}])");
  }
  return GroupsOf(call, R"([
    {"user": "{user}", "min": {"timestamp": "2025-01-01T08:00:00.000Z"},
     "max": {"timestamp": "2026-03-30T08:00:00.000Z"}},
    {"user": "{second}", "min": {"timestamp": "2024-12-01T08:00:00.000Z"},
     "max": {"timestamp": "2024-12-01T08:00:00.000Z"}}])");
}

// Returns the single call whose path is `path` and whose query `matches`.
DirectusCall OnlyCall(const std::vector<DirectusCall>& calls,
                      const std::string& path,
                      const std::function<bool(const DirectusCall&)>& matches) {
  std::vector<DirectusCall> found;
  for (const DirectusCall& call : calls) {
    if (call.path == path && matches(call)) found.push_back(call);
  }
  EXPECT_EQ(found.size(), 1u) << path;
  return found.empty() ? DirectusCall{} : found[0];
}

// Returns the condition that the field at `path_json` (a JSON key, or keys
// nested as in a relational filter) lies in the window of Account() or is
// null, with each condition in its own `_and` or `_or` entry.
boost::json::value WindowOrNull(const std::string& path_json) {
  // Nests `op_json` under the keys of `path_json`: "a" or "a": {"b".
  const auto at = [&path_json](const std::string& op_json) {
    const size_t depth = std::count(path_json.begin(), path_json.end(), '{');
    return "{" + path_json + ": " + op_json + std::string(depth, '}') + "}";
  };
  return boost::json::parse(
      R"({"_or": [{"_and": [)" + at(R"({"_gte": "2026-03-31T22:00:00.000Z"})") +
      ", " + at(R"({"_lt": "2026-05-01T22:00:00.000Z"})") + "]}, " +
      at(R"({"_null": true})") + "]}");
}

AccountQuery Account() {
  AccountQuery query;
  query.user_ids = {kUser};
  query.start = absl::FromUnixSeconds(1774994400);  // 2026-03-31T22:00:00Z
  query.end = absl::FromUnixSeconds(1777672800);    // 2026-05-01T22:00:00Z
  return query;
}

TEST(DirectusSourceTest, FetchAccountAssemblesRecords) {
  FakeDirectus fake(AnswerAccount);
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(10));

  absl::StatusOr<AccountData> data = source->FetchAccount(Account(), context);

  ASSERT_TRUE(data.ok()) << data.status();
  ASSERT_EQ(data->projects.size(), 1u);
  EXPECT_THAT(data->projects[0].tags,
              ElementsAre("early", "late-2", "late-10"));
  ASSERT_EQ(data->conversations.size(), 3u);
  const Conversation& c1 = data->conversations[0];
  const Conversation& c2 = data->conversations[1];
  const Conversation& c3 = data->conversations[2];
  // c1: 3 non-empty chunks, one of them only white space.
  EXPECT_EQ(c1.chunk_count, 3);
  EXPECT_EQ(c1.nonblank_chunk_count, 2);
  EXPECT_EQ(c1.transcript_words, std::nullopt);
  // c2: no duration, merged transcript of 3 words.
  EXPECT_EQ(c2.chunk_count, 2);
  EXPECT_EQ(c2.nonblank_chunk_count, 1);
  EXPECT_EQ(c2.transcript_words, 3);
  // c3: duration 0, a merged transcript of only white space, so the words
  // come from the chunks "a b" and "c".
  EXPECT_EQ(c3.chunk_count, 2);
  EXPECT_EQ(c3.nonblank_chunk_count, 2);
  EXPECT_EQ(c3.transcript_words, 3);
  ASSERT_EQ(data->messages.size(), 3u);
  EXPECT_EQ(data->messages[0].tokens, 5);
  EXPECT_EQ(data->messages[0].text, "How many people came?");
  EXPECT_EQ(data->messages[1].text, "");  // from the assistant
  EXPECT_EQ(data->messages[2].text, "Summarise the feedback.");
  ASSERT_EQ(data->reports.size(), 1u);
  EXPECT_EQ(data->reports[0].status, "published");
  ASSERT_EQ(data->logins.size(), 1u);
  EXPECT_EQ(data->unparsable_values, 1);  // the login's "not a time"
  EXPECT_EQ(data->activity.projects.first,
            absl::FromUnixSeconds(1735689600));  // 2025-01-01T00:00:00Z
  EXPECT_EQ(data->activity.conversations.last,
            absl::FromUnixSeconds(1772323200));  // 2026-03-01T00:00:00Z
  EXPECT_EQ(data->activity.chats.first, std::nullopt);
  EXPECT_EQ(data->activity.logins.last, std::nullopt);
  ASSERT_EQ(data->activity_by_user.size(), 1u);
  const ActivityBounds& own = data->activity_by_user.at(kUser);
  EXPECT_EQ(own.projects.last, At("2026-02-01T00:00:00Z"));
  EXPECT_EQ(own.conversations.first, At("2025-02-01T00:00:00Z"));
  EXPECT_EQ(own.chats.last, std::nullopt);
}

TEST(DirectusSourceTest, FetchAccountQueriesHaveSafeShapes) {
  FakeDirectus fake(AnswerAccount);
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(10));

  ASSERT_TRUE(source->FetchAccount(Account(), context).ok());

  const std::vector<DirectusCall> calls = fake.calls();
  ASSERT_FALSE(calls.empty());
  for (const DirectusCall& call : calls) {
    const std::string text = Text(call.query);
    EXPECT_EQ(call.method, "SEARCH") << text;
    ASSERT_TRUE(call.query.contains("filter")) << text;
    const boost::json::object& filter = call.query.at("filter").as_object();
    EXPECT_TRUE(filter.contains("_and")) << text;
    EXPECT_TRUE(HasOnlySingleKeyObjects(filter)) << text;
    EXPECT_THAT(text, HasSubstr(kUser));
    // Lists sort by id; grouped aggregates sort by their group.
    if (call.query.contains("groupBy")) {
      EXPECT_EQ(call.query.at("sort"), call.query.at("groupBy")) << text;
    } else if (!call.query.contains("aggregate")) {
      EXPECT_EQ(call.query.at("sort"), boost::json::array{"id"}) << text;
    }
  }
}

TEST(DirectusSourceTest, FetchAccountWindowBoundsConversations) {
  FakeDirectus fake(AnswerAccount);
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(10));

  ASSERT_TRUE(source->FetchAccount(Account(), context).ok());

  bool found = false;
  for (const DirectusCall& call : fake.calls()) {
    if (call.path != "/items/conversation" ||
        call.query.contains("aggregate") ||
        absl::StrContains(Text(call.query), "merged_transcript")) {
      continue;
    }
    found = true;
    const boost::json::array& conditions =
        call.query.at("filter").at("_and").as_array();
    EXPECT_THAT(conditions,
                ::testing::Contains(WindowOrNull(R"("created_at")")));
    EXPECT_THAT(conditions,
                ::testing::Contains(boost::json::value(boost::json::parse(
                    R"({"project_id": {"directus_user_id": {"_in": [")" +
                    std::string(kUser) + R"("]}}})"))));
  }
  EXPECT_TRUE(found);
}

TEST(DirectusSourceTest, FetchAccountWindowKeepsNullTimestamps) {
  FakeDirectus fake(AnswerAccount);
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(10));

  ASSERT_TRUE(source->FetchAccount(Account(), context).ok());

  // The windowed field of each path's list and grouped queries.
  const std::vector<std::pair<std::string, std::string>> windowed = {
      {"/items/conversation", R"("created_at")"},
      {"/items/conversation_chunk", R"("conversation_id": {"created_at")"},
      {"/items/project_chat_message", R"("date_created")"},
      {"/items/project_report", R"("date_created")"},
      {"/activity", R"("timestamp")"},
  };
  int checked = 0;
  for (const DirectusCall& call : fake.calls()) {
    // All-time bounds and the counts of grouped queries are not windowed.
    if (IsBoundsQuery(call)) continue;
    if (call.query.contains("aggregate") && !call.query.contains("groupBy")) {
      continue;
    }
    for (const auto& [path, field] : windowed) {
      if (call.path != path) continue;
      ++checked;
      EXPECT_THAT(call.query.at("filter").at("_and").as_array(),
                  ::testing::Contains(WindowOrNull(field)))
          << Text(call.query);
    }
  }
  // Conversations and merged transcripts; chunk counts, non-empty chunk
  // counts, blank candidates and chunk transcripts; messages and user
  // message texts; reports; logins.
  EXPECT_EQ(checked, 10);
}

TEST(DirectusSourceTest, FetchAccountWithoutWindowHasNoTimeFilter) {
  FakeDirectus fake(AnswerAccount);
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(10));
  AccountQuery query = Account();
  query.start = absl::InfinitePast();
  query.end = absl::InfiniteFuture();

  ASSERT_TRUE(source->FetchAccount(query, context).ok());

  for (const DirectusCall& call : fake.calls()) {
    if (call.query.contains("aggregate") && !call.query.contains("groupBy")) {
      continue;
    }
    const std::string text = Text(call.query.at("filter"));
    EXPECT_THAT(text, ::testing::Not(HasSubstr("_gte"))) << text;
    EXPECT_THAT(text, ::testing::Not(HasSubstr("_lt\""))) << text;
    for (const char* field : {"created_at", "date_created", "timestamp"}) {
      EXPECT_THAT(
          text,
          ::testing::Not(HasSubstr(absl::StrCat("\"", field, "\":{\"_null\""))))
          << text;
    }
  }
}

TEST(DirectusSourceTest, FetchAccountFailsWholeOnForbiddenCollection) {
  FakeDirectus fake([](const DirectusCall& call) {
    if (call.path == "/items/project_report") {
      return JsonReply(403, ErrorBody("You don't have permission."));
    }
    return AnswerAccount(call);
  });
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(10));

  absl::StatusOr<AccountData> data = source->FetchAccount(Account(), context);

  EXPECT_EQ(data.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(data.status().message(), HasSubstr("project_report"));
}

TEST(DirectusSourceTest, FetchAccountRejectsMalformedUserId) {
  FakeDirectus fake(AnswerAccount);
  auto source = MakeSource(fake.url());
  AccountQuery query = Account();
  query.user_ids.push_back("1; drop");
  CallContext context = Within(absl::Seconds(10));

  EXPECT_EQ(source->FetchAccount(query, context).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(fake.calls().empty());
}

TEST(DirectusSourceTest, FetchAccountAsksOnlyForUserMessageTexts) {
  FakeDirectus fake(AnswerAccount);
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(10));

  ASSERT_TRUE(source->FetchAccount(Account(), context).ok());

  const DirectusCall call = OnlyCall(
      fake.calls(), "/items/project_chat_message", [](const DirectusCall& c) {
        return c.query.at("fields") == boost::json::array{"id", "text"};
      });
  ASSERT_TRUE(call.query.contains("filter")) << Text(call.query);
  // Texts can be long, so they come in pages of 100 like transcripts.
  EXPECT_EQ(call.query.at("limit"), 100);
  const boost::json::array& conditions =
      call.query.at("filter").at("_and").as_array();
  EXPECT_THAT(conditions, ::testing::Contains(boost::json::parse(
                              R"({"project_chat_id": {"project_id": )"
                              R"({"directus_user_id": {"_in": [")" +
                              std::string(kUser) + R"("]}}}})")));
  EXPECT_THAT(conditions,
              ::testing::Contains(WindowOrNull(R"("date_created")")));
  // Every spelling of "user" in upper and lower case: 2^4 = 16.
  const boost::json::value* senders = nullptr;
  for (const boost::json::value& condition : conditions) {
    if (condition.as_object().contains("message_from")) {
      senders = condition.at("message_from").as_object().if_contains("_in");
    }
  }
  ASSERT_NE(senders, nullptr) << Text(call.query);
  EXPECT_EQ(senders->as_array().size(), 16u);
  EXPECT_THAT(senders->as_array(),
              ::testing::IsSupersetOf(
                  {boost::json::value("user"), boost::json::value("User"),
                   boost::json::value("USER"), boost::json::value("uSeR")}));
  EXPECT_THAT(Text(call.query), ::testing::Not(HasSubstr("assistant")));
}

TEST(DirectusSourceTest, FetchAccountFailsWhenUserMessageTextIsMissing) {
  FakeDirectus fake([](const DirectusCall& call) {
    if (call.path == "/items/project_chat_message" &&
        call.query.at("fields") == boost::json::array{"id", "text"}) {
      // m3 from "user" is missing; m9 is not among the messages.
      return PageOf(RowsOf(R"([{"id": "m1", "text": "a"},
                               {"id": "m9", "text": "b"}])"),
                    call.query);
    }
    return AnswerAccount(call);
  });
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(10));

  absl::StatusOr<AccountData> data = source->FetchAccount(Account(), context);

  EXPECT_EQ(data.status().code(), absl::StatusCode::kInternal);
  EXPECT_THAT(data.status().message(), HasSubstr("m3"));
}

TEST(DirectusSourceTest, FetchAccountIgnoresTextOfMessageSentMeanwhile) {
  FakeDirectus fake([](const DirectusCall& call) {
    if (call.path == "/items/project_chat_message" &&
        call.query.at("fields") == boost::json::array{"id", "text"}) {
      // m4 was sent after the message list was read.
      return PageOf(RowsOf(R"([{"id": "m1", "text": "a"},
                               {"id": "m3", "text": "b"},
                               {"id": "m4", "text": "c"}])"),
                    call.query);
    }
    return AnswerAccount(call);
  });
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(10));

  absl::StatusOr<AccountData> data = source->FetchAccount(Account(), context);

  ASSERT_TRUE(data.ok()) << data.status();
  ASSERT_EQ(data->messages.size(), 3u);
  EXPECT_EQ(data->messages[0].text, "a");
  EXPECT_EQ(data->messages[2].text, "b");
}

TEST(DirectusSourceTest, FetchAccountGroupsActivityBounds) {
  FakeDirectus fake(AnswerAccount);
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(10));
  AccountQuery query = Account();
  query.as_of = At("2026-04-15T10:00:00Z");

  ASSERT_TRUE(source->FetchAccount(query, context).ok());

  const std::string as_of = R"({"_lt": "2026-04-15T10:00:00.000Z"})";
  const std::string owned = R"({"_in": [")" + std::string(kUser) + R"("]})";
  struct Expected {
    std::string path, group_field, field;
    std::vector<std::string> conditions;
  };
  const Expected expected[] = {
      {"/items/project",
       "directus_user_id",
       "created_at",
       {R"({"directus_user_id": )" + owned + "}",
        R"({"deleted_at": {"_null": true}})",
        R"({"created_at": )" + as_of + "}"}},
      {"/items/conversation",
       "project_id",
       "created_at",
       {R"({"project_id": {"directus_user_id": )" + owned + "}}",
        R"({"project_id": {"deleted_at": {"_null": true}}})",
        R"({"deleted_at": {"_null": true}})",
        R"({"created_at": )" + as_of + "}"}},
      {"/items/project_chat",
       "project_id",
       "date_created",
       {R"({"project_id": {"directus_user_id": )" + owned + "}}",
        R"({"project_id": {"deleted_at": {"_null": true}}})",
        R"({"deleted_at": {"_null": true}})",
        R"({"date_created": )" + as_of + "}"}},
      {"/activity",
       "user",
       "timestamp",
       {R"({"action": {"_eq": "login"}})", R"({"user": )" + owned + "}",
        R"({"timestamp": )" + as_of + "}"}},
  };
  for (const Expected& kind : expected) {
    const DirectusCall call =
        OnlyCall(fake.calls(), kind.path, [](const DirectusCall& c) {
          return c.query.contains("aggregate") &&
                 c.query.at("aggregate").as_object().contains("min");
        });
    if (call.query.empty()) continue;
    const boost::json::array field{boost::json::string(kind.field)};
    EXPECT_EQ(call.query.at("aggregate"),
              (boost::json::object{{"min", field}, {"max", field}}))
        << kind.path;
    EXPECT_EQ(call.query.at("groupBy"),
              boost::json::array{boost::json::string(kind.group_field)})
        << kind.path;
    const boost::json::array& conditions =
        call.query.at("filter").at("_and").as_array();
    EXPECT_EQ(conditions.size(), kind.conditions.size()) << kind.path;
    for (const std::string& condition : kind.conditions) {
      EXPECT_THAT(conditions,
                  ::testing::Contains(boost::json::parse(condition)))
          << kind.path << " lacks " << condition;
    }
  }
}

TEST(DirectusSourceTest, FetchAccountCombinesBoundsPerUser) {
  FakeDirectus fake(AnswerThreeUsers);
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(10));
  AccountQuery query = Account();
  query.user_ids = {kUser, kSecond, kEmpty};

  absl::StatusOr<AccountData> data = source->FetchAccount(query, context);

  ASSERT_TRUE(data.ok()) << data.status();
  ASSERT_EQ(data->activity_by_user.size(), 3u);
  // kUser: the conversations of p1 and p4 together, 2025-02-01 from p1 and
  // 2026-03-20 from p4; no chats.
  const ActivityBounds& user = data->activity_by_user.at(kUser);
  EXPECT_EQ(user.projects.first, At("2025-01-01T00:00:00Z"));
  EXPECT_EQ(user.projects.last, At("2025-06-01T00:00:00Z"));
  EXPECT_EQ(user.conversations.first, At("2025-02-01T00:00:00Z"));
  EXPECT_EQ(user.conversations.last, At("2026-03-20T00:00:00Z"));
  EXPECT_EQ(user.chats.first, std::nullopt);
  EXPECT_EQ(user.chats.last, std::nullopt);
  EXPECT_EQ(user.logins.first, At("2025-01-01T08:00:00Z"));
  EXPECT_EQ(user.logins.last, At("2026-03-30T08:00:00Z"));
  // kSecond: the groups of p3 and its own logins.
  const ActivityBounds& second = data->activity_by_user.at(kSecond);
  EXPECT_EQ(second.projects.first, At("2025-03-01T00:00:00Z"));
  EXPECT_EQ(second.conversations.first, At("2025-03-02T00:00:00Z"));
  EXPECT_EQ(second.conversations.last, At("2025-04-01T00:00:00Z"));
  EXPECT_EQ(second.chats.first, At("2025-03-05T00:00:00Z"));
  EXPECT_EQ(second.chats.last, At("2025-03-06T00:00:00Z"));
  EXPECT_EQ(second.logins.last, At("2024-12-01T08:00:00Z"));
  // kEmpty owns nothing and never logged in.
  const ActivityBounds& empty = data->activity_by_user.at(kEmpty);
  for (const TimeBounds* bounds :
       {&empty.projects, &empty.conversations, &empty.chats, &empty.logins}) {
    EXPECT_EQ(bounds->first, std::nullopt);
    EXPECT_EQ(bounds->last, std::nullopt);
  }
  // The account: the earliest first and latest last over the users. The
  // first login, 2024-12-01, is kSecond's; the last, 2026-03-30, kUser's.
  const ActivityBounds& account = data->activity;
  EXPECT_EQ(account.projects.first, At("2025-01-01T00:00:00Z"));
  EXPECT_EQ(account.projects.last, At("2025-06-01T00:00:00Z"));
  EXPECT_EQ(account.conversations.first, At("2025-02-01T00:00:00Z"));
  EXPECT_EQ(account.conversations.last, At("2026-03-20T00:00:00Z"));
  EXPECT_EQ(account.chats.first, At("2025-03-05T00:00:00Z"));
  EXPECT_EQ(account.chats.last, At("2025-03-06T00:00:00Z"));
  EXPECT_EQ(account.logins.first, At("2024-12-01T08:00:00Z"));
  EXPECT_EQ(account.logins.last, At("2026-03-30T08:00:00Z"));
}

TEST(DirectusSourceTest, FetchAccountRequestsDoNotGrowWithUsers) {
  FakeDirectus one_fake(AnswerAccount);
  FakeDirectus three_fake(AnswerAccount);
  auto one_source = MakeSource(one_fake.url());
  auto three_source = MakeSource(three_fake.url());
  AccountQuery three = Account();
  three.user_ids = {kUser, kSecond, kEmpty};
  CallContext context = Within(absl::Seconds(10));

  ASSERT_TRUE(one_source->FetchAccount(Account(), context).ok());
  ASSERT_TRUE(three_source->FetchAccount(three, context).ok());

  EXPECT_EQ(three_fake.calls().size(), one_fake.calls().size());
}

TEST(DirectusSourceTest, FetchAccountRejectsBoundsOfUnknownProject) {
  FakeDirectus fake([](const DirectusCall& call) {
    if (call.path == "/items/project_chat" && IsBoundsQuery(call)) {
      return GroupsOf(call, R"([{"project_id": "p9",
          "min": {"date_created": "2025-03-05T00:00:00.000Z"},
          "max": {"date_created": "2025-03-06T00:00:00.000Z"}}])");
    }
    return AnswerAccount(call);
  });
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(10));

  absl::StatusOr<AccountData> data = source->FetchAccount(Account(), context);

  EXPECT_EQ(data.status().code(), absl::StatusCode::kInternal);
  EXPECT_THAT(data.status().message(), HasSubstr("p9"));
}

TEST(DirectusSourceTest, FetchAccountRejectsBoundsOfUnselectedUser) {
  FakeDirectus fake([](const DirectusCall& call) {
    if (call.path == "/activity" && IsBoundsQuery(call)) {
      return GroupsOf(call, R"([{"user": "{second}",
          "min": {"timestamp": "2025-03-05T00:00:00.000Z"},
          "max": {"timestamp": "2025-03-06T00:00:00.000Z"}}])");
    }
    return AnswerAccount(call);
  });
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(10));

  absl::StatusOr<AccountData> data = source->FetchAccount(Account(), context);

  EXPECT_EQ(data.status().code(), absl::StatusCode::kInternal);
  EXPECT_THAT(data.status().message(), HasSubstr(kSecond));
}

TEST(DirectusSourceTest, GetUsersByIdRejectsMalformedUuid) {
  FakeDirectus fake([](const DirectusCall&) { return Data("[]"); });
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(5));

  auto users = source->GetUsersById({kUser, "not-a-uuid"}, context);

  EXPECT_EQ(users.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(users.status().message(), HasSubstr("not-a-uuid"));
  EXPECT_TRUE(fake.calls().empty());
}

TEST(DirectusSourceTest, GetUsersByIdFiltersById) {
  FakeDirectus fake([](const DirectusCall& call) {
    return PageOf(RowsOf(R"([{"id": "0b7c9d56-3f2a-4e1b-9c8d-7a6b5c4d3e2f",
                               "email": "a@b.c"}])"),
                  call.query);
  });
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(5));

  auto users = source->GetUsersById({kUser}, context);

  ASSERT_TRUE(users.ok()) << users.status();
  ASSERT_EQ(users->size(), 1u);
  EXPECT_EQ((*users)[0].email, "a@b.c");
  const std::vector<DirectusCall> calls = fake.calls();
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].path, "/users");
  EXPECT_THAT(Text(calls[0].query.at("filter")),
              HasSubstr(R"({"id":{"_in":[")" + std::string(kUser)));
}

TEST(DirectusSourceTest, GetUsersByEmailIgnoresCase) {
  FakeDirectus fake([](const DirectusCall& call) {
    // What `_icontains` finds for "jane@example.org": the same address in
    // other case, and a longer address that contains it.
    return PageOf(RowsOf(R"([
      {"id": "u1", "email": "Jane@Example.org"},
      {"id": "u2", "email": "jane@example.org.uk"}])"),
                  call.query);
  });
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(5));

  auto users = source->GetUsersByEmail({"jane@example.org"}, context);

  ASSERT_TRUE(users.ok()) << users.status();
  ASSERT_EQ(users->size(), 1u);
  EXPECT_EQ((*users)[0].id, "u1");
}

TEST(DirectusSourceTest, FindUsersSendsTermsAsJsonValues) {
  FakeDirectus fake([](const DirectusCall& call) {
    return PageOf(RowsOf(R"([{"id": "u1", "first_name": "Ann"}])"), call.query);
  });
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(5));
  const std::string tricky = R"(ann"}},{"id":{"_nnull":true)";

  auto users = source->FindUsers({tricky, "  ", "smith"}, context);

  ASSERT_TRUE(users.ok()) << users.status();
  const std::vector<DirectusCall> calls = fake.calls();
  ASSERT_EQ(calls.size(), 1u);
  // One `_or` per non-blank term, each over email, first and last name.
  const boost::json::array& terms =
      calls[0].query.at("filter").at("_and").as_array();
  ASSERT_EQ(terms.size(), 2u);
  const boost::json::array& any = terms[0].at("_or").as_array();
  ASSERT_EQ(any.size(), 3u);
  EXPECT_EQ(any[0].at("email").at("_icontains").as_string(), tricky);
  EXPECT_EQ(any[2].at("last_name").at("_icontains").as_string(), tricky);
  EXPECT_EQ(terms[1].at("_or").as_array()[1].at("first_name").at("_icontains"),
            "smith");
}

TEST(DirectusSourceTest, CreateRejectsEmptyToken) {
  DirectusOptions options;
  options.base_url = "http://127.0.0.1:1";
  EXPECT_EQ(DirectusSource::Create(options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(DirectusSourceTest, NameHasNoToken) {
  DirectusOptions options;
  options.base_url = "http://127.0.0.1:1";
  options.token = "secret-token";
  auto source = DirectusSource::Create(options);
  ASSERT_TRUE(source.ok());
  EXPECT_THAT((*source)->Name(), HasSubstr("127.0.0.1"));
  EXPECT_THAT((*source)->Name(), ::testing::Not(HasSubstr("secret-token")));
}

}  // namespace
}  // namespace usage
