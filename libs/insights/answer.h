// Splits the LLM's Markdown answer into the executive summary and the
// narrative insights.
#ifndef USAGE_INSIGHTS_ANSWER_H_
#define USAGE_INSIGHTS_ANSWER_H_

#include <string>
#include <string_view>

namespace usage::insights {

struct InsightAnswer {
  // The text under the summary heading, without the heading; trimmed.
  std::string summary;
  // The text under the insights heading, without the heading; trimmed.
  // Empty when the answer has no such heading.
  std::string narrative;
};

// Splits `markdown` at its "Executive summary" and "Insights" headings.
// A heading is a line of 1 to 6 "#" followed by the title, or the title
// alone in bold ("**Insights**"), in any case and with an optional trailing
// colon. Text before the first heading is dropped. An answer without the
// summary heading is all summary, unless it has the insights heading, in
// which case the text before that heading is the summary.
InsightAnswer SplitAnswer(std::string_view markdown);

// Returns `markdown` without link targets and images: "[text](target)"
// becomes "[text]" and "![alt](target)" is removed. Reports show links as
// their text, and numbers in a target are not figures of the report.
std::string StripLinkTargets(std::string_view markdown);

}  // namespace usage::insights

#endif  // USAGE_INSIGHTS_ANSWER_H_
