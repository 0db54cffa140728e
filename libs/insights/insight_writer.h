// Fills the insight layer of a usage report: rule findings, the executive
// summary and, when an LLM is configured and requested, its narrative.
#ifndef USAGE_INSIGHTS_INSIGHT_WRITER_H_
#define USAGE_INSIGHTS_INSIGHT_WRITER_H_

#include "absl/time/time.h"
#include "echo/usage/v1/usage_service.pb.h"
#include "llm/llm_client.h"
#include "source/call_context.h"

namespace usage::insights {

// Fills report.insights() and provenance.insight_status and
// insight_status_detail of a report whose figures are complete.
//
// The findings come from DeriveFindings and are always set. The executive
// summary is TemplateSummary's unless the LLM writes one. Statuses:
// - NOT_REQUESTED: `llm_requested` is false; no LLM call.
// - NOT_CONFIGURED: `client` is null.
// - UNAVAILABLE: the client returned no text, or text without a summary;
//   the detail is the client's reason.
// - FILTERED: the provider's content filter blocked the prompt or answer.
// - GENERATED: the LLM's summary and narrative, every number in them
//   matching a figure of the report (FindUnmatchedNumbers).
// - UNVERIFIED: numbers still unmatched after one retry that lists them
//   (or after a retry that failed); the texts carry " (unverified)" after
//   each such number, and insights.unverified_numbers lists them.
// The LLM gets until `deadline`, which the caller sets early enough for
// the report to arrive in time; the retry shares it. Never fails.
void AddInsights(echo::usage::v1::UsageReport& report, bool llm_requested,
                 llm::LlmClient* client, absl::Time deadline,
                 const CallContext* context);

}  // namespace usage::insights

#endif  // USAGE_INSIGHTS_INSIGHT_WRITER_H_
