// Tests of the word cloud and top keywords sections of the PDF.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "poppler.h"
#include "render/keywords_section.h"
#include "render/pdf_report.h"
#include "render/word_cloud_section.h"
#include "sample_report.h"

namespace usage::render {
namespace {

using testing::CountOccurrences;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using testing::ReadWordBoxes;
using testing::RunCommand;
using testing::TempFile;

// Renders `report` on A4 and returns the PDF's text from pdftotext -layout.
std::string RenderText(const echo::usage::v1::UsageReport& report,
                       const std::string& file_name) {
  absl::StatusOr<RenderedPdf> pdf = RenderPdf(report, PdfOptions{});
  EXPECT_TRUE(pdf.ok()) << pdf.status();
  if (!pdf.ok()) return "";
  const TempFile file(file_name, pdf->bytes);
  absl::StatusOr<std::string> text =
      RunCommand(absl::StrCat("pdftotext -layout '", file.path(), "' -"));
  EXPECT_TRUE(text.ok()) << text.status();
  return text.ok() ? *text : "";
}

std::vector<std::string> Words(
    const std::vector<echo::usage::v1::QueryTopic>& topics) {
  std::vector<std::string> words;
  for (const echo::usage::v1::QueryTopic& topic : topics) {
    words.push_back(topic.word());
  }
  return words;
}

void AddTopic(echo::usage::v1::UsageReport& report, const std::string& word,
              int64_t count) {
  echo::usage::v1::QueryTopic* topic = report.add_query_topics();
  topic->set_word(word);
  topic->set_count(count);
}

TEST(WordCloudHeightTest, GrowsWithTopicsUpToLimit) {
  EXPECT_EQ(WordCloudHeight(0), 90);
  EXPECT_EQ(WordCloudHeight(5), 90);
  // 60 + 6 * 14 = 144.
  EXPECT_EQ(WordCloudHeight(14), 144);
  EXPECT_EQ(WordCloudHeight(30), 240);
  EXPECT_EQ(WordCloudHeight(50), 240);
}

TEST(TopKeywordsTest, KeepsFifteenMostFrequent) {
  echo::usage::v1::UsageReport report;
  testing::AddQueryTopics(report);
  const std::vector<echo::usage::v1::QueryTopic> top = TopKeywords(report);
  ASSERT_EQ(top.size(), 15u);
  EXPECT_EQ(top.front().word(), "interview");
  EXPECT_EQ(top.front().count(), 120);
  // The 15th topic of AddQueryTopics is "workshop" with 22.
  EXPECT_EQ(top.back().word(), "workshop");
  EXPECT_EQ(top.back().count(), 22);
}

TEST(TopKeywordsTest, SortsByCountKeepingTies) {
  echo::usage::v1::UsageReport report;
  AddTopic(report, "low", 1);
  AddTopic(report, "tie_b", 4);
  AddTopic(report, "", 50);
  AddTopic(report, "high", 9);
  AddTopic(report, "zero", 0);
  AddTopic(report, "tie_a", 4);
  EXPECT_THAT(Words(TopKeywords(report)),
              ElementsAre("high", "tie_b", "tie_a", "low"));
}

TEST(TopKeywordsTest, NoTopicsGiveEmptyList) {
  EXPECT_THAT(TopKeywords(echo::usage::v1::UsageReport()), IsEmpty());
}

TEST(TopicsSectionsTest, TopicsAppearInCloudAndList) {
  const std::string text =
      RenderText(testing::TextSafetyReport(), "topics.pdf");
  EXPECT_THAT(text, HasSubstr("What users ask about"));
  EXPECT_THAT(text, HasSubstr("Top keywords"));
  EXPECT_THAT(text, HasSubstr("Larger words occur more often"));
  // The most frequent words are in the cloud and in the list.
  EXPECT_GE(CountOccurrences(text, "interview"), 2);
  EXPECT_GE(CountOccurrences(text, "会议"), 2);
  EXPECT_GE(CountOccurrences(text, "한국어"), 2);
  EXPECT_THAT(text, HasSubstr("120"));
  // "library" has count 1 and rank 40, so at most the cloud shows it.
  EXPECT_LE(CountOccurrences(text, "library"), 1);
}

TEST(TopicsSectionsTest, NoTopicsSayNoQuestions) {
  const std::string text =
      RenderText(testing::SampleReport(0), "no_topics.pdf");
  EXPECT_THAT(text, HasSubstr("What users ask about"));
  EXPECT_THAT(text, HasSubstr("No chat questions in this period."));
  EXPECT_THAT(text, Not(HasSubstr("Top keywords")));
}

TEST(TopicsSectionsTest, CloudWordsDoNotOverlap) {
  absl::StatusOr<RenderedPdf> pdf =
      RenderPdf(testing::TextSafetyReport(), PdfOptions{});
  ASSERT_TRUE(pdf.ok()) << pdf.status();
  const TempFile file("cloud_overlap.pdf", pdf->bytes);
  absl::StatusOr<std::vector<testing::PdfPageWords>> pages =
      ReadWordBoxes(file.path());
  ASSERT_TRUE(pages.ok()) << pages.status();

  int cloud_pages = 0;
  for (const testing::PdfPageWords& page : *pages) {
    const bool has_cloud = std::any_of(
        page.words.begin(), page.words.end(),
        [](const testing::PdfWord& word) { return word.text == "ask"; });
    if (!has_cloud) continue;
    ++cloud_pages;
    // Shrinking each box by 1 pt ignores boxes that only touch.
    constexpr double kInset = 1;
    for (size_t i = 0; i < page.words.size(); ++i) {
      for (size_t j = i + 1; j < page.words.size(); ++j) {
        const testing::PdfWord& a = page.words[i];
        const testing::PdfWord& b = page.words[j];
        const bool overlap = a.x_min + kInset < b.x_max - kInset &&
                             b.x_min + kInset < a.x_max - kInset &&
                             a.y_min + kInset < b.y_max - kInset &&
                             b.y_min + kInset < a.y_max - kInset;
        EXPECT_FALSE(overlap) << a.text << " and " << b.text;
      }
    }
  }
  EXPECT_EQ(cloud_pages, 1);
}

}  // namespace
}  // namespace usage::render
