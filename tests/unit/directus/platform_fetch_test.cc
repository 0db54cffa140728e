#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "boost/json/parse.hpp"
#include "boost/json/serialize.hpp"
#include "directus/directus_source.h"
#include "fake_directus.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::UnorderedElementsAre;
using ::usage::testing::DirectusCall;
using ::usage::testing::ErrorBody;
using ::usage::testing::FakeDirectus;
using ::usage::testing::JsonReply;
using ::usage::testing::PageOf;
using ::usage::testing::Reply;
using ::usage::testing::RowsOf;

std::unique_ptr<DirectusSource> MakeSource(const std::string& url,
                                           int page_size = 1000) {
  DirectusOptions options;
  options.base_url = url;
  options.token = "token";
  options.page_size = page_size;
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

// March 2026 in UTC: [2026-03-01T00:00Z, 2026-04-01T00:00Z).
PlatformQuery March() {
  PlatformQuery query;
  query.start = absl::FromUnixSeconds(1772323200);  // 2026-03-01T00:00:00Z
  query.end = absl::FromUnixSeconds(1775001600);    // 2026-04-01T00:00:00Z
  return query;
}

// Returns the reply to each platform query, a few rows as Directus sends.
Reply AnswerPlatform(const DirectusCall& call) {
  if (call.path == "/users") {
    return PageOf(RowsOf(R"([
      {"id": "u1", "email": "ann@acme.com", "first_name": "Ann",
       "last_name": null},
      {"id": "u2", "email": null, "first_name": null, "last_name": null}])"),
                  call.query);
  }
  if (call.path == "/items/project") {
    return PageOf(RowsOf(R"([
      {"id": "p1", "name": "Alpha", "directus_user_id": "u1",
       "deleted_at": null},
      {"id": "p2", "name": "Gone", "directus_user_id": {"id": "u2"},
       "deleted_at": "2026-03-02T00:00:00.000Z"}])"),
                  call.query);
  }
  if (call.path == "/items/conversation") {
    return PageOf(RowsOf(R"([
      {"id": "c1", "project_id": "p1", "created_at": "2026-03-03T10:00:00.000Z",
       "deleted_at": null},
      {"id": "c2", "project_id": "p1", "created_at": "not a time",
       "deleted_at": null}])"),
                  call.query);
  }
  if (call.path == "/items/project_chat") {
    return PageOf(RowsOf(R"([{"id": "h1", "project_id": "p1",
                               "deleted_at": null}])"),
                  call.query);
  }
  if (call.path == "/items/project_chat_message") {
    return PageOf(RowsOf(R"([{"id": 7, "project_chat_id": "h1",
                               "date_created": "2026-03-04T10:00:00Z"}])"),
                  call.query);
  }
  if (call.path == "/activity") {
    return PageOf(RowsOf(R"([{"id": 1, "user": "u1",
                               "timestamp": "2026-03-05T08:00:00Z"}])"),
                  call.query);
  }
  return JsonReply(404, ErrorBody("unknown path"));
}

// Returns the query the fake received on `path`. Fails the test when there
// was none or more than one.
boost::json::object QueryOn(const FakeDirectus& fake, const std::string& path) {
  std::vector<boost::json::object> queries;
  for (const DirectusCall& call : fake.calls()) {
    if (call.path == path) queries.push_back(call.query);
  }
  EXPECT_EQ(queries.size(), 1u) << path;
  return queries.empty() ? boost::json::object() : queries[0];
}

TEST(PlatformFetchTest, AssemblesRecords) {
  FakeDirectus fake(AnswerPlatform);
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(10));

  absl::StatusOr<PlatformData> data = source->FetchPlatform(March(), context);

  ASSERT_TRUE(data.ok()) << data.status();
  ASSERT_EQ(data->users.size(), 2u);
  EXPECT_EQ(data->users[0].email, "ann@acme.com");
  ASSERT_EQ(data->projects.size(), 2u);
  // An expanded foreign key counts as its id.
  EXPECT_EQ(data->projects[1].owner_id, "u2");
  EXPECT_TRUE(data->projects[1].deleted_at.has_value());
  // c2's timestamp does not parse, so it cannot be placed on a day.
  ASSERT_EQ(data->conversations.size(), 1u);
  EXPECT_EQ(data->conversations[0].id, "c1");
  ASSERT_EQ(data->chats.size(), 1u);
  ASSERT_EQ(data->messages.size(), 1u);
  EXPECT_EQ(data->messages[0].id, "7");
  EXPECT_EQ(data->messages[0].chat_id, "h1");
  ASSERT_EQ(data->logins.size(), 1u);
  EXPECT_EQ(data->logins[0].user_id, "u1");
  EXPECT_EQ(data->logins[0].timestamp,
            absl::FromUnixSeconds(1772697600));  // 2026-03-05T08:00:00Z
}

