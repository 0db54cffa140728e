// Runs the client against tests/fake_llm/fake_llm_server.py.
#include "llm/llm_client.h"

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "boost/json/value.hpp"
#include "fake_llm_server.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage::llm {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::usage::testing::FakeLlmServer;

constexpr char kKey[] = "sk-test-key-0123456789";
// Slack for process scheduling on a loaded machine in elapsed-time checks.
constexpr absl::Duration kMargin = absl::Milliseconds(700);

std::string Field(const boost::json::value& object, const char* name) {
  const boost::json::value* value = object.as_object().if_contains(name);
  if (value == nullptr || !value->is_string()) return "<missing>";
  return std::string(value->get_string());
}

class LlmClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<FakeLlmServer>> server =
        FakeLlmServer::Start();
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
  }

  std::unique_ptr<LlmClient> MakeClient(const std::string& model,
                                        const std::string& base,
                                        const std::string& version = "") {
    absl::StatusOr<std::unique_ptr<LlmClient>> client =
        CreateLlmClient({model, kKey, base, version}, HttpClientOptions{});
    EXPECT_TRUE(client.ok()) << client.status();
    return client.ok() ? *std::move(client) : nullptr;
  }

  std::unique_ptr<LlmClient> MakeOpenAiClient() {
    return MakeClient("gpt-4o-mini", server_->url() + "/v1");
  }

  void SetScript(const std::string& steps) {
    ASSERT_TRUE(server_->SetScript(steps).ok()) << steps;
  }

  boost::json::array Requests() {
    absl::StatusOr<boost::json::array> requests = server_->Requests();
    EXPECT_TRUE(requests.ok()) << requests.status();
    return requests.ok() ? *std::move(requests) : boost::json::array();
  }

  static CompletionRequest SummaryRequest() {
    CompletionRequest request;
    request.messages = {{"system", "You write summaries."},
                        {"user", "Summarise: 3 projects."}};
    return request;
  }

  // Calls the client and stores the elapsed time in `elapsed_`.
  Completion Run(LlmClient& client, absl::Duration budget,
                 const CallContext* context = nullptr) {
    const absl::Time start = absl::Now();
    Completion completion =
        client.Complete(SummaryRequest(), start + budget, context);
    elapsed_ = absl::Now() - start;
    return completion;
  }

  std::unique_ptr<FakeLlmServer> server_;
  absl::Duration elapsed_;
};

TEST_F(LlmClientTest, OpenAiRequestShape) {
  SetScript(R"([{"text": "Usage fell by 40% in May."}])");
  auto client = MakeOpenAiClient();
  ASSERT_NE(client, nullptr);
  CompletionRequest request = SummaryRequest();
  request.temperature = 0.5;
  request.max_tokens = 300;

  const Completion completion =
      client->Complete(request, absl::Now() + absl::Seconds(10), nullptr);

  EXPECT_EQ(completion.outcome, CompletionOutcome::kText);
  EXPECT_EQ(completion.text, "Usage fell by 40% in May.");
  const boost::json::array requests = Requests();
  ASSERT_EQ(requests.size(), 1u);
  const boost::json::value& sent = requests[0];
  EXPECT_EQ(Field(sent, "method"), "POST");
  EXPECT_EQ(Field(sent, "path"), "/v1/chat/completions");
  const boost::json::value& headers = sent.at("headers");
  EXPECT_EQ(Field(headers, "authorization"), absl::StrCat("Bearer ", kKey));
  EXPECT_EQ(Field(headers, "content-type"), "application/json");
  EXPECT_EQ(Field(headers, "api-key"), "<missing>");
  const boost::json::value& body = sent.at("json");
  EXPECT_EQ(Field(body, "model"), "gpt-4o-mini");
  EXPECT_EQ(body.at("temperature"), 0.5);
  EXPECT_EQ(body.at("max_tokens"), 300);
  EXPECT_EQ(body.at("stream"), false);
  const boost::json::array& messages = body.at("messages").as_array();
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(Field(messages[0], "role"), "system");
  EXPECT_EQ(Field(messages[0], "content"), "You write summaries.");
  EXPECT_EQ(Field(messages[1], "role"), "user");
  EXPECT_EQ(Field(messages[1], "content"), "Summarise: 3 projects.");
}

