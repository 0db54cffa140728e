// Formats numbers for the sentences of findings and summaries.
#ifndef USAGE_INSIGHTS_NUMBER_TEXT_H_
#define USAGE_INSIGHTS_NUMBER_TEXT_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace usage::insights::insights_internal {

// Formats a count with comma thousands separators: 1234567 gives
// "1,234,567". Non-integral values are rounded to the nearest integer.
std::string FormatCount(double value);

// Formats a percentage rounded to a whole number, without sign, followed by
// " %": -62.4 gives "62 %".
std::string FormatPercent(double percent);

// Formats `value` with one decimal, as printf's "%.1f": 2.46 gives "2.5".
std::string FormatOneDecimal(double value);

// Formats seconds as hours and minutes rounded to the nearest minute:
// 43499 gives "12 h 05 min", 2700 gives "45 min". Negative and non-finite
// values count as 0.
std::string FormatDuration(double seconds);

// Returns "1 conversation" or "3 conversations": the count formatted by
// FormatCount and the noun in singular for exactly 1, else `plural`.
std::string CountOf(double value, absl::string_view singular,
                    absl::string_view plural);

}  // namespace usage::insights::insights_internal

#endif  // USAGE_INSIGHTS_NUMBER_TEXT_H_