TEST(PlatformFetchTest, WindowBoundsEventsAndDropsNulls) {
  FakeDirectus fake(AnswerPlatform);
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(10));

  ASSERT_TRUE(source->FetchPlatform(March(), context).ok());

  const std::vector<std::pair<std::string, std::string>> windowed = {
      {"/items/conversation", "created_at"},
      {"/items/project_chat_message", "date_created"},
      {"/activity", "timestamp"},
  };
  for (const auto& [path, field] : windowed) {
    const boost::json::object query = QueryOn(fake, path);
    ASSERT_TRUE(query.contains("filter")) << path;
    const boost::json::array& conditions =
        query.at("filter").at("_and").as_array();
    const auto at = [&field](const char* op_json) {
      return boost::json::value(
          boost::json::parse("{\"" + field + "\": " + op_json + "}"));
    };
    EXPECT_THAT(conditions, Contains(at(R"({"_nnull": true})"))) << path;
    EXPECT_THAT(conditions,
                Contains(at(R"({"_gte": "2026-03-01T00:00:00.000Z"})")))
        << path;
    EXPECT_THAT(conditions,
                Contains(at(R"({"_lt": "2026-04-01T00:00:00.000Z"})")))
        << path;
  }
  const boost::json::object logins = QueryOn(fake, "/activity");
  EXPECT_THAT(logins.at("filter").at("_and").as_array(),
              Contains(boost::json::value(
                  boost::json::parse(R"({"action": {"_eq": "login"}})"))));
}

TEST(PlatformFetchTest, UnboundedWindowKeepsOnlyNullFilter) {
  FakeDirectus fake(AnswerPlatform);
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(10));

  ASSERT_TRUE(source->FetchPlatform(PlatformQuery(), context).ok());

  for (const char* path :
       {"/items/conversation", "/items/project_chat_message", "/activity"}) {
    const std::string filter = Text(QueryOn(fake, path).at("filter"));
    EXPECT_THAT(filter, HasSubstr("_nnull")) << path;
    EXPECT_THAT(filter, Not(HasSubstr("_gte"))) << path;
    EXPECT_THAT(filter, Not(HasSubstr("_lt"))) << path;
  }
}

TEST(PlatformFetchTest, AsksOnlyForNeededFields) {
  FakeDirectus fake(AnswerPlatform);
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(10));

  ASSERT_TRUE(source->FetchPlatform(March(), context).ok());

  const auto fields = [&fake](const std::string& path) {
    const boost::json::object query = QueryOn(fake, path);
    std::vector<std::string> names;
    for (const auto& name : query.at("fields").as_array()) {
      names.emplace_back(name.as_string());
    }
    return names;
  };
  EXPECT_THAT(fields("/users"),
              UnorderedElementsAre("id", "email", "first_name", "last_name"));
  EXPECT_THAT(
      fields("/items/project"),
      UnorderedElementsAre("id", "name", "directus_user_id", "deleted_at"));
  // No transcripts, durations or message texts.
  EXPECT_THAT(
      fields("/items/conversation"),
      UnorderedElementsAre("id", "project_id", "created_at", "deleted_at"));
  EXPECT_THAT(fields("/items/project_chat"),
              UnorderedElementsAre("id", "project_id", "deleted_at"));
  EXPECT_THAT(fields("/items/project_chat_message"),
              UnorderedElementsAre("id", "project_chat_id", "date_created"));
  EXPECT_THAT(fields("/activity"),
              UnorderedElementsAre("id", "user", "timestamp"));
}

TEST(PlatformFetchTest, PagesEveryCollection) {
  // With one row per page, a second row can only come from a second page.
  FakeDirectus fake(AnswerPlatform);
  auto source = MakeSource(fake.url(), /*page_size=*/1);
  CallContext context = Within(absl::Seconds(10));

  absl::StatusOr<PlatformData> data = source->FetchPlatform(March(), context);

  ASSERT_TRUE(data.ok()) << data.status();
  EXPECT_EQ(data->users.size(), 2u);
  EXPECT_EQ(data->projects.size(), 2u);
  for (const DirectusCall& call : fake.calls()) {
    EXPECT_EQ(call.method, "SEARCH");
    EXPECT_EQ(call.query.at("sort"), boost::json::array{"id"})
        << Text(call.query);
  }
}

TEST(PlatformFetchTest, FailsWholeOnForbiddenCollection) {
  FakeDirectus fake([](const DirectusCall& call) {
    if (call.path == "/activity") {
      return JsonReply(403, ErrorBody("You don't have permission."));
    }
    return AnswerPlatform(call);
  });
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(10));

  absl::StatusOr<PlatformData> data = source->FetchPlatform(March(), context);

  EXPECT_EQ(data.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(data.status().message(), HasSubstr("directus_activity"));
}

TEST(PlatformFetchTest, MalformedRowIsInternalError) {
  FakeDirectus fake([](const DirectusCall& call) {
    if (call.path == "/items/project") {
      return PageOf(RowsOf(R"([{"name": "no id"}])"), call.query);
    }
    return AnswerPlatform(call);
  });
  auto source = MakeSource(fake.url());
  CallContext context = Within(absl::Seconds(10));

  absl::StatusOr<PlatformData> data = source->FetchPlatform(March(), context);

  EXPECT_EQ(data.status().code(), absl::StatusCode::kInternal);
  EXPECT_THAT(data.status().message(), HasSubstr("project"));
}

}  // namespace
}  // namespace usage
