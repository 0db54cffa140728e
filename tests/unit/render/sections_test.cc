// Checks the text sections of the PDF: executive summary, conversation and
// chat tables, top users, report activity and insights.
#include <regex>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "poppler.h"
#include "render/figure_table.h"
#include "render/insights_section.h"
#include "render/pdf_report.h"
#include "render/summary_section.h"
#include "sample_report.h"

namespace usage::render {
namespace {

using testing::CountOccurrences;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::RunCommand;
using testing::TempFile;

// Renders `report` and returns the text of pdftotext -layout with every run
// of spaces collapsed to one.
std::string RenderedText(const echo::usage::v1::UsageReport& report,
                         const std::string& file_name) {
  absl::StatusOr<RenderedPdf> pdf = RenderPdf(report, PdfOptions{});
  EXPECT_TRUE(pdf.ok()) << pdf.status();
  if (!pdf.ok()) return "";
  const TempFile file(file_name, pdf->bytes);
  absl::StatusOr<std::string> text =
      RunCommand(absl::StrCat("pdftotext -layout '", file.path(), "' -"));
  EXPECT_TRUE(text.ok()) << text.status();
  return text.ok() ? std::regex_replace(*text, std::regex(" +"), " ") : "";
}

echo::usage::v1::UsageReport FullReport() {
  echo::usage::v1::UsageReport report = testing::SampleReport(0);
  testing::AddPreviousPeriod(report);
  testing::AddUserBreakdowns(report);
  testing::AddSampleInsights(report);
  return report;
}

class SectionsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    text_ = new std::string(RenderedText(FullReport(), "sections.pdf"));
  }
  static void TearDownTestSuite() {
    delete text_;
    text_ = nullptr;
  }
  static std::string* text_;
};

std::string* SectionsTest::text_ = nullptr;

TEST_F(SectionsTest, ExecutiveSummaryOnFirstPage) {
  const std::string first_page = text_->substr(0, text_->find('\f'));
  EXPECT_THAT(first_page, HasSubstr("Executive summary"));
  EXPECT_THAT(first_page,
              HasSubstr("The team held 1,234 conversations, up from 1,100."));
  EXPECT_THAT(first_page, HasSubstr("Chat is in regular use"));
  EXPECT_THAT(first_page, HasSubstr("Written from the figures"));
  EXPECT_THAT(first_page, Not(HasSubstr("**")));
}

TEST_F(SectionsTest, FirstPageHasLoginBandLine) {
  const std::string first_page = text_->substr(0, text_->find('\f'));
  // The sample sets 34 logins and 7.9 per week, and no active days.
  EXPECT_THAT(first_page, HasSubstr("Login band High usage: 7.9 logins per "
                                    "week, 34 logins on 0 active days"));
  EXPECT_THAT(first_page, HasSubstr("+2 more"));
}

TEST_F(SectionsTest, ConversationRowsCompareWithPrevious) {
  EXPECT_THAT(*text_, HasSubstr("Conversations in detail"));
  EXPECT_THAT(*text_, HasSubstr("Previous period"));
  // (1234 - 1000) / 1000 = 23.4 %.
  EXPECT_THAT(*text_, HasSubstr("Conversations 1,234 1,000 +23.4 %"));
  // (43499 - 36000) / 36000 = 20.83 %.
  EXPECT_THAT(*text_,
              HasSubstr("Total duration 12 h 05 min 10 h 00 min +20.8 %"));
}

TEST_F(SectionsTest, ChatRowsCompareWithPrevious) {
  EXPECT_THAT(*text_, HasSubstr("Chat in detail"));
  // (2345 - 2500) / 2500 = -6.2 %.
  EXPECT_THAT(*text_, HasSubstr("Messages 2,345 2,500 -6.2 %"));
  // Both periods have 87 and 0 active sessions: 0 before gives "new".
  EXPECT_THAT(*text_, HasSubstr("Active chat sessions 87 0 new"));
  EXPECT_THAT(*text_, HasSubstr("User messages under 50 characters"));
}

