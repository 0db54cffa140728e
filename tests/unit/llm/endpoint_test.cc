#include "llm/endpoint.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage::llm {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct ResolveCase {
  std::string model;
  std::string base;
  std::string version;
  std::string want_base_url;
  std::string want_target;
  std::string want_body_model;
};

TEST(EndpointTest, ResolvesUrlsForEachStyle) {
  const std::vector<ResolveCase> cases = {
      {"gpt-4o-mini", "", "", "https://api.openai.com/v1", "/chat/completions",
       "gpt-4o-mini"},
      {"openai/gpt-4o", "", "", "https://api.openai.com/v1",
       "/chat/completions", "gpt-4o"},
      {"openai/gpt-4o", "http://127.0.0.1:8080/v1", "",
       "http://127.0.0.1:8080/v1", "/chat/completions", "gpt-4o"},
      {"openai/gpt-4o", "http://127.0.0.1:8080/v1/", "",
       "http://127.0.0.1:8080/v1", "/chat/completions", "gpt-4o"},
      // A base without /v1 is used as given.
      {"gpt-4o", "http://127.0.0.1:8080", "", "http://127.0.0.1:8080",
       "/chat/completions", "gpt-4o"},
      {"gpt-4o", "http://127.0.0.1:8080//", "", "http://127.0.0.1:8080",
       "/chat/completions", "gpt-4o"},
      // The OpenAI style sends no api-version.
      {"gpt-4o", "", "2024-10-21", "https://api.openai.com/v1",
       "/chat/completions", "gpt-4o"},
      {"azure/summary-fast", "https://res.openai.azure.com", "2024-10-21",
       "https://res.openai.azure.com",
       "/openai/deployments/summary-fast/chat/completions"
       "?api-version=2024-10-21",
       ""},
      {"azure/summary-fast", "https://res.openai.azure.com/", "2024-10-21",
       "https://res.openai.azure.com",
       "/openai/deployments/summary-fast/chat/completions"
       "?api-version=2024-10-21",
       ""},
      // A base that already ends in /openai does not get a second one.
      {"azure/d1", "https://res.openai.azure.com/openai", "2025-01-01-preview",
       "https://res.openai.azure.com",
       "/openai/deployments/d1/chat/completions"
       "?api-version=2025-01-01-preview",
       ""},
      {"azure/d1", "https://res.openai.azure.com/openai/", "2024-10-21",
       "https://res.openai.azure.com",
       "/openai/deployments/d1/chat/completions?api-version=2024-10-21", ""},
      {"azure/d1", "http://127.0.0.1:9000/proxy", "2024-10-21",
       "http://127.0.0.1:9000/proxy",
       "/openai/deployments/d1/chat/completions?api-version=2024-10-21", ""},
      // '%' and '+' are outside the unreserved set: %25 and %2B.
      {"azure/a%b+c", "https://res.openai.azure.com", "2024-10-21",
       "https://res.openai.azure.com",
       "/openai/deployments/a%25b%2Bc/chat/completions?api-version=2024-10-21",
       ""},
  };
  for (const ResolveCase& c : cases) {
    SCOPED_TRACE(c.model + " at \"" + c.base + "\"");
    absl::StatusOr<LlmEndpoint> endpoint =
        ResolveEndpoint({c.model, "sk-test-key", c.base, c.version});
    ASSERT_TRUE(endpoint.ok()) << endpoint.status();
    EXPECT_EQ(endpoint->base_url, c.want_base_url);
    EXPECT_EQ(endpoint->target, c.want_target);
    EXPECT_EQ(endpoint->body_model, c.want_body_model);
  }
}

TEST(EndpointTest, OpenAiUsesBearerHeader) {
  absl::StatusOr<LlmEndpoint> endpoint =
      ResolveEndpoint({"gpt-4o-mini", "sk-test-key", "", ""});
  ASSERT_TRUE(endpoint.ok()) << endpoint.status();
  EXPECT_EQ(endpoint->style, ApiStyle::kOpenAi);
  EXPECT_THAT(endpoint->auth_headers,
              ::testing::ElementsAre(
                  ::testing::Pair("Authorization", "Bearer sk-test-key")));
  EXPECT_EQ(endpoint->display_name, "model gpt-4o-mini");
}

