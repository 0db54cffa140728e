// Parses the wait that an LLM server requests before a retry.
#ifndef USAGE_LLM_RETRY_AFTER_H_
#define USAGE_LLM_RETRY_AFTER_H_

#include <optional>
#include <string_view>

#include "absl/time/time.h"
#include "http/http_client.h"

namespace usage::llm {

// Maximum wait honoured; a longer requested wait is shortened to it.
inline constexpr absl::Duration kMaxRetryAfter = absl::Seconds(20);

// Parses a retry-after-ms value: milliseconds as an integer or decimal,
// possibly negative, such as "250" or "1.5". Returns nullopt when it is not
// a number.
std::optional<absl::Duration> ParseRetryAfterMs(std::string_view value);

// Parses a Retry-After value: seconds as an integer or decimal ("2", "1.5")
// or an HTTP date (IMF-fixdate such as "Wed, 21 Oct 2015 07:28:00 GMT",
// RFC 850 or asctime form), which is turned into a wait from `now`. Returns
// nullopt when it is neither.
std::optional<absl::Duration> ParseRetryAfter(std::string_view value,
                                              absl::Time now);

// Returns the wait that `response` requests, from retry-after-ms when it
// parses, else from Retry-After, clamped to [0, kMaxRetryAfter]. Returns
// nullopt when neither header is present and valid.
std::optional<absl::Duration> RequestedWait(const HttpResponse& response,
                                            absl::Time now);

}  // namespace usage::llm

#endif  // USAGE_LLM_RETRY_AFTER_H_
