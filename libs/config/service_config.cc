#include "config/service_config.h"

#include <initializer_list>
#include <optional>

#include "absl/strings/string_view.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "boost/url/parse.hpp"

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

// Accepts HOST:PORT with a port from 1 to 65535; HOST may be an IPv6
// address in brackets.
absl::Status CheckListenAddress(const std::string& address) {
  size_t colon = address.rfind(':');
  int port = 0;
  bool valid = colon != std::string::npos && colon > 0 &&
               absl::SimpleAtoi(address.substr(colon + 1), &port) &&
               port >= 1 && port <= 65535 &&
               address.find_first_of(" \t") == std::string::npos;
  if (!valid) {
    return absl::InvalidArgumentError(absl::StrCat(
        "invalid USAGE_LISTEN_ADDRESS \"", address,
        "\": expected HOST:PORT with a port from 1 to 65535, such as "
        "0.0.0.0:50051"));
  }
  return absl::OkStatus();
}

// Returns true when `text` has white space or control characters, which no
// token may contain because it travels in an HTTP header.
bool HasSpaceOrControl(absl::string_view text) {
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F) return true;
  }
  return false;
}

absl::Status ReadCallerTokens(const Environment& env,
                              std::vector<std::string>& tokens) {
  std::optional<std::string> text = env.Get("USAGE_CALLER_TOKENS");
  if (!text) return absl::OkStatus();
  for (absl::string_view token : absl::StrSplit(*text, ',')) {
    token = absl::StripAsciiWhitespace(token);
    if (token.empty()) continue;
    if (HasSpaceOrControl(token)) {
      return absl::InvalidArgumentError(
          "invalid USAGE_CALLER_TOKENS: a token contains white space or "
          "control characters");
    }
    tokens.emplace_back(token);
  }
  if (tokens.empty()) {
    return absl::InvalidArgumentError(
        "invalid USAGE_CALLER_TOKENS: expected comma-separated tokens");
  }
  return absl::OkStatus();
}

// Returns true for a UUID in its 8-4-4-4-12 hexadecimal form, the form of
// Directus user ids.
bool IsUuidText(absl::string_view text) {
  if (text.size() != 36) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !absl::ascii_isxdigit(text[i])) return false;
  }
  return true;
}

// Checks one entry of USAGE_EXCLUDED_ACCOUNTS: "@domain", "name@domain" or
// a user id. Emails and domains have exactly one "@" and a domain after it.
bool IsAccountEntry(absl::string_view entry) {
  if (HasSpaceOrControl(entry)) return false;
  const size_t at = entry.find('@');
  if (at == absl::string_view::npos) return IsUuidText(entry);
  return at == entry.rfind('@') && at + 1 < entry.size();
}

absl::Status ReadExcludedAccounts(const Environment& env,
                                  std::vector<std::string>& accounts) {
  std::optional<std::string> text = env.Get("USAGE_EXCLUDED_ACCOUNTS");
  if (!text) return absl::OkStatus();
  for (absl::string_view entry : absl::StrSplit(*text, ',')) {
    entry = absl::StripAsciiWhitespace(entry);
    if (entry.empty()) continue;
    if (!IsAccountEntry(entry)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "invalid USAGE_EXCLUDED_ACCOUNTS entry \"", entry,
          "\": expected a user id (UUID), an email such as ops@example.com, "
          "or a domain written @example.com"));
    }
    accounts.emplace_back(entry);
  }
  return absl::OkStatus();
}

absl::Status ReadTlsFiles(const Environment& env, ServiceConfig& config) {
  config.tls_cert_file = env.Get("USAGE_TLS_CERT_FILE").value_or("");
  config.tls_key_file = env.Get("USAGE_TLS_KEY_FILE").value_or("");
  if (config.tls_cert_file.empty() != config.tls_key_file.empty()) {
    return absl::InvalidArgumentError(
        config.tls_cert_file.empty()
            ? "missing USAGE_TLS_CERT_FILE: USAGE_TLS_KEY_FILE is set, and "
              "TLS needs both"
            : "missing USAGE_TLS_KEY_FILE: USAGE_TLS_CERT_FILE is set, and "
              "TLS needs both");
  }
  return absl::OkStatus();
}

