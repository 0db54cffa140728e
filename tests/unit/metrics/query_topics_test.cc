#include "metrics/query_topics.h"

#include <ostream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "metrics/metrics.h"
#include "tests/unit/metrics/test_records.h"

namespace usage {
namespace {

using metrics_internal::IsStopWord;
using metrics_internal::TopicWords;
using test_data::AsOf;
using test_data::Utc;
using ::testing::ElementsAre;
using ::testing::FieldsAre;
using ::testing::IsEmpty;

struct WordsCase {
  std::string name;
  std::string text;
  std::vector<std::string> words;

  friend void PrintTo(const WordsCase& c, std::ostream* os) { *os << c.name; }
};

class TopicWordsTest : public ::testing::TestWithParam<WordsCase> {};

TEST_P(TopicWordsTest, SplitsText) {
  EXPECT_EQ(TopicWords(GetParam().text), GetParam().words);
}

INSTANTIATE_TEST_SUITE_P(
    Texts, TopicWordsTest,
    ::testing::Values(
        // "wat" and "zijn" are Dutch stop words, "de" and the "s" that the
        // apostrophe splits off are too short.
        WordsCase{"DutchApostropheSplitsWord",
                  "Wat zijn de belangrijkste thema's?",
                  {"belangrijkste", "thema"}},
        // "über" is a German stop word; ß and umlauts stay letters.
        WordsCase{"GermanKeepsUmlautsAndEszett",
                  "\u00c4rger \u00fcber Stra\u00dfenbahn",
                  {"\u00e4rger", "stra\u00dfenbahn"}},
        WordsCase{
            "UppercaseStopWordIsLowered", "\u00dcBER Grenzen", {"grenzen"}},
        // "and" and "now" are English stop words.
        WordsCase{"UrlsInsideTextAreDropped",
                  "Read https://example.com/intro-page?x=1 and "
                  "www.test.org/a now",
                  {"read"}},
        WordsCase{"UrlAfterPunctuationIsDropped",
                  "(https://example.com/page) summary",
                  {"summary"}},
        WordsCase{
            "UppercaseUrlIsDropped", "HTTPS://Example.com Report", {"report"}},
        WordsCase{"UrlPrefixInsideWordIsNoUrl", "awww.nice", {"awww", "nice"}},
        // Without the rule, "bob", "smith", "corp" and "example" would be
        // topics.
        WordsCase{"EmailIsDroppedWhole",
                  "Ask bob.smith@corp.example about budget",
                  {"ask", "budget"}},
        WordsCase{"EmailInParenthesesIsDropped",
                  "(anna@gmail.com), review",
                  {"review"}},
        WordsCase{"MentionIsNoEmail", "@anna review", {"anna", "review"}},
        WordsCase{"FtpUrlIsDropped",
                  "budget ftp://files.example.org/report.pdf review",
                  {"budget", "review"}},
        // 40 letters are kept, 41 dropped.
        WordsCase{"OverlongWordIsDropped",
                  "abcdefghijabcdefghijabcdefghijabcdefghij "
                  "abcdefghijabcdefghijabcdefghijabcdefghijk",
                  {"abcdefghijabcdefghijabcdefghijabcdefghij"}},
        // "ai" has 2 characters.
        WordsCase{"DigitsAndShortWordsAreDropped",
                  "Budget 2026 AI plan",
                  {"budget", "plan"}},
        WordsCase{"DigitsSplitWords", "covid19 data", {"covid", "data"}},
        // "été" and "très" are French stop words, "l" and "a" too short.
        WordsCase{"FrenchAccentsStay",
                  "L'\u00e9quipe a \u00e9t\u00e9 tr\u00e8s r\u00e9active",
                  {"\u00e9quipe", "r\u00e9active"}},
        WordsCase{"SpanishStopWordsWithAccents",
                  "\u00bfC\u00f3mo est\u00e1 la situaci\u00f3n "
                  "tambi\u00e9n?",
                  {"situaci\u00f3n"}},
        WordsCase{
            "EnglishQuestion", "What are the main themes?", {"main", "themes"}},
        // A decomposed é (e and U+0301) is composed to U+00E9.
        WordsCase{"DecomposedAccentIsComposed",
                  "CAFE\u0301 cr\u00e8me",
                  {"caf\u00e9", "cr\u00e8me"}},
        // The full stop U+3002 ends the first run; 会議 has 2 characters.
        WordsCase{"CjkRunIsOneWord",
                  "\u4eba\u5de5\u77e5\u80fd\u306e\u7814\u7a76\u3002"
                  "\u4f1a\u8b70",
                  {"\u4eba\u5de5\u77e5\u80fd\u306e\u7814\u7a76"}},
        // Devanagari vowel signs are combining marks and stay in the word.
        WordsCase{
            "CombiningMarksStayInWord",
            "\u0939\u093f\u0902\u0926\u0940 "
            "\u092d\u093e\u0937\u093e",
            {"\u0939\u093f\u0902\u0926\u0940", "\u092d\u093e\u0937\u093e"}},
        WordsCase{"InvalidUtf8SplitsWord",
                  "caf\xff"
                  " bar",
                  {"caf", "bar"}},
        WordsCase{
            "NulSplitsWord", std::string("data\0base", 9), {"data", "base"}},
        WordsCase{"EmptyText", "", {}}),
    [](const ::testing::TestParamInfo<WordsCase>& info) {
      return info.param.name;
    });

TEST(StopWordTest, ListsFunctionWordsOfFiveLanguages) {
  for (const char* word :
       {"the", "which", "don", "wat", "zijn", "\u00fcber", "k\u00f6nnen",
        "\u00e9t\u00e9", "tr\u00e8s", "est\u00e1", "tambi\u00e9n"}) {
    EXPECT_TRUE(IsStopWord(word)) << word;
  }
}

TEST(StopWordTest, KeepsContentAndUppercaseWords) {
  // The set holds lower-case words only; TopicWords lowers first.
  for (const char* word : {"thema", "budget", "\u00dcber", "interview"}) {
    EXPECT_FALSE(IsStopWord(word)) << word;
  }
}

class QueryTopicsTest : public ::testing::Test {
 protected:
  QueryTopicsTest() {
    data_.projects = {Project{.id = "p1", .owner_id = "u1"}};
    data_.chats = {
        Chat{.id = "h1", .project_id = "p1"},
        Chat{.id = "gone", .project_id = "p1", .deleted_at = Utc(2026, 1, 1)},
    };
  }