TEST_F(LlmClientTest, AzureRequestShape) {
  SetScript(R"([{"text": "Ok"}])");
  auto client = MakeClient("azure/summary-fast", server_->url() + "/openai/",
                           "2024-10-21");
  ASSERT_NE(client, nullptr);

  const Completion completion = Run(*client, absl::Seconds(10));

  EXPECT_EQ(completion.outcome, CompletionOutcome::kText);
  EXPECT_EQ(completion.text, "Ok");
  const boost::json::array requests = Requests();
  ASSERT_EQ(requests.size(), 1u);
  const boost::json::value& sent = requests[0];
  EXPECT_EQ(Field(sent, "method"), "POST");
  EXPECT_EQ(Field(sent, "path"),
            "/openai/deployments/summary-fast/chat/completions"
            "?api-version=2024-10-21");
  const boost::json::value& headers = sent.at("headers");
  EXPECT_EQ(Field(headers, "api-key"), kKey);
  EXPECT_EQ(Field(headers, "authorization"), "<missing>");
  EXPECT_EQ(Field(headers, "content-type"), "application/json");
  const boost::json::value& body = sent.at("json");
  EXPECT_FALSE(body.as_object().contains("model"));
  EXPECT_EQ(body.at("stream"), false);
  EXPECT_EQ(body.at("max_tokens"), 1200);
  EXPECT_EQ(body.at("messages").as_array().size(), 2u);
}

TEST_F(LlmClientTest, RetryAfterMilliseconds) {
  SetScript(R"([{"status": 429, "headers": {"retry-after-ms": "400"}},
             {"text": "done"}])");
  auto client = MakeOpenAiClient();
  ASSERT_NE(client, nullptr);

  const Completion completion = Run(*client, absl::Seconds(10));

  EXPECT_EQ(completion.outcome, CompletionOutcome::kText);
  EXPECT_EQ(Requests().size(), 2u);
  EXPECT_GE(elapsed_, absl::Milliseconds(400));
  EXPECT_LT(elapsed_, absl::Milliseconds(400) + kMargin);
}

TEST_F(LlmClientTest, RetryAfterSeconds) {
  SetScript(R"([{"status": 429, "headers": {"Retry-After": "1"}},
             {"text": "done"}])");
  auto client = MakeOpenAiClient();
  ASSERT_NE(client, nullptr);

  const Completion completion = Run(*client, absl::Seconds(10));

  EXPECT_EQ(completion.outcome, CompletionOutcome::kText);
  EXPECT_EQ(Requests().size(), 2u);
  EXPECT_GE(elapsed_, absl::Seconds(1));
  EXPECT_LT(elapsed_, absl::Seconds(1) + kMargin);
}

TEST_F(LlmClientTest, RetryAfterDecimalSeconds) {
  SetScript(R"([{"status": 429, "headers": {"Retry-After": "0.6"}},
             {"status": 429, "headers": {"Retry-After": "0.6"}},
             {"text": "done"}])");
  auto client = MakeOpenAiClient();
  ASSERT_NE(client, nullptr);

  const Completion completion = Run(*client, absl::Seconds(10));

  // Two waits of 0.6 s before the third attempt.
  EXPECT_EQ(completion.outcome, CompletionOutcome::kText);
  EXPECT_EQ(Requests().size(), 3u);
  EXPECT_GE(elapsed_, absl::Milliseconds(1200));
  EXPECT_LT(elapsed_, absl::Milliseconds(1200) + kMargin);
}

TEST_F(LlmClientTest, RetryAfterHttpDate) {
  // Two whole seconds after the current second, so the wait is in (1, 2] s.
  const absl::Time now = absl::Now();
  const absl::Time date = absl::FromUnixSeconds(absl::ToUnixSeconds(now) + 2);
  const std::string header =
      absl::FormatTime("%a, %d %b %Y %H:%M:%S GMT", date, absl::UTCTimeZone());
  SetScript(absl::StrCat(R"([{"status": 503, "headers": {"Retry-After": ")",
                         header, R"("}}, {"text": "done"}])"));
  auto client = MakeOpenAiClient();
  ASSERT_NE(client, nullptr);

  const Completion completion = Run(*client, absl::Seconds(10));

  EXPECT_EQ(completion.outcome, CompletionOutcome::kText);
  EXPECT_EQ(Requests().size(), 2u);
  EXPECT_GE(elapsed_, absl::Seconds(1) - absl::Milliseconds(100));
  EXPECT_LT(elapsed_, absl::Seconds(2) + kMargin);
}