// Checks the Directus URL: http or https, a host, and no user name,
// password, query or fragment. Errors name only the scheme and host,
// because the rest may carry credentials.
absl::Status CheckBaseUrl(const std::string& text) {
  boost::system::result<boost::urls::url_view> url =
      boost::urls::parse_absolute_uri(text);
  if (!url) {
    return absl::InvalidArgumentError(
        "invalid DIRECTUS_BASE_URL: expected an absolute http:// or https:// "
        "URL such as https://directus.example.com");
  }
  std::string scheme(url->scheme());
  std::string where = absl::StrCat("invalid DIRECTUS_BASE_URL \"", scheme,
                                   "://", std::string(url->host()), "...\"");
  if (scheme != "http" && scheme != "https") {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": expected an http:// or https:// URL"));
  }
  if (url->host().empty()) {
    return absl::InvalidArgumentError(absl::StrCat(where, ": missing host"));
  }
  if (url->has_userinfo()) {
    return absl::InvalidArgumentError(absl::StrCat(
        where, ": remove the user name and password; the token goes in "
               "DIRECTUS_TOKEN"));
  }
  if (url->has_query() || url->has_fragment()) {
    return absl::InvalidArgumentError(absl::StrCat(
        where, ": remove the query and fragment; the token goes in "
               "DIRECTUS_TOKEN"));
  }
  return absl::OkStatus();
}

absl::Status ReadDirectus(const Environment& env, SourceConfig& source) {
  std::optional<std::string> base_url =
      GetAny(env, {"DIRECTUS_BASE_URL", "DIRECTUS__BASE_URL"});
  if (!base_url) {
    return absl::InvalidArgumentError(
        "missing DIRECTUS_BASE_URL: set it to the Directus server's URL, or "
        "set USAGE_SNAPSHOT_DIR to read a snapshot instead");
  }
  if (absl::Status s = CheckBaseUrl(*base_url); !s.ok()) return s;
  std::optional<std::string> token =
      GetAny(env, {"DIRECTUS_TOKEN", "DIRECTUS__TOKEN"});
  if (!token) {
    return absl::InvalidArgumentError(
        "missing DIRECTUS_TOKEN: set it to a static token of a Directus user "
        "that can read the ECHO collections");
  }
  if (HasSpaceOrControl(*token)) {
    return absl::InvalidArgumentError(
        "invalid DIRECTUS_TOKEN: it contains white space or control "
        "characters");
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

// Returns the LLM variable LLM__TEXT_FAST__`name`, also accepted with
// single underscores (LLM_TEXT_FAST_`name`).
std::optional<std::string> GetLlmVariable(const Environment& env,
                                          absl::string_view name) {
  std::string canonical = absl::StrCat("LLM__TEXT_FAST__", name);
  std::string single = absl::StrCat("LLM_TEXT_FAST_", name);
  return GetAny(env, {canonical.c_str(), single.c_str()});
}

absl::Status ReadLlm(const Environment& env, LlmConfig& llm) {
  std::optional<std::string> model = GetLlmVariable(env, "MODEL");
  std::optional<std::string> key = GetLlmVariable(env, "API_KEY");
  if (model && !key) {
    return absl::InvalidArgumentError(
        "missing LLM__TEXT_FAST__API_KEY: LLM__TEXT_FAST__MODEL is set, and "
        "the LLM needs both");
  }
  if (key && !model) {
    return absl::InvalidArgumentError(
        "missing LLM__TEXT_FAST__MODEL: LLM__TEXT_FAST__API_KEY is set, and "
        "the LLM needs both");
  }
  if (key && HasSpaceOrControl(*key)) {
    return absl::InvalidArgumentError(
        "invalid LLM__TEXT_FAST__API_KEY: it contains white space or control "
        "characters");
  }
  llm.configured = model.has_value();
  llm.model = model.value_or("");
  llm.api_key = key.value_or("");
  llm.api_base = GetLlmVariable(env, "API_BASE").value_or("");
  llm.api_version = GetLlmVariable(env, "API_VERSION").value_or("");
  if (absl::Status s = ReadInt(env, "USAGE_MAX_CONCURRENT_LLM_CALLS", 1, 1024,
                               llm.max_concurrent_calls);
      !s.ok()) {
    return s;
  }
  return ReadSeconds(env, "USAGE_LLM_TIMEOUT_SECONDS", 1, 600, llm.timeout);
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
    if (absl::Status s = CheckListenAddress(*address); !s.ok()) return s;
    config.listen_address = *address;
  }
  if (absl::Status s = ReadCallerTokens(env, config.caller_tokens); !s.ok()) {
    return s;
  }
  if (absl::Status s = ReadTlsFiles(env, config); !s.ok()) return s;
  if (absl::Status s = ReadExcludedAccounts(env, config.excluded_accounts);
      !s.ok()) {
    return s;
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
  if (absl::Status s = ReadLlm(env, config.llm); !s.ok()) return s;
  if (absl::Status s = ReadChoice(
          env, "USAGE_LOG_LEVEL",
          {"trace", "debug", "info", "warn", "error"}, config.log_level);
      !s.ok()) {
    return s;
  }
  return config;
}

}  // namespace usage
