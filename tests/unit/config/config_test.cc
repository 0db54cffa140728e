#include <string>

#include "config/environment.h"
#include "config/service_config.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Environment Env(std::map<std::string, std::string> values) {
  return Environment(std::move(values));
}

TEST(DotenvTest, ParsesPlainQuotedAndExportedValues) {
  absl::StatusOr<std::map<std::string, std::string>> values = ParseDotenv(
      "# comment\n"
      "\n"
      "PLAIN=value\n"
      "export EXPORTED = spaced  \n"
      "SINGLE='a # b \\n'\n"
      "DOUBLE=\"line\\nnext \\\"quoted\\\"\"\n"
      "TRAILING=kept # dropped\n"
      "EMPTY=\n",
      ".env");
  ASSERT_TRUE(values.ok()) << values.status();
  EXPECT_EQ(values->at("PLAIN"), "value");
  EXPECT_EQ(values->at("EXPORTED"), "spaced");
  EXPECT_EQ(values->at("SINGLE"), "a # b \\n");
  EXPECT_EQ(values->at("DOUBLE"), "line\nnext \"quoted\"");
  EXPECT_EQ(values->at("TRAILING"), "kept");
  EXPECT_EQ(values->at("EMPTY"), "");
}

TEST(DotenvTest, RejectsLineWithoutEqualsNamingLine) {
  absl::StatusOr<std::map<std::string, std::string>> values =
      ParseDotenv("A=1\nNOT A PAIR\n", "/srv/.env");
  ASSERT_FALSE(values.ok());
  EXPECT_THAT(values.status().message(), HasSubstr("/srv/.env:2"));
}

TEST(DotenvTest, RejectsUnclosedQuote) {
  absl::StatusOr<std::map<std::string, std::string>> values =
      ParseDotenv("A=\"open\n", ".env");
  ASSERT_FALSE(values.ok());
  EXPECT_THAT(values.status().message(), HasSubstr("missing closing quote"));
}

TEST(ServiceConfigTest, DirectusNeedsBaseUrl) {
  absl::StatusOr<ServiceConfig> config =
      LoadServiceConfig(Env({{"DIRECTUS_TOKEN", "secret-token"}}));
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(config.status().message(), HasSubstr("DIRECTUS_BASE_URL"));
}

TEST(ServiceConfigTest, DirectusNeedsTokenWithoutPrintingIt) {
  absl::StatusOr<ServiceConfig> config = LoadServiceConfig(
      Env({{"DIRECTUS_BASE_URL", "https://directus.example.com"}}));
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr("DIRECTUS_TOKEN"));
}

TEST(ServiceConfigTest, AcceptsDoubleUnderscoreNames) {
  absl::StatusOr<ServiceConfig> config = LoadServiceConfig(
      Env({{"DIRECTUS__BASE_URL", "http://127.0.0.1:8055"},
                   {"DIRECTUS__TOKEN", "secret-token"}}));
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->source.kind, SourceKind::kDirectus);
  EXPECT_EQ(config->source.directus_base_url, "http://127.0.0.1:8055");
  EXPECT_EQ(config->source.directus_token, "secret-token");
}

TEST(ServiceConfigTest, ReadsEveryDirectusSetting) {
  absl::StatusOr<ServiceConfig> config = LoadServiceConfig(Env({
      {"DIRECTUS_BASE_URL", "https://directus.example.com"},
      {"DIRECTUS_TOKEN", "secret-token"},
      {"DIRECTUS_CONCURRENCY", "3"},
      {"DIRECTUS_PAGE_SIZE", "250"},
      {"DIRECTUS_MAX_ATTEMPTS", "2"},
      {"DIRECTUS_TIMEOUT_SECONDS", "1.5"},
      {"DIRECTUS_TLS_VERIFY", "false"},
      {"DIRECTUS_CA_FILE", "/etc/ca.pem"},
      {"USAGE_LISTEN_ADDRESS", "127.0.0.1:6000"},
      {"USAGE_LOG_FORMAT", "JSON"},
  }));
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->source.directus_concurrency, 3);
  EXPECT_EQ(config->source.directus_page_size, 250);
  EXPECT_EQ(config->source.directus_max_attempts, 2);
  EXPECT_EQ(config->source.directus_timeout, absl::Milliseconds(1500));
  EXPECT_FALSE(config->source.directus_tls_verify);
  EXPECT_EQ(config->source.directus_ca_file, "/etc/ca.pem");
  EXPECT_EQ(config->listen_address, "127.0.0.1:6000");
  EXPECT_TRUE(config->log_json);
}

TEST(ServiceConfigTest, SnapshotNeedsNoDirectus) {
  absl::StatusOr<ServiceConfig> config =
      LoadServiceConfig(Env({{"USAGE_SNAPSHOT_DIR", "/data/snap"}}));
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->source.kind, SourceKind::kSnapshot);
  EXPECT_EQ(config->source.snapshot_dir, "/data/snap");
}

