#include "directus/directus_client.h"

#include <atomic>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "boost/json/parse.hpp"
#include "boost/json/serialize.hpp"
#include "fake_directus.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::usage::testing::DirectusCall;
using ::usage::testing::ErrorBody;
using ::usage::testing::FakeDirectus;
using ::usage::testing::JsonReply;
using ::usage::testing::PageOf;
using ::usage::testing::Reply;
using ::usage::testing::Rows;

constexpr char kToken[] = "test-token-0123";
const Collection kProjects{"project", "/items/project"};

std::unique_ptr<DirectusClient> MakeClient(const std::string& url,
                                           int max_attempts = 3) {
  DirectusOptions options;
  options.base_url = url;
  options.token = kToken;
  options.max_attempts = max_attempts;
  options.backoff_initial = absl::Milliseconds(1);
  options.backoff_max = absl::Milliseconds(10);
  options.page_size = 10;
  auto http = HttpClient::Create(url, {});
  EXPECT_TRUE(http.ok()) << http.status();
  return std::make_unique<DirectusClient>(*std::move(http), options);
}

CallContext Within(absl::Duration duration) {
  return CallContext(absl::Now() + duration, nullptr);
}

Reply Data(const char* rows_json) {
  return JsonReply(
      200, boost::json::object{{"data", boost::json::parse(rows_json)}});
}

// Rows {"id": "r00"} ... {"id": "r<n-1>"}, in id order.
Rows NumberedRows(int n) {
  Rows rows;
  for (int i = 0; i < n; ++i) {
    rows.push_back({{"id", absl::StrCat("r", i < 10 ? "0" : "", i)}});
  }
  return rows;
}

TEST(DirectusClientTest, SendsSearchWithQueryAndToken) {
  FakeDirectus fake([](const DirectusCall&) { return Data("[]"); });
  auto client = MakeClient(fake.url());
  CallContext context = Within(absl::Seconds(5));

  boost::json::object query{{"fields", boost::json::array{"id"}}};
  ASSERT_TRUE(client->Search(kProjects, query, context).ok());

  const std::vector<DirectusCall> calls = fake.calls();
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].method, "SEARCH");
  EXPECT_EQ(calls[0].path, "/items/project");
  EXPECT_EQ(calls[0].authorization, absl::StrCat("Bearer ", kToken));
  EXPECT_EQ(calls[0].query, query);
}

TEST(DirectusClientTest, RetriesUnderPressure) {
  std::atomic<int> calls{0};
  FakeDirectus fake([&](const DirectusCall&) {
    if (calls++ == 0) return JsonReply(503, ErrorBody("Under pressure"));
    return Data(R"([{"id": "p1"}])");
  });
  auto client = MakeClient(fake.url());
  CallContext context = Within(absl::Seconds(5));

  auto response = client->Search(kProjects, {}, context);

  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(fake.calls().size(), 2u);
}

TEST(DirectusClientTest, HonoursRetryAfter) {
  std::atomic<int> calls{0};
  FakeDirectus fake([&](const DirectusCall&) {
    if (calls++ == 0) {
      return JsonReply(429, ErrorBody("Too many requests"),
                       {{"Retry-After", "1"}});
    }
    return Data("[]");
  });
  auto client = MakeClient(fake.url());
  CallContext context = Within(absl::Seconds(5));

  const absl::Time start = absl::Now();
  ASSERT_TRUE(client->Search(kProjects, {}, context).ok());

  // The backoff alone is at most 10 ms; Retry-After requests 1 s.
  EXPECT_GE(absl::Now() - start, absl::Seconds(1));
  EXPECT_EQ(fake.calls().size(), 2u);
}

