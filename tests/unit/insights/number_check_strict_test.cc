// The number check against a crafted report: wrong numbers that look like
// figures are caught, and honest sentences in many formats pass.
#include <string>
#include <vector>

#include "echo/usage/v1/usage_service.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "insights/number_check.h"
#include "insights/report_figures.h"

namespace usage::insights {
namespace {

namespace v1 = echo::usage::v1;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// March 2026 (31 days) against 2026-01-29 to 2026-02-28, with:
// - 34 conversations (16 before: +18, +112.5 %, 2.125x), 2,880 s of audio
//   (48 min, 0.8 h; 1,200 s before: +140 %), a mean of 2,796 s (46 min 36 s,
//   46.6 min, 0.777 h); 30 with content (88.24 %), 4 empty (11.76 %),
//   10 uploaded (29.41 %), 24 recorded (70.59 %);
// - 40 chat messages, 20 by the user and 20 by the assistant (50 % each),
//   5 sessions, 3,910 tokens;
// - 3 of 4 projects active (75 %); 1 report created, 1 published (100 %),
//   2 before (-1, -50 %); 6 logins on 3 days (2 per day), 6 before;
// - projects "Harbour" (24 conversations = 70.59 %, 2,160 s = 36 min =
//   75 %) and "Youth" (10 = 29.41 %, 720 s = 12 min = 25 %);
// - findings with the figures 3,909.7 and 55.56.
v1::UsageReport StrictTestReport() {
  v1::UsageReport report;
  report.add_users()->set_id("user-1");
  report.set_time_zone("UTC");
  report.mutable_period()->set_start_date("2026-03-01");
  report.mutable_period()->set_end_date("2026-03-31");
  report.mutable_period()->set_days(31);
  report.mutable_previous_period()->set_start_date("2026-01-29");
  report.mutable_previous_period()->set_end_date("2026-02-28");
  report.mutable_previous_period()->set_days(31);

  v1::PeriodMetrics& metrics = *report.mutable_metrics();
  v1::ConversationMetrics& conversations = *metrics.mutable_conversations();
  conversations.set_count(34);
  conversations.set_total_duration_seconds(2880);
  conversations.set_mean_duration_seconds(2796);
  conversations.set_with_content(30);
  conversations.set_empty(4);
  conversations.set_uploaded(10);
  conversations.set_recorded(24);
  metrics.mutable_chat()->set_messages(40);
  metrics.mutable_chat()->set_user_messages(20);
  metrics.mutable_chat()->set_assistant_messages(20);
  metrics.mutable_chat()->set_active_sessions(5);
  metrics.mutable_chat()->set_tokens(3910);
  metrics.mutable_projects()->set_owned(4);
  metrics.mutable_projects()->set_active(3);
  metrics.mutable_reports()->set_created(1);
  metrics.mutable_reports()->set_published(1);
  metrics.mutable_logins()->set_total(6);
  metrics.mutable_logins()->set_active_days(3);

  v1::PeriodMetrics& previous = *report.mutable_previous_metrics();
  previous.mutable_conversations()->set_count(16);
  previous.mutable_conversations()->set_total_duration_seconds(1200);
  previous.mutable_reports()->set_created(2);
  previous.mutable_logins()->set_total(6);

  v1::Trend& trend = *report.add_trends();
  trend.set_metric(v1::TREND_METRIC_CONVERSATIONS);
  trend.set_current(34);
  trend.set_previous(16);
  trend.set_percent_change(112.5);
  trend.set_direction(v1::TREND_DIRECTION_UP);

  report.mutable_activity()->set_days_since_last_activity(2);
  report.mutable_features()->set_conversations(34);

  v1::ProjectRow& harbour = *report.add_projects();
  harbour.set_name("Harbour");
  harbour.set_conversations(24);
  harbour.set_duration_seconds(2160);
  v1::ProjectRow& youth = *report.add_projects();
  youth.set_name("Youth");
  youth.set_conversations(10);
  youth.set_duration_seconds(720);

  v1::Finding& finding = *report.mutable_insights()->add_findings();
  finding.add_figures()->set_value(3909.7);
  finding.add_figures()->set_value(55.56);
  return report;
}

std::vector<std::string> Unmatched(const std::string& text) {
  ReportFigures figures = CollectFigures(StrictTestReport());
  std::vector<std::string> texts;
  for (const NumberMention& mention : FindUnmatchedNumbers(text, figures)) {
    texts.push_back(mention.text);
  }
  return texts;
}

struct StrictCase {
  std::string text;
  std::vector<std::string> unmatched;
};

class NumberCheckStrictTest : public ::testing::TestWithParam<StrictCase> {};

TEST_P(NumberCheckStrictTest, FindsUnmatchedNumbers) {
  EXPECT_EQ(Unmatched(GetParam().text), GetParam().unmatched);
}

INSTANTIATE_TEST_SUITE_P(
    WrongNumbers, NumberCheckStrictTest,
    ::testing::Values(
        // The change is +112.5 %, so a minus sign is wrong.
        StrictCase{"Conversations fell by -112.5 %", {"-112.5 %"}},
        StrictCase{"Conversations fell by \xE2\x88\x92"
                   "113 %",
                   {"\xE2\x88\x92"
                    "113 %"}},
        // 47,000, 1,100,000 and 100,000 are no figures.
        StrictCase{"47k messages", {"47k"}},
        StrictCase{"1.1 million logins", {"1.1 million"}},
        StrictCase{"1e5 tokens", {"1e5"}},
        // 2026 is a year of the report but counts something here.
        StrictCase{"2026 conversations", {"2026"}},
        // 1 report and 4 projects; no figure is 7 or 9.
        StrictCase{"7 reports and 9 projects", {"7", "9"}},
        // 0.8 h and 34 conversations.
        StrictCase{"63 hours of audio", {"63 hours"}},
        StrictCase{"54 conversations", {"54"}},
        StrictCase{"Usage rose 64 % / 73 % / 37 % / 83 % / 91 % / 26 %",
                   {"64 %", "73 %", "37 %", "83 %", "91 %", "26 %"}},
        // Fullwidth digits for 470 %.
        StrictCase{"Usage rose \xEF\xBC\x94\xEF\xBC\x97\xEF\xBC\x90 %",
                   {"\xEF\xBC\x94\xEF\xBC\x97\xEF\xBC\x90 %"}},
        // Arabic-Indic digits for 63.
        StrictCase{"\xD9\xA6\xD9\xA3 conversations", {"\xD9\xA6\xD9\xA3"}},
        // Audio rose by 140 %, so a minus sign is wrong.
        StrictCase{"Audio fell by -140 %", {"-140 %"}},
        // No figure rounds to 7, 8 or 9.
        StrictCase{"7 %, 8 % and 9 % of the conversations",
                   {"7 %", "8 %", "9 %"}}));

INSTANTIATE_TEST_SUITE_P(
    HonestSentences, NumberCheckStrictTest,
    ::testing::Values(
        // (34 - 16) / 16 = 112.5 %; 34 / 16 = 2.125x.
        StrictCase{"Conversations rose +112.5 % to 34 (prev. 16.00).", {}},
        StrictCase{"Conversations grew 2.1x, up by 18.", {}},
        // 30 / 34 = 88.235 %; 4 empty.
        StrictCase{"88.2 % had content and 4 were empty.", {}},
        // 24 / 34 = 70.59 %; 2160 / 2880 = 75 %; 12 min = 720 s.
        StrictCase{"Harbour held 71 % of the conversations and 75 % of the "
                   "audio; Youth had 12 min.",
                   {}},
        // The top two projects hold 34 of 34 conversations.
        StrictCase{"The top two projects hold 100 % of them.", {}},
        // 2,796 s = 46 min 36 s = 0.7767 h.
        StrictCase{"A mean conversation lasted 46 min 36 s, or 0.78 hours.",
                   {}},
        // (2880 - 1200) / 1200 = 140 %.
        StrictCase{"Audio rose 140 % to 48 min.", {}},
        // 3,910 tokens, about 3.9 thousand; a finding states 3,909.7 h.
        StrictCase{"3,910 tokens (3.9k) and 3,910 hours.", {}},
        // A finding states 55.56, shown as 55.6 or 56.
        StrictCase{"55.6 %, or 56 %", {}},
        // Reports went from 2 to 1: -50 %, 0.5x.
        StrictCase{"Reports fell \xE2\x88\x92"
                   "50 % to 1, and 3 of 4 projects were active (75 %).",
                   {}},
        StrictCase{"Reports fell by 50 %.", {}},
        // 6 / 3 = 2 logins per active day; 6 before.
        StrictCase{"6 logins on 3 days (prev. 6.00), 2 per active day.", {}},
        StrictCase{"Users sent 20 of the 40 messages (50 %).", {}},
        StrictCase{"In 2026, from 1 March to 2026-03-31 (March 2026).", {}},
        StrictCase{"Since 2026 the account held 34 conversations.", {}},
        StrictCase{"1. Conversations\n2) Chat\n  3. Reports", {}},
        // Fullwidth digits for 46.6 minutes.
        StrictCase{"\xEF\xBC\x94\xEF\xBC\x96.\xEF\xBC\x96 min", {}}));

TEST(NumberCheckSweepTest, FewCountsMatchByChance) {
  ReportFigures figures = CollectFigures(StrictTestReport());
  std::vector<int> accepted;
  for (int n = 11; n <= 100; ++n) {
    std::string text = std::to_string(n) + " conversations";
    if (FindUnmatchedNumbers(text, figures).empty()) accepted.push_back(n);
  }
  // A count of conversations needs a conversation figure between 11 and
  // 100: 16 (previous count), 18 (34 - 16), 24 (recorded; Harbour), 30
  // (with content), 34, and 56 from the finding's 55.56, whose unit is
  // unknown.
  EXPECT_THAT(accepted, ElementsAre(16, 18, 24, 30, 34, 56));
}

TEST(NumberCheckSweepTest, FewPercentagesMatchByChance) {
  ReportFigures figures = CollectFigures(StrictTestReport());
  int accepted = 0;
  for (int n = 1; n <= 100; ++n) {
    std::string text = std::to_string(n) + " %";
    if (FindUnmatchedNumbers(text, figures).empty()) ++accepted;
  }
  // Only shares and changes in percent: 12 (4 / 34 = 11.76), 25 (720 /
  // 2880), 29 (10 / 34), 50 (20 / 40; reports 2 -> 1), 56 (the finding's
  // 55.56 of unknown unit), 71 (24 / 34), 75 (3 / 4; 2160 / 2880), 88 (30 /
  // 34) and 100 (1 of 1 report published).
  EXPECT_EQ(accepted, 9);
}

}  // namespace
}  // namespace usage::insights
