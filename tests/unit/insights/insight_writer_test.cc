#include "insights/insight_writer.h"

#include <deque>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "insights/answer.h"
#include "insights/findings.h"
#include "insights/template_summary.h"
#include "llm_test_report.h"

namespace usage::insights {
namespace {

namespace v1 = echo::usage::v1;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// An LlmClient that returns scripted completions in order and records the
// requests.
class ScriptedLlm : public llm::LlmClient {
 public:
  explicit ScriptedLlm(std::deque<llm::Completion> replies)
      : replies_(std::move(replies)) {}

  llm::Completion Complete(const llm::CompletionRequest& request,
                           absl::Time deadline,
                           const CallContext* context) override {
    requests.push_back(request);
    deadlines.push_back(deadline);
    if (replies_.empty())
      return {llm::CompletionOutcome::kUnavailable, "", "no script"};
    llm::Completion reply = replies_.front();
    replies_.pop_front();
    return reply;
  }

  std::vector<llm::CompletionRequest> requests;
  std::vector<absl::Time> deadlines;

 private:
  std::deque<llm::Completion> replies_;
};

llm::Completion Text(std::string text) {
  return {llm::CompletionOutcome::kText, std::move(text), ""};
}

constexpr char kGoodAnswer[] =
    "## Executive summary\nConversations rose 55.6 % to 14 in March 2026.\n\n"
    "It means steady use.\n\n## Insights\n- 3,910 hours of audio.\n"
    "- 250 messages.";
constexpr char kWrongAnswer[] =
    "## Executive summary\nThe account held 4,200 conversations.\n\n"
    "## Insights\n- 3,910 hours of audio.";

const absl::Time kDeadline = absl::FromUnixSeconds(4102444800);

TEST(InsightWriterTest, NotRequestedMakesNoCall) {
  v1::UsageReport report = testing::LlmTestReport();
  ScriptedLlm llm({Text(kGoodAnswer)});
  AddInsights(report, false, &llm, kDeadline, nullptr);
  EXPECT_TRUE(llm.requests.empty());
  EXPECT_EQ(report.provenance().insight_status(),
            v1::INSIGHT_STATUS_NOT_REQUESTED);
  EXPECT_EQ(report.insights().executive_summary().source(),
            v1::SUMMARY_SOURCE_TEMPLATE);
  EXPECT_EQ(report.insights().findings_size(),
            static_cast<int>(DeriveFindings(testing::LlmTestReport()).size()));
  EXPECT_EQ(report.insights().narrative_markdown(), "");
}

TEST(InsightWriterTest, NullClientIsNotConfigured) {
  v1::UsageReport report = testing::LlmTestReport();
  AddInsights(report, true, nullptr, kDeadline, nullptr);
  EXPECT_EQ(report.provenance().insight_status(),
            v1::INSIGHT_STATUS_NOT_CONFIGURED);
  EXPECT_THAT(report.provenance().insight_status_detail(),
              HasSubstr("LLM__TEXT_FAST__MODEL"));
  EXPECT_EQ(report.insights().executive_summary().source(),
            v1::SUMMARY_SOURCE_TEMPLATE);
  EXPECT_FALSE(report.insights().executive_summary().markdown().empty());
}

TEST(InsightWriterTest, MatchingAnswerIsGenerated) {
  v1::UsageReport report = testing::LlmTestReport();
  ScriptedLlm llm({Text(kGoodAnswer)});
  AddInsights(report, true, &llm, kDeadline, nullptr);
  ASSERT_EQ(llm.requests.size(), 1u);
  EXPECT_EQ(llm.deadlines[0], kDeadline);
  EXPECT_EQ(report.provenance().insight_status(), v1::INSIGHT_STATUS_GENERATED);
  EXPECT_EQ(report.insights().executive_summary().source(),
            v1::SUMMARY_SOURCE_LLM);
  EXPECT_EQ(report.insights().executive_summary().markdown(),
            "Conversations rose 55.6 % to 14 in March 2026.\n\n"
            "It means steady use.");
  EXPECT_EQ(report.insights().narrative_markdown(),
            "- 3,910 hours of audio.\n- 250 messages.");
  EXPECT_THAT(report.insights().unverified_numbers(), IsEmpty());
}

TEST(InsightWriterTest, UnavailableKeepsTemplateAndDetail) {
  v1::UsageReport report = testing::LlmTestReport();
  ScriptedLlm llm(
      {{llm::CompletionOutcome::kUnavailable, "", "timed out after 30 s"}});
  AddInsights(report, true, &llm, kDeadline, nullptr);
  EXPECT_EQ(report.provenance().insight_status(),
            v1::INSIGHT_STATUS_UNAVAILABLE);
  EXPECT_EQ(report.provenance().insight_status_detail(),
            "timed out after 30 s");
  EXPECT_EQ(report.insights().executive_summary().markdown(),
            TemplateSummary(report).markdown());
  EXPECT_GT(report.insights().findings_size() +
                static_cast<int>(
                    report.insights().executive_summary().markdown().size()),
            0);
}

TEST(InsightWriterTest, FilteredKeepsTemplate) {
  v1::UsageReport report = testing::LlmTestReport();
  ScriptedLlm llm({{llm::CompletionOutcome::kFiltered, "",
                    "the content filter blocked the request"}});
  AddInsights(report, true, &llm, kDeadline, nullptr);
  EXPECT_EQ(report.provenance().insight_status(), v1::INSIGHT_STATUS_FILTERED);
  EXPECT_EQ(report.insights().executive_summary().source(),
            v1::SUMMARY_SOURCE_TEMPLATE);
  EXPECT_EQ(llm.requests.size(), 1u);
}

TEST(InsightWriterTest, EmptySummaryIsUnavailable) {
  v1::UsageReport report = testing::LlmTestReport();
  ScriptedLlm llm({Text("## Executive summary\n\n## Insights\n- A")});
  AddInsights(report, true, &llm, kDeadline, nullptr);
  EXPECT_EQ(report.provenance().insight_status(),
            v1::INSIGHT_STATUS_UNAVAILABLE);
  EXPECT_EQ(report.insights().executive_summary().source(),
            v1::SUMMARY_SOURCE_TEMPLATE);
}

TEST(InsightWriterTest, RetryThatCorrectsIsGenerated) {
  v1::UsageReport report = testing::LlmTestReport();
  ScriptedLlm llm({Text(kWrongAnswer), Text(kGoodAnswer)});
  AddInsights(report, true, &llm, kDeadline, nullptr);
  ASSERT_EQ(llm.requests.size(), 2u);
  const std::vector<llm::ChatMessage>& retry = llm.requests[1].messages;
  ASSERT_EQ(retry.size(), 4u);
  EXPECT_EQ(retry[2].role, "assistant");
  EXPECT_THAT(retry[3].content, HasSubstr("\"4,200\""));
  EXPECT_EQ(report.provenance().insight_status(), v1::INSIGHT_STATUS_GENERATED);
  EXPECT_THAT(report.insights().unverified_numbers(), IsEmpty());
}

TEST(InsightWriterTest, WrongAgainIsUnverifiedWithMarks) {
  v1::UsageReport report = testing::LlmTestReport();
  ScriptedLlm llm({Text(kWrongAnswer), Text(kWrongAnswer)});
  AddInsights(report, true, &llm, kDeadline, nullptr);
  EXPECT_EQ(llm.requests.size(), 2u);
  EXPECT_EQ(report.provenance().insight_status(),
            v1::INSIGHT_STATUS_UNVERIFIED);
  EXPECT_THAT(report.provenance().insight_status_detail(), HasSubstr("4,200"));
  EXPECT_THAT(report.insights().unverified_numbers(), ElementsAre("4,200"));
  EXPECT_EQ(report.insights().executive_summary().markdown(),
            "The account held 4,200 (unverified) conversations.");
  EXPECT_EQ(report.insights().executive_summary().source(),
            v1::SUMMARY_SOURCE_LLM);
  EXPECT_EQ(report.insights().narrative_markdown(), "- 3,910 hours of audio.");
}

TEST(InsightWriterTest, FailedRetryKeepsFirstAnswerMarked) {
  v1::UsageReport report = testing::LlmTestReport();
  ScriptedLlm llm({Text(kWrongAnswer),
                   {llm::CompletionOutcome::kUnavailable, "", "HTTP 503"}});
  AddInsights(report, true, &llm, kDeadline, nullptr);
  EXPECT_EQ(report.provenance().insight_status(),
            v1::INSIGHT_STATUS_UNVERIFIED);
  EXPECT_THAT(report.provenance().insight_status_detail(),
              HasSubstr("HTTP 503"));
  EXPECT_THAT(report.insights().executive_summary().markdown(),
              HasSubstr("4,200 (unverified)"));
}

TEST(InsightWriterTest, AnswerWithoutHeadingsIsSummaryOnly) {
  v1::UsageReport report = testing::LlmTestReport();
  ScriptedLlm llm({Text("14 conversations in March 2026.")});
  AddInsights(report, true, &llm, kDeadline, nullptr);
  EXPECT_EQ(report.provenance().insight_status(), v1::INSIGHT_STATUS_GENERATED);
  EXPECT_EQ(report.insights().executive_summary().markdown(),
            "14 conversations in March 2026.");
  EXPECT_EQ(report.insights().narrative_markdown(), "");
}

TEST(InsightWriterTest, LinkTargetsAndImagesAreDroppedBeforeTheCheck) {
  v1::UsageReport report = testing::LlmTestReport();
  // 9 and 4321 are no figures of the report; inside targets they must
  // neither be marked nor count against the answer.
  ScriptedLlm llm({Text(
      "## Executive summary\n14 conversations ![img](http://127.0.0.1:9/x.png)"
      "in [the list](http://127.0.0.1:9/p/4321 (t)).\n\n## Insights\n"
      "- 250 messages.")});
  AddInsights(report, true, &llm, kDeadline, nullptr);
  EXPECT_EQ(llm.requests.size(), 1u);
  EXPECT_EQ(report.provenance().insight_status(), v1::INSIGHT_STATUS_GENERATED);
  EXPECT_EQ(report.insights().executive_summary().markdown(),
            "14 conversations in [the list].");
  EXPECT_THAT(report.insights().unverified_numbers(), IsEmpty());
}

TEST(StripLinkTargetsTest, KeepsTextWithoutCompleteTargets) {
  EXPECT_EQ(StripLinkTargets("a [b](c) d"), "a [b] d");
  EXPECT_EQ(StripLinkTargets("![x](y)z"), "z");
  // A target that the line does not close stays.
  EXPECT_EQ(StripLinkTargets("[b](c\n)"), "[b](c\n)");
  EXPECT_EQ(StripLinkTargets("f(x) = [1, 2]"), "f(x) = [1, 2]");
}

}  // namespace
}  // namespace usage::insights
