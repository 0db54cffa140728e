// Turns an LLM server's final HTTP response into a Completion.
#ifndef USAGE_LLM_RESPONSE_PARSER_H_
#define USAGE_LLM_RESPONSE_PARSER_H_

#include <string_view>

#include "llm/llm_client.h"

namespace usage::llm {

// Returns true for the statuses that a later attempt may not get: 429, 500,
// 502, 503 and 504.
bool IsRetryableStatus(int status);

// Classifies a response that is not retried. `display_name` names the model
// or deployment in messages, such as "model gpt-4o-mini".
// - 200 with non-empty choices[0].message.content: kText.
// - 200 with choices[0].finish_reason "content_filter": kFiltered.
// - 200 with choices[0].finish_reason "length": kUnavailable, "the LLM's
//   answer was cut off at the token limit".
// - 400 whose error.code or error.innererror.code is "content_filter" or
//   "ResponsibleAIPolicyViolation": kFiltered.
// - Anything else is kUnavailable: a body that is not JSON, no or empty
//   choices, no content, 401 or 403 ("the LLM rejected the API key"), 404
//   (naming `display_name`), other statuses (with the server's
//   error.message, shortened, for 4xx).
Completion InterpretResponse(int status, std::string_view body,
                             std::string_view display_name);

}  // namespace usage::llm

#endif  // USAGE_LLM_RESPONSE_PARSER_H_
