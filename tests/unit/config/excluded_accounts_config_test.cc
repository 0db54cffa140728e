#include <map>
#include <string>

#include "config/environment.h"
#include "config/service_config.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// A snapshot configuration with USAGE_EXCLUDED_ACCOUNTS set to `value`.
absl::StatusOr<ServiceConfig> LoadWithExcluded(const std::string& value) {
  return LoadServiceConfig(Environment(std::map<std::string, std::string>{
      {"USAGE_SNAPSHOT_DIR", "/tmp/snapshot"},
      {"USAGE_EXCLUDED_ACCOUNTS", value}}));
}

TEST(ExcludedAccountsConfigTest, UnsetMeansNone) {
  absl::StatusOr<ServiceConfig> config =
      LoadServiceConfig(Environment(std::map<std::string, std::string>{
          {"USAGE_SNAPSHOT_DIR", "/tmp/snapshot"}}));

  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_THAT(config->excluded_accounts, IsEmpty());
}

TEST(ExcludedAccountsConfigTest, ReadsIdsEmailsAndDomains) {
  absl::StatusOr<ServiceConfig> config = LoadWithExcluded(
      " 0b7c9d56-3f2a-4e1b-9c8d-7a6b5c4d3e2f, Ops@Example.com,,@dembrane.com ");

  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_THAT(config->excluded_accounts,
              ElementsAre("0b7c9d56-3f2a-4e1b-9c8d-7a6b5c4d3e2f",
                          "Ops@Example.com", "@dembrane.com"));
}

TEST(ExcludedAccountsConfigTest, RejectsDomainWithoutAt) {
  absl::StatusOr<ServiceConfig> config =
      LoadWithExcluded("ops@example.com,example.com");

  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(config.status().message(), HasSubstr("USAGE_EXCLUDED_ACCOUNTS"));
  EXPECT_THAT(config.status().message(), HasSubstr("\"example.com\""));
}

TEST(ExcludedAccountsConfigTest, RejectsMalformedEntries) {
  for (const char* entry :
       {"@", "ops@", "a@b@c", "ops @example.com", "not-a-uuid"}) {
    absl::StatusOr<ServiceConfig> config = LoadWithExcluded(entry);
    EXPECT_EQ(config.status().code(), absl::StatusCode::kInvalidArgument)
        << entry;
  }
}

}  // namespace
}  // namespace usage
