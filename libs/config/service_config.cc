#include "config/service_config.h"

#include <initializer_list>
#include <optional>

#include "absl/strings/string_view.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/match.h"

namespace usage {
namespace {

// Returns the first of `names` that is set. Directus variables are also
// accepted with a double underscore (DIRECTUS__BASE_URL), as deployments of
// the ECHO stack write them.
std::optional<std::string> GetAny(const Environment& env,
                                  std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (auto value = env.Get(name)) return value;
  }
  return std::nullopt;
}

absl::Status ReadInt(const Environment& env, const char* name, int min,
                     int max, int& out) {
  std::optional<std::string> text = env.Get(name);
  if (!text) return absl::OkStatus();
  int value = 0;
  if (!absl::SimpleAtoi(*text, &value) || value < min || value > max) {
    return absl::InvalidArgumentError(
        absl::StrCat("invalid ", name, " \"", *text,
                     "\": expected a whole number from ", min, " to ", max));
  }
  out = value;
  return absl::OkStatus();
}

absl::Status ReadSeconds(const Environment& env, const char* name,
                         double min, double max, absl::Duration& out) {
  std::optional<std::string> text = env.Get(name);
  if (!text) return absl::OkStatus();
  double value = 0;
  if (!absl::SimpleAtod(*text, &value) || !(value >= min && value <= max)) {
    return absl::InvalidArgumentError(
        absl::StrCat("invalid ", name, " \"", *text,
                     "\": expected seconds from ", min, " to ", max));
  }
  out = absl::Seconds(value);
  return absl::OkStatus();
}

absl::Status ReadBool(const Environment& env, const char* name, bool& out) {
  std::optional<std::string> text = env.Get(name);
  if (!text) return absl::OkStatus();
  std::string lower = absl::AsciiStrToLower(*text);
  if (lower == "true" || lower == "1" || lower == "yes") {
    out = true;
  } else if (lower == "false" || lower == "0" || lower == "no") {
    out = false;
  } else {
    return absl::InvalidArgumentError(absl::StrCat(
        "invalid ", name, " \"", *text, "\": expected true or false"));
  }
  return absl::OkStatus();
}

absl::Status ReadChoice(const Environment& env, const char* name,
                        std::initializer_list<absl::string_view> choices,
                        std::string& out) {
  std::optional<std::string> text = env.Get(name);
  if (!text) return absl::OkStatus();
  std::string lower = absl::AsciiStrToLower(*text);
  for (absl::string_view choice : choices) {
    if (lower == choice) {
      out = lower;
      return absl::OkStatus();
    }
  }
  return absl::InvalidArgumentError(
      absl::StrCat("invalid ", name, " \"", *text, "\": expected one of ",
                   absl::StrJoin(choices, ", ")));
}

absl::Status ReadDirectus(const Environment& env, SourceConfig& source) {
  std::optional<std::string> base_url =
      GetAny(env, {"DIRECTUS_BASE_URL", "DIRECTUS__BASE_URL"});
  if (!base_url) {
    return absl::InvalidArgumentError(
        "missing DIRECTUS_BASE_URL: set it to the Directus server's URL, or "
        "set USAGE_SNAPSHOT_DIR to read a snapshot instead");
  }
  if (!absl::StartsWith(*base_url, "http://") &&
      !absl::StartsWith(*base_url, "https://")) {
    return absl::InvalidArgumentError(
        absl::StrCat("invalid DIRECTUS_BASE_URL \"", *base_url,
                     "\": expected an http:// or https:// URL"));
  }
  std::optional<std::string> token =
      GetAny(env, {"DIRECTUS_TOKEN", "DIRECTUS__TOKEN"});
  if (!token) {
    return absl::InvalidArgumentError(
        "missing DIRECTUS_TOKEN: set it to a static token of a Directus user "
        "that can read the ECHO collections");
  }
  source.kind = SourceKind::kDirectus;
  source.directus_base_url = *base_url;
  source.directus_token = *token;
  source.directus_ca_file = env.Get("DIRECTUS_CA_FILE").value_or("");

  if (absl::Status s = ReadInt(env, "DIRECTUS_CONCURRENCY", 1, 64,
                               source.directus_concurrency);
      !s.ok()) {
    return s;
  }
  if (absl::Status s = ReadInt(env, "DIRECTUS_PAGE_SIZE", 1, 100000,
                               source.directus_page_size);
      !s.ok()) {
    return s;
  }
  if (absl::Status s = ReadInt(env, "DIRECTUS_MAX_ATTEMPTS", 1, 20,
                               source.directus_max_attempts);
      !s.ok()) {
    return s;
  }
  if (absl::Status s = ReadSeconds(env, "DIRECTUS_TIMEOUT_SECONDS", 0.1,
                                   3600, source.directus_timeout);
      !s.ok()) {
    return s;
  }
  return ReadBool(env, "DIRECTUS_TLS_VERIFY", source.directus_tls_verify);
}

}  // namespace

absl::StatusOr<ServiceConfig> LoadServiceConfig(const Environment& env) {
  ServiceConfig config;

  if (std::optional<std::string> dir = env.Get("USAGE_SNAPSHOT_DIR")) {
    config.source.kind = SourceKind::kSnapshot;
    config.source.snapshot_dir = *dir;
  } else if (absl::Status s = ReadDirectus(env, config.source); !s.ok()) {
    return s;
  }

  if (auto address = env.Get("USAGE_LISTEN_ADDRESS")) {
    if (address->find(':') == std::string::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat("invalid USAGE_LISTEN_ADDRESS \"", *address,
                       "\": expected HOST:PORT, such as 0.0.0.0:50051"));
    }
    config.listen_address = *address;
  }
  if (absl::Status s = ReadSeconds(env, "USAGE_DEFAULT_DEADLINE_SECONDS", 1,
                                   3600, config.default_deadline);
      !s.ok()) {
    return s;
  }
  if (absl::Status s = ReadInt(env, "USAGE_MAX_CONCURRENT_REPORTS", 1, 1024,
                               config.max_concurrent_reports);
      !s.ok()) {
    return s;
  }

  std::string log_format = "text";
  if (absl::Status s =
          ReadChoice(env, "USAGE_LOG_FORMAT", {"text", "json"}, log_format);
      !s.ok()) {
    return s;
  }
  config.log_json = log_format == "json";
  if (absl::Status s = ReadChoice(
          env, "USAGE_LOG_LEVEL",
          {"trace", "debug", "info", "warn", "error"}, config.log_level);
      !s.ok()) {
    return s;
  }
  return config;
}

}  // namespace usage