TEST(EndpointTest, AzureUsesApiKeyHeader) {
  absl::StatusOr<LlmEndpoint> endpoint =
      ResolveEndpoint({"azure/d1", "sk-test-key",
                       "https://res.openai.azure.com", "2024-10-21"});
  ASSERT_TRUE(endpoint.ok()) << endpoint.status();
  EXPECT_EQ(endpoint->style, ApiStyle::kAzure);
  EXPECT_THAT(endpoint->auth_headers, ::testing::ElementsAre(::testing::Pair(
                                          "api-key", "sk-test-key")));
  EXPECT_EQ(endpoint->display_name, "deployment d1");
}

struct RejectCase {
  LlmSettings settings;
  std::string want_variable;
  std::string want_value;
};

TEST(EndpointTest, RejectsBadSettings) {
  const std::string base = "https://res.openai.azure.com";
  const std::vector<RejectCase> cases = {
      {{"azure/d1", "sk-test-key", base, "2024-13-01x"},
       "LLM__TEXT_FAST__API_VERSION",
       "2024-13-01x"},
      {{"azure/d1", "sk-test-key", base, "2024-13-01"},
       "LLM__TEXT_FAST__API_VERSION",
       "2024-13-01"},
      {{"azure/d1", "sk-test-key", base, "2024-10-00"},
       "LLM__TEXT_FAST__API_VERSION",
       "2024-10-00"},
      {{"azure/d1", "sk-test-key", base, "latest"},
       "LLM__TEXT_FAST__API_VERSION",
       "latest"},
      {{"azure/d1", "sk-test-key", base, "2024-10-21-beta"},
       "LLM__TEXT_FAST__API_VERSION",
       "2024-10-21-beta"},
      {{"azure/d1", "sk-test-key", base, "24-10-21"},
       "LLM__TEXT_FAST__API_VERSION",
       "24-10-21"},
      {{"azure/d1", "sk-test-key", base, ""},
       "LLM__TEXT_FAST__API_VERSION",
       "\"\""},
      {{"azure/d1", "sk-test-key", "", "2024-10-21"},
       "LLM__TEXT_FAST__API_BASE",
       "required"},
      {{"gpt-4o", "sk-test-key", "ftp://example.com", ""},
       "LLM__TEXT_FAST__API_BASE",
       "ftp://example.com"},
      {{"gpt-4o", "sk-test-key", "not a url", ""},
       "LLM__TEXT_FAST__API_BASE",
       "not a url"},
      {{"gpt-4o", "sk-test-key", "http://127.0.0.1/v1?x=1", ""},
       "LLM__TEXT_FAST__API_BASE",
       "http://127.0.0.1/v1?x=1"},
      {{"anthropic/claude", "sk-test-key", "", ""},
       "LLM__TEXT_FAST__MODEL",
       "anthropic"},
      {{"/gpt-4o", "sk-test-key", "", ""}, "LLM__TEXT_FAST__MODEL", "/gpt-4o"},
      {{"", "sk-test-key", "", ""}, "LLM__TEXT_FAST__MODEL", "empty"},
      {{"openai/", "sk-test-key", "", ""}, "LLM__TEXT_FAST__MODEL", "empty"},
      {{"openai/a/b", "sk-test-key", "", ""}, "LLM__TEXT_FAST__MODEL", "a/b"},
      {{"azure/d 1", "sk-test-key", base, "2024-10-21"},
       "LLM__TEXT_FAST__MODEL",
       "d 1"},
      {{"azure/d?x", "sk-test-key", base, "2024-10-21"},
       "LLM__TEXT_FAST__MODEL",
       "d?x"},
      {{"azure/d#x", "sk-test-key", base, "2024-10-21"},
       "LLM__TEXT_FAST__MODEL",
       "d#x"},
      {{"gpt-4o", "", "", ""}, "LLM__TEXT_FAST__API_KEY", "empty"},
      // February 2024 has 29 days, February 2023 has 28, April has 30.
      {{"azure/d1", "sk-test-key", base, "2024-02-31"},
       "LLM__TEXT_FAST__API_VERSION",
       "2024-02-31"},
      {{"azure/d1", "sk-test-key", base, "2024-04-31-preview"},
       "LLM__TEXT_FAST__API_VERSION",
       "2024-04-31-preview"},
      {{"gpt-4o", "sk-test-key", "", "garbage"},
       "LLM__TEXT_FAST__API_VERSION",
       "garbage"},
      {{"openai/gpt-4o", "sk-test-key", "", "2023-02-29"},
       "LLM__TEXT_FAST__API_VERSION",
       "2023-02-29"},
      // The value is quoted as given, trailing slashes included.
      {{"gpt-4o", "sk-test-key", "http://", ""},
       "LLM__TEXT_FAST__API_BASE",
       "\"http://\""},
  };
  for (const RejectCase& c : cases) {
    SCOPED_TRACE(c.settings.model + " / " + c.settings.api_base + " / " +
                 c.settings.api_version);
    absl::StatusOr<LlmEndpoint> endpoint = ResolveEndpoint(c.settings);
    ASSERT_FALSE(endpoint.ok());
    EXPECT_EQ(endpoint.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(endpoint.status().message(), HasSubstr(c.want_variable));
    EXPECT_THAT(endpoint.status().message(), HasSubstr(c.want_value));
    EXPECT_THAT(endpoint.status().message(), Not(HasSubstr("sk-test-key")));
  }
}

TEST(EndpointTest, KeyWithLineBreakIsRejectedWithoutValue) {
  absl::StatusOr<LlmEndpoint> endpoint =
      ResolveEndpoint({"gpt-4o", "sk-secret\r\nX: y", "", ""});
  ASSERT_FALSE(endpoint.ok());
  EXPECT_THAT(endpoint.status().message(),
              HasSubstr("LLM__TEXT_FAST__API_KEY"));
  EXPECT_THAT(endpoint.status().message(), Not(HasSubstr("sk-secret")));
}

TEST(EndpointTest, BaseWithUserInfoIsRejectedWithoutValue) {
  absl::StatusOr<LlmEndpoint> endpoint = ResolveEndpoint(
      {"gpt-4o", "sk-test-key", "http://user:pw@127.0.0.1:18081/v1", ""});
  ASSERT_FALSE(endpoint.ok());
  EXPECT_EQ(endpoint.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(endpoint.status().message(),
              HasSubstr("LLM__TEXT_FAST__API_BASE"));
  EXPECT_THAT(endpoint.status().message(), HasSubstr("user name or password"));
  EXPECT_THAT(endpoint.status().message(), Not(HasSubstr("pw")));
}

TEST(EndpointTest, ApiVersionForms) {
  EXPECT_TRUE(IsValidApiVersion("2024-10-21"));
  EXPECT_TRUE(IsValidApiVersion("2025-01-01-preview"));
  EXPECT_TRUE(IsValidApiVersion("2024-12-31"));
  EXPECT_TRUE(IsValidApiVersion("2024-02-29"));  // 2024 is a leap year.
  EXPECT_TRUE(IsValidApiVersion("2000-02-29"));  // Divisible by 400.
  EXPECT_FALSE(IsValidApiVersion("1900-02-29"));  // By 100, not by 400.
  EXPECT_FALSE(IsValidApiVersion("2023-02-29"));
  EXPECT_FALSE(IsValidApiVersion("2024-02-31"));
  EXPECT_FALSE(IsValidApiVersion("2024-06-31"));
  EXPECT_FALSE(IsValidApiVersion("2024-13-01x"));
  EXPECT_FALSE(IsValidApiVersion("2024-13-01"));
  EXPECT_FALSE(IsValidApiVersion("2024-00-10"));
  EXPECT_FALSE(IsValidApiVersion("2024-01-32"));
  EXPECT_FALSE(IsValidApiVersion("latest"));
  EXPECT_FALSE(IsValidApiVersion(""));
  EXPECT_FALSE(IsValidApiVersion("2024-1-21"));
  EXPECT_FALSE(IsValidApiVersion("2024-10-21preview"));
  EXPECT_FALSE(IsValidApiVersion("2024-10-21-Preview"));
  EXPECT_FALSE(IsValidApiVersion(" 2024-10-21"));
}

}  // namespace
}  // namespace usage::llm
