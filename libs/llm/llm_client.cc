#include "llm/llm_client.h"

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "llm/endpoint.h"
#include "llm/request_body.h"
#include "llm/response_parser.h"
#include "llm/retry_after.h"
#include "telemetry/logging.h"

namespace usage::llm {
namespace {

constexpr int kMaxAttempts = 3;
constexpr absl::Duration kInitialBackoff = absl::Milliseconds(500);
constexpr absl::Duration kMaxBackoff = absl::Seconds(4);
// How often a wait between attempts checks for cancellation.
constexpr absl::Duration kPollInterval = absl::Milliseconds(50);
// Keys shorter than this are not searched for in details, because
// replacing a short string would garble the text.
constexpr size_t kMinRedactedKeyLength = 8;

// Formats a duration as seconds with at most one decimal, such as "1.5".
std::string FormatSeconds(absl::Duration duration) {
  std::string text =
      absl::StrFormat("%.1f", std::max(0.0, absl::ToDoubleSeconds(duration)));
  if (text.size() > 2 && text.substr(text.size() - 2) == ".0") {
    text.resize(text.size() - 2);
  }
  return text;
}

Completion Unavailable(std::string detail) {
  return Completion{CompletionOutcome::kUnavailable, "", std::move(detail)};
}

// The result of one attempt: a final completion, the deadline, or the
// reason to retry and the wait that the server requested.
struct AttemptResult {
  std::optional<Completion> final;
  bool timed_out = false;
  std::string retry_reason;
  std::optional<absl::Duration> requested_wait;
};

class HttpLlmClient : public LlmClient {
 public:
  HttpLlmClient(LlmEndpoint endpoint, std::string api_key,
                std::unique_ptr<HttpClient> http)
      : endpoint_(std::move(endpoint)),
        api_key_(std::move(api_key)),
        http_(std::move(http)),
        random_(std::random_device{}()) {}

  Completion Complete(const CompletionRequest& request, absl::Time deadline,
                      const CallContext* context) override {
    Completion completion = CompleteWithRetries(request, deadline, context);
    completion.detail = Redact(std::move(completion.detail));
    // A model can repeat the key when the prompt or a proxy leaks it; the
    // text goes into reports, so it must not carry the key either.
    completion.text = Redact(std::move(completion.text));
    if (completion.outcome != CompletionOutcome::kText) {
      logging::Warn(
          "llm_completion_failed",
          {{"endpoint", endpoint_.display_name},
           {"outcome", completion.outcome == CompletionOutcome::kFiltered
                           ? "filtered"
                           : "unavailable"},
           {"request_id", context == nullptr ? "" : context->request_id()},
           {"detail", completion.detail}});
    }
    return completion;
  }

 private:
  Completion CompleteWithRetries(const CompletionRequest& request,
                                 absl::Time deadline,
                                 const CallContext* context) {
    const absl::Time start = absl::Now();
    if (context != nullptr) deadline = std::min(deadline, context->deadline());
    const std::string timed_out =
        absl::StrCat("timed out after ", FormatSeconds(deadline - start), " s");
    HttpRequest http_request = BuildHttpRequest(request);

    std::string last_reason;
    for (int attempt = 1; attempt <= kMaxAttempts; ++attempt) {
      if (context != nullptr && context->IsCancelled()) {
        return Unavailable("cancelled");
      }
      if (absl::Now() >= deadline) return Unavailable(timed_out);

      AttemptResult result = SendOnce(http_request, deadline, context);
      if (result.timed_out) return Unavailable(timed_out);
      if (result.final) return *std::move(result.final);
      last_reason = std::move(result.retry_reason);
      if (attempt == kMaxAttempts) break;

      // Wait, but only when the retry can still start before the deadline.
      const bool requested = result.requested_wait.has_value();
      const absl::Duration wait =
          result.requested_wait.value_or(Backoff(attempt));
      const absl::Duration left = deadline - absl::Now();
      if (wait >= left) {
        if (!requested) {
          return Unavailable(absl::StrCat(
              last_reason, "; no time is left before the deadline to retry"));
        }
        return Unavailable(absl::StrCat(
            "the LLM asked to wait ", FormatSeconds(wait),
            " s before retrying, longer than the ", FormatSeconds(left),
            " s left before the deadline (", last_reason, ")"));
      }
      logging::Warn(
          "llm_retry",
          {{"endpoint", endpoint_.display_name},
           {"attempt", attempt},
           {"delay_ms", absl::ToInt64Milliseconds(wait)},
           {"request_id", context == nullptr ? "" : context->request_id()},
           {"reason", Redact(last_reason)}});
      if (!SleepUnlessCancelled(wait, context)) return Unavailable("cancelled");
    }
    return Unavailable(
        absl::StrCat(last_reason, " (", kMaxAttempts, " attempts)"));
  }

