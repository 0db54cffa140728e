#include "source/rows.h"

#include <cmath>
#include <cstdint>
#include <string>

#include "boost/json/parse.hpp"
#include "boost/json/serialize.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage {
namespace {

using ::testing::HasSubstr;

boost::json::value Json(const char* text) { return boost::json::parse(text); }

boost::json::object Row(const char* text) {
  return boost::json::parse(text).as_object();
}

absl::Time Utc(int year, int month, int day, int hour, int minute, int second) {
  return absl::FromCivil(
      absl::CivilSecond(year, month, day, hour, minute, second),
      absl::UTCTimeZone());
}

TEST(ParseIntegerTest, AcceptsNumbersAndDecimalStrings) {
  EXPECT_EQ(ParseInteger(Json("42"), "count").value(), 42);
  EXPECT_EQ(ParseInteger(Json(R"("42")"), "count").value(), 42);
  EXPECT_EQ(ParseInteger(Json("42.0"), "count").value(), 42);
  EXPECT_EQ(ParseInteger(Json(R"("-7")"), "count").value(), -7);
  EXPECT_EQ(ParseInteger(Json(R"("9007199254740993")"), "id").value(),
            int64_t{9007199254740993});
}

TEST(ParseIntegerTest, RejectsMalformedValues) {
  for (const char* text : {R"("3a")", R"("")", "null", "4.5", R"("4.5")",
                           "true", "[]", "18446744073709551615"}) {
    absl::StatusOr<int64_t> parsed = ParseInteger(Json(text), "count");
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument)
        << text;
  }
}

TEST(ParseIntegerTest, ErrorNamesFieldAndValue) {
  absl::StatusOr<int64_t> parsed = ParseInteger(Json(R"("3a")"), "tokens");
  EXPECT_THAT(parsed.status().message(), HasSubstr("tokens"));
  EXPECT_THAT(parsed.status().message(), HasSubstr("3a"));
}

TEST(ParseNumberTest, AcceptsNumbersAndStrings) {
  EXPECT_DOUBLE_EQ(ParseNumber(Json("12.5"), "duration").value(), 12.5);
  EXPECT_DOUBLE_EQ(ParseNumber(Json(R"("12.5")"), "duration").value(), 12.5);
  EXPECT_DOUBLE_EQ(ParseNumber(Json("42"), "duration").value(), 42.0);
  EXPECT_FALSE(ParseNumber(Json(R"("3a")"), "duration").ok());
  EXPECT_FALSE(ParseNumber(Json(R"("")"), "duration").ok());
  EXPECT_FALSE(ParseNumber(Json("null"), "duration").ok());
}

TEST(ParseNumberTest, RejectsNonFiniteNumbers) {
  // 1e400 is beyond the range of a double, so the JSON parser stores it as
  // infinity.
  for (const char* text :
       {"1e400", "-1e400", R"("1e400")", R"("inf")", R"("nan")"}) {
    absl::StatusOr<double> parsed = ParseNumber(Json(text), "duration");
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument)
        << text;
  }
}

TEST(ParseNumberTest, NonFiniteErrorNamesFieldAndValue) {
  absl::StatusOr<double> parsed =
      ParseNumber(boost::json::value(HUGE_VAL), "duration");

  ASSERT_FALSE(parsed.ok());
  EXPECT_THAT(parsed.status().message(), HasSubstr("duration"));
  EXPECT_THAT(parsed.status().message(),
              HasSubstr(boost::json::serialize(boost::json::value(HUGE_VAL))));
}

TEST(ParseOptionalNumberTest, NullAndAbsentAreMissing) {
  const boost::json::object row = Row(R"({"duration": null})");
  EXPECT_EQ(ParseOptionalNumber(row, "duration").value(), std::nullopt);
  EXPECT_EQ(ParseOptionalNumber(row, "other").value(), std::nullopt);
  EXPECT_EQ(
      ParseOptionalNumber(Row(R"({"duration": "0"})"), "duration").value(),
      0.0);
  EXPECT_FALSE(
      ParseOptionalNumber(Row(R"({"duration": "x"})"), "duration").ok());
}