TEST_F(LlmClientTest, ServerErrorThenSuccess) {
  SetScript(R"([{"status": 500}, {"text": "recovered"}])");
  auto client = MakeOpenAiClient();
  ASSERT_NE(client, nullptr);

  const Completion completion = Run(*client, absl::Seconds(10));

  EXPECT_EQ(completion.outcome, CompletionOutcome::kText);
  EXPECT_EQ(completion.text, "recovered");
  EXPECT_EQ(Requests().size(), 2u);
}

TEST_F(LlmClientTest, GivesUpAfterThreeAttempts) {
  SetScript(R"([{"status": 503}])");
  auto client = MakeOpenAiClient();
  ASSERT_NE(client, nullptr);

  const Completion completion = Run(*client, absl::Seconds(10));

  EXPECT_EQ(completion.outcome, CompletionOutcome::kUnavailable);
  EXPECT_THAT(completion.detail, HasSubstr("HTTP 503"));
  EXPECT_EQ(Requests().size(), 3u);
  // Backoffs of at most 0.5 s and 1 s.
  EXPECT_LT(elapsed_, absl::Milliseconds(1500) + kMargin);
}

TEST_F(LlmClientTest, RequestedWaitPastDeadlineStopsAtOnce) {
  SetScript(R"([{"status": 429, "headers": {"Retry-After": "10"}},
             {"text": "too late"}])");
  auto client = MakeOpenAiClient();
  ASSERT_NE(client, nullptr);

  const Completion completion = Run(*client, absl::Seconds(3));

  EXPECT_EQ(completion.outcome, CompletionOutcome::kUnavailable);
  EXPECT_THAT(completion.detail, HasSubstr("asked to wait 10 s"));
  EXPECT_THAT(completion.detail, HasSubstr("left before the deadline"));
  EXPECT_EQ(Requests().size(), 1u);
  EXPECT_LT(elapsed_, kMargin);
}

TEST_F(LlmClientTest, StallEndsAtDeadline) {
  SetScript(R"([{"stall_seconds": 5, "text": "late"}])");
  auto client = MakeOpenAiClient();
  ASSERT_NE(client, nullptr);

  const Completion completion = Run(*client, absl::Seconds(1));

  EXPECT_EQ(completion.outcome, CompletionOutcome::kUnavailable);
  EXPECT_EQ(completion.detail, "timed out after 1 s");
  EXPECT_LT(elapsed_, absl::Seconds(1) + absl::Milliseconds(300));
}

TEST_F(LlmClientTest, ContextDeadlineWins) {
  SetScript(R"([{"stall_seconds": 5, "text": "late"}])");
  auto client = MakeOpenAiClient();
  ASSERT_NE(client, nullptr);
  const CallContext context(absl::Now() + absl::Seconds(1), nullptr);

  const Completion completion = Run(*client, absl::Seconds(30), &context);

  EXPECT_EQ(completion.outcome, CompletionOutcome::kUnavailable);
  EXPECT_THAT(completion.detail, HasSubstr("timed out"));
  EXPECT_LT(elapsed_, absl::Seconds(1) + absl::Milliseconds(300));
}

TEST_F(LlmClientTest, CancelledContext) {
  auto client = MakeOpenAiClient();
  ASSERT_NE(client, nullptr);
  const CallContext context(absl::InfiniteFuture(), [] { return true; });

  const Completion completion = Run(*client, absl::Seconds(10), &context);

  EXPECT_EQ(completion.outcome, CompletionOutcome::kUnavailable);
  EXPECT_EQ(completion.detail, "cancelled");
  EXPECT_EQ(Requests().size(), 0u);
}

