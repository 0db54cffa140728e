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
// Names of the report's projects and tags ("Panel 2026") are masked first,
// as whole words, ignoring case and longest first, so their digits are no
// numbers.
//
// A number matches a figure that rounds to it at the precision shown, after
// its magnitude is applied, so 55.56 matches "55.6" and "56", 3909.7
// matches "3,910" and 3,910 matches "3.9k". A whole number with trailing
// zeros and at least two other digits ("3,900") may also be rounded to its
// last non-zero digit, and after "about", "around", "roughly", "nearly",
// "almost", "over", "some" or "approximately" so may one with a single digit
// ("about 200"). A number without a sign matches a figure of either sign,
// because the text says "fell by 12 %" where the figure is -12; a number with a
// sign matches only figures of that sign. A percentage right after a word such
// as "rose", "grew", "up" or "increased" (or "fell", "dropped", "down",
// "decreased"), with an
// optional "by" between, matches only figures that are not negative (not
// positive).
//
// A number followed by a unit or a count noun, optionally after one
// adjective ("35 conversations", "12 new logins", "2.4 hours", "19 %"),
// matches only figures of that kind (FigureKind) and findings' figures of
// unknown unit. Other numbers may match a figure of any kind.
//
// Small numbers need a figure like any other. Safe without a figure are only
// numbers of list items at the start of a line ("1. ", "2) "), ordinals
// ("90th percentile"), and a year of the periods or the activity that is
// used as a year: after a word such as "in", "since" or "from", or not
// followed by a count noun ("The 2026 activity"). "2026 conversations" is a
// count, not a year. Dates ("17th November", "the 17th of November",
// "November 17th", "29/11", "29/11/2026", day first), months and times of
// day match the report's dates, months and login hours.
std::vector<NumberMention> FindUnmatchedNumbers(std::string_view text,
                                                const ReportFigures& figures);

// Returns `text` with " (unverified)" after each of `unmatched`, which must
// come from FindUnmatchedNumbers on the same text.
std::string MarkUnverified(std::string_view text,
                           const std::vector<NumberMention>& unmatched);

}  // namespace usage::insights

#endif  // USAGE_INSIGHTS_NUMBER_CHECK_H_
