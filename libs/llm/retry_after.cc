#include "llm/retry_after.h"

#include <algorithm>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/time/civil_time.h"

namespace usage::llm {
namespace {

// Accepts an optional '-', digits, and an optional '.' with digits, which
// is narrower than SimpleAtod (no exponents, "inf" or "nan").
std::optional<double> ParseDecimal(std::string_view text) {
  const absl::string_view trimmed =
      absl::StripAsciiWhitespace(absl::string_view(text.data(), text.size()));
  size_t i = 0;
  if (i < trimmed.size() && trimmed[i] == '-') ++i;
  size_t digits = 0;
  while (i < trimmed.size() && absl::ascii_isdigit(trimmed[i])) ++i, ++digits;
  if (i < trimmed.size() && trimmed[i] == '.') {
    ++i;
    size_t fraction_digits = 0;
    while (i < trimmed.size() && absl::ascii_isdigit(trimmed[i])) {
      ++i, ++fraction_digits;
    }
    if (fraction_digits == 0) return std::nullopt;
  }
  if (digits == 0 || i != trimmed.size()) return std::nullopt;
  double value = 0;
  if (!absl::SimpleAtod(trimmed, &value)) return std::nullopt;
  return value;
}

// HTTP dates are always GMT (RFC 9110 section 5.6.7), in three forms.
std::optional<absl::Time> ParseHttpDate(std::string_view text) {
  static constexpr const char* kFormats[] = {
      "%a, %d %b %Y %H:%M:%S GMT",  // IMF-fixdate
      "%A, %d-%b-%y %H:%M:%S GMT",  // RFC 850
      "%a %b %d %H:%M:%S %Y",       // asctime
  };
  const std::string value(
      absl::StripAsciiWhitespace(absl::string_view(text.data(), text.size())));
  for (const char* format : kFormats) {
    absl::Time time;
    std::string error;
    if (absl::ParseTime(format, value, absl::UTCTimeZone(), &time, &error)) {
      return time;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<absl::Duration> ParseRetryAfterMs(std::string_view value) {
  const std::optional<double> milliseconds = ParseDecimal(value);
  if (!milliseconds) return std::nullopt;
  return absl::Milliseconds(*milliseconds);
}

std::optional<absl::Duration> ParseRetryAfter(std::string_view value,
                                              absl::Time now) {
  if (const std::optional<double> seconds = ParseDecimal(value)) {
    return absl::Seconds(*seconds);
  }
  if (const std::optional<absl::Time> date = ParseHttpDate(value)) {
    return *date - now;
  }
  return std::nullopt;
}

std::optional<absl::Duration> RequestedWait(const HttpResponse& response,
                                            absl::Time now) {
  std::optional<absl::Duration> wait =
      ParseRetryAfterMs(response.Header("retry-after-ms"));
  if (!wait) wait = ParseRetryAfter(response.Header("retry-after"), now);
  if (!wait) return std::nullopt;
  return std::clamp(*wait, absl::ZeroDuration(), kMaxRetryAfter);
}

}  // namespace usage::llm
