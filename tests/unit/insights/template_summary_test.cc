// Tests of the executive summary written from a template.
#include "insights/template_summary.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_reports.h"

namespace usage::insights {
namespace {

using ::echo::usage::v1::Finding;
using ::echo::usage::v1::UsageReport;
using testing::AddProject;
using testing::AddTrend;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kFraming[] =
    "ECHO usage comes in bursts around sessions, so few logins or a quiet "
    "stretch are not a concern by themselves.";

// A month with conversations, chat, reports and logins in three projects.
UsageReport BusyReport() {
  UsageReport report = testing::PeriodReport();
  auto* metrics = report.mutable_metrics();
  metrics->mutable_conversations()->set_count(32);
  metrics->mutable_conversations()->set_total_duration_seconds(43499);
  metrics->mutable_chat()->set_messages(120);
  metrics->mutable_chat()->set_active_sessions(14);
  metrics->mutable_reports()->set_created(3);
  metrics->mutable_logins()->set_total(9);
  metrics->mutable_logins()->set_active_days(6);
  metrics->mutable_logins()->set_per_week(2.1);
  metrics->mutable_logins()->set_band(echo::usage::v1::USAGE_BAND_MEDIUM);
  AddTrend(report, echo::usage::v1::TREND_METRIC_CONVERSATIONS, 32, 22);
  AddTrend(report, echo::usage::v1::TREND_METRIC_DURATION, 43499, 43499);
  AddTrend(report, echo::usage::v1::TREND_METRIC_MESSAGES, 120, 0);
  AddTrend(report, echo::usage::v1::TREND_METRIC_LOGINS, 9, 12);
  // Ordered by duration, as in reports; Alpha has the most conversations.
  AddProject(report, "Beta", 5);
  AddProject(report, "Alpha", 20);
  AddProject(report, "Gamma", 7);
  return report;
}

void AddFinding(UsageReport& report, echo::usage::v1::FindingKind kind,
                echo::usage::v1::FindingSeverity severity,
                const std::string& title) {
  Finding* finding = report.mutable_insights()->add_findings();
  finding->set_kind(kind);
  finding->set_severity(severity);
  finding->set_title(title);
}

std::string FirstParagraph(const std::string& markdown) {
  return markdown.substr(0, markdown.find("\n\n"));
}

std::string SecondParagraph(const std::string& markdown) {
  const size_t split = markdown.find("\n\n");
  return split == std::string::npos ? "" : markdown.substr(split + 2);
}

TEST(TemplateSummaryTest, FirstParagraphGivesFiguresTrendsAndProject) {
  const echo::usage::v1::ExecutiveSummary summary =
      TemplateSummary(BusyReport());

  EXPECT_EQ(summary.source(), echo::usage::v1::SUMMARY_SOURCE_TEMPLATE);
  // (32 - 22) / 22 = 45.5 % up; (9 - 12) / 12 = 25 % down; 43499 s is
  // 725 min, so 12 h 05 min.
  EXPECT_EQ(FirstParagraph(summary.markdown()),
            "From 2026-03-01 to 2026-03-30, the account recorded **32 "
            "conversations** (up 45 % from 22) with **12 h 05 min** of audio "
            "(unchanged from the previous period). The chat had **120 "
            "messages** (none in the previous period) in 14 sessions. 3 "
            "reports were created. There were **9 logins** (down 25 % from "
            "12) on 6 days, 2.1 per week. The busiest project was Alpha, with "
            "20 conversations.");
}

TEST(TemplateSummaryTest, HasExactlyTwoParagraphs) {
  const std::string markdown = TemplateSummary(BusyReport()).markdown();

  const size_t split = markdown.find("\n\n");
  ASSERT_NE(split, std::string::npos);
  EXPECT_EQ(markdown.find("\n\n", split + 2), std::string::npos);
  EXPECT_FALSE(SecondParagraph(markdown).empty());
}

TEST(TemplateSummaryTest, WithoutFindingsSaysNothingWasFlagged) {
  const std::string meaning =
      SecondParagraph(TemplateSummary(BusyReport()).markdown());

  // Medium login band and no findings: no framing is needed either.
  EXPECT_EQ(meaning, "No rule flagged anything that needs attention.");
}

TEST(TemplateSummaryTest, SecondParagraphQuotesTwoMostSevereFindings) {
  UsageReport report = BusyReport();
  AddFinding(report, echo::usage::v1::FINDING_KIND_DORMANCY,
             echo::usage::v1::FINDING_SEVERITY_CRITICAL,
             "No activity for 100 days.");
  AddFinding(report, echo::usage::v1::FINDING_KIND_EMPTY_CONVERSATIONS,
             echo::usage::v1::FINDING_SEVERITY_WARNING,
             "8 of 20 conversations (40 %) have no transcribed content.");
  AddFinding(report, echo::usage::v1::FINDING_KIND_CONCENTRATION,
             echo::usage::v1::FINDING_SEVERITY_INFO,
             "All 12 conversations were in one project.");

  const std::string meaning =
      SecondParagraph(TemplateSummary(report).markdown());

  EXPECT_EQ(meaning,
            std::string("The account needs attention. No activity for 100 "
                        "days. 8 of 20 conversations (40 %) have no "
                        "transcribed content. 1 more finding is listed with "
                        "the insights. ") +
                kFraming);
  EXPECT_THAT(meaning, Not(HasSubstr("All 12 conversations")));
}

TEST(TemplateSummaryTest, LeadFollowsTopSeverity) {
  UsageReport report = BusyReport();
  AddFinding(report, echo::usage::v1::FINDING_KIND_TREND_BREAK,
             echo::usage::v1::FINDING_SEVERITY_POSITIVE,
             "Conversations rose 50 % to 15 against 10 in the previous "
             "period.");

  EXPECT_EQ(SecondParagraph(TemplateSummary(report).markdown()),
            "The signs are good. Conversations rose 50 % to 15 against 10 in "
            "the previous period.");
}

TEST(TemplateSummaryTest, FallingLoginsGetBurstFraming) {
  UsageReport report = BusyReport();
  AddFinding(report, echo::usage::v1::FINDING_KIND_LOGIN_BAND_CHANGE,
             echo::usage::v1::FINDING_SEVERITY_WARNING,
             "The login band fell from medium to low.");

  const std::string meaning =
      SecondParagraph(TemplateSummary(report).markdown());

  EXPECT_THAT(meaning,
              HasSubstr("Some points are worth a conversation with the "
                        "customer. The login band fell from medium to low."));
  EXPECT_THAT(meaning, HasSubstr(kFraming));
}

TEST(TemplateSummaryTest, EmptyReportSaysNoActivity) {
  UsageReport report = testing::PeriodReport();
  report.mutable_metrics()->mutable_logins()->set_band(
      echo::usage::v1::USAGE_BAND_NONE);

  EXPECT_EQ(TemplateSummary(report).markdown(),
            std::string("No activity in this period.\n\nNo rule flagged "
                        "anything that needs attention. ") +
                kFraming);
}

TEST(TemplateSummaryTest, AllTimeHasNoComparison) {
  UsageReport report = testing::AllTimeReport();
  report.mutable_metrics()->mutable_conversations()->set_count(5);
  report.mutable_metrics()->mutable_conversations()->set_total_duration_seconds(
      600);

  const std::string markdown = TemplateSummary(report).markdown();

  EXPECT_EQ(FirstParagraph(markdown),
            "Over all time, the account recorded **5 conversations** with "
            "**10 min** of audio. Chat was not used. There were no logins.");
  EXPECT_THAT(markdown, Not(HasSubstr("previous period")));
}

TEST(TemplateSummaryTest, SameReportGivesSameText) {
  UsageReport report = BusyReport();
  AddFinding(report, echo::usage::v1::FINDING_KIND_DORMANCY,
             echo::usage::v1::FINDING_SEVERITY_WARNING,
             "No activity for 20 days.");

  EXPECT_EQ(TemplateSummary(report).markdown(),
            TemplateSummary(report).markdown());
}

}  // namespace
}  // namespace usage::insights
