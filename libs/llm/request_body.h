// The JSON body of a chat completion request.
#ifndef USAGE_LLM_REQUEST_BODY_H_
#define USAGE_LLM_REQUEST_BODY_H_

#include <string>
#include <string_view>

#include "llm/llm_client.h"

namespace usage::llm {

// Returns {"model": MODEL, "messages": [{"role": ..., "content": ...}, ...],
// "temperature": ..., "max_tokens": ..., "stream": false}, leaving "model"
// out when `model` is empty.
std::string BuildRequestBody(const CompletionRequest& request,
                             std::string_view model);

}  // namespace usage::llm

#endif  // USAGE_LLM_REQUEST_BODY_H_