TEST(ServiceConfigTest, BadValuesNameVariableAndValue) {
  struct Case {
    std::string name;
    std::string value;
  };
  for (const Case& bad : std::vector<Case>{
           {"DIRECTUS_PAGE_SIZE", "0"},
           {"DIRECTUS_PAGE_SIZE", "12x"},
           {"DIRECTUS_CONCURRENCY", "100"},
           {"DIRECTUS_TIMEOUT_SECONDS", "-1"},
           {"DIRECTUS_TLS_VERIFY", "maybe"},
           {"DIRECTUS_BASE_URL", "directus.example.com"},
           {"USAGE_LISTEN_ADDRESS", "50051"},
           {"USAGE_LISTEN_ADDRESS", "127.0.0.1:99999"},
           {"USAGE_LISTEN_ADDRESS", "127.0.0.1:0"},
           {"USAGE_LOG_FORMAT", "xml"},
       }) {
    std::map<std::string, std::string> values = {
        {"DIRECTUS_BASE_URL", "https://directus.example.com"},
        {"DIRECTUS_TOKEN", "secret-token"}};
    values[bad.name] = bad.value;
    absl::StatusOr<ServiceConfig> config =
        LoadServiceConfig(Env(values));
    ASSERT_FALSE(config.ok()) << bad.name << "=" << bad.value;
    EXPECT_THAT(config.status().message(), HasSubstr(bad.name));
    EXPECT_THAT(config.status().message(), HasSubstr(bad.value));
    EXPECT_THAT(config.status().message(), Not(HasSubstr("secret-token")));
  }
}

TEST(ServiceConfigTest, TokenWithLineBreakIsRejectedWithoutEcho) {
  absl::StatusOr<ServiceConfig> config = LoadServiceConfig(
      Env({{"DIRECTUS_BASE_URL", "https://directus.example.com"},
           {"DIRECTUS_TOKEN", "secret\r\nX-Injected: yes"}}));
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr("DIRECTUS_TOKEN"));
  EXPECT_THAT(config.status().message(), Not(HasSubstr("secret")));
}

TEST(ServiceConfigTest, BaseUrlWithCredentialsIsRejectedWithoutEcho) {
  for (const char* url :
       {"https://user:hunter2@directus.example.com",
        "https://directus.example.com/?access_token=secret-value",
        "https://directus.example.com/#secret-value", "ftp://directus.example",
        "not a url", "http://"}) {
    absl::StatusOr<ServiceConfig> config = LoadServiceConfig(Env(
        {{"DIRECTUS_BASE_URL", url}, {"DIRECTUS_TOKEN", "secret-token"}}));
    ASSERT_FALSE(config.ok()) << url;
    EXPECT_THAT(config.status().message(), HasSubstr("DIRECTUS_BASE_URL"));
    EXPECT_THAT(config.status().message(), Not(HasSubstr("secret-value")));
    EXPECT_THAT(config.status().message(), Not(HasSubstr("hunter2")));
  }
}

TEST(ServiceConfigTest, BaseUrlWithPathIsAccepted) {
  absl::StatusOr<ServiceConfig> config = LoadServiceConfig(
      Env({{"DIRECTUS_BASE_URL", "https://cms.example.com:8443/directus/"},
           {"DIRECTUS_TOKEN", "secret-token"}}));
  EXPECT_TRUE(config.ok()) << config.status();
}

TEST(ServiceConfigTest, ReadsCallerTokensAndTlsFiles) {
  absl::StatusOr<ServiceConfig> config = LoadServiceConfig(
      Env({{"USAGE_SNAPSHOT_DIR", "/data/snap"},
           {"USAGE_CALLER_TOKENS", " first , second,"},
           {"USAGE_TLS_CERT_FILE", "/tls/cert.pem"},
           {"USAGE_TLS_KEY_FILE", "/tls/key.pem"}}));
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->caller_tokens,
            (std::vector<std::string>{"first", "second"}));
  EXPECT_EQ(config->tls_cert_file, "/tls/cert.pem");
  EXPECT_EQ(config->tls_key_file, "/tls/key.pem");
}

TEST(ServiceConfigTest, TlsNeedsCertificateAndKey) {
  absl::StatusOr<ServiceConfig> config =
      LoadServiceConfig(Env({{"USAGE_SNAPSHOT_DIR", "/data/snap"},
                             {"USAGE_TLS_CERT_FILE", "/tls/cert.pem"}}));
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr("USAGE_TLS_KEY_FILE"));
}

TEST(ServiceConfigTest, CallerTokenWithSpaceIsRejected) {
  absl::StatusOr<ServiceConfig> config =
      LoadServiceConfig(Env({{"USAGE_SNAPSHOT_DIR", "/data/snap"},
                             {"USAGE_CALLER_TOKENS", "ok,bad token"}}));
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr("USAGE_CALLER_TOKENS"));
  EXPECT_THAT(config.status().message(), Not(HasSubstr("bad token")));
}

}  // namespace
}  // namespace usage