TEST(ParseOptionalIntegerTest, ParsesStringsAndNull) {
  EXPECT_EQ(
      ParseOptionalInteger(Row(R"({"tokens_count": "17"})"), "tokens_count")
          .value(),
      17);
  EXPECT_EQ(
      ParseOptionalInteger(Row(R"({"tokens_count": null})"), "tokens_count")
          .value(),
      std::nullopt);
  EXPECT_FALSE(
      ParseOptionalInteger(Row(R"({"tokens_count": "1.5"})"), "tokens_count")
          .ok());
}

TEST(ParseTimestampTest, ReadsRfc3339Forms) {
  ParseStats stats;
  const boost::json::object row = Row(R"({
    "zulu": "2026-03-31T23:59:59.500Z",
    "offset": "2026-04-01T01:59:59+02:00",
    "plain": "2026-03-31T23:59:59",
    "space": "2026-03-31 23:59:59Z"
  })");

  EXPECT_EQ(ParseTimestamp(row, "zulu", stats),
            Utc(2026, 3, 31, 23, 59, 59) + absl::Milliseconds(500));
  // 01:59:59 at +02:00 is 23:59:59 of the day before in UTC.
  EXPECT_EQ(ParseTimestamp(row, "offset", stats), Utc(2026, 3, 31, 23, 59, 59));
  EXPECT_EQ(ParseTimestamp(row, "plain", stats), Utc(2026, 3, 31, 23, 59, 59));
  EXPECT_EQ(ParseTimestamp(row, "space", stats), Utc(2026, 3, 31, 23, 59, 59));
  EXPECT_EQ(stats.unparsable_values, 0);
}

TEST(ParseTimestampTest, UnparsableCountsAsMissing) {
  ParseStats stats;
  const boost::json::object row = Row(R"({
    "bad": "yesterday", "number": 17, "null": null
  })");

  EXPECT_EQ(ParseTimestamp(row, "bad", stats), std::nullopt);
  EXPECT_EQ(ParseTimestamp(row, "number", stats), std::nullopt);
  EXPECT_EQ(ParseTimestamp(row, "null", stats), std::nullopt);
  EXPECT_EQ(ParseTimestamp(row, "absent", stats), std::nullopt);
  // Only the two present values that failed count: "yesterday" and 17.
  EXPECT_EQ(stats.unparsable_values, 2);
}

TEST(ParseForeignKeyTest, AcceptsStringsNumbersAndObjects) {
  const boost::json::object row = Row(R"({
    "text": "a1", "number": 42, "expanded": {"id": "p7", "name": "x"},
    "expanded_number": {"id": 9}, "null": null
  })");
  EXPECT_EQ(ParseForeignKey(row, "text"), "a1");
  EXPECT_EQ(ParseForeignKey(row, "number"), "42");
  EXPECT_EQ(ParseForeignKey(row, "expanded"), "p7");
  EXPECT_EQ(ParseForeignKey(row, "expanded_number"), "9");
  EXPECT_EQ(ParseForeignKey(row, "null"), "");
  EXPECT_EQ(ParseForeignKey(row, "absent"), "");
}

TEST(ParseStringTest, NullIsEmptyOrMissing) {
  const boost::json::object row = Row(R"({"name": "Ann", "email": null})");
  EXPECT_EQ(ParseString(row, "name"), "Ann");
  EXPECT_EQ(ParseString(row, "email"), "");
  EXPECT_EQ(ParseOptionalString(row, "email"), std::nullopt);
  EXPECT_EQ(ParseOptionalString(row, "name"), "Ann");
}

TEST(ParseUserTest, ReadsNullableFields) {
  absl::StatusOr<User> user =
      ParseUser(Row(R"({"id": "u1", "email": "a@b.c", "first_name": null})"));
  ASSERT_TRUE(user.ok()) << user.status();
  EXPECT_EQ(user->id, "u1");
  EXPECT_EQ(user->email, "a@b.c");
  EXPECT_EQ(user->first_name, std::nullopt);
  EXPECT_EQ(user->last_name, std::nullopt);
}

