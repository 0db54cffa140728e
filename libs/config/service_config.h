// Settings of the usage service, read from environment variables. Every
// variable is documented in `.env.example` at the repository root.
#ifndef USAGE_CONFIG_SERVICE_CONFIG_H_
#define USAGE_CONFIG_SERVICE_CONFIG_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "config/environment.h"

namespace usage {

enum class SourceKind { kDirectus, kSnapshot };

// The data source of the service.
struct SourceConfig {
  SourceKind kind = SourceKind::kDirectus;
  // Directus.
  std::string directus_base_url;
  std::string directus_token;  // a secret: never log it
  int directus_concurrency = 4;
  int directus_page_size = 1000;
  int directus_max_attempts = 5;
  absl::Duration directus_timeout = absl::Seconds(30);
  bool directus_tls_verify = true;
  std::string directus_ca_file;
  // Snapshot folder with one JSON file per collection.
  std::string snapshot_dir;
};

// The LLM that writes executive summaries and insights. Configured only
// when both the model and the API key are set.
struct LlmConfig {
  bool configured = false;
  // LiteLLM-style model id, such as "gpt-4o-mini" or "azure/DEPLOYMENT".
  std::string model;
  std::string api_key;  // a secret: never log it
  std::string api_base;
  std::string api_version;
  // Time the LLM gets per report, also bounded by the call's deadline.
  absl::Duration timeout = absl::Seconds(30);
  // LLM calls in progress at the same time; further reports get insight
  // status UNAVAILABLE.
  int max_concurrent_calls = 4;
};

// Everything the service reads at start.
struct ServiceConfig {
  SourceConfig source;
  std::string listen_address = "0.0.0.0:50051";
  // Deadline applied to calls that arrive without one.
  absl::Duration default_deadline = absl::Seconds(120);
  // Reports computed at the same time; further calls get RESOURCE_EXHAUSTED.
  int max_concurrent_reports = 16;
  // Tokens a caller must send as "authorization: Bearer TOKEN"; empty means
  // no caller authentication. Secrets: never log them.
  std::vector<std::string> caller_tokens;
  // PEM certificate chain and private key for TLS; both empty means
  // plaintext.
  std::string tls_cert_file;
  std::string tls_key_file;
  bool log_json = false;
  std::string log_level = "info";
  // Accounts the leaderboard leaves out: user ids (UUIDs), emails, and
  // email domains written "@example.com", trimmed; empty when none.
  std::vector<std::string> excluded_accounts;
  LlmConfig llm;
};

// Reads the configuration. Returns INVALID_ARGUMENT with one line that names
// the variable and its bad value (never a secret's value) when a variable is
// missing or malformed.
absl::StatusOr<ServiceConfig> LoadServiceConfig(const Environment& env);

}  // namespace usage

#endif  // USAGE_CONFIG_SERVICE_CONFIG_H_
