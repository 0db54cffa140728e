#include "llm/response_parser.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage::llm {
namespace {

using ::testing::HasSubstr;

constexpr char kModel[] = "model gpt-4o-mini";

Completion Interpret(int status, const std::string& body) {
  return InterpretResponse(status, body, kModel);
}

TEST(ResponseParserTest, ReturnsContent) {
  const Completion completion = Interpret(
      200,
      R"({"choices":[{"index":0,"finish_reason":"stop",)"
      R"("message":{"role":"assistant","content":"Usage rose by 12%."}}]})");
  EXPECT_EQ(completion.outcome, CompletionOutcome::kText);
  EXPECT_EQ(completion.text, "Usage rose by 12%.");
  EXPECT_EQ(completion.detail, "");
}

TEST(ResponseParserTest, LengthFinishReasonIsUnavailable) {
  const Completion completion =
      Interpret(200, R"({"choices":[{"finish_reason":"length",)"
                     R"("message":{"content":"Usage rose by 1"}}]})");
  EXPECT_EQ(completion.outcome, CompletionOutcome::kUnavailable);
  EXPECT_EQ(completion.text, "");
  EXPECT_EQ(completion.detail,
            "the LLM's answer was cut off at the token limit");
}

TEST(ResponseParserTest, FilterFinishReasonWithNullContent) {
  const Completion completion =
      Interpret(200, R"({"choices":[{"finish_reason":"content_filter",)"
                     R"("message":{"role":"assistant","content":null}}]})");
  EXPECT_EQ(completion.outcome, CompletionOutcome::kFiltered);
  EXPECT_THAT(completion.detail, HasSubstr("content filter"));
}

TEST(ResponseParserTest, FilterFinishReasonWithoutMessage) {
  const Completion completion =
      Interpret(200, R"({"choices":[{"finish_reason":"content_filter"}]})");
  EXPECT_EQ(completion.outcome, CompletionOutcome::kFiltered);
}

TEST(ResponseParserTest, FilterFinishReasonWithPartialContent) {
  const Completion completion =
      Interpret(200, R"({"choices":[{"finish_reason":"content_filter",)"
                     R"("message":{"content":"Half a sen"}}]})");
  EXPECT_EQ(completion.outcome, CompletionOutcome::kFiltered);
  EXPECT_EQ(completion.text, "");
}

TEST(ResponseParserTest, FilterErrorCodes) {
  const std::string bodies[] = {
      R"({"error":{"code":"content_filter","message":"blocked"}})",
      R"({"error":{"code":"ResponsibleAIPolicyViolation"}})",
      R"({"error":{"code":"invalid_prompt","innererror":)"
      R"({"code":"ResponsibleAIPolicyViolation"}}})",
      R"({"error":{"code":null,"innererror":{"code":"content_filter"}}})",
  };
  for (const std::string& body : bodies) {
    SCOPED_TRACE(body);
    const Completion completion = Interpret(400, body);
    EXPECT_EQ(completion.outcome, CompletionOutcome::kFiltered);
    EXPECT_THAT(completion.detail, HasSubstr("content filter"));
  }
}

TEST(ResponseParserTest, FilterCodeOnlyCountsOn400) {
  const Completion completion =
      Interpret(403, R"({"error":{"code":"content_filter"}})");
  EXPECT_EQ(completion.outcome, CompletionOutcome::kUnavailable);
}

TEST(ResponseParserTest, OtherBadRequestIsUnavailableWithMessage) {
  const Completion completion = Interpret(
      400, R"({"error":{"code":"context_length_exceeded",)"
           R"("message":"This model's maximum context length is 8192."}})");
  EXPECT_EQ(completion.outcome, CompletionOutcome::kUnavailable);
  EXPECT_THAT(completion.detail, HasSubstr("HTTP 400"));
  EXPECT_THAT(completion.detail, HasSubstr("maximum context length"));
}

TEST(ResponseParserTest, LongServerMessageIsShortened) {
  const std::string message(1000, 'x');
  const Completion completion =
      Interpret(422, R"({"error":{"message":")" + message + R"("}})");
  EXPECT_EQ(completion.outcome, CompletionOutcome::kUnavailable);
  // 200 characters of the message and "..." are kept.
  EXPECT_THAT(completion.detail, HasSubstr(std::string(200, 'x') + "..."));
  EXPECT_THAT(completion.detail,
              ::testing::Not(HasSubstr(std::string(201, 'x'))));
}

TEST(ResponseParserTest, EachMalformedSuccessIsUnavailable) {
  struct Case {
    std::string body;
    std::string want_detail;
  };
  const Case cases[] = {
      {"", "not a JSON object"},
      {"<html>Bad gateway</html>", "not a JSON object"},
      {R"({"choices":[{"message":{"content":"cut)", "not a JSON object"},
      {"[]", "not a JSON object"},
      {"{}", "no choices"},
      {R"({"choices":[]})", "no choices"},
      {R"({"choices":{}})", "no choices"},
      {R"({"choices":[{"finish_reason":"stop"}]})", "no message content"},
      {R"({"choices":[{"finish_reason":"stop","message":{}}]})",
       "no message content"},
      {R"({"choices":[{"finish_reason":"stop","message":{"content":null}}]})",
       "no message content"},
      {R"({"choices":[{"finish_reason":"stop","message":{"content":""}}]})",
       "no message content"},
      {R"({"choices":[{"message":{"content":42}}]})", "no message content"},
      {R"({"choices":[7]})", "no message content"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.body);
    const Completion completion = Interpret(200, c.body);
    EXPECT_EQ(completion.outcome, CompletionOutcome::kUnavailable);
    EXPECT_THAT(completion.detail, HasSubstr(c.want_detail));
    EXPECT_EQ(completion.text, "");
  }
}

TEST(ResponseParserTest, RejectedKey) {
  for (int status : {401, 403}) {
    const Completion completion = Interpret(
        status,
        R"({"error":{"message":"Incorrect API key provided: sk-ab**"}})");
    EXPECT_EQ(completion.outcome, CompletionOutcome::kUnavailable);
    EXPECT_THAT(completion.detail, HasSubstr("the LLM rejected the API key"));
    EXPECT_THAT(completion.detail, ::testing::Not(HasSubstr("sk-ab")));
  }
}

TEST(ResponseParserTest, NotFoundNamesModel) {
  const Completion completion = Interpret(404, "");
  EXPECT_EQ(completion.outcome, CompletionOutcome::kUnavailable);
  EXPECT_THAT(completion.detail, HasSubstr("HTTP 404"));
  EXPECT_THAT(completion.detail, HasSubstr("model gpt-4o-mini"));
}

TEST(ResponseParserTest, OtherStatusesAreUnavailable) {
  for (int status : {301, 501, 505}) {
    const Completion completion = Interpret(status, "{}");
    EXPECT_EQ(completion.outcome, CompletionOutcome::kUnavailable);
    EXPECT_THAT(completion.detail, HasSubstr("HTTP " + std::to_string(status)));
  }
}

TEST(ResponseParserTest, RetryableStatuses) {
  for (int status : {429, 500, 502, 503, 504}) {
    EXPECT_TRUE(IsRetryableStatus(status)) << status;
  }
  for (int status : {200, 400, 401, 404, 501, 505}) {
    EXPECT_FALSE(IsRetryableStatus(status)) << status;
  }
}

}  // namespace
}  // namespace usage::llm
