// The data source that reads ECHO's collections from a Directus server
// (checked against Directus 11.1.2 on PostgreSQL 15) over its REST API.
#ifndef USAGE_DIRECTUS_DIRECTUS_SOURCE_H_
#define USAGE_DIRECTUS_DIRECTUS_SOURCE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "http/http_client.h"
#include "source/data_source.h"

namespace usage {

class DirectusClient;

struct DirectusOptions {
  // Such as "https://cms.example.org"; paths like /items/... are appended.
  std::string base_url;
  // Static bearer token of the service's Directus user.
  std::string token;
  // Requests in flight at once, shared by every call on the source.
  int concurrency = 4;
  // Rows requested per page. A server whose QUERY_LIMIT_MAX is lower either
  // returns fewer rows (handled) or rejects the request (an error naming
  // DIRECTUS_PAGE_SIZE).
  int page_size = 1000;
  // Attempts per request, the first included, for retryable failures.
  int max_attempts = 5;
  // Exponential backoff between attempts, with full jitter.
  absl::Duration backoff_initial = absl::Milliseconds(200);
  absl::Duration backoff_max = absl::Seconds(5);
  // Limit of one attempt; the call's deadline still applies.
  absl::Duration request_timeout = absl::Seconds(30);
  HttpClientOptions http;
};

// Reads users and account data from Directus with SEARCH requests. Every
// list is paged in id order and checked against the server's count, so a
// result never misses or repeats rows. Retries connection failures, 429 and
// 5xx within the call's deadline. Thread-safe.
class DirectusSource : public DataSource {
 public:
  // Returns INVALID_ARGUMENT for a bad base URL, an empty token or
  // non-positive limits. Does not contact the server.
  static absl::StatusOr<std::unique_ptr<DirectusSource>> Create(
      DirectusOptions options);

  ~DirectusSource() override;

  absl::StatusOr<std::vector<User>> FindUsers(
      const std::vector<std::string>& terms,
      const CallContext& context) override;
  // Returns INVALID_ARGUMENT naming the first id that is not a UUID.
  absl::StatusOr<std::vector<User>> GetUsersById(
      const std::vector<std::string>& ids, const CallContext& context) override;
  absl::StatusOr<std::vector<User>> GetUsersByEmail(
      const std::vector<std::string>& emails,
      const CallContext& context) override;
  // Runs the account's queries in parallel within the concurrency bound;
  // the first failure cancels the others and is returned.
  absl::StatusOr<AccountData> FetchAccount(const AccountQuery& query,
                                           const CallContext& context) override;
  // Runs the platform's queries in parallel as FetchAccount does.
  absl::StatusOr<PlatformData> FetchPlatform(
      const PlatformQuery& query, const CallContext& context) override;
  std::string Name() const override;

 private:
  explicit DirectusSource(std::unique_ptr<DirectusClient> client);

  std::unique_ptr<DirectusClient> client_;
};

}  // namespace usage

#endif  // USAGE_DIRECTUS_DIRECTUS_SOURCE_H_
