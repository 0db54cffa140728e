#include "insights/number_text.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace usage::insights::insights_internal {

std::string FormatCount(double value) {
  const int64_t rounded = std::isfinite(value) ? std::llround(value) : 0;
  const std::string digits = absl::StrCat(std::llabs(rounded));
  std::string grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return rounded < 0 ? absl::StrCat("-", grouped) : grouped;
}

std::string FormatPercent(double percent) {
  return absl::StrCat(FormatCount(std::abs(percent)), " %");
}

std::string FormatOneDecimal(double value) {
  return absl::StrFormat("%.1f", value);
}

std::string FormatDuration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) seconds = 0;
  const int64_t minutes = std::llround(seconds / 60);
  const int64_t hours = minutes / 60;
  if (hours == 0) return absl::StrCat(minutes, " min");
  return absl::StrFormat("%d h %02d min", hours, minutes % 60);
}

std::string CountOf(double value, absl::string_view singular,
                    absl::string_view plural) {
  const std::string count = FormatCount(value);
  return absl::StrCat(count, " ", count == "1" ? singular : plural);
}

}  // namespace usage::insights::insights_internal
