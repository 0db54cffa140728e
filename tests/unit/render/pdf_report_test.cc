#include "render/pdf_report.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "poppler.h"
#include "sample_report.h"

namespace usage::render {
namespace {

using ::testing::AllOf;
using testing::CountOccurrences;
using testing::GenericProjectName;
using ::testing::HasSubstr;
using testing::HexId;
using testing::LongUrl;
using ::testing::Not;
using testing::ReadWordBoxes;
using testing::RunCommand;
using testing::SampleReport;
using testing::SplitPages;
using testing::TempFile;

constexpr int kGenericProjects = 150;
// Body margins of every page, in points.
constexpr double kMarginX = 45;
// The project column has 100 of the 505 width shares. On A4 the body is
// 595.276 - 2 * 45 = 505.276 pt wide, so the column ends at
// 45 + 505.276 * 100 / 505 = 145.05 pt.
constexpr double kProjectColumnRight = 145.05;

RenderedPdf RenderOrDie(const echo::usage::v1::UsageReport& report,
                        PaperSize paper_size = PaperSize::kA4) {
  absl::StatusOr<RenderedPdf> pdf =
      RenderPdf(report, PdfOptions{.paper_size = paper_size});
  EXPECT_TRUE(pdf.ok()) << pdf.status();
  return pdf.ok() ? *std::move(pdf) : RenderedPdf{};
}

std::string RunOrDie(const std::string& command) {
  absl::StatusOr<std::string> output = RunCommand(command);
  EXPECT_TRUE(output.ok()) << output.status();
  return output.ok() ? *std::move(output) : "";
}

// Returns `text` with every run of spaces replaced by one space, so checks
// do not depend on how pdftotext -layout spaces words.
std::string CollapseSpaces(const std::string& text) {
  return std::regex_replace(text, std::regex(" +"), " ");
}

// Returns the text of the PDF at `path` from pdftotext -layout, with spaces
// collapsed.
std::string ExtractText(const std::string& path) {
  return CollapseSpaces(
      RunOrDie(absl::StrCat("pdftotext -layout '", path, "' -")));
}

// Returns the value of a "Name:   value" line of pdfinfo output.
std::string PdfInfoField(const std::string& info, const std::string& name) {
  const std::regex pattern(name + R"(:\s+(.*))");
  std::smatch match;
  if (!std::regex_search(info, match, pattern)) return "";
  return match[1];
}

// Renders the sample report with 155 projects on A4 once for all tests.
class SampleReportPdfTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pdf_ = new RenderedPdf(RenderOrDie(SampleReport(kGenericProjects)));
    file_ = new TempFile("sample_report.pdf", pdf_->bytes);
    path_ = new std::string(file_->path());
    text_ = new std::string(ExtractText(*path_));
  }
  static void TearDownTestSuite() {
    delete pdf_;
    delete file_;
    delete path_;
    delete text_;
  }

  static RenderedPdf* pdf_;
  static TempFile* file_;
  static std::string* path_;
  static std::string* text_;
};

RenderedPdf* SampleReportPdfTest::pdf_ = nullptr;
TempFile* SampleReportPdfTest::file_ = nullptr;
std::string* SampleReportPdfTest::path_ = nullptr;
std::string* SampleReportPdfTest::text_ = nullptr;

TEST_F(SampleReportPdfTest, PageCountMatchesPdfinfo) {
  const std::string info = RunOrDie(absl::StrCat("pdfinfo '", *path_, "'"));
  EXPECT_EQ(PdfInfoField(info, "Pages"), std::to_string(pdf_->page_count));
  // 155 rows of at least 15 pt do not fit on two A4 pages.
  EXPECT_GE(pdf_->page_count, 3);
  EXPECT_EQ(PdfInfoField(info, "Page size"), "595.276 x 841.89 pts (A4)");
}

TEST_F(SampleReportPdfTest, MetadataComesFromReport) {
  const std::string info =
      RunOrDie(absl::StrCat("pdfinfo -isodates '", *path_, "'"));
  EXPECT_EQ(PdfInfoField(info, "CreationDate"), "2026-03-30T12:00:05Z");
  EXPECT_EQ(PdfInfoField(info, "ModDate"), "2026-03-30T12:00:05Z");
  EXPECT_EQ(PdfInfoField(info, "Creator"), "usage-service");
  // Each name is isolated by U+2068 and U+2069, so that a right-to-left
  // name does not reorder the names around it.
  EXPECT_THAT(PdfInfoField(info, "Title"),
              HasSubstr("Usage report: \u2068Jane Doe\u2069, "
                        "\u2068R&D <Q3> \"draft\"\u2069, \u2068总计\u2069"));
}

