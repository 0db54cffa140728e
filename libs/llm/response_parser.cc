#include "llm/response_parser.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "boost/json/parse.hpp"
#include "boost/json/value.hpp"

namespace usage::llm {
namespace {

// Maximum length of a server's error message copied into a detail.
constexpr size_t kMaxServerMessage = 200;

absl::string_view ToAbsl(std::string_view text) {
  return absl::string_view(text.data(), text.size());
}

Completion Unavailable(std::string detail) {
  return Completion{CompletionOutcome::kUnavailable, "", std::move(detail)};
}

Completion Filtered(std::string detail) {
  return Completion{CompletionOutcome::kFiltered, "", std::move(detail)};
}

// Returns the parsed body, or a null value when it is not JSON.
boost::json::value ParseJson(std::string_view body) {
  boost::system::error_code error;
  boost::json::value value = boost::json::parse(
      boost::json::string_view(body.data(), body.size()), error);
  if (error) return nullptr;
  return value;
}

const boost::json::value* Find(const boost::json::value& value,
                               std::string_view key) {
  const boost::json::object* object = value.if_object();
  if (object == nullptr) return nullptr;
  return object->if_contains(boost::json::string_view(key.data(), key.size()));
}

std::string_view StringOrEmpty(const boost::json::value* value) {
  if (value == nullptr || !value->is_string()) return "";
  const boost::json::string& text = value->get_string();
  return std::string_view(text.data(), text.size());
}

bool IsFilterCode(std::string_view code) {
  return code == "content_filter" || code == "ResponsibleAIPolicyViolation";
}

// Returns true when a 400 body carries a content filter code, as Azure
// OpenAI sends for a blocked prompt: {"error": {"code": "content_filter",
// "innererror": {"code": "ResponsibleAIPolicyViolation", ...}}}.
bool IsFilterError(const boost::json::value& body) {
  const boost::json::value* error = Find(body, "error");
  if (error == nullptr) return false;
  if (IsFilterCode(StringOrEmpty(Find(*error, "code")))) return true;
  const boost::json::value* inner = Find(*error, "innererror");
  return inner != nullptr && IsFilterCode(StringOrEmpty(Find(*inner, "code")));
}

// Returns error.message of the body, shortened and on one line, so that a
// detail stays readable.
std::string ServerMessage(const boost::json::value& body) {
  const boost::json::value* error = Find(body, "error");
  std::string message(
      StringOrEmpty(error == nullptr ? nullptr : Find(*error, "message")));
  if (message.size() > kMaxServerMessage) {
    message.resize(kMaxServerMessage);
    message += "...";
  }
  for (char& c : message) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  return message;
}

Completion InterpretSuccess(std::string_view body) {
  const boost::json::value json = ParseJson(body);
  if (!json.is_object()) {
    return Unavailable("the LLM returned a response that is not a JSON object");
  }
  const boost::json::value* choices = Find(json, "choices");
  if (choices == nullptr || !choices->is_array() ||
      choices->get_array().empty()) {
    return Unavailable("the LLM response has no choices");
  }
  const boost::json::value& choice = choices->get_array().front();
  const std::string_view finish_reason =
      StringOrEmpty(Find(choice, "finish_reason"));
  // A reply cut short by the filter is treated as filtered even when part
  // of its content arrived, because a truncated text would mislead.
  if (finish_reason == "content_filter") {
    return Filtered("the LLM's content filter blocked the reply");
  }
  // A cut-off answer lacks its end, often the insights, and may end
  // mid-sentence or mid-number.
  if (finish_reason == "length") {
    return Unavailable("the LLM's answer was cut off at the token limit");
  }
  const boost::json::value* message = Find(choice, "message");
  const boost::json::value* content =
      message == nullptr ? nullptr : Find(*message, "content");
  if (content == nullptr || !content->is_string() ||
      content->get_string().empty()) {
    return Unavailable(absl::StrCat(
        "the LLM response has no message content (finish_reason ",
        finish_reason.empty() ? "missing" : ToAbsl(finish_reason), ")"));
  }
  return Completion{CompletionOutcome::kText,
                    std::string(StringOrEmpty(content)), ""};
}

Completion InterpretClientError(int status, std::string_view body,
                                std::string_view display_name) {
  const boost::json::value json = ParseJson(body);
  if (status == 400 && IsFilterError(json)) {
    return Filtered("the LLM's content filter rejected the prompt");
  }
  if (status == 401 || status == 403) {
    return Unavailable(absl::StrCat("the LLM rejected the API key (HTTP ",
                                    status,
                                    "); check LLM__TEXT_FAST__API_KEY"));
  }
  if (status == 404) {
    return Unavailable(absl::StrCat(
        "the LLM returned HTTP 404 for ", ToAbsl(display_name),
        "; check LLM__TEXT_FAST__MODEL and LLM__TEXT_FAST__API_BASE"));
  }
  const std::string message = ServerMessage(json);
  return Unavailable(absl::StrCat("the LLM rejected the request with HTTP ",
                                  status, message.empty() ? "" : ": ",
                                  message));
}

}  // namespace

bool IsRetryableStatus(int status) {
  return status == 429 || status == 500 || status == 502 || status == 503 ||
         status == 504;
}

Completion InterpretResponse(int status, std::string_view body,
                             std::string_view display_name) {
  if (status == 200) return InterpretSuccess(body);
  if (status >= 400 && status < 500) {
    return InterpretClientError(status, body, display_name);
  }
  return Unavailable(absl::StrCat("the LLM returned HTTP ", status));
}

}  // namespace usage::llm
