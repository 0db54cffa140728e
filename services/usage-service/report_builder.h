// Builds usage reports: resolves the selected users and the period, fetches
// the records from the data source and computes the figures.
#ifndef USAGE_SERVICE_REPORT_BUILDER_H_
#define USAGE_SERVICE_REPORT_BUILDER_H_

#include <atomic>
#include <functional>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "echo/usage/v1/usage_service.pb.h"
#include "llm/llm_client.h"
#include "report_request.h"
#include "source/call_context.h"
#include "source/data_source.h"

namespace usage {

// The LLM settings of a report builder.
struct ReportInsightOptions {
  // The LLM; null when none is configured. Must outlive the builder.
  llm::LlmClient* llm = nullptr;
  // Time the LLM gets per report. It also ends 2 s before the call's
  // deadline, so that the report arrives in time without the LLM's texts.
  absl::Duration llm_timeout = absl::Seconds(30);
  // LLM calls in progress at the same time. A report that would exceed it
  // gets insight status UNAVAILABLE at once, without waiting.
  int max_concurrent_llm_calls = 4;
};

// Builds reports from one data source. Thread-safe when the source and the
// LLM client are.
class ReportBuilder {
 public:
  ReportBuilder(DataSource& source, echo::usage::v1::DataSourceKind kind,
                ReportInsightOptions insights = {})
      : source_(source), kind_(kind), insights_(insights) {}

  // Returns the report for `request`, or an error; never a partial report.
  // Rule findings and the executive summary are always filled; an LLM
  // failure only shows in provenance.insight_status, never as an error.
  // NOT_FOUND names every user reference that matches no user. Reports
  // progress to `context` in three steps: "resolve_users" (0 then 1 of 1),
  // "fetch" (from the data source) and "compute" (0 then 1 of 1).
  // `figures_done`, when set, is called once the figures are complete and
  // before the LLM step, so the caller can free what only the figures need.
  absl::StatusOr<echo::usage::v1::UsageReport> Build(
      const ReportRequest& request, const CallContext& context,
      const std::function<void()>& figures_done = nullptr);

  // Returns the users named by `references`, each once, in request order.
  // Returns NOT_FOUND naming every reference that matches no user.
  absl::StatusOr<std::vector<User>> ResolveUsers(
      const std::vector<UserReference>& references,
      const CallContext& context);

 private:
  // Fills the report's insights, asking the LLM when `requested`, one is
  // configured and fewer than max_concurrent_llm_calls calls are in
  // progress, and logs the LLM's outcome.
  void AddReportInsights(bool requested, const CallContext& context,
                         echo::usage::v1::UsageReport& report);

  DataSource& source_;
  echo::usage::v1::DataSourceKind kind_;
  ReportInsightOptions insights_;
  std::atomic<int> llm_calls_{0};
};

}  // namespace usage

#endif  // USAGE_SERVICE_REPORT_BUILDER_H_
