// A client for chat completions from an OpenAI-compatible or Azure OpenAI
// endpoint, named by a LiteLLM-style model id.
//
// Model ids and URLs (API_BASE is LLM__TEXT_FAST__API_BASE with trailing
// slashes removed):
// - "NAME" or "openai/NAME": POST {API_BASE}/chat/completions with
//   "Authorization: Bearer KEY" and "model": NAME in the body. API_BASE is
//   used as given, so it must include the version path when the server has
//   one ("https://api.openai.com/v1"), as LiteLLM and the OpenAI SDKs expect.
//   An empty API_BASE means https://api.openai.com/v1.
//   LLM__TEXT_FAST__API_VERSION is not sent, but when set it must have the
//   form that Azure requires.
// - "azure/DEPLOYMENT": POST
//   {API_BASE}/openai/deployments/DEPLOYMENT/chat/completions?api-version=V
//   with "api-key: KEY" and no "model" in the body, because the deployment
//   selects the model. API_BASE is required; one that already ends in
//   "/openai" is not given a second one. V (LLM__TEXT_FAST__API_VERSION) is
//   required and has the form YYYY-MM-DD or YYYY-MM-DD-preview.
// Every request has "stream": false.
#ifndef USAGE_LLM_LLM_CLIENT_H_
#define USAGE_LLM_LLM_CLIENT_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "http/http_client.h"
#include "source/call_context.h"

namespace usage::llm {

// The LLM configuration, from LLM__TEXT_FAST__MODEL, __API_KEY, __API_BASE
// and __API_VERSION.
struct LlmSettings {
  std::string model, api_key, api_base, api_version;
};

// One chat message; `role` is "system", "user" or "assistant".
struct ChatMessage {
  std::string role;
  std::string content;
};

struct CompletionRequest {
  std::vector<ChatMessage> messages;
  double temperature = 0.2;
  int max_tokens = 1200;
};

enum class CompletionOutcome { kText, kFiltered, kUnavailable };

struct Completion {
  CompletionOutcome outcome = CompletionOutcome::kUnavailable;
  std::string text;    // The assistant's content, for kText.
  std::string detail;  // Why, for people, for kFiltered and kUnavailable;
                       // never a secret.
};

// Sends chat completion requests. Implementations are thread-safe.
class LlmClient {
 public:
  virtual ~LlmClient() = default;

  // Returns the assistant's reply to `request`. Never throws and never
  // blocks past `deadline` (nor the context's deadline).
  // - kText: HTTP 200 with non-empty choices[0].message.content, and a
  //   finish_reason other than "length". Every occurrence of the configured
  //   API key (when it has at least 8 characters) in the text and in
  //   details is replaced by "[redacted]".
  // - kFiltered: the provider's content filter blocked the prompt or the
  //   reply (HTTP 200 with finish_reason "content_filter", or HTTP 400 whose
  //   error code is "content_filter" or "ResponsibleAIPolicyViolation").
  //   Not retried.
  // - kUnavailable: anything else, with a detail for people, such as a
  //   rejected key (401, 403), an unknown model or deployment (404), a
  //   malformed reply, an answer cut off at the token limit
  //   (finish_reason "length"), a timeout ("timed out after N s") or
  //   cancellation
  //   ("cancelled").
  // HTTP 429, 500, 502, 503, 504 and connection errors are retried, up to 3
  // attempts in all. The wait before a retry is what the server requests
  // (retry-after-ms, or Retry-After in seconds or as an HTTP date), at most
  // 20 s; without such a header it is a short exponential backoff with
  // random jitter. A wait that would end past the deadline is not started:
  // the call returns kUnavailable at once.
  virtual Completion Complete(const CompletionRequest& request,
                              absl::Time deadline,
                              const CallContext* context) = 0;
};

// Validates `settings` and creates the client. Returns INVALID_ARGUMENT
// naming the variable (such as LLM__TEXT_FAST__API_VERSION) and the bad
// value, except for the key, which no message contains. Does not connect.
absl::StatusOr<std::unique_ptr<LlmClient>> CreateLlmClient(
    const LlmSettings& settings, const HttpClientOptions& http_options);

}  // namespace usage::llm

#endif  // USAGE_LLM_LLM_CLIENT_H_