TEST(ParseUserTest, MissingIdIsError) {
  EXPECT_EQ(ParseUser(Row(R"({"email": "a@b.c"})")).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ParseProjectTest, ReadsOwnerAndFlags) {
  ParseStats stats;
  absl::StatusOr<Project> project = ParseProject(
      Row(R"({"id": "p1", "name": "Pilot", "directus_user_id": {"id": "u1"},
              "created_at": "2026-01-02T03:04:05.000Z", "deleted_at": null,
              "is_conversation_allowed": false})"),
      stats);
  ASSERT_TRUE(project.ok()) << project.status();
  EXPECT_EQ(project->name, "Pilot");
  EXPECT_EQ(project->owner_id, "u1");
  EXPECT_EQ(project->created_at, Utc(2026, 1, 2, 3, 4, 5));
  EXPECT_EQ(project->deleted_at, std::nullopt);
  EXPECT_FALSE(project->conversations_allowed);
}

TEST(ParseProjectTest, NullAllowedFlagDefaultsToTrue) {
  ParseStats stats;
  absl::StatusOr<Project> project = ParseProject(
      Row(R"({"id": "p1", "is_conversation_allowed": null})"), stats);
  ASSERT_TRUE(project.ok());
  EXPECT_TRUE(project->conversations_allowed);
}

TEST(ParseConversationTest, ReadsDurationFromString) {
  ParseStats stats;
  absl::StatusOr<Conversation> conversation = ParseConversation(
      Row(R"({"id": "c1", "project_id": "p1", "duration": "61.5",
              "source": "DASHBOARD_UPLOAD"})"),
      stats);
  ASSERT_TRUE(conversation.ok()) << conversation.status();
  EXPECT_EQ(conversation->duration_seconds, 61.5);
  EXPECT_EQ(conversation->source, "DASHBOARD_UPLOAD");
  EXPECT_EQ(conversation->project_id, "p1");
}

TEST(ParseConversationTest, MalformedDurationNamesRowAndField) {
  ParseStats stats;
  absl::StatusOr<Conversation> conversation =
      ParseConversation(Row(R"({"id": "c9", "duration": "3a"})"), stats);
  EXPECT_EQ(conversation.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(conversation.status().message(), HasSubstr("conversation"));
  EXPECT_THAT(conversation.status().message(), HasSubstr("c9"));
  EXPECT_THAT(conversation.status().message(), HasSubstr("duration"));
  EXPECT_THAT(conversation.status().message(), HasSubstr("3a"));
}

TEST(ParseChatMessageTest, ReadsTokensAndChat) {
  ParseStats stats;
  absl::StatusOr<ChatMessage> message =
      ParseChatMessage(Row(R"({"id": "m1", "project_chat_id": {"id": "ch1"},
              "message_from": "User", "tokens_count": "250",
              "date_created": "2026-02-03T04:05:06Z"})"),
                       stats);
  ASSERT_TRUE(message.ok()) << message.status();
  EXPECT_EQ(message->chat_id, "ch1");
  EXPECT_EQ(message->message_from, "User");
  EXPECT_EQ(message->tokens, 250);
  EXPECT_EQ(message->created_at, Utc(2026, 2, 3, 4, 5, 6));
}

TEST(ParseChatMessageTest, ReadsTextOfUserMessagesInAnyCase) {
  for (const char* from : {"User", "user", "USER", "uSeR"}) {
    ParseStats stats;
    boost::json::object row =
        Row(R"({"id": "m1", "text": "How many people came?"})");
    row["message_from"] = from;

    absl::StatusOr<ChatMessage> message = ParseChatMessage(row, stats);

    ASSERT_TRUE(message.ok()) << message.status();
    EXPECT_EQ(message->text, "How many people came?") << from;
    EXPECT_EQ(message->message_from, from);
  }
}

