#include "render/word_cloud.h"

#include <glib.h>

#include <cmath>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage::render {
namespace {

using ::echo::usage::v1::QueryTopic;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Measures like a monospaced font: 0.6 em per code point, 1.2 em tall, the
// baseline 0.95 em below the top.
TextExtent FakeMeasure(std::string_view text, double font_size) {
  const double code_points =
      g_utf8_strlen(text.data(), static_cast<gssize>(text.size()));
  return TextExtent{.width = 0.6 * font_size * code_points,
                    .height = 1.2 * font_size,
                    .baseline = 0.95 * font_size};
}

QueryTopic Topic(const std::string& word, int64_t count) {
  QueryTopic topic;
  topic.set_word(word);
  topic.set_count(count);
  return topic;
}

// Returns `n` topics "word01", "word02", ... with counts n, n - 1, ..., 1.
std::vector<QueryTopic> ManyTopics(int n) {
  std::vector<QueryTopic> topics;
  for (int i = 1; i <= n; ++i) {
    topics.push_back(
        Topic(absl::StrCat("word", i < 10 ? "0" : "", i), n + 1 - i));
  }
  return topics;
}

std::vector<std::string> Texts(const WordCloudLayout& layout) {
  std::vector<std::string> texts;
  for (const PlacedWord& word : layout.words) texts.push_back(word.text);
  return texts;
}

void ExpectInsideArea(const WordCloudLayout& layout) {
  for (const PlacedWord& word : layout.words) {
    EXPECT_GE(word.x, 0) << word.text;
    EXPECT_GE(word.y, 0) << word.text;
    EXPECT_LE(word.x + word.width, layout.width) << word.text;
    EXPECT_LE(word.y + word.height, layout.height) << word.text;
  }
}

void ExpectNoOverlap(const WordCloudLayout& layout) {
  const std::vector<PlacedWord>& words = layout.words;
  for (size_t i = 0; i < words.size(); ++i) {
    for (size_t j = i + 1; j < words.size(); ++j) {
      const PlacedWord& a = words[i];
      const PlacedWord& b = words[j];
      const bool overlap = a.x < b.x + b.width && b.x < a.x + a.width &&
                           a.y < b.y + b.height && b.y < a.y + a.height;
      EXPECT_FALSE(overlap) << a.text << " and " << b.text;
    }
  }
}

TEST(WordCloudTest, NoTopicsGiveEmptyLayout) {
  const WordCloudLayout layout = LayOutWordCloud({}, 400, 200, FakeMeasure);
  EXPECT_THAT(layout.words, IsEmpty());
  EXPECT_EQ(layout.width, 400);
  EXPECT_EQ(layout.height, 200);
}

TEST(WordCloudTest, SingleTopicIsCentredAtMaximumSize) {
  const WordCloudLayout layout =
      LayOutWordCloud({Topic("meeting", 3)}, 400, 200, FakeMeasure);
  ASSERT_EQ(layout.words.size(), 1u);
  const PlacedWord& word = layout.words[0];
  EXPECT_EQ(word.text, "meeting");
  EXPECT_EQ(word.count, 3);
  EXPECT_DOUBLE_EQ(word.font_size, 34);
  // 7 code points * 0.6 * 34 pt = 142.8 pt wide, 1.2 * 34 = 40.8 pt tall.
  EXPECT_DOUBLE_EQ(word.width, 142.8);
  EXPECT_DOUBLE_EQ(word.height, 40.8);
  EXPECT_DOUBLE_EQ(word.baseline, 0.95 * 34);
  // (400 - 142.8) / 2 = 128.6 and (200 - 40.8) / 2 = 79.6.
  EXPECT_NEAR(word.x, 128.6, 1e-9);
  EXPECT_NEAR(word.y, 79.6, 1e-9);
  EXPECT_EQ(word.color_index, 0);
}

TEST(WordCloudTest, SizesFollowSquareRootOfCount) {
  const WordCloudLayout layout = LayOutWordCloud(
      {Topic("alpha", 100), Topic("beta", 25), Topic("gamma", 1)}, 500, 250,
      FakeMeasure);
  ASSERT_THAT(Texts(layout), ElementsAre("alpha", "beta", "gamma"));
  EXPECT_DOUBLE_EQ(layout.words[0].font_size, 34);
  // sqrt: 10, 5 and 1, so beta sits at (5 - 1) / (10 - 1) = 4/9 of the
  // range: 9 + 25 * 4 / 9 = 20.111 pt.
  EXPECT_NEAR(layout.words[1].font_size, 9 + 25.0 * 4 / 9, 1e-9);
  EXPECT_DOUBLE_EQ(layout.words[2].font_size, 9);
}

TEST(WordCloudTest, ColorIndexFallsWithCount) {
  const WordCloudLayout layout = LayOutWordCloud(
      {Topic("alpha", 100), Topic("beta", 25), Topic("gamma", 1)}, 500, 250,
      FakeMeasure);
  ASSERT_EQ(layout.words.size(), 3u);
  EXPECT_EQ(layout.words[0].color_index, 0);
  // floor(5 * (1 - 4/9)) = floor(2.78) = 2.
  EXPECT_EQ(layout.words[1].color_index, 2);
  EXPECT_EQ(layout.words[2].color_index, 4);
}

TEST(WordCloudTest, SizesMonotoneInCount) {
  const WordCloudLayout layout =
      LayOutWordCloud(ManyTopics(20), 505, 260, FakeMeasure);
  ASSERT_EQ(layout.words.size(), 20u);
  for (size_t i = 0; i < layout.words.size(); ++i) {
    for (size_t j = 0; j < layout.words.size(); ++j) {
      const PlacedWord& a = layout.words[i];
      const PlacedWord& b = layout.words[j];
      if (a.count > b.count) {
        EXPECT_GT(a.font_size, b.font_size) << a.text << " " << b.text;
        EXPECT_LE(a.color_index, b.color_index) << a.text << " " << b.text;
      }
    }
  }
}

TEST(WordCloudTest, EqualCountsGetEqualSizes) {
  const WordCloudLayout layout =
      LayOutWordCloud({Topic("one", 7), Topic("two", 7), Topic("three", 2)},
                      500, 250, FakeMeasure);
  ASSERT_THAT(Texts(layout), ElementsAre("one", "two", "three"));
  EXPECT_DOUBLE_EQ(layout.words[0].font_size, 34);
  EXPECT_DOUBLE_EQ(layout.words[1].font_size, 34);
  EXPECT_EQ(layout.words[1].color_index, layout.words[0].color_index);
  EXPECT_DOUBLE_EQ(layout.words[2].font_size, 9);
}

TEST(WordCloudTest, AllEqualCountsGetMaximumSize) {
  const WordCloudLayout layout = LayOutWordCloud(
      {Topic("same", 4), Topic("size", 4)}, 500, 250, FakeMeasure);
  ASSERT_EQ(layout.words.size(), 2u);
  EXPECT_DOUBLE_EQ(layout.words[0].font_size, 34);
  EXPECT_DOUBLE_EQ(layout.words[1].font_size, 34);
}

TEST(WordCloudTest, SortsByCountKeepingTiesInOrder) {
  const WordCloudLayout layout = LayOutWordCloud(
      {Topic("low", 1), Topic("tie_b", 5), Topic("high", 9), Topic("tie_a", 5)},
      500, 250, FakeMeasure);
  EXPECT_THAT(Texts(layout), ElementsAre("high", "tie_b", "tie_a", "low"));
}

TEST(WordCloudTest, SkipsEmptyWordsAndZeroCounts) {
  const WordCloudLayout layout = LayOutWordCloud(
      {Topic("", 9), Topic("kept", 3), Topic("zero", 0), Topic("minus", -2)},
      500, 250, FakeMeasure);
  EXPECT_THAT(Texts(layout), ElementsAre("kept"));
}

TEST(WordCloudTest, WordsStayInsideAndApart) {
  const WordCloudLayout layout =
      LayOutWordCloud(ManyTopics(50), 505, 260, FakeMeasure);
  EXPECT_GE(layout.words.size(), 30u);
  ExpectInsideArea(layout);
  ExpectNoOverlap(layout);
}

TEST(WordCloudTest, SmallAreaLeavesWordsOut) {
  const std::vector<QueryTopic> topics = ManyTopics(50);
  const WordCloudLayout layout = LayOutWordCloud(topics, 200, 80, FakeMeasure);
  // The most frequent word is 6 * 0.6 * 34 = 122.4 pt by 40.8 pt and fits.
  ASSERT_FALSE(layout.words.empty());
  EXPECT_EQ(layout.words[0].text, "word01");
  EXPECT_LT(layout.words.size(), topics.size());
  ExpectInsideArea(layout);
  ExpectNoOverlap(layout);
}

TEST(WordCloudTest, NeverShrinksWordThatDoesNotFit) {
  // 12 * 0.6 * 34 = 244.8 pt is wider than the area, so the word is left
  // out rather than drawn smaller, and the next word still gets placed.
  const WordCloudLayout layout = LayOutWordCloud(
      {Topic("wordthatlong", 10), Topic("fits", 1)}, 200, 100, FakeMeasure);
  ASSERT_THAT(Texts(layout), ElementsAre("fits"));
  EXPECT_DOUBLE_EQ(layout.words[0].font_size, 9);
}

TEST(WordCloudTest, AreaWithoutSizePlacesNothing) {
  EXPECT_THAT(LayOutWordCloud({Topic("word", 1)}, 0, 100, FakeMeasure).words,
              IsEmpty());
  EXPECT_THAT(LayOutWordCloud({Topic("word", 1)}, 100, -5, FakeMeasure).words,
              IsEmpty());
}

TEST(WordCloudTest, SameInputGivesSameLayout) {
  const std::vector<QueryTopic> topics = ManyTopics(50);
  const WordCloudLayout first = LayOutWordCloud(topics, 505, 260, FakeMeasure);
  const WordCloudLayout second = LayOutWordCloud(topics, 505, 260, FakeMeasure);
  ASSERT_EQ(first.words.size(), second.words.size());
  for (size_t i = 0; i < first.words.size(); ++i) {
    const PlacedWord& a = first.words[i];
    const PlacedWord& b = second.words[i];
    EXPECT_EQ(a.text, b.text);
    EXPECT_EQ(a.count, b.count);
    EXPECT_EQ(a.font_size, b.font_size);
    EXPECT_EQ(a.x, b.x);
    EXPECT_EQ(a.y, b.y);
    EXPECT_EQ(a.width, b.width);
    EXPECT_EQ(a.height, b.height);
    EXPECT_EQ(a.baseline, b.baseline);
    EXPECT_EQ(a.color_index, b.color_index);
  }
}

TEST(WordCloudTest, CjkWordsMeasuredByCodePoints) {
  const WordCloudLayout layout = LayOutWordCloud(
      {Topic("总计", 4), Topic("日本語", 1), Topic("한국어", 1)}, 300, 150,
      FakeMeasure);
  ASSERT_THAT(Texts(layout), ElementsAre("总计", "日本語", "한국어"));
  // 2 code points * 0.6 * 34 pt = 40.8 pt, and 3 * 0.6 * 9 = 16.2 pt.
  EXPECT_DOUBLE_EQ(layout.words[0].width, 40.8);
  EXPECT_DOUBLE_EQ(layout.words[1].width, 16.2);
  EXPECT_DOUBLE_EQ(layout.words[2].width, 16.2);
  ExpectInsideArea(layout);
  ExpectNoOverlap(layout);
}

TEST(PangoMeasureTest, MeasuresLatinAndCjk) {
  const MeasureText measure = PangoMeasure();
  const TextExtent small = measure("meeting", 9);
  const TextExtent large = measure("meeting", 34);
  EXPECT_GT(small.width, 0);
  // 34 / 9 = 3.8 times the size gives about 3.8 times the width.
  EXPECT_NEAR(large.width / small.width, 34.0 / 9, 0.2);
  EXPECT_GT(large.height, large.baseline);
  EXPECT_GT(large.baseline, 0);

  // A CJK ideograph is about 1 em wide.
  const TextExtent cjk = measure("总计", 20);
  EXPECT_NEAR(cjk.width, 40, 4);
}

TEST(PangoMeasureTest, PangoLayoutHasNoOverlap) {
  const WordCloudLayout layout =
      LayOutWordCloud(ManyTopics(50), 505, 220, PangoMeasure());
  EXPECT_FALSE(layout.words.empty());
  ExpectInsideArea(layout);
  ExpectNoOverlap(layout);
}

}  // namespace
}  // namespace usage::render