  AttemptResult SendOnce(const HttpRequest& request, absl::Time deadline,
                         const CallContext* context) {
    absl::StatusOr<HttpResponse> response =
        http_->Send(request, deadline, context);
    if (!response.ok()) return FromTransportError(response.status());

    if (IsRetryableStatus(response->status)) {
      AttemptResult retry;
      retry.retry_reason =
          absl::StrCat("the LLM returned HTTP ", response->status);
      retry.requested_wait = RequestedWait(*response, absl::Now());
      return retry;
    }
    AttemptResult done;
    done.final = InterpretResponse(response->status, response->body,
                                   endpoint_.display_name);
    return done;
  }

  // Connection errors are retried; the HTTP client's messages name the
  // host and the error, never header values.
  static AttemptResult FromTransportError(const absl::Status& status) {
    AttemptResult result;
    switch (status.code()) {
      case absl::StatusCode::kDeadlineExceeded:
        result.timed_out = true;
        break;
      case absl::StatusCode::kCancelled:
        result.final = Unavailable("cancelled");
        break;
      case absl::StatusCode::kUnavailable:
        result.retry_reason =
            absl::StrCat("could not reach the LLM: ", status.message());
        break;
      default:
        result.final = Unavailable(
            absl::StrCat("the LLM request failed: ", status.message()));
        break;
    }
    return result;
  }

  HttpRequest BuildHttpRequest(const CompletionRequest& request) const {
    HttpRequest http_request;
    http_request.method = "POST";
    http_request.target = endpoint_.target;
    http_request.headers = endpoint_.auth_headers;
    http_request.headers.emplace_back("Content-Type", "application/json");
    http_request.headers.emplace_back("Accept", "application/json");
    http_request.body = BuildRequestBody(request, endpoint_.body_model);
    return http_request;
  }

  // Returns a capped exponential backoff with equal jitter: attempt n waits
  // between half and all of min(kMaxBackoff, kInitialBackoff * 2^(n-1)).
  // The generator is seeded from std::random_device, so that many replicas
  // retrying together spread out.
  absl::Duration Backoff(int attempt) {
    absl::Duration cap = kInitialBackoff;
    for (int i = 1; i < attempt && cap < kMaxBackoff; ++i) cap *= 2;
    cap = std::min(cap, kMaxBackoff);
    const int64_t half_us = absl::ToInt64Microseconds(cap) / 2;
    std::uniform_int_distribution<int64_t> jitter(0, half_us);
    absl::MutexLock lock(&random_mutex_);
    return absl::Microseconds(half_us + jitter(random_));
  }

  // Sleeps for `wait`; returns false as soon as `context` is cancelled.
  static bool SleepUnlessCancelled(absl::Duration wait,
                                   const CallContext* context) {
    const absl::Time wake = absl::Now() + wait;
    for (absl::Time now = absl::Now(); now < wake; now = absl::Now()) {
      if (context != nullptr && context->IsCancelled()) return false;
      absl::SleepFor(std::min(kPollInterval, wake - now));
    }
    return context == nullptr || !context->IsCancelled();
  }

  // Removes the key from `text` in case a server echoed it.
  std::string Redact(std::string text) const {
    if (api_key_.size() < kMinRedactedKeyLength) return text;
    return absl::StrReplaceAll(text, {{api_key_, "[redacted]"}});
  }

  const LlmEndpoint endpoint_;
  const std::string api_key_;
  const std::unique_ptr<HttpClient> http_;
  absl::Mutex random_mutex_;
  std::mt19937_64 random_ ABSL_GUARDED_BY(random_mutex_);
};

}  // namespace

absl::StatusOr<std::unique_ptr<LlmClient>> CreateLlmClient(
    const LlmSettings& settings, const HttpClientOptions& http_options) {
  absl::StatusOr<LlmEndpoint> endpoint = ResolveEndpoint(settings);
  if (!endpoint.ok()) return endpoint.status();

  absl::StatusOr<std::unique_ptr<HttpClient>> http =
      HttpClient::Create(endpoint->base_url, http_options);
  if (!http.ok()) return http.status();

  return std::make_unique<HttpLlmClient>(*std::move(endpoint), settings.api_key,
                                         *std::move(http));
}

}  // namespace usage::llm
