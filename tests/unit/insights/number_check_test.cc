#include "insights/number_check.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "insights/report_figures.h"
#include "llm_test_report.h"

namespace usage::insights {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> Unmatched(const std::string& text) {
  ReportFigures figures = CollectFigures(testing::LlmTestReport());
  std::vector<std::string> texts;
  for (const NumberMention& mention : FindUnmatchedNumbers(text, figures)) {
    texts.push_back(mention.text);
  }
  return texts;
}

struct CheckCase {
  std::string text;
  std::vector<std::string> unmatched;
};

class NumberCheckTest : public ::testing::TestWithParam<CheckCase> {};

TEST_P(NumberCheckTest, FindsUnmatchedNumbers) {
  EXPECT_EQ(Unmatched(GetParam().text), GetParam().unmatched);
}

// The report's figures are in llm_test_report.h.
INSTANTIATE_TEST_SUITE_P(
    Matched, NumberCheckTest,
    ::testing::Values(
        // 14,074,920 s = 3909.7 h, shown without decimals.
        CheckCase{"3,910 hours of audio", {}}, CheckCase{"3909.7 h", {}},
        // 234,582 minutes.
        CheckCase{"234,582 min", {}},
        // (14 - 9) / 9 * 100 = 55.555...
        CheckCase{"conversations rose +55.6 % to 14", {}},
        CheckCase{"up 56% from 9", {}}, CheckCase{"55.56 percent", {}},
        // 10 of 14 conversations: 71.43 %.
        CheckCase{"the top project holds 71.4 % of them", {}},
        CheckCase{"250 messages in 20 sessions", {}},
        CheckCase{"31 days since the last activity", {}},
        CheckCase{"In March 2026, from 1 March to 2026-03-30", {}},
        CheckCase{"from March 1, 2026 to March 30", {}},
        CheckCase{"in 2026", {}},
        // Rounded to the tens of thousands: 14,074,920 -> 14,070,000.
        CheckCase{"about 14,070,000 seconds", {}},
        // List numbers, small counts and ordinals need no figure.
        CheckCase{"1. First\n2. Second\n3. Third", {}},
        CheckCase{"the 90th percentile, 2 paragraphs", {}},
        CheckCase{"User 2 and p90 and Q4 and gpt-4o", {}}));

INSTANTIATE_TEST_SUITE_P(
    Unmatched, NumberCheckTest,
    ::testing::Values(CheckCase{"4,200 conversations", {"4,200"}},
                      CheckCase{"3,920 hours", {"3,920 hours"}},
                      CheckCase{"rose +61.2 % to 14", {"+61.2 %"}},
                      CheckCase{"97.5% of chats", {"97.5%"}},
                      CheckCase{"12.5 min", {"12.5 min"}},
                      CheckCase{"since April 2026", {"April 2026"}},
                      CheckCase{"on 2026-04-02", {"2026-04-02"}},
                      CheckCase{"on 5 May", {"5 May"}},
                      CheckCase{"in 2019", {"2019"}},
                      CheckCase{"at 14:00", {"14:00"}},
                      CheckCase{"2 of 4,200 and 55.6 and 999",
                                {"4,200", "999"}}));

TEST(NumberCheckMarkTest, AppendsMarkAfterEachUnmatchedNumber) {
  ReportFigures figures = CollectFigures(testing::LlmTestReport());
  std::string text = "14 conversations, 4,200 hours and +61.2 % growth.";
  std::vector<NumberMention> unmatched = FindUnmatchedNumbers(text, figures);
  ASSERT_EQ(unmatched.size(), 2u);
  EXPECT_EQ(MarkUnverified(text, unmatched),
            "14 conversations, 4,200 hours (unverified) and +61.2 % "
            "(unverified) growth.");
}

TEST(NumberCheckMarkTest, TextWithoutUnmatchedIsUnchanged) {
  EXPECT_EQ(MarkUnverified("14 conversations", {}), "14 conversations");
}

TEST(NumberCheckFiguresTest, FindingFiguresMatch) {
  echo::usage::v1::UsageReport report = testing::LlmTestReport();
  echo::usage::v1::Finding& finding =
      *report.mutable_insights()->add_findings();
  finding.add_figures()->set_value(123.4);
  ReportFigures figures = CollectFigures(report);
  EXPECT_THAT(FindUnmatchedNumbers("123.4 and 123", figures), IsEmpty());
}

}  // namespace
}  // namespace usage::insights
