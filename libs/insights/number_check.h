// Checks the numbers in an LLM's text against the figures of the report.
#ifndef USAGE_INSIGHTS_NUMBER_CHECK_H_
#define USAGE_INSIGHTS_NUMBER_CHECK_H_

#include <string>
#include <string_view>
#include <vector>

#include "echo/usage/v1/usage_service.pb.h"
#include "insights/report_figures.h"

namespace usage::insights {

// A number as it appears in a text.
struct NumberMention {
  // The text of the number with its sign and unit, such as "+55.6 %",
  // "3,910 hours" or "March 2026".
  std::string text;
  // Byte offset of `text` in the checked text.
  size_t offset = 0;
};

// Returns the numbers in `text` that match none of `figures`, in order.
//
// Numbers are integers with or without comma thousands separators
// ("3,910"), decimals ("55.6"), signed numbers ("+55.6 %", "-12"),
// percentages ("55.6 %", "55.6%", "55.6 percent"), durations ("3,910
// hours", "42 min", "1.5 h"), dates ("2026-03-01", "1 March", "March 1",
// "1 March 2026") and months ("March 2026"), years ("2026") and times of day
// ("14:00"). Words ("two") are not numbers, nor are digits inside words
// ("p90", "Q1", "User 2").
//
// A number matches a figure that rounds to it at the precision shown, so
// 55.56 matches "55.6" and "56", and 3909.7 matches "3,910". A whole number
// with trailing zeros and at least two other digits ("3,900") may also be
// rounded to its last non-zero digit. Signs are ignored, because the text
// says "fell by 12 %" where the figure is -12. Safe without a figure: whole
// numbers up to 10 that are not percentages (list numbers, "two
// paragraphs") and ordinals ("90th percentile").
std::vector<NumberMention> FindUnmatchedNumbers(std::string_view text,
                                                const ReportFigures& figures);

// Returns `text` with " (unverified)" after each of `unmatched`, which must
// come from FindUnmatchedNumbers on the same text.
std::string MarkUnverified(std::string_view text,
                           const std::vector<NumberMention>& unmatched);

}  // namespace usage::insights

#endif  // USAGE_INSIGHTS_NUMBER_CHECK_H_
