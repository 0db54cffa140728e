// The template summary is written from the report's own figures, so the
// number check must find every one of its numbers.
#include <string>
#include <vector>

#include "echo/usage/v1/usage_service.pb.h"
#include "gtest/gtest.h"
#include "insights/findings.h"
#include "insights/number_check.h"
#include "insights/report_figures.h"
#include "insights/template_summary.h"
#include "test_reports.h"

namespace usage::insights {
namespace {

using echo::usage::v1::UsageReport;

// Returns the numbers of the template summary of `report` that the check
// does not find among the report's figures.
std::vector<std::string> UnmatchedInTemplate(UsageReport report) {
  for (const auto& finding : DeriveFindings(report)) {
    *report.mutable_insights()->add_findings() = finding;
  }
  const std::string text = TemplateSummary(report).markdown();
  std::vector<std::string> unmatched;
  for (const NumberMention& mention :
       FindUnmatchedNumbers(text, CollectFigures(report))) {
    unmatched.push_back(mention.text);
  }
  return unmatched;
}

TEST(TemplateNumbersTest, DurationRoundedUpToTheNextMinutePasses) {
  UsageReport report = testing::AllTimeReport();
  auto* conversations = report.mutable_metrics()->mutable_conversations();
  conversations->set_count(105);
  // 4 h 13 min 45 s, which the summary rounds to "4 h 14 min".
  conversations->set_total_duration_seconds(4 * 3600 + 13 * 60 + 45);
  report.mutable_metrics()->mutable_chat()->set_messages(160);
  report.mutable_metrics()->mutable_chat()->set_active_sessions(20);
  report.mutable_metrics()->mutable_logins()->set_total(146);
  report.mutable_metrics()->mutable_logins()->set_active_days(123);
  report.mutable_metrics()->mutable_logins()->set_per_week(2.8);
  testing::AddProject(report, "Jongerenpanel 2026", 34);

  EXPECT_EQ(UnmatchedInTemplate(report), std::vector<std::string>{});
}

TEST(TemplateNumbersTest, PeriodWithTrendsPasses) {
  UsageReport report = testing::PeriodReport();
  auto* metrics = report.mutable_metrics();
  metrics->mutable_conversations()->set_count(39);
  metrics->mutable_conversations()->set_total_duration_seconds(6420);
  metrics->mutable_chat()->set_messages(78);
  metrics->mutable_chat()->set_active_sessions(9);
  metrics->mutable_reports()->set_created(3);
  metrics->mutable_logins()->set_total(32);
  metrics->mutable_logins()->set_active_days(27);
  metrics->mutable_logins()->set_per_week(2.5);
  testing::AddTrend(report, echo::usage::v1::TREND_METRIC_CONVERSATIONS, 39,
                    50);
  testing::AddTrend(report, echo::usage::v1::TREND_METRIC_DURATION, 6420, 7440);
  testing::AddTrend(report, echo::usage::v1::TREND_METRIC_MESSAGES, 78, 52);
  testing::AddTrend(report, echo::usage::v1::TREND_METRIC_CHAT_SESSIONS, 9, 8);
  testing::AddTrend(report, echo::usage::v1::TREND_METRIC_LOGINS, 32, 50);
  testing::AddProject(report, "Jongerenpanel 2026", 15);
  testing::AddProject(report, "Wijkgesprekken Noord", 12);

  EXPECT_EQ(UnmatchedInTemplate(report), std::vector<std::string>{});
}

// A period whose login and chat figures are quoted with their nouns.
UsageReport LoginAndChatReport() {
  UsageReport report = testing::PeriodReport();
  auto* logins = report.mutable_metrics()->mutable_logins();
  logins->set_total(58);
  logins->set_active_days(26);
  logins->set_unique_users(2);
  logins->set_per_week(4.5);
  auto* chat = report.mutable_metrics()->mutable_chat();
  chat->set_messages(78);
  chat->set_mean_messages_per_session(8.5);
  return report;
}

std::vector<std::string> Unmatched(const std::string& text) {
  std::vector<std::string> unmatched;
  for (const NumberMention& mention :
       FindUnmatchedNumbers(text, CollectFigures(LoginAndChatReport()))) {
    unmatched.push_back(mention.text);
  }
  return unmatched;
}

TEST(NumberNounTest, LastNounOfARowCounts) {
  // 26 is the logins' active days, not a login count.
  EXPECT_EQ(Unmatched("There were 26 active login days."),
            std::vector<std::string>{});
  EXPECT_EQ(Unmatched("There were 27 active login days."),
            std::vector<std::string>{"27"});
}

TEST(NumberNounTest, RateCountsWhatComesBeforePer) {
  EXPECT_EQ(Unmatched("Chat ran at 8.5 messages per session."),
            std::vector<std::string>{});
  EXPECT_EQ(Unmatched("They logged in 4.5 times a week, 58 logins."),
            std::vector<std::string>{});
}

TEST(NumberNounTest, UniqueUsersAreUsers) {
  EXPECT_EQ(Unmatched("Both logged in (2 unique users)."),
            std::vector<std::string>{});
  // 58 is a login count, not a number of users.
  EXPECT_EQ(Unmatched("58 unique users logged in."),
            std::vector<std::string>{"58"});
}

}  // namespace
}  // namespace usage::insights
