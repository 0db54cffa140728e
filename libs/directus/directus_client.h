// Requests to Directus: one SEARCH with retries, and complete paged lists.
#ifndef USAGE_DIRECTUS_DIRECTUS_CLIENT_H_
#define USAGE_DIRECTUS_DIRECTUS_CLIENT_H_

#include <memory>
#include <random>
#include <semaphore>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "boost/json/object.hpp"
#include "directus/directus_source.h"
#include "http/http_client.h"
#include "source/call_context.h"

namespace usage {

// A collection and the endpoint that serves it.
struct Collection {
  std::string name;  // as in messages: "conversation", "directus_users"
  std::string path;  // "/items/conversation", "/users", "/activity"
};

// Sends Directus queries for DirectusSource. Thread-safe; at most
// `options.concurrency` requests are in flight at once across all callers.
class DirectusClient {
 public:
  DirectusClient(std::unique_ptr<HttpClient> http, DirectusOptions options);

  const DirectusOptions& options() const { return options_; }
  const std::string& base_url() const { return http_->base_url(); }

  // Sends `query` as SEARCH {"query": query} and returns the response
  // object. Retries connection failures, per-attempt timeouts, 429, 500,
  // 502, 503, 504 and malformed JSON with backoff (Retry-After honoured)
  // while attempts and the deadline allow. Errors name the collection:
  // UNAUTHENTICATED for 401 and PERMISSION_DENIED for 403 (the token was
  // rejected); FAILED_PRECONDITION when the page size exceeds the server's
  // limit; INTERNAL for other 4xx; UNAVAILABLE when attempts ran out;
  // DEADLINE_EXCEEDED and CANCELLED from the context.
  absl::StatusOr<boost::json::object> Search(const Collection& collection,
                                             const boost::json::object& query,
                                             const CallContext& context);

  // Returns every row matching `query` in id order. Adds sort, limit and
  // offset itself, and fetches pages after the first in parallel. Returns
  // INTERNAL when the rows do not add up to the server's filter_count or an
  // id repeats, never a partial list.
  absl::StatusOr<std::vector<boost::json::object>> FetchRows(
      const Collection& collection, boost::json::object query,
      const CallContext& context, int page_size);

  // Returns the rows of `aggregate` grouped by `group_field` (one row per
  // value) for the rows matching `filter`. Pages by the group field and
  // checks the number of groups against a countDistinct of the field.
  absl::StatusOr<std::vector<boost::json::object>> FetchGroups(
      const Collection& collection, const boost::json::object& filter,
      const boost::json::object& aggregate, const std::string& group_field,
      const CallContext& context);

 private:
  struct Attempt;

  Attempt SendOnce(const Collection& collection, const HttpRequest& request,
                   const CallContext& context);
  absl::Status AcquirePermit(const Collection& collection,
                             const CallContext& context);
  absl::Duration NextDelay(int attempt);
  absl::StatusOr<std::vector<boost::json::object>> FetchPages(
      const Collection& collection, const boost::json::object& query,
      const CallContext& context, int page_size, int64_t expected,
      std::vector<boost::json::object> first_page);

  std::unique_ptr<HttpClient> http_;
  const DirectusOptions options_;
  std::counting_semaphore<> permits_;
  absl::Mutex random_mutex_;
  std::mt19937_64 random_ ABSL_GUARDED_BY(random_mutex_);
};

}  // namespace usage

#endif  // USAGE_DIRECTUS_DIRECTUS_CLIENT_H_
