// The number check with names that contain numbers, years used as
// adjectives, nouns that name a figure's kind, dates, directions and hedges.
#include <string>
#include <vector>

#include "echo/usage/v1/usage_service.pb.h"
#include "gtest/gtest.h"
#include "insights/number_check.h"
#include "insights/report_figures.h"

namespace usage::insights {
namespace {

namespace v1 = echo::usage::v1;

// November 2026 against 2026-10-02 to 2026-10-31, in UTC, with:
// - 35 conversations (29 before: +6, +20.69 %), 8,640 s of audio (144 min,
//   2.4 h);
// - 36 chat messages; 12 logins on 5 days (15 before: -3, -20 %);
// - projects "Jongerenpanel 2026" (15 conversations, 42.86 %) and "Buurt"
//   (20, 57.14 %) with the tag "Ronde 3";
// - activity on 2026-11-17 and 2026-11-29;
// - a finding's figure of 200.7 percent.
v1::UsageReport KindsTestReport() {
  v1::UsageReport report;
  report.set_time_zone("UTC");
  report.mutable_period()->set_start_date("2026-11-01");
  report.mutable_period()->set_end_date("2026-11-30");
  report.mutable_previous_period()->set_start_date("2026-10-02");
  report.mutable_previous_period()->set_end_date("2026-10-31");

  v1::PeriodMetrics& metrics = *report.mutable_metrics();
  metrics.mutable_conversations()->set_count(35);
  metrics.mutable_conversations()->set_total_duration_seconds(8640);
  metrics.mutable_chat()->set_messages(36);
  metrics.mutable_logins()->set_total(12);
  metrics.mutable_logins()->set_active_days(5);
  v1::PeriodMetrics& previous = *report.mutable_previous_metrics();
  previous.mutable_conversations()->set_count(29);
  previous.mutable_logins()->set_total(15);

  v1::ProjectRow& panel = *report.add_projects();
  panel.set_name("Jongerenpanel 2026");
  panel.set_conversations(15);
  v1::ProjectRow& buurt = *report.add_projects();
  buurt.set_name("Buurt");
  buurt.set_conversations(20);
  buurt.add_tags("Ronde 3");

  // 2026-11-17 10:00 and 2026-11-29 10:00 UTC: 20,774 and 20,786 days
  // after 1970-01-01, plus 36,000 s.
  report.mutable_activity()->mutable_first_activity()->set_seconds(1794909600);
  report.mutable_activity()->mutable_last_activity()->set_seconds(1795946400);

  v1::FindingFigure& figure =
      *report.mutable_insights()->add_findings()->add_figures();
  figure.set_value(200.7);
  figure.set_unit("percent");
  return report;
}

std::vector<std::string> Unmatched(const std::string& text) {
  ReportFigures figures = CollectFigures(KindsTestReport());
  std::vector<std::string> texts;
  for (const NumberMention& mention : FindUnmatchedNumbers(text, figures)) {
    texts.push_back(mention.text);
  }
  return texts;
}

struct KindsCase {
  std::string text;
  std::vector<std::string> unmatched;
};

class NumberCheckKindsTest : public ::testing::TestWithParam<KindsCase> {};

TEST_P(NumberCheckKindsTest, FindsUnmatchedNumbers) {
  EXPECT_EQ(Unmatched(GetParam().text), GetParam().unmatched);
}

INSTANTIATE_TEST_SUITE_P(
    HonestSentences, NumberCheckKindsTest,
    ::testing::Values(
        // The 2026 of the project's name is no number.
        KindsCase{"Jongerenpanel 2026 held 15 of the 35 conversations.", {}},
        KindsCase{"JONGERENPANEL 2026 led; Buurt had the tag Ronde 3.", {}},
        KindsCase{"The 2026 activity is consistent.", {}},
        KindsCase{"Q4 2026 so far", {}},
        KindsCase{"12 logins on 5 active days", {}},
        KindsCase{"35 recorded conversations and 36 chat messages", {}},
        // 8,640 s = 144 min = 2.4 h.
        KindsCase{"2.4 hours or 144 minutes of audio", {}},
        // Logins went from 15 to 12: -20 %; conversations +20.69 %.
        KindsCase{"Logins were down 20 %, conversations rose 21 %.", {}},
        KindsCase{"Conversations grew by +20.7 %.", {}},
        KindsCase{"on November 17th, 17th November and the 17th of November",
                  {}},
        KindsCase{"on 29/11 and 29/11/2026", {}},
        // 200.7 rounds to 200 at the hundreds with a hedge.
        KindsCase{"about 200 % of the target", {}}));

INSTANTIATE_TEST_SUITE_P(
    WrongNumbers, NumberCheckKindsTest,
    ::testing::Values(
        // 36 is the messages, not the conversations.
        KindsCase{"36 conversations", {"36"}},
        KindsCase{"2026 conversations", {"2026"}},
        // 35 is the conversations, not the logins.
        KindsCase{"35 logins", {"35"}},
        // 36 is no duration: 144 min, 2.4 h, 2 h 24 min.
        KindsCase{"36 hours of audio", {"36 hours"}},
        KindsCase{"35 % of the chats", {"35 %"}},
        // No change rounds to -21 %, and logins fell, not rose, by 20 %.
        KindsCase{"Conversations were down 21 %.", {"21 %"}},
        KindsCase{"Logins were up 20 %.", {"20 %"}},
        KindsCase{"on November 18th and 18/11", {"November 18th", "18/11"}},
        KindsCase{"on 17/11/2025", {"17/11/2025"}},
        // Without a hedge 200 must round 200.7 at the units.
        KindsCase{"200 % of the target, about 300 %", {"200 %", "300 %"}}));

}  // namespace
}  // namespace usage::insights
