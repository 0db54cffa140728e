#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report_table.h"

namespace usage::cli {
namespace {

namespace v1 = echo::usage::v1;

using ::testing::HasSubstr;
using ::testing::Not;

v1::UsageReport ReportWithInsights() {
  v1::UsageReport report;
  v1::Insights& insights = *report.mutable_insights();
  v1::Finding& finding = *insights.add_findings();
  finding.set_severity(v1::FINDING_SEVERITY_WARNING);
  finding.set_title("No activity for 31 days.");
  insights.mutable_executive_summary()->set_source(v1::SUMMARY_SOURCE_LLM);
  insights.mutable_executive_summary()->set_markdown(
      "First paragraph.\n\nSecond \x1b[31mparagraph.");
  insights.set_narrative_markdown("- 4,200 (unverified) conversations");
  insights.add_unverified_numbers("4,200");
  report.mutable_provenance()->set_insight_status(
      v1::INSIGHT_STATUS_UNVERIFIED);
  report.mutable_provenance()->set_insight_status_detail(
      "1 number matches no figure of the report after one retry: 4,200");
  return report;
}

TEST(ReportInsightsTableTest, ShowsFindingsSummaryNarrativeAndStatus) {
  const std::string text = FormatReportTable(ReportWithInsights());
  EXPECT_THAT(text, HasSubstr("Findings:\n- [warning] No activity for 31 "
                              "days.\n"));
  EXPECT_THAT(text, HasSubstr("Executive summary (written by the LLM):\n"
                              "  First paragraph.\n\n  Second "));
  EXPECT_THAT(text, HasSubstr("Insights (written by the LLM):\n"
                              "  - 4,200 (unverified) conversations\n"));
  EXPECT_THAT(text, HasSubstr("Insight status: unverified (1 number matches "
                              "no figure of the report after one retry: "
                              "4,200)\n"));
  EXPECT_THAT(text, HasSubstr("Unverified numbers: 4,200\n"));
}

TEST(ReportInsightsTableTest, EscapeSequencesAreNotPrinted) {
  const std::string text = FormatReportTable(ReportWithInsights());
  EXPECT_THAT(text, Not(HasSubstr("\x1b")));
}

TEST(ReportInsightsTableTest, TemplateSummaryWithoutNarrative) {
  v1::UsageReport report;
  report.mutable_insights()->mutable_executive_summary()->set_source(
      v1::SUMMARY_SOURCE_TEMPLATE);
  report.mutable_insights()->mutable_executive_summary()->set_markdown(
      "No activity in this period.");
  report.mutable_provenance()->set_insight_status(
      v1::INSIGHT_STATUS_NOT_REQUESTED);
  const std::string text = FormatReportTable(report);
  EXPECT_THAT(text, HasSubstr("Executive summary (from a template):\n"
                              "  No activity in this period.\n"));
  EXPECT_THAT(text, HasSubstr("Insight status: not requested\n"));
  EXPECT_THAT(text, Not(HasSubstr("Findings:")));
  EXPECT_THAT(text, Not(HasSubstr("Insights (written")));
  EXPECT_THAT(text, Not(HasSubstr("Unverified numbers")));
}

}  // namespace
}  // namespace usage::cli