TEST_F(SampleReportPdfTest, EveryFontIsEmbedded) {
  const std::string fonts = RunOrDie(absl::StrCat("pdffonts '", *path_, "'"));
  std::vector<std::string> lines = absl::StrSplit(fonts, '\n');
  ASSERT_GE(lines.size(), 3u) << fonts;
  const size_t emb_column = lines[0].find("emb");
  ASSERT_NE(emb_column, std::string::npos) << fonts;

  int font_rows = 0;
  for (size_t i = 2; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    ++font_rows;
    EXPECT_EQ(lines[i].substr(emb_column, 3), "yes") << lines[i];
  }
  EXPECT_GE(font_rows, 2) << fonts;
  EXPECT_THAT(fonts, HasSubstr("DejaVuSans"));
  EXPECT_THAT(fonts, HasSubstr("NotoSansCJK"));
}

TEST_F(SampleReportPdfTest, NamesAppearEscapedOnce) {
  EXPECT_THAT(*text_, HasSubstr("R&D <Q3> \"draft\""));
  EXPECT_THAT(*text_, Not(HasSubstr("R&amp;D")));
  EXPECT_THAT(*text_, Not(HasSubstr("&lt;")));
  EXPECT_THAT(*text_, Not(HasSubstr("&amp;amp;")));
  // The project named "&amp;" is the only place with that text.
  EXPECT_EQ(CountOccurrences(*text_, "&amp;"), 1);
  EXPECT_THAT(*text_, HasSubstr("Values like <b>n/a</b> & \"?\" could not"));
}

TEST_F(SampleReportPdfTest, CjkNamesAppear) {
  // Each name is a user on page 1 and a project name and owner in the table.
  EXPECT_GE(CountOccurrences(*text_, "总计"), 3);
  EXPECT_GE(CountOccurrences(*text_, "日本語"), 3);
  EXPECT_THAT(*text_, HasSubstr("Zoë Ångström"));
}

TEST_F(SampleReportPdfTest, TitleNamesFirstFiveUsers) {
  const std::vector<std::string> pages = SplitPages(*text_);
  ASSERT_FALSE(pages.empty());
  EXPECT_THAT(pages[0], HasSubstr("Zoë Ångström +2 more"));
  EXPECT_THAT(*text_, Not(HasSubstr("Sixth Person")));
}

TEST_F(SampleReportPdfTest, FirstPageShowsPeriodAndFigures) {
  const std::vector<std::string> pages = SplitPages(*text_);
  ASSERT_FALSE(pages.empty());
  const std::string& first = pages[0];
  EXPECT_THAT(first, HasSubstr("2026-03-01 – 2026-03-30 (30 days)"));
  EXPECT_THAT(first, HasSubstr("Europe/Amsterdam"));
  // 12:00:05 UTC is 14:00 in Amsterdam, on summer time since 2026-03-29.
  EXPECT_THAT(first, HasSubstr("Generated 2026-03-30 14:00 Europe/Amsterdam"));
  EXPECT_THAT(first, AllOf(HasSubstr("1,234"), HasSubstr("12 h 05 min"),
                           HasSubstr("87")));
  EXPECT_THAT(first, HasSubstr("↑ 12.2 % previous 1,100"));
  EXPECT_THAT(first, HasSubstr("↑ 20.8 % previous 10 h 00 min"));
  EXPECT_THAT(first, HasSubstr("↓ 6.2 %"));
  EXPECT_THAT(first,
              AllOf(HasSubstr("152"), HasSubstr("40"), HasSubstr("2,345"),
                    HasSubstr("4.4"), HasSubstr("34")));
  EXPECT_THAT(first, HasSubstr("High usage, 7.9"));
  EXPECT_THAT(first, HasSubstr("Last activity 3 days ago, on 2026-03-27."));
}

