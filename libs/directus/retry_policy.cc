#include "directus/retry_policy.h"

#include <algorithm>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"

namespace usage {

absl::Duration BackoffDelay(int attempt, absl::Duration initial,
                            absl::Duration max, std::mt19937_64& random) {
  absl::Duration cap = initial;
  for (int i = 1; i < attempt && cap < max; ++i) cap *= 2;
  cap = std::min(cap, max);
  const int64_t cap_us = std::max<int64_t>(absl::ToInt64Microseconds(cap), 0);
  std::uniform_int_distribution<int64_t> jitter(0, cap_us);
  return absl::Microseconds(jitter(random));
}

bool IsRetryableHttpStatus(int status) {
  return status == 429 || status == 500 || status == 502 || status == 503 ||
         status == 504;
}

std::optional<absl::Duration> ParseRetryAfter(std::string_view header) {
  int64_t seconds = 0;
  if (!absl::SimpleAtoi(absl::string_view(header.data(), header.size()),
                        &seconds) ||
      seconds < 0) {
    return std::nullopt;
  }
  return absl::Seconds(seconds);
}

}  // namespace usage
