// Turns LLM settings into the URL, headers and body model of a chat
// completion request. The URL rules are documented in llm/llm_client.h.
#ifndef USAGE_LLM_ENDPOINT_H_
#define USAGE_LLM_ENDPOINT_H_

#include <string>

#include "absl/status/statusor.h"
#include "http/http_client.h"
#include "llm/llm_client.h"

namespace usage::llm {

enum class ApiStyle { kOpenAi, kAzure };

// The URL, headers and body model of chat completion requests.
struct LlmEndpoint {
  ApiStyle style = ApiStyle::kOpenAi;
  // Scheme, host, port and path prefix, such as "https://api.openai.com/v1",
  // without a trailing slash.
  std::string base_url;
  // Path and query appended to `base_url`, such as "/chat/completions".
  std::string target;
  // The authentication header (Authorization or api-key) with the key.
  HttpHeaders auth_headers;
  // The "model" field of the body; empty for Azure, which takes the model
  // from the deployment.
  std::string body_model;
  // "model NAME" or "deployment NAME", for messages.
  std::string display_name;
};

// Resolves `settings` into an endpoint. Returns INVALID_ARGUMENT naming the
// variable and the bad value (never the key) in these cases:
// - the model id has a provider prefix other than openai/ and azure/, or an
//   empty name;
// - the name contains '/', '?', '#', whitespace or control characters;
// - the key is empty or contains control characters;
// - the base is not an http:// or https:// URL with a host and without
//   query or fragment (the value is quoted as given);
// - the base has a user name or password (the value is not quoted);
// - the api-version is set but is not a calendar date YYYY-MM-DD with an
//   optional "-preview", for every style;
// - for Azure, the base or the api-version is missing.
absl::StatusOr<LlmEndpoint> ResolveEndpoint(const LlmSettings& settings);

// Returns true for "YYYY-MM-DD" and "YYYY-MM-DD-preview" that name a day of
// the calendar ("2024-02-29" but not "2024-02-31" or "2023-02-29").
bool IsValidApiVersion(std::string_view version);

}  // namespace usage::llm

#endif  // USAGE_LLM_ENDPOINT_H_
