#include "llm/endpoint.h"

#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "boost/url/parse.hpp"

namespace usage::llm {
namespace {

constexpr char kModelVariable[] = "LLM__TEXT_FAST__MODEL";
constexpr char kKeyVariable[] = "LLM__TEXT_FAST__API_KEY";
constexpr char kBaseVariable[] = "LLM__TEXT_FAST__API_BASE";
constexpr char kVersionVariable[] = "LLM__TEXT_FAST__API_VERSION";
constexpr char kOpenAiDefaultBase[] = "https://api.openai.com/v1";

absl::string_view ToAbsl(std::string_view text) {
  return absl::string_view(text.data(), text.size());
}

bool IsControl(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == 0x7f;
}

// Checks a model or deployment name, which becomes a path segment or a JSON
// string, so separators and whitespace would change its meaning.
// NOTE: this also rejects OpenAI-compatible model names that contain '/',
// such as "openai/meta-llama/Llama-3-8B" for a vLLM server.
absl::Status ValidateName(std::string_view name, std::string_view model_id) {
  if (name.empty()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s \"%s\" has an empty model or deployment name; use NAME, "
        "openai/NAME or azure/DEPLOYMENT",
        kModelVariable, ToAbsl(model_id)));
  }
  for (char c : name) {
    if (c == '/' || c == '?' || c == '#' || absl::ascii_isspace(c) ||
        IsControl(c)) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s \"%s\" is invalid: the name \"%s\" must not contain '/', '?', "
          "'#', whitespace or control characters",
          kModelVariable, ToAbsl(model_id), ToAbsl(name)));
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateKey(std::string_view key) {
  if (key.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(kKeyVariable, " is empty; set it to the LLM's API key"));
  }
  for (char c : key) {
    if (IsControl(c)) {
      return absl::InvalidArgumentError(absl::StrCat(
          kKeyVariable, " contains a control character or line break"));
    }
  }
  return absl::OkStatus();
}

// Removes trailing slashes and checks that `base` is an http:// or https://
// URL with a host and without user info, query or fragment. Messages quote
// the value as given, except one with user info, which may hold a password.
absl::StatusOr<std::string> NormalizeBase(std::string_view given) {
  std::string_view base = given;
  while (!base.empty() && base.back() == '/') base.remove_suffix(1);
  auto invalid = [&] {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s \"%s\" is not an http:// or https:// URL with a host and without "
        "query or fragment",
        kBaseVariable, ToAbsl(given)));
  };
  auto url = boost::urls::parse_absolute_uri(
      boost::core::string_view(base.data(), base.size()));
  if (!url) return invalid();
  if (url->has_userinfo()) {
    return absl::InvalidArgumentError(absl::StrCat(
        kBaseVariable,
        " must not contain a user name or password; put the key in ",
        kKeyVariable));
  }
  if (url->scheme() != "http" && url->scheme() != "https") return invalid();
  if (!url->has_authority() || url->encoded_host().empty()) return invalid();
  if (url->has_query() || url->has_fragment()) return invalid();
  return std::string(base);
}

// Percent-encodes every byte outside RFC 3986's unreserved set.
std::string EncodePathSegment(std::string_view segment) {
  std::string encoded;
  for (char c : segment) {
    if (absl::ascii_isalnum(c) || c == '-' || c == '.' || c == '_' ||
        c == '~') {
      encoded.push_back(c);
    } else {
      absl::StrAppendFormat(&encoded, "%%%02X", static_cast<unsigned char>(c));
    }
  }
  return encoded;
}

bool IsDigits(std::string_view text) {
  for (char c : text) {
    if (!absl::ascii_isdigit(c)) return false;
  }
  return true;
}