TEST_F(LlmClientTest, FilterFinishReasonIsNotRetried) {
  SetScript(R"([{"body": {"choices": [{"index": 0,
               "finish_reason": "content_filter",
               "message": {"role": "assistant", "content": null}}]}}])");
  auto client = MakeOpenAiClient();
  ASSERT_NE(client, nullptr);

  const Completion completion = Run(*client, absl::Seconds(10));

  EXPECT_EQ(completion.outcome, CompletionOutcome::kFiltered);
  EXPECT_EQ(Requests().size(), 1u);
}

TEST_F(LlmClientTest, FilterErrorIsNotRetried) {
  SetScript(R"([{"status": 400, "body": {"error": {"code": "content_filter",
               "message": "The prompt was filtered.",
               "innererror": {"code": "ResponsibleAIPolicyViolation"}}}}])");
  auto client =
      MakeClient("azure/summary-fast", server_->url(), "2025-01-01-preview");
  ASSERT_NE(client, nullptr);

  const Completion completion = Run(*client, absl::Seconds(10));

  EXPECT_EQ(completion.outcome, CompletionOutcome::kFiltered);
  EXPECT_EQ(Requests().size(), 1u);
}

TEST_F(LlmClientTest, EmptyChoices) {
  SetScript(R"([{"body": {"choices": []}}])");
  auto client = MakeOpenAiClient();
  ASSERT_NE(client, nullptr);

  const Completion completion = Run(*client, absl::Seconds(10));

  EXPECT_EQ(completion.outcome, CompletionOutcome::kUnavailable);
  EXPECT_THAT(completion.detail, HasSubstr("no choices"));
  EXPECT_EQ(Requests().size(), 1u);
}

TEST_F(LlmClientTest, MalformedJson) {
  SetScript(R"([{"body": "{\"choices\": [{\"message\": "}])");
  auto client = MakeOpenAiClient();
  ASSERT_NE(client, nullptr);

  const Completion completion = Run(*client, absl::Seconds(10));

  EXPECT_EQ(completion.outcome, CompletionOutcome::kUnavailable);
  EXPECT_THAT(completion.detail, HasSubstr("not a JSON object"));
  EXPECT_EQ(Requests().size(), 1u);
}

TEST_F(LlmClientTest, RejectedKeyIsNotRetried) {
  SetScript(R"([{"status": 401, "body": {"error": {
               "message": "Incorrect API key provided: sk-test-key-0123456789",
               "code": "invalid_api_key"}}}])");
  auto client = MakeOpenAiClient();
  ASSERT_NE(client, nullptr);

  const Completion completion = Run(*client, absl::Seconds(10));

  EXPECT_EQ(completion.outcome, CompletionOutcome::kUnavailable);
  EXPECT_THAT(completion.detail, HasSubstr("the LLM rejected the API key"));
  EXPECT_THAT(completion.detail, Not(HasSubstr(kKey)));
  EXPECT_EQ(Requests().size(), 1u);
}

TEST_F(LlmClientTest, EchoedKeyIsRedacted) {
  SetScript(R"([{"status": 422, "body": {"error": {
               "message": "bad request from sk-test-key-0123456789"}}}])");
  auto client = MakeOpenAiClient();
  ASSERT_NE(client, nullptr);

  const Completion completion = Run(*client, absl::Seconds(10));

  EXPECT_EQ(completion.outcome, CompletionOutcome::kUnavailable);
  EXPECT_THAT(completion.detail, HasSubstr("HTTP 422"));
  EXPECT_THAT(completion.detail, HasSubstr("[redacted]"));
  EXPECT_THAT(completion.detail, Not(HasSubstr(kKey)));
}

TEST_F(LlmClientTest, KeyInAnswerIsRedacted) {
  SetScript(R"([{"text": "Your key is sk-test-key-0123456789."}])");
  auto client = MakeOpenAiClient();
  ASSERT_NE(client, nullptr);

  const Completion completion = Run(*client, absl::Seconds(10));

  EXPECT_EQ(completion.outcome, CompletionOutcome::kText);
  EXPECT_EQ(completion.text, "Your key is [redacted].");
}