  void AddMessage(std::string chat_id, std::string from, std::string text,
                  absl::Time sent) {
    data_.messages.push_back(
        ChatMessage{.id = "m" + std::to_string(data_.messages.size()),
                    .chat_id = std::move(chat_id),
                    .message_from = std::move(from),
                    .created_at = sent,
                    .text = std::move(text)});
  }

  std::vector<QueryTopic> Topics() const {
    return ComputeUsage(data_, {}, test_data::November(), absl::UTCTimeZone(),
                        AsOf())
        .query_topics;
  }

  AccountData data_;
};

TEST_F(QueryTopicsTest, CountsUserMessagesOfPeriod) {
  AddMessage("h1", "user", "Budget budget plan", Utc(2026, 11, 2));
  AddMessage("h1", "User", "Plan the budget", Utc(2026, 11, 3));
  AddMessage("h1", "user", "Agenda", Utc(2026, 11, 5));
  // Left out: an assistant message, a message of the previous period and a
  // message in a deleted chat.
  AddMessage("h1", "assistant", "budget budget budget", Utc(2026, 11, 3));
  AddMessage("h1", "user", "ignored", Utc(2026, 10, 20));
  AddMessage("gone", "user", "hidden", Utc(2026, 11, 4));

  EXPECT_THAT(Topics(),
              ElementsAre(FieldsAre("budget", 3), FieldsAre("plan", 2),
                          FieldsAre("agenda", 1)));
}

TEST_F(QueryTopicsTest, TiesSortByWord) {
  AddMessage("h1", "user", "zeta alpha beta \u00e9lan", Utc(2026, 11, 2));

  // "é" (U+00E9) comes after every ASCII letter in code point order.
  EXPECT_THAT(Topics(),
              ElementsAre(FieldsAre("alpha", 1), FieldsAre("beta", 1),
                          FieldsAre("zeta", 1), FieldsAre("\u00e9lan", 1)));
}

TEST_F(QueryTopicsTest, KeepsFiftyMostFrequent) {
  // 60 distinct words "topicaa" .. "topicch"; the first 10 occur twice.
  std::string text;
  for (int i = 0; i < 60; ++i) {
    const std::string word = {'t',
                              'o',
                              'p',
                              'i',
                              'c',
                              static_cast<char>('a' + i / 26),
                              static_cast<char>('a' + i % 26)};
    text += word + " ";
    if (i < 10) text += word + " ";
  }
  AddMessage("h1", "user", text, Utc(2026, 11, 2));

  const std::vector<QueryTopic> topics = Topics();

  ASSERT_EQ(topics.size(), 50u);
  EXPECT_THAT(topics[0], FieldsAre("topicaa", 2));
  EXPECT_THAT(topics[9], FieldsAre("topicaj", 2));
  EXPECT_THAT(topics[10], FieldsAre("topicak", 1));
  // Word 49 is "topic" + 'a' + 49 / 26 + 'a' + 49 % 26 = "topicbx".
  EXPECT_THAT(topics[49], FieldsAre("topicbx", 1));
}

TEST_F(QueryTopicsTest, NoUserMessagesGiveNoTopics) {
  AddMessage("h1", "assistant", "Budget planning", Utc(2026, 11, 2));

  EXPECT_THAT(Topics(), IsEmpty());
}

}  // namespace
}  // namespace usage
