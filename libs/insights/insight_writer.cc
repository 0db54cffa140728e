#include "insights/insight_writer.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "insights/answer.h"
#include "insights/findings.h"
#include "insights/number_check.h"
#include "insights/prompt.h"
#include "insights/report_figures.h"
#include "insights/template_summary.h"

namespace usage::insights {
namespace {

namespace v1 = echo::usage::v1;

void SetStatus(v1::UsageReport& report, v1::InsightStatus status,
               std::string detail) {
  v1::Provenance& provenance = *report.mutable_provenance();
  provenance.set_insight_status(status);
  provenance.set_insight_status_detail(std::move(detail));
}

// An LLM answer after the split and the number check.
struct CheckedAnswer {
  InsightAnswer parts;
  std::vector<NumberMention> summary_unmatched;
  std::vector<NumberMention> narrative_unmatched;

  bool all_matched() const {
    return summary_unmatched.empty() && narrative_unmatched.empty();
  }
  std::vector<std::string> unmatched_texts() const {
    std::vector<std::string> texts;
    for (const auto* list : {&summary_unmatched, &narrative_unmatched}) {
      for (const NumberMention& mention : *list) {
        texts.push_back(mention.text);
      }
    }
    return texts;
  }
};

CheckedAnswer Check(const std::string& text, const ReportFigures& figures) {
  CheckedAnswer checked;
  // Link targets and images go first: the number check would mark numbers
  // inside URLs and so break them.
  checked.parts = SplitAnswer(StripLinkTargets(text));
  checked.summary_unmatched =
      FindUnmatchedNumbers(checked.parts.summary, figures);
  checked.narrative_unmatched =
      FindUnmatchedNumbers(checked.parts.narrative, figures);
  return checked;
}

// Puts the LLM's texts into the report, marking unmatched numbers.
void UseAnswer(const CheckedAnswer& answer, v1::UsageReport& report) {
  v1::Insights& insights = *report.mutable_insights();
  v1::ExecutiveSummary& summary = *insights.mutable_executive_summary();
  summary.set_source(v1::SUMMARY_SOURCE_LLM);
  summary.set_markdown(
      MarkUnverified(answer.parts.summary, answer.summary_unmatched));
  insights.set_narrative_markdown(
      MarkUnverified(answer.parts.narrative, answer.narrative_unmatched));
  for (const std::string& text : answer.unmatched_texts()) {
    insights.add_unverified_numbers(text);
  }
}

std::string UnverifiedDetail(const std::vector<std::string>& numbers,
                             absl::string_view why) {
  std::string count = numbers.size() == 1
                          ? std::string("1 number matches")
                          : absl::StrCat(numbers.size(), " numbers match");
  return absl::StrCat(count, " no figure of the report ", why, ": ",
                      absl::StrJoin(numbers, ", "));
}

}  // namespace

void AddInsights(v1::UsageReport& report, bool llm_requested,
                 llm::LlmClient* client, absl::Time deadline,
                 const CallContext* context) {
  // Rules and the template come first: every report has them, and the
  // template reads the findings.
  v1::Insights& insights = *report.mutable_insights();
  insights.Clear();
  for (v1::Finding& finding : DeriveFindings(report)) {
    *insights.add_findings() = std::move(finding);
  }
  *insights.mutable_executive_summary() = TemplateSummary(report);

  if (!llm_requested) {
    SetStatus(report, v1::INSIGHT_STATUS_NOT_REQUESTED, "");
    return;
  }
  if (client == nullptr) {
    SetStatus(report, v1::INSIGHT_STATUS_NOT_CONFIGURED,
              "no LLM is configured: set LLM__TEXT_FAST__MODEL and "
              "LLM__TEXT_FAST__API_KEY");
    return;
  }

  llm::CompletionRequest request;
  request.messages = BuildInsightPrompt(report);
  llm::Completion completion = client->Complete(request, deadline, context);
  if (completion.outcome == llm::CompletionOutcome::kFiltered) {
    SetStatus(report, v1::INSIGHT_STATUS_FILTERED, completion.detail);
    return;
  }
  if (completion.outcome == llm::CompletionOutcome::kUnavailable) {
    SetStatus(report, v1::INSIGHT_STATUS_UNAVAILABLE, completion.detail);
    return;
  }
  const ReportFigures figures = CollectFigures(report);
  CheckedAnswer first = Check(completion.text, figures);
  if (first.parts.summary.empty()) {
    SetStatus(report, v1::INSIGHT_STATUS_UNAVAILABLE,
              "the LLM's answer has no executive summary");
    return;
  }
  if (first.all_matched()) {
    UseAnswer(first, report);
    SetStatus(report, v1::INSIGHT_STATUS_GENERATED, "");
    return;
  }

  // One retry that points out the numbers; its answer replaces the first
  // one when it has a summary.
  request.messages =
      BuildRetryPrompt(report, completion.text, first.unmatched_texts());
  llm::Completion retry = client->Complete(request, deadline, context);
  if (retry.outcome == llm::CompletionOutcome::kText) {
    CheckedAnswer second = Check(retry.text, figures);
    if (!second.parts.summary.empty()) {
      UseAnswer(second, report);
      if (second.all_matched()) {
        SetStatus(report, v1::INSIGHT_STATUS_GENERATED, "");
      } else {
        SetStatus(
            report, v1::INSIGHT_STATUS_UNVERIFIED,
            UnverifiedDetail(second.unmatched_texts(), "after one retry"));
      }
      return;
    }
  }
  UseAnswer(first, report);
  SetStatus(report, v1::INSIGHT_STATUS_UNVERIFIED,
            UnverifiedDetail(
                first.unmatched_texts(),
                absl::StrCat("and the retry failed (",
                             retry.outcome == llm::CompletionOutcome::kText
                                 ? "no executive summary"
                                 : retry.detail,
                             ")")));
}

}  // namespace usage::insights