TEST_F(LlmClientTest, CutOffAnswerIsUnavailable) {
  SetScript(R"([{"text": "## Executive summary\nUsage rose by",
               "finish_reason": "length"}])");
  auto client = MakeOpenAiClient();
  ASSERT_NE(client, nullptr);

  const Completion completion = Run(*client, absl::Seconds(10));

  EXPECT_EQ(completion.outcome, CompletionOutcome::kUnavailable);
  EXPECT_EQ(completion.detail,
            "the LLM's answer was cut off at the token limit");
  EXPECT_EQ(Requests().size(), 1u);
}

TEST_F(LlmClientTest, NotFoundNamesDeployment) {
  SetScript(R"([{"status": 404}])");
  auto client = MakeClient("azure/missing-dep", server_->url(), "2024-10-21");
  ASSERT_NE(client, nullptr);

  const Completion completion = Run(*client, absl::Seconds(10));

  EXPECT_EQ(completion.outcome, CompletionOutcome::kUnavailable);
  EXPECT_THAT(completion.detail, HasSubstr("deployment missing-dep"));
  EXPECT_EQ(Requests().size(), 1u);
}

TEST_F(LlmClientTest, DroppedConnectionIsRetried) {
  SetScript(R"([{"drop": true}, {"text": "second try"}])");
  auto client = MakeOpenAiClient();
  ASSERT_NE(client, nullptr);

  const Completion completion = Run(*client, absl::Seconds(10));

  EXPECT_EQ(completion.outcome, CompletionOutcome::kText);
  EXPECT_EQ(completion.text, "second try");
  EXPECT_EQ(Requests().size(), 2u);
}

TEST(LlmClientHttpsTest, SelfSignedCertificateAsCaFile) {
  const std::filesystem::path directory =
      std::filesystem::path(::testing::TempDir()) / "llm_client_tls";
  std::filesystem::create_directories(directory);
  const std::string cert = (directory / "cert.pem").string();
  const std::string key = (directory / "key.pem").string();
  const std::string command = absl::StrCat(
      "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1"
      " -addext subjectAltName=IP:127.0.0.1 -keyout ",
      key, " -out ", cert, " 2>/dev/null");
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  absl::StatusOr<std::unique_ptr<FakeLlmServer>> server =
      FakeLlmServer::Start(cert, key);
  ASSERT_TRUE(server.ok()) << server.status();
  ASSERT_TRUE((*server)->SetScript(R"([{"text": "over TLS"}])").ok());
  HttpClientOptions options;
  options.ca_file = cert;
  absl::StatusOr<std::unique_ptr<LlmClient>> client = CreateLlmClient(
      {"openai/gpt-4o-mini", kKey, (*server)->url() + "/v1", ""}, options);
  ASSERT_TRUE(client.ok()) << client.status();

  const Completion completion = (*client)->Complete(
      {{{"user", "Hi"}}}, absl::Now() + absl::Seconds(10), nullptr);

  EXPECT_EQ(completion.outcome, CompletionOutcome::kText) << completion.detail;
  EXPECT_EQ(completion.text, "over TLS");
  EXPECT_THAT((*server)->url(), ::testing::StartsWith("https://"));
}

TEST(LlmClientCreateTest, BadSettingsNameVariable) {
  absl::StatusOr<std::unique_ptr<LlmClient>> client = CreateLlmClient(
      {"azure/d1", kKey, "http://127.0.0.1:1", "latest"}, HttpClientOptions{});
  ASSERT_FALSE(client.ok());
  EXPECT_EQ(client.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(client.status().message(),
              HasSubstr("LLM__TEXT_FAST__API_VERSION"));
  EXPECT_THAT(client.status().message(), HasSubstr("latest"));
}

TEST(LlmClientCreateTest, BaseWithPasswordNamesVariableOnly) {
  absl::StatusOr<std::unique_ptr<LlmClient>> client =
      CreateLlmClient({"gpt-4o", kKey, "http://user:pw@127.0.0.1:18081/v1", ""},
                      HttpClientOptions{});
  ASSERT_FALSE(client.ok());
  EXPECT_EQ(client.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(client.status().message(),
              HasSubstr("LLM__TEXT_FAST__API_BASE"));
  EXPECT_THAT(client.status().message(), Not(HasSubstr("user:pw")));
}

}  // namespace
}  // namespace usage::llm
