#include "directus/query_json.h"

#include <string>

#include "boost/json/parse.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage {
namespace {

using ::testing::HasSubstr;

boost::json::object Row(const std::string& json) {
  return boost::json::parse(json).as_object();
}

TEST(ParseAggregateIntegerTest, ReadsEveryShapeDirectusReturns) {
  struct Case {
    const char* row;
    int64_t expected;
  };
  // count: "*" gives {"count": "42"}; count: ["id"] gives
  // {"count": {"id": "42"}}; JSON numbers are accepted too.
  for (const Case& c :
       {Case{R"({"count": "42"})", 42}, Case{R"({"count": {"id": "42"}})", 42},
        Case{R"({"count": {"id": 42}})", 42}, Case{R"({"count": 7})", 7},
        Case{R"({"count": {"id": "0"}})", 0}}) {
    absl::StatusOr<int64_t> count =
        ParseAggregateInteger(Row(c.row), "count", "id");
    ASSERT_TRUE(count.ok()) << c.row << ": " << count.status();
    EXPECT_EQ(*count, c.expected) << c.row;
  }
}

TEST(ParseAggregateIntegerTest, MalformedCountIsAnErrorNotZero) {
  absl::StatusOr<int64_t> count =
      ParseAggregateInteger(Row(R"({"count": {"id": "3a"}})"), "count", "id");
  ASSERT_FALSE(count.ok());
  EXPECT_EQ(count.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(count.status().message(), HasSubstr("3a"));
  EXPECT_THAT(count.status().message(), HasSubstr("count(id)"));
}

TEST(ParseAggregateIntegerTest, MissingCountIsAnError) {
  for (const char* row :
       {R"({})", R"({"count": null})", R"({"count": {"other": "1"}})"}) {
    absl::StatusOr<int64_t> count =
        ParseAggregateInteger(Row(row), "count", "id");
    ASSERT_FALSE(count.ok()) << row;
    EXPECT_THAT(count.status().message(), HasSubstr("missing")) << row;
  }
}

}  // namespace
}  // namespace usage
