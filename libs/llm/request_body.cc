#include "llm/request_body.h"

#include "boost/json/array.hpp"
#include "boost/json/object.hpp"
#include "boost/json/serialize.hpp"

namespace usage::llm {

std::string BuildRequestBody(const CompletionRequest& request,
                             std::string_view model) {
  boost::json::object body;
  if (!model.empty()) body["model"] = model;

  boost::json::array messages;
  for (const ChatMessage& message : request.messages) {
    messages.push_back(boost::json::object{{"role", message.role},
                                           {"content", message.content}});
  }
  body["messages"] = std::move(messages);
  body["temperature"] = request.temperature;
  body["max_tokens"] = request.max_tokens;
  body["stream"] = false;
  return boost::json::serialize(body);
}

}  // namespace usage::llm