TEST(ParseChatMessageTest, LeavesTextOfOtherSendersEmpty) {
  for (const char* from : {"assistant", "dembrane", "Dembrane", "users", ""}) {
    ParseStats stats;
    boost::json::object row = Row(R"({"id": "m2", "text": "Forty people."})");
    row["message_from"] = from;

    absl::StatusOr<ChatMessage> message = ParseChatMessage(row, stats);

    ASSERT_TRUE(message.ok()) << message.status();
    EXPECT_EQ(message->text, "") << from;
  }
}

TEST(ParseChatMessageTest, NullOrAbsentTextIsEmpty) {
  ParseStats stats;
  absl::StatusOr<ChatMessage> null_text = ParseChatMessage(
      Row(R"({"id": "m3", "message_from": "User", "text": null})"), stats);
  absl::StatusOr<ChatMessage> absent_text =
      ParseChatMessage(Row(R"({"id": "m4", "message_from": "user"})"), stats);

  ASSERT_TRUE(null_text.ok()) << null_text.status();
  ASSERT_TRUE(absent_text.ok()) << absent_text.status();
  EXPECT_EQ(null_text->text, "");
  EXPECT_EQ(absent_text->text, "");
}

TEST(ParseProjectReportTest, BigintIdBecomesText) {
  ParseStats stats;
  absl::StatusOr<ProjectReport> report = ParseProjectReport(
      Row(R"({"id": "9007199254740993", "status": "published"})"), stats);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->id, "9007199254740993");
  absl::StatusOr<ProjectReport> numeric =
      ParseProjectReport(Row(R"({"id": 12, "status": "error"})"), stats);
  ASSERT_TRUE(numeric.ok());
  EXPECT_EQ(numeric->id, "12");
}

TEST(ParseLoginTest, ReadsUserAndTimestamp) {
  ParseStats stats;
  absl::StatusOr<Login> login =
      ParseLogin(Row(R"({"id": 5, "user": "u1", "timestamp": "bad"})"), stats);
  ASSERT_TRUE(login.ok());
  EXPECT_EQ(login->id, "5");
  EXPECT_EQ(login->user_id, "u1");
  EXPECT_EQ(login->timestamp, std::nullopt);
  EXPECT_EQ(stats.unparsable_values, 1);
}

TEST(CountWordsTest, SplitsOnAnyWhiteSpace) {
  EXPECT_EQ(CountWords(""), 0);
  EXPECT_EQ(CountWords("   \n\t "), 0);
  EXPECT_EQ(CountWords("one"), 1);
  EXPECT_EQ(CountWords("  one two\tthree\nfour  "), 4);
  // U+00A0 (no-break space) and U+3000 (ideographic space) separate words.
  EXPECT_EQ(CountWords("a\u00a0b\u3000c"), 3);
  // Letters outside ASCII are part of words.
  EXPECT_EQ(CountWords("één café"), 2);
}

TEST(IsBlankTest, OnlyWhiteSpaceIsBlank) {
  EXPECT_TRUE(IsBlank(""));
  EXPECT_TRUE(IsBlank("  \r\n"));
  EXPECT_TRUE(IsBlank("\u00a0"));
  EXPECT_FALSE(IsBlank(" . "));
}

TEST(IsUuidTest, AcceptsOnlyCanonicalForm) {
  EXPECT_TRUE(IsUuid("0b7c9d56-3f2a-4e1b-9c8d-7a6b5c4d3e2f"));
  EXPECT_TRUE(IsUuid("0B7C9D56-3F2A-4E1B-9C8D-7A6B5C4D3E2F"));
  EXPECT_FALSE(IsUuid(""));
  EXPECT_FALSE(IsUuid("0b7c9d563f2a4e1b9c8d7a6b5c4d3e2f"));
  EXPECT_FALSE(IsUuid("0b7c9d56-3f2a-4e1b-9c8d-7a6b5c4d3e2g"));
  EXPECT_FALSE(IsUuid("0b7c9d56-3f2a-4e1b-9c8d-7a6b5c4d3e2f0"));
  EXPECT_FALSE(IsUuid("'; drop table--3f2a-4e1b-9c8d-7a6b5c4d"));
}

}  // namespace
}  // namespace usage