TEST_F(SampleReportPdfTest, NewTrendHasNoPercent) {
  const size_t new_at = text_->find("NEW");
  ASSERT_NE(new_at, std::string::npos);
  // The chat sessions card is the last of its row, so the rest of the line
  // is its own detail.
  const size_t line_end = text_->find('\n', new_at);
  const std::string rest_of_line = text_->substr(new_at, line_end - new_at);
  EXPECT_EQ(rest_of_line, "NEW previous 0");
}

TEST_F(SampleReportPdfTest, FeaturesInUseListed) {
  EXPECT_THAT(*text_, HasSubstr("✓ Conversations 1,234"));
  EXPECT_THAT(*text_, HasSubstr("✓ Chat 2,345 messages"));
  EXPECT_THAT(*text_, HasSubstr("– Reports"));
  EXPECT_THAT(*text_, HasSubstr("✓ Tags 9"));
}

TEST_F(SampleReportPdfTest, EveryPageHasFooter) {
  const std::vector<std::string> pages = SplitPages(*text_);
  ASSERT_EQ(static_cast<int>(pages.size()), pdf_->page_count);
  for (int i = 0; i < pdf_->page_count; ++i) {
    EXPECT_THAT(pages[i], HasSubstr(absl::StrCat("Page ", i + 1, " of ",
                                                 pdf_->page_count)));
    EXPECT_THAT(pages[i],
                HasSubstr("Generated 2026-03-30 14:00 Europe/Amsterdam"));
  }
}

TEST_F(SampleReportPdfTest, TableHeaderRepeatsOnEveryPage) {
  const std::vector<std::string> pages = SplitPages(*text_);
  int pages_with_rows = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (pages[i].find("Project 0") == std::string::npos &&
        pages[i].find("Project 1") == std::string::npos) {
      continue;
    }
    ++pages_with_rows;
    EXPECT_THAT(pages[i], AllOf(HasSubstr("Owner"), HasSubstr("Tags"),
                                HasSubstr("Conversations"),
                                HasSubstr("Duration"), HasSubstr("Messages"),
                                HasSubstr("Created"), HasSubstr("Status")))
        << "page " << i + 1;
    // The table starts after other sections, so only its later pages show
    // "continued".
    if (pages_with_rows > 1) {
      EXPECT_THAT(pages[i], HasSubstr("Projects (continued)"))
          << "page " << i + 1;
    }
  }
  EXPECT_GE(pages_with_rows, 3);
}

TEST_F(SampleReportPdfTest, EveryRowAppearsOnce) {
  for (int i = 1; i <= kGenericProjects; ++i) {
    EXPECT_EQ(CountOccurrences(*text_, GenericProjectName(i)), 1)
        << GenericProjectName(i);
  }
}

TEST_F(SampleReportPdfTest, DataQualityNotesListed) {
  EXPECT_THAT(*text_, HasSubstr("Estimated durations (17): 17 conversation"));
  EXPECT_THAT(*text_, HasSubstr("Period adjusted: The end date was clamped"));
}

// Checks that every word of the PDF at `path` lies between the side margins
// and above the bottom edge of its page.
void ExpectWordsInsideBody(const std::string& path, int page_count) {
  absl::StatusOr<std::vector<testing::PdfPageWords>> pages =
      ReadWordBoxes(path);
  ASSERT_TRUE(pages.ok()) << pages.status();
  ASSERT_EQ(static_cast<int>(pages->size()), page_count);
  for (size_t p = 0; p < pages->size(); ++p) {
    const testing::PdfPageWords& page = (*pages)[p];
    for (const testing::PdfWord& word : page.words) {
      EXPECT_GE(word.x_min, kMarginX - 0.5) << word.text << " page " << p + 1;
      EXPECT_LE(word.x_max, page.width - kMarginX + 0.5)
          << word.text << " page " << p + 1;
      EXPECT_LE(word.y_max, page.height) << word.text << " page " << p + 1;
    }
  }
}

TEST_F(SampleReportPdfTest, WordsStayInsideBody) {
  ExpectWordsInsideBody(*path_, pdf_->page_count);
}

