#include <map>
#include <string>

#include "config/environment.h"
#include "config/service_config.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

absl::StatusOr<ServiceConfig> Load(std::map<std::string, std::string> values) {
  values["USAGE_SNAPSHOT_DIR"] = "/tmp/snapshot";
  return LoadServiceConfig(Environment(std::move(values)));
}

TEST(LlmConfigTest, UnsetMeansNotConfigured) {
  absl::StatusOr<ServiceConfig> config = Load({});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_FALSE(config->llm.configured);
  EXPECT_EQ(config->llm.timeout, absl::Seconds(30));
  EXPECT_EQ(config->llm.max_concurrent_calls, 4);
}

TEST(LlmConfigTest, ConcurrentCallsAreRead) {
  absl::StatusOr<ServiceConfig> config =
      Load({{"USAGE_MAX_CONCURRENT_LLM_CALLS", "9"}});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->llm.max_concurrent_calls, 9);
}

TEST(LlmConfigTest, BadConcurrentCallsNameVariable) {
  for (const char* value : {"0", "1025", "many"}) {
    absl::StatusOr<ServiceConfig> config =
        Load({{"USAGE_MAX_CONCURRENT_LLM_CALLS", value}});
    ASSERT_FALSE(config.ok()) << value;
    EXPECT_THAT(config.status().message(),
                HasSubstr("USAGE_MAX_CONCURRENT_LLM_CALLS"));
    EXPECT_THAT(config.status().message(), HasSubstr(value));
  }
}

TEST(LlmConfigTest, ModelAndKeyConfigure) {
  absl::StatusOr<ServiceConfig> config =
      Load({{"LLM__TEXT_FAST__MODEL", "azure/gpt-4o"},
            {"LLM__TEXT_FAST__API_KEY", "secret-key-123"},
            {"LLM__TEXT_FAST__API_BASE", "https://llm.example"},
            {"LLM__TEXT_FAST__API_VERSION", "2024-06-01"},
            {"USAGE_LLM_TIMEOUT_SECONDS", "12.5"}});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_TRUE(config->llm.configured);
  EXPECT_EQ(config->llm.model, "azure/gpt-4o");
  EXPECT_EQ(config->llm.api_key, "secret-key-123");
  EXPECT_EQ(config->llm.api_base, "https://llm.example");
  EXPECT_EQ(config->llm.api_version, "2024-06-01");
  EXPECT_EQ(config->llm.timeout, absl::Milliseconds(12500));
}

TEST(LlmConfigTest, SingleUnderscoreNamesAccepted) {
  absl::StatusOr<ServiceConfig> config = Load(
      {{"LLM_TEXT_FAST_MODEL", "gpt-4o-mini"}, {"LLM_TEXT_FAST_API_KEY", "k"}});
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_TRUE(config->llm.configured);
  EXPECT_EQ(config->llm.model, "gpt-4o-mini");
}

TEST(LlmConfigTest, ModelWithoutKeyNamesKey) {
  absl::StatusOr<ServiceConfig> config =
      Load({{"LLM__TEXT_FAST__MODEL", "gpt-4o-mini"}});
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(config.status().message(),
              HasSubstr("missing LLM__TEXT_FAST__API_KEY"));
}

TEST(LlmConfigTest, KeyWithoutModelNamesModelNotKey) {
  absl::StatusOr<ServiceConfig> config =
      Load({{"LLM__TEXT_FAST__API_KEY", "secret-key-123"}});
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(),
              HasSubstr("missing LLM__TEXT_FAST__MODEL"));
  EXPECT_THAT(config.status().message(), Not(HasSubstr("secret-key-123")));
}

TEST(LlmConfigTest, BadTimeoutNamesVariable) {
  absl::StatusOr<ServiceConfig> config =
      Load({{"USAGE_LLM_TIMEOUT_SECONDS", "soon"}});
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(),
              HasSubstr("USAGE_LLM_TIMEOUT_SECONDS \"soon\""));
}

}  // namespace
}  // namespace usage
