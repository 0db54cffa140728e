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
// ("3,910"), decimals ("55.6") and signed numbers ("+55.6 %", "-12", with
// U+2212 as a minus too). They may carry an exponent ("1e5") or a magnitude
// ("47k", "1.1m", "2bn", "1.1 million", "3 thousand"). Percentages ("55.6
// %", "55.6%", "55.6 percent"), durations ("3,910 hours", "42 min", "1.5
// h"), dates ("2026-03-01", "1 March", "March 1", "1 March 2026"), months
// ("March 2026"), years ("2026") and times of day ("14:00") are numbers too.
// Fullwidth, Arabic-Indic and Devanagari digits are read as ASCII digits,
// and the returned text is the original one. Words ("two") are not numbers,
// nor are digits inside words ("p90", "Q1", "User 2").
//
// A number matches a figure that rounds to it at the precision shown, after
// its magnitude is applied, so 55.56 matches "55.6" and "56", 3909.7
// matches "3,910" and 3,910 matches "3.9k". A whole number with trailing
// zeros and at least two other digits ("3,900") may also be rounded to its
// last non-zero digit. A number without a sign matches a figure of either
// sign, because the text says "fell by 12 %" where the figure is -12; a
// number with a sign matches only figures of that sign.
//
// Small numbers need a figure like any other. Safe without a figure are only
// numbers of list items at the start of a line ("1. ", "2) "), ordinals
// ("90th percentile"), and a year of the periods or the activity that is
// used as a year: after a word such as "in", "since" or "from", or not
// followed by a word. "2026 conversations" is a count, not a year. Dates,
// months and times of day match the report's dates, months and login hours.
std::vector<NumberMention> FindUnmatchedNumbers(std::string_view text,
                                                const ReportFigures& figures);

// Returns `text` with " (unverified)" after each of `unmatched`, which must
// come from FindUnmatchedNumbers on the same text.
std::string MarkUnverified(std::string_view text,
                           const std::vector<NumberMention>& unmatched);

}  // namespace usage::insights

#endif  // USAGE_INSIGHTS_NUMBER_CHECK_H_