TEST_F(SectionsTest, TopUsersByLogins) {
  const size_t heading = text_->find("Top users");
  ASSERT_NE(heading, std::string::npos);
  const size_t first =
      text_->find("R&D <Q3> \"draft\" 20 4 1 h 30 min", heading);
  const size_t second = text_->find("Jane Doe 12 30 1 h 30 min", heading);
  const size_t third = text_->find("总计 2 1 1 h 30 min", heading);
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  ASSERT_NE(third, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
  EXPECT_THAT(*text_, HasSubstr("2026-03-27"));
}

TEST_F(SectionsTest, ReportActivityByStatus) {
  EXPECT_THAT(*text_, HasSubstr("Report activity"));
  // (5 - 4) / 4 = 25 %, (2 - 1) / 1 = 100 %, and 1 error after 0 is new.
  EXPECT_THAT(*text_, HasSubstr("Reports created 5 4 +25.0 %"));
  EXPECT_THAT(*text_, HasSubstr("Published 2 1 +100.0 %"));
  EXPECT_THAT(*text_, HasSubstr("With an error 1 0 new"));
  EXPECT_THAT(*text_, HasSubstr("Status: draft 3 2 +50.0 %"));
  EXPECT_THAT(*text_, HasSubstr("Status: <archived> 2 0 new"));
}

TEST_F(SectionsTest, FindingsAndNarrativeAppear) {
  EXPECT_THAT(*text_, HasSubstr("Findings"));
  EXPECT_THAT(*text_, HasSubstr("Conversations rose sharply."));
  EXPECT_THAT(*text_,
              HasSubstr("Critical · Days since last activity: 45 days"));
  EXPECT_THAT(*text_, HasSubstr("Positive · Change: 12.3 %"));
  EXPECT_THAT(*text_, HasSubstr("Narrative heading"));
  EXPECT_THAT(*text_, HasSubstr("1. First step"));
  EXPECT_THAT(*text_, HasSubstr("as plain text."));
  EXPECT_THAT(*text_, HasSubstr("No AI model is configured"));
  EXPECT_THAT(*text_, HasSubstr("Detail: LLM__TEXT_FAST__MODEL is not set."));
}

TEST_F(SectionsTest, MarkupCharactersShownOnce) {
  EXPECT_EQ(CountOccurrences(*text_, "Dormant <b>account</b> & \"R&D\""), 1);
  EXPECT_EQ(CountOccurrences(*text_, "<script>alert(1)</script>"), 1);
  // The narrative's "&amp;" stays five characters, and the project named
  // "&amp;" adds a second one.
  EXPECT_EQ(CountOccurrences(*text_, "&amp;"), 2);
  EXPECT_EQ(CountOccurrences(*text_, "&amp;amp;"), 0);
  EXPECT_EQ(CountOccurrences(*text_, "&lt;"), 0);
}

TEST(SectionsSummaryTest, UnverifiedLlmSummaryShowsWarning) {
  echo::usage::v1::UsageReport report = FullReport();
  report.mutable_insights()->mutable_executive_summary()->set_source(
      echo::usage::v1::SUMMARY_SOURCE_LLM);
  report.mutable_provenance()->set_insight_status(
      echo::usage::v1::INSIGHT_STATUS_UNVERIFIED);
  report.mutable_insights()->add_unverified_numbers("1,100");
  const std::string text = RenderedText(report, "unverified.pdf");
  const std::string first_page = text.substr(0, text.find('\f'));
  EXPECT_THAT(first_page, HasSubstr("Written by an AI model"));
  EXPECT_THAT(first_page, HasSubstr("Some numbers in this summary match no"));
  EXPECT_THAT(first_page, Not(HasSubstr("every number checked")));
  EXPECT_THAT(text, HasSubstr("Unverified: 1,100."));
}

TEST(SectionsSummaryTest, GeneratedLlmSummaryHasNoWarning) {
  echo::usage::v1::UsageReport report = FullReport();
  report.mutable_insights()->mutable_executive_summary()->set_source(
      echo::usage::v1::SUMMARY_SOURCE_LLM);
  report.mutable_provenance()->set_insight_status(
      echo::usage::v1::INSIGHT_STATUS_GENERATED);
  EXPECT_EQ(SummarySourceText(report),
            "Written by an AI model; every number checked against the "
            "figures");
  EXPECT_EQ(SummaryWarningText(report), "");
}

TEST(SectionsSummaryTest, TemplateSummaryNeverWarns) {
  echo::usage::v1::UsageReport report = FullReport();
  report.mutable_provenance()->set_insight_status(
      echo::usage::v1::INSIGHT_STATUS_UNVERIFIED);
  EXPECT_EQ(SummarySourceText(report), "Written from the figures");
  EXPECT_EQ(SummaryWarningText(report), "");
}

TEST(SectionsLoginTest, SingleUserShowsLoginFigures) {
  echo::usage::v1::UsageReport report = testing::AllTimeReport();
  report.mutable_metrics()->mutable_logins()->set_active_days(8);
  report.mutable_metrics()->mutable_logins()->set_mean_per_active_day(4.25);
  const std::string text = RenderedText(report, "single_user.pdf");
  EXPECT_THAT(text, Not(HasSubstr("Top users")));
  EXPECT_THAT(text, HasSubstr("Logins 34"));
  EXPECT_THAT(text, HasSubstr("Active days 8"));
  // 4.25 is printed with one decimal.
  EXPECT_THAT(text, HasSubstr("Logins per active day 4."));
  EXPECT_THAT(text, HasSubstr("Usage band High usage"));
  // An all-time report has no previous period, so no change column.
  EXPECT_THAT(text, Not(HasSubstr("Previous period")));
}

TEST(FigureTableTest, ChangeText) {
  EXPECT_EQ(ChangeText(125, 100), "+25.0 %");
  EXPECT_EQ(ChangeText(50, 200), "-75.0 %");
  EXPECT_EQ(ChangeText(100, 100), "0.0 %");
  EXPECT_EQ(ChangeText(3, 0), "new");
  EXPECT_EQ(ChangeText(0, 0), "–");
}

TEST(FigureTableTest, RowWithoutPreviousShowsDashes) {
  const FigureRow row{"Chunks", 1234, std::nullopt, FigureFormat::kCount};
  EXPECT_THAT(FigureRowCells(row, true),
              ::testing::ElementsAre("Chunks", "1,234", "–", "–"));
  EXPECT_THAT(FigureRowCells(row, false),
              ::testing::ElementsAre("Chunks", "1,234"));
}

TEST(InsightsSectionTest, FindingMarkupEscapesTitle) {
  echo::usage::v1::Finding finding;
  finding.set_severity(echo::usage::v1::FINDING_SEVERITY_WARNING);
  finding.set_title("<span foreground=\"red\">x</span> & y");
  const std::string markup = FindingMarkup(finding);
  EXPECT_THAT(markup, HasSubstr("&lt;span foreground=&quot;red&quot;&gt;x"));
  EXPECT_THAT(markup, HasSubstr("&amp; y"));
  EXPECT_THAT(markup, HasSubstr("Warning"));
}

}  // namespace
}  // namespace usage::render
