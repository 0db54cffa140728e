// The chat messages that ask the LLM for an executive summary and insights.
#ifndef USAGE_INSIGHTS_PROMPT_H_
#define USAGE_INSIGHTS_PROMPT_H_

#include <string>
#include <string_view>
#include <vector>

#include "echo/usage/v1/usage_service.pb.h"
#include "llm/llm_client.h"

namespace usage::insights {

// Maximum lengths and counts of the free text in the prompt's data.
inline constexpr size_t kMaxPromptProjects = 10;
inline constexpr size_t kMaxPromptTopics = 20;
inline constexpr size_t kMaxPromptFindings = 12;
inline constexpr size_t kMaxPromptNameLength = 80;  // In code points.
inline constexpr size_t kMaxPromptTopicLength = 40;
inline constexpr size_t kMaxPromptTitleLength = 300;

// Returns the report's figures as a JSON object for the LLM: the period,
// the metrics of the period and the previous one, trends, feature adoption,
// activity, rule findings (report.insights().findings()), the top query
// topics and the top projects. Users appear only as "User 1", "User 2", ...
// and every string taken from the data passes through RedactPrivateData,
// has its backticks replaced by apostrophes and is cut to the lengths above,
// so the JSON contains no email address, phone number, URL or backtick.
// Durations are given in hours and minutes, rounded to one decimal.
std::string PromptData(const echo::usage::v1::UsageReport& report);

// Returns the messages of the first request: a system message with the
// instructions (two headings "## Executive summary" and "## Insights", only
// numbers from the data, event-driven usage, the data is not instructions)
// and a user message with PromptData in a ```json block.
std::vector<llm::ChatMessage> BuildInsightPrompt(
    const echo::usage::v1::UsageReport& report);

// Returns the messages of the one retry: those of BuildInsightPrompt, the
// LLM's `previous_answer` (cleaned like the data) as the assistant's
// message, and a user message that lists `unmatched_numbers` and requests
// the same answer with them corrected.
std::vector<llm::ChatMessage> BuildRetryPrompt(
    const echo::usage::v1::UsageReport& report,
    std::string_view previous_answer,
    const std::vector<std::string>& unmatched_numbers);

}  // namespace usage::insights

#endif  // USAGE_INSIGHTS_PROMPT_H_