int Digits(std::string_view text) {
  int value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

int DaysInMonth(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Checks LLM__TEXT_FAST__API_VERSION, which Azure requires. The OpenAI style
// sends no version, but a malformed one is still a mistake worth reporting.
absl::Status ValidateVersion(std::string_view version, bool required) {
  if (version.empty() && !required) return absl::OkStatus();
  if (IsValidApiVersion(version)) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrFormat(
      "%s \"%s\" is invalid; %s a date such as 2024-10-21 or "
      "2025-01-01-preview",
      kVersionVariable, ToAbsl(version),
      required ? "azure/ models need" : "when set, it must be"));
}

absl::StatusOr<LlmEndpoint> ResolveOpenAi(const LlmSettings& settings,
                                          std::string_view name) {
  LlmEndpoint endpoint;
  endpoint.style = ApiStyle::kOpenAi;
  const std::string_view base = settings.api_base.empty()
                                    ? std::string_view(kOpenAiDefaultBase)
                                    : std::string_view(settings.api_base);
  absl::StatusOr<std::string> normalized = NormalizeBase(base);
  if (!normalized.ok()) return normalized.status();
  endpoint.base_url = *std::move(normalized);
  endpoint.target = "/chat/completions";
  endpoint.auth_headers = {
      {"Authorization", absl::StrCat("Bearer ", settings.api_key)}};
  endpoint.body_model = std::string(name);
  endpoint.display_name = absl::StrCat("model ", ToAbsl(name));
  return endpoint;
}

absl::StatusOr<LlmEndpoint> ResolveAzure(const LlmSettings& settings,
                                         std::string_view deployment) {
  if (settings.api_base.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(kBaseVariable,
                     " is required for azure/ models; set it to the "
                     "resource URL, such as https://NAME.openai.azure.com"));
  }
  if (absl::Status status = ValidateVersion(settings.api_version, true);
      !status.ok()) {
    return status;
  }
  absl::StatusOr<std::string> normalized = NormalizeBase(settings.api_base);
  if (!normalized.ok()) return normalized.status();
  std::string base = *std::move(normalized);
  // The target adds "/openai", so a base that already has it loses it here.
  if (absl::EndsWithIgnoreCase(base, "/openai")) {
    base.resize(base.size() - std::string_view("/openai").size());
  }

  LlmEndpoint endpoint;
  endpoint.style = ApiStyle::kAzure;
  endpoint.base_url = std::move(base);
  endpoint.target =
      absl::StrCat("/openai/deployments/", EncodePathSegment(deployment),
                   "/chat/completions?api-version=", settings.api_version);
  endpoint.auth_headers = {{"api-key", settings.api_key}};
  endpoint.display_name = absl::StrCat("deployment ", ToAbsl(deployment));
  return endpoint;
}

}  // namespace

bool IsValidApiVersion(std::string_view version) {
  constexpr std::string_view kPreview = "-preview";
  if (version.size() == 10 + kPreview.size() &&
      version.substr(10) == kPreview) {
    version = version.substr(0, 10);
  }
  if (version.size() != 10 || version[4] != '-' || version[7] != '-') {
    return false;
  }
  if (!IsDigits(version.substr(0, 4)) || !IsDigits(version.substr(5, 2)) ||
      !IsDigits(version.substr(8, 2))) {
    return false;
  }
  const int year = Digits(version.substr(0, 4));
  const int month = Digits(version.substr(5, 2));
  const int day = Digits(version.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

absl::StatusOr<LlmEndpoint> ResolveEndpoint(const LlmSettings& settings) {
  const std::string_view model = settings.model;
  const size_t slash = model.find('/');
  const bool has_provider = slash != std::string_view::npos;
  const std::string_view provider = has_provider ? model.substr(0, slash) : "";
  const std::string_view name = has_provider ? model.substr(slash + 1) : model;
  if (has_provider && provider != "openai" && provider != "azure") {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s \"%s\" has the unsupported provider \"%s\"; use NAME, "
        "openai/NAME or azure/DEPLOYMENT",
        kModelVariable, ToAbsl(model), ToAbsl(provider)));
  }
  if (absl::Status status = ValidateName(name, model); !status.ok()) {
    return status;
  }
  if (absl::Status status = ValidateKey(settings.api_key); !status.ok()) {
    return status;
  }
  if (provider == "azure") return ResolveAzure(settings, name);
  if (absl::Status status = ValidateVersion(settings.api_version, false);
      !status.ok()) {
    return status;
  }
  return ResolveOpenAi(settings, name);
}

}  // namespace usage::llm