TEST_F(SampleReportPdfTest, WordsDoNotOverlap) {
  absl::StatusOr<std::vector<testing::PdfPageWords>> pages =
      ReadWordBoxes(*path_);
  ASSERT_TRUE(pages.ok()) << pages.status();
  // Boxes span the font's ascent and descent, so the boxes of adjacent lines
  // touch. Shrinking each box by 1 pt counts only real overlaps.
  constexpr double kInset = 1;
  for (size_t p = 0; p < pages->size(); ++p) {
    const std::vector<testing::PdfWord>& words = (*pages)[p].words;
    for (size_t i = 0; i < words.size(); ++i) {
      for (size_t j = i + 1; j < words.size(); ++j) {
        const testing::PdfWord& a = words[i];
        const testing::PdfWord& b = words[j];
        const bool overlap = a.x_min + kInset < b.x_max - kInset &&
                             b.x_min + kInset < a.x_max - kInset &&
                             a.y_min + kInset < b.y_max - kInset &&
                             b.y_min + kInset < a.y_max - kInset;
        EXPECT_FALSE(overlap) << "\"" << a.text << "\" and \"" << b.text
                              << "\" overlap on page " << p + 1;
      }
    }
  }
}

// Joins the lines of the cell whose first line starts with the start of
// `text`, reading the words inside the project column top to bottom.
std::string ReadProjectCell(const testing::PdfPageWords& page,
                            const std::string& text, double* max_right) {
  std::vector<testing::PdfWord> column;
  for (const testing::PdfWord& word : page.words) {
    if (word.x_min < kProjectColumnRight) column.push_back(word);
  }
  std::sort(column.begin(), column.end(),
            [](const testing::PdfWord& a, const testing::PdfWord& b) {
              return a.y_min < b.y_min;
            });
  std::string joined;
  for (const testing::PdfWord& word : column) {
    const std::string candidate = joined + word.text;
    if (text.compare(0, candidate.size(), candidate) != 0) {
      if (!joined.empty()) break;
      continue;
    }
    joined = candidate;
    *max_right = std::max(*max_right, word.x_max);
  }
  return joined;
}

TEST_F(SampleReportPdfTest, LongTextWrapsInsideCell) {
  absl::StatusOr<std::vector<testing::PdfPageWords>> pages =
      ReadWordBoxes(*path_);
  ASSERT_TRUE(pages.ok()) << pages.status();
  ASSERT_FALSE(pages->empty());
  for (const std::string& text : {LongUrl(), HexId(), testing::LongWord()}) {
    double max_right = 0;
    // The first page of the projects table is the first with the cell.
    std::string cell;
    for (const testing::PdfPageWords& page : *pages) {
      cell = ReadProjectCell(page, text, &max_right);
      if (!cell.empty()) break;
    }
    EXPECT_EQ(cell, text);
    EXPECT_GT(max_right, kMarginX);
    EXPECT_LE(max_right, kProjectColumnRight);
  }
}

TEST(PdfReportTest, LetterPaperHasLetterSize) {
  const RenderedPdf pdf =
      RenderOrDie(SampleReport(kGenericProjects), PaperSize::kLetter);
  const TempFile file("letter.pdf", pdf.bytes);
  const std::string& path = file.path();
  const std::string info = RunOrDie(absl::StrCat("pdfinfo '", path, "'"));
  EXPECT_EQ(PdfInfoField(info, "Page size"), "612 x 792 pts (letter)");
  EXPECT_EQ(PdfInfoField(info, "Pages"), std::to_string(pdf.page_count));
  const std::vector<std::string> pages = SplitPages(ExtractText(path));
  ASSERT_EQ(static_cast<int>(pages.size()), pdf.page_count);
  EXPECT_THAT(pages.back(), HasSubstr(absl::StrCat("Page ", pdf.page_count,
                                                   " of ", pdf.page_count)));
}

TEST(PdfReportTest, SameReportGivesSameBytes) {
  // The report has query topics, so the word cloud is part of the bytes.
  const echo::usage::v1::UsageReport report = testing::TextSafetyReport();
  const RenderedPdf first = RenderOrDie(report);
  const RenderedPdf second = RenderOrDie(report);
  ASSERT_FALSE(first.bytes.empty());
  EXPECT_TRUE(first.bytes == second.bytes);
  EXPECT_EQ(first.page_count, second.page_count);
}

TEST(PdfReportTest, ConcurrentRenderingGivesSameBytes) {
  const echo::usage::v1::UsageReport report = SampleReport(20);
  const RenderedPdf expected = RenderOrDie(report);
  std::vector<RenderedPdf> results(4);
  std::vector<std::thread> threads;
  for (RenderedPdf& result : results) {
    threads.emplace_back([&report, &result] { result = RenderOrDie(report); });
  }
  for (std::thread& thread : threads) thread.join();
  for (const RenderedPdf& result : results) {
    EXPECT_TRUE(result.bytes == expected.bytes);
  }
}

