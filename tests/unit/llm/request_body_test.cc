#include "llm/request_body.h"

#include "boost/json/parse.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage::llm {
namespace {

TEST(RequestBodyTest, ContainsEveryField) {
  CompletionRequest request;
  request.messages = {{"system", "Be brief."}, {"user", "Say \"hi\"\n"}};
  request.temperature = 0.5;
  request.max_tokens = 300;

  const boost::json::value body =
      boost::json::parse(BuildRequestBody(request, "gpt-4o-mini"));

  const boost::json::value want = boost::json::parse(R"({
    "model": "gpt-4o-mini",
    "messages": [{"role": "system", "content": "Be brief."},
                 {"role": "user", "content": "Say \"hi\"\n"}],
    "temperature": 0.5,
    "max_tokens": 300,
    "stream": false})");
  EXPECT_EQ(body, want);
}

TEST(RequestBodyTest, LeavesOutEmptyModel) {
  const boost::json::value body =
      boost::json::parse(BuildRequestBody(CompletionRequest{}, ""));
  ASSERT_TRUE(body.is_object());
  EXPECT_FALSE(body.as_object().contains("model"));
  EXPECT_EQ(body.at("stream"), false);
  EXPECT_EQ(body.at("max_tokens"), 1200);
}

}  // namespace
}  // namespace usage::llm
