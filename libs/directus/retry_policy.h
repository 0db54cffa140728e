// When and how long to wait before sending a failed Directus request again.
#ifndef USAGE_DIRECTUS_RETRY_POLICY_H_
#define USAGE_DIRECTUS_RETRY_POLICY_H_

#include <optional>
#include <random>
#include <string_view>

#include "absl/time/time.h"

namespace usage {

// Capped exponential backoff with full jitter: attempt n (1-based) waits a
// uniformly random time in [0, min(max, initial * 2^(n-1))].
absl::Duration BackoffDelay(int attempt, absl::Duration initial,
                            absl::Duration max, std::mt19937_64& random);

// Returns true for the HTTP statuses that a later attempt may not get: 429,
// 500, 502, 503 (Directus's pressure limiter returns "Under pressure") and
// 504.
bool IsRetryableHttpStatus(int status);

// Parses a Retry-After header given in seconds, such as "3". Returns nullopt
// for an empty, negative or HTTP-date value.
std::optional<absl::Duration> ParseRetryAfter(std::string_view header);

}  // namespace usage

#endif  // USAGE_DIRECTUS_RETRY_POLICY_H_