TEST(DirectusClientTest, RetryAfterPastDeadlineStopsEarly) {
  FakeDirectus fake([](const DirectusCall&) {
    return JsonReply(429, ErrorBody("Too many requests"),
                     {{"Retry-After", "30"}});
  });
  auto client = MakeClient(fake.url());
  CallContext context = Within(absl::Seconds(2));

  const absl::Time start = absl::Now();
  auto response = client->Search(kProjects, {}, context);

  EXPECT_EQ(response.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_THAT(response.status().message(), HasSubstr("project"));
  EXPECT_LT(absl::Now() - start, absl::Seconds(1));
}

TEST(DirectusClientTest, UnauthorizedIsNotRetried) {
  FakeDirectus fake([](const DirectusCall&) {
    return JsonReply(401, ErrorBody("Invalid user credentials."));
  });
  auto client = MakeClient(fake.url());
  CallContext context = Within(absl::Seconds(5));

  auto response = client->Search(kProjects, {}, context);

  EXPECT_EQ(response.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(response.status().message(), HasSubstr("401"));
  EXPECT_THAT(response.status().message(), HasSubstr("project"));
  EXPECT_THAT(response.status().message(), Not(HasSubstr(kToken)));
  EXPECT_EQ(fake.calls().size(), 1u);
}

TEST(DirectusClientTest, ForbiddenIsNotRetried) {
  FakeDirectus fake([](const DirectusCall&) {
    return JsonReply(403, ErrorBody("You don't have permission to access."));
  });
  auto client = MakeClient(fake.url());
  CallContext context = Within(absl::Seconds(5));

  auto response = client->Search(kProjects, {}, context);

  EXPECT_EQ(response.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(response.status().message(), HasSubstr("403"));
  EXPECT_THAT(response.status().message(), HasSubstr("project"));
  EXPECT_EQ(fake.calls().size(), 1u);
}

TEST(DirectusClientTest, OtherClientErrorIsInternalWithMessage) {
  FakeDirectus fake([](const DirectusCall&) {
    return JsonReply(400, ErrorBody("Invalid query. \"_foo\" is unknown."));
  });
  auto client = MakeClient(fake.url());
  CallContext context = Within(absl::Seconds(5));

  auto response = client->Search(kProjects, {}, context);

  EXPECT_EQ(response.status().code(), absl::StatusCode::kInternal);
  EXPECT_THAT(response.status().message(), HasSubstr("_foo"));
  EXPECT_THAT(response.status().message(), HasSubstr("project"));
  EXPECT_EQ(fake.calls().size(), 1u);
}

TEST(DirectusClientTest, RejectedLimitNamesPageSizeSetting) {
  FakeDirectus fake([](const DirectusCall&) {
    // The message of Directus 11.1.2 with QUERY_LIMIT_MAX=100.
    return JsonReply(400, ErrorBody("Invalid query. \"limit\" must be less "
                                    "than or equal to 100."));
  });
  auto client = MakeClient(fake.url());
  CallContext context = Within(absl::Seconds(5));

  auto rows = client->FetchRows(kProjects, {}, context, 1000);

  EXPECT_EQ(rows.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(rows.status().message(), HasSubstr("DIRECTUS_PAGE_SIZE"));
  EXPECT_THAT(rows.status().message(),
              HasSubstr("must be less than or equal to 100"));
}

TEST(DirectusClientTest, TruncatedJsonIsRetried) {
  std::atomic<int> calls{0};
  FakeDirectus fake([&](const DirectusCall&) {
    if (calls++ == 0) {
      return Reply{usage::testing::HttpReply(200, R"({"data": [{"id": )")};
    }
    return Data(R"([{"id": "p1"}])");
  });
  auto client = MakeClient(fake.url());
  CallContext context = Within(absl::Seconds(5));

  auto response = client->Search(kProjects, {}, context);

  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(fake.calls().size(), 2u);
}

TEST(DirectusClientTest, AttemptsRunOutAsUnavailable) {
  FakeDirectus fake([](const DirectusCall&) {
    return Reply{usage::testing::HttpReply(200, R"({"data": [)")};
  });
  auto client = MakeClient(fake.url(), /*max_attempts=*/3);
  CallContext context = Within(absl::Seconds(5));

  auto response = client->Search(kProjects, {}, context);

  EXPECT_EQ(response.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(response.status().message(), HasSubstr("project"));
  EXPECT_THAT(response.status().message(), HasSubstr("malformed JSON"));
  EXPECT_EQ(fake.calls().size(), 3u);
}

TEST(DirectusClientTest, StallEndsAtDeadline) {
  FakeDirectus fake([](const DirectusCall&) {
    return Reply{usage::testing::HttpReply(200, "{}"), false,
                 absl::Seconds(30)};
  });
  auto client = MakeClient(fake.url());
  CallContext context = Within(absl::Milliseconds(400));

  const absl::Time start = absl::Now();
  auto response = client->Search(kProjects, {}, context);

  EXPECT_EQ(response.status().code(), absl::StatusCode::kDeadlineExceeded)
      << response.status();
  EXPECT_LT(absl::Now() - start, absl::Seconds(2));
}

TEST(DirectusClientTest, SlowAttemptIsRetried) {
  std::atomic<int> calls{0};
  FakeDirectus fake([&](const DirectusCall&) {
    if (calls++ == 0) {
      return Reply{usage::testing::HttpReply(200, "{}"), false,
                   absl::Seconds(30)};
    }
    return Data(R"([{"id": "p1"}])");
  });
  DirectusOptions options;
  options.base_url = fake.url();
  options.token = kToken;
  options.backoff_initial = absl::Milliseconds(1);
  options.request_timeout = absl::Milliseconds(200);
  auto http = HttpClient::Create(fake.url(), {});
  ASSERT_TRUE(http.ok());
  DirectusClient client(*std::move(http), options);
  CallContext context = Within(absl::Seconds(5));

  auto response = client.Search(kProjects, {}, context);

  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(fake.calls().size(), 2u);
}

TEST(DirectusClientTest, UnreachableServerIsUnavailable) {
  std::string url;
  {
    FakeDirectus closed([](const DirectusCall&) { return Data("[]"); });
    url = closed.url();
  }
  auto client = MakeClient(url, /*max_attempts=*/2);
  CallContext context = Within(absl::Seconds(5));

  auto response = client->Search(kProjects, {}, context);

  EXPECT_EQ(response.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(response.status().message(), HasSubstr("project"));
  EXPECT_THAT(response.status().message(), HasSubstr("127.0.0.1"));
}

TEST(DirectusClientTest, PagesAcrossThreePagesConcurrently) {
  const Rows rows = NumberedRows(25);
  std::atomic<int> in_flight{0};
  std::atomic<int> max_in_flight{0};
  FakeDirectus fake([&](const DirectusCall& call) {
    const int now = ++in_flight;
    int seen = max_in_flight.load();
    while (now > seen && !max_in_flight.compare_exchange_weak(seen, now)) {
    }
    // Long enough for the two later pages to overlap.
    absl::SleepFor(absl::Milliseconds(100));
    Reply reply = PageOf(rows, call.query);
    --in_flight;
    return reply;
  });
  auto client = MakeClient(fake.url());
  CallContext context = Within(absl::Seconds(5));

  auto fetched = client->FetchRows(kProjects, {}, context, 10);

  ASSERT_TRUE(fetched.ok()) << fetched.status();
  ASSERT_EQ(fetched->size(), 25u);
  for (size_t i = 0; i < rows.size(); ++i) EXPECT_EQ((*fetched)[i], rows[i]);
  const std::vector<DirectusCall> calls = fake.calls();
  // 25 rows at 10 per page: offsets 0, 10 and 20.
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[0].query.at("meta"), "filter_count");
  EXPECT_EQ(calls[0].query.at("sort"), boost::json::array{"id"});
  EXPECT_EQ(calls[0].query.at("limit"), 10);
  std::vector<int64_t> offsets;
  for (size_t i = 1; i < calls.size(); ++i) {
    EXPECT_EQ(calls[i].query.at("sort"), boost::json::array{"id"});
    EXPECT_FALSE(calls[i].query.contains("meta"));
    offsets.push_back(calls[i].query.at("offset").as_int64());
  }
  EXPECT_THAT(offsets, ::testing::UnorderedElementsAre(10, 20));
  EXPECT_EQ(max_in_flight.load(), 2);
}

TEST(DirectusClientTest, ShortCountIsInternal) {
  const Rows rows = NumberedRows(25);
  FakeDirectus fake([&](const DirectusCall& call) {
    // The count promises 30 rows; the pages hold 25.
    Reply reply = PageOf(rows, call.query);
    if (call.query.contains("meta")) {
      boost::json::object body{{"data", boost::json::array{}}};
      for (int i = 0; i < 10; ++i) body["data"].as_array().push_back(rows[i]);
      body["meta"] = {{"filter_count", 30}};
      reply = JsonReply(200, body);
    }
    return reply;
  });
  auto client = MakeClient(fake.url());
  CallContext context = Within(absl::Seconds(5));

  auto fetched = client->FetchRows(kProjects, {}, context, 10);

  EXPECT_EQ(fetched.status().code(), absl::StatusCode::kInternal);
  EXPECT_THAT(fetched.status().message(), HasSubstr("project"));
  EXPECT_THAT(fetched.status().message(), HasSubstr("30"));
}

TEST(DirectusClientTest, SilentlyCappedPageSizeIsFollowed) {
  const Rows rows = NumberedRows(25);
  FakeDirectus fake([&](const DirectusCall& call) {
    return PageOf(rows, call.query, /*max_limit=*/7);
  });
  auto client = MakeClient(fake.url());
  CallContext context = Within(absl::Seconds(5));

  auto fetched = client->FetchRows(kProjects, {}, context, 10);

  ASSERT_TRUE(fetched.ok()) << fetched.status();
  ASSERT_EQ(fetched->size(), 25u);
  for (size_t i = 0; i < rows.size(); ++i) EXPECT_EQ((*fetched)[i], rows[i]);
  // The first page brings 7 rows; 18 remain, in pages of 7 at offsets 7,
  // 14 and 21.
  const std::vector<DirectusCall> calls = fake.calls();
  ASSERT_EQ(calls.size(), 4u);
  std::vector<int64_t> offsets;
  for (size_t i = 1; i < calls.size(); ++i) {
    EXPECT_EQ(calls[i].query.at("limit"), 7);
    offsets.push_back(calls[i].query.at("offset").as_int64());
  }
  EXPECT_THAT(offsets, ::testing::UnorderedElementsAre(7, 14, 21));
}

TEST(DirectusClientTest, RepeatedIdIsInternal) {
  // Rows r00..r09, then a second page that repeats r09.
  const Rows rows = NumberedRows(10);
  FakeDirectus fake([&](const DirectusCall& call) {
    if (call.query.contains("offset")) {
      return Data(R"([{"id": "r09"}, {"id": "r10"}])");
    }
    boost::json::object body{{"data", boost::json::array{}}};
    for (const auto& row : rows) body["data"].as_array().push_back(row);
    body["meta"] = {{"filter_count", 12}};
    return JsonReply(200, body);
  });
  auto client = MakeClient(fake.url());
  CallContext context = Within(absl::Seconds(5));

  auto fetched = client->FetchRows(kProjects, {}, context, 10);

  EXPECT_EQ(fetched.status().code(), absl::StatusCode::kInternal);
  EXPECT_THAT(fetched.status().message(), HasSubstr("r09"));
}

TEST(DirectusClientTest, GroupsArePagedByGroupField) {
  FakeDirectus fake([](const DirectusCall& call) {
    if (call.query.at("aggregate").as_object().contains("countDistinct")) {
      return Data(R"([{"countDistinct": {"conversation_id": "3"}}])");
    }
    const Rows groups = usage::testing::RowsOf(R"([
      {"conversation_id": "c1", "count": {"id": "4"}},
      {"conversation_id": "c2", "count": {"id": 1}},
      {"conversation_id": "c3", "count": {"id": "2"}}])");
    return PageOf(groups, call.query, /*max_limit=*/2);
  });
  auto client = MakeClient(fake.url());
  CallContext context = Within(absl::Seconds(5));
  const Collection chunks{"conversation_chunk", "/items/conversation_chunk"};

  auto groups =
      client->FetchGroups(chunks, {}, {{"count", boost::json::array{"id"}}},
                          "conversation_id", context);

  ASSERT_TRUE(groups.ok()) << groups.status();
  ASSERT_EQ(groups->size(), 3u);
  EXPECT_EQ((*groups)[2].at("conversation_id"), "c3");
  const std::vector<DirectusCall> calls = fake.calls();
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[1].query.at("groupBy"),
            boost::json::array{"conversation_id"});
  EXPECT_EQ(calls[1].query.at("sort"), boost::json::array{"conversation_id"});
}

}  // namespace
}  // namespace usage