TEST(PdfReportTest, InvalidUtf8ShowsReplacementCharacter) {
  echo::usage::v1::UsageReport report = SampleReport(0);
  report.mutable_users(0)->set_display_name("Bad\xff name");
  report.mutable_projects(0)->set_name(std::string("Cut\xe6\x80", 5));
  report.mutable_projects(1)->set_name(std::string("Nul\0byte", 8));
  const RenderedPdf pdf = RenderOrDie(report);
  ASSERT_GE(pdf.page_count, 1);

  const TempFile file("invalid_utf8.pdf", pdf.bytes);
  const std::string& path = file.path();
  const std::string text = ExtractText(path);
  EXPECT_THAT(text, HasSubstr("Bad\uFFFD name"));
  EXPECT_THAT(text, HasSubstr("Cut\uFFFD"));
  EXPECT_THAT(text, HasSubstr("Nul\uFFFDbyte"));
}

TEST(PdfReportTest, AllTimeReportHasNoPreviousPeriod) {
  const RenderedPdf pdf = RenderOrDie(testing::AllTimeReport());
  ASSERT_GE(pdf.page_count, 1);
  const TempFile file("all_time.pdf", pdf.bytes);
  const std::string& path = file.path();
  const std::string text = ExtractText(path);
  EXPECT_THAT(text, HasSubstr("Period All time"));
  // Conversations, audio duration, chat sessions and messages carry trends.
  EXPECT_EQ(CountOccurrences(text, "No previous period"), 4);
  EXPECT_THAT(text, Not(HasSubstr("+0 more")));
  EXPECT_THAT(text, HasSubstr("(no name)"));
  EXPECT_THAT(text, HasSubstr("No data-quality notes"));
  EXPECT_THAT(text, HasSubstr("Generated 2026-03-30 12:00 UTC"));
  EXPECT_THAT(text, HasSubstr(absl::StrCat("Page 1 of ", pdf.page_count)));
}

TEST(PdfReportTest, EmptyReportRendersOnePage) {
  const RenderedPdf pdf = RenderOrDie(echo::usage::v1::UsageReport());
  ASSERT_GE(pdf.page_count, 1);
  const TempFile file("empty.pdf", pdf.bytes);
  const std::string& path = file.path();
  const std::string text = ExtractText(path);
  EXPECT_THAT(text, HasSubstr("No users selected"));
  EXPECT_THAT(text, HasSubstr("Generation time not recorded"));
  EXPECT_THAT(text, HasSubstr("own no projects"));
  const std::string info =
      RunOrDie(absl::StrCat("pdfinfo -isodates '", path, "'"));
  EXPECT_EQ(PdfInfoField(info, "CreationDate"), "1970-01-01T00:00:00Z");
}

TEST(PdfReportTest, ExtremeValuesStayInsideBody) {
  echo::usage::v1::UsageReport report = SampleReport(0);
  const std::string long_name(400, 'W');
  for (int i = 0; i < 50; ++i) {
    echo::usage::v1::User* user = report.add_users();
    user->set_id(absl::StrCat("extra-", i));
    user->set_display_name(long_name);
  }
  echo::usage::v1::PeriodMetrics* metrics = report.mutable_metrics();
  metrics->mutable_conversations()->set_count(
      std::numeric_limits<int64_t>::max());
  metrics->mutable_conversations()->set_total_duration_seconds(1e15);
  metrics->mutable_chat()->set_mean_messages_per_session(1e12);
  metrics->mutable_logins()->set_total(std::numeric_limits<int64_t>::max());
  echo::usage::v1::ProjectRow* project = report.mutable_projects(0);
  project->set_owner(long_name);
  project->add_tags(long_name);
  project->set_messages(std::numeric_limits<int64_t>::max());
  report.mutable_data_quality(0)->set_message(std::string(3000, 'm'));

  const RenderedPdf pdf = RenderOrDie(report);
  const TempFile file("extreme.pdf", pdf.bytes);
  ExpectWordsInsideBody(file.path(), pdf.page_count);
}

}  // namespace
}  // namespace usage::render
