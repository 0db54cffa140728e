// The gRPC implementation of echo.usage.v1.UsageService.
#ifndef USAGE_SERVICE_USAGE_SERVICE_H_
#define USAGE_SERVICE_USAGE_SERVICE_H_

#include <atomic>
#include <memory>

#include "absl/time/time.h"
#include <string>
#include <vector>

#include "caller_auth.h"
#include "echo/usage/v1/usage_service.grpc.pb.h"
#include "metrics/excluded_accounts.h"
#include "report_builder.h"
#include "source/data_source.h"

namespace usage {

// Limits of the service.
struct ServiceLimits {
  // Deadline for calls that arrive without one.
  absl::Duration default_deadline = absl::Seconds(120);
  // Reports whose figures are built at the same time; more get
  // RESOURCE_EXHAUSTED. The LLM step after the figures is not counted.
  int max_concurrent_reports = 16;
  // Accepted caller tokens; empty accepts every caller.
  std::vector<std::string> caller_tokens;
  // Accounts the leaderboard leaves out, as entries of
  // USAGE_EXCLUDED_ACCOUNTS.
  std::vector<std::string> excluded_accounts;
};

// Serves reports from one data source. Thread-safe.
class UsageServiceImpl final : public echo::usage::v1::UsageService::Service {
 public:
  UsageServiceImpl(DataSource& source,
                   echo::usage::v1::DataSourceKind source_kind,
                   ServiceLimits limits, ReportInsightOptions insights = {});

  grpc::Status SearchUsers(
      grpc::ServerContext* context,
      const echo::usage::v1::SearchUsersRequest* request,
      echo::usage::v1::SearchUsersResponse* response) override;

  grpc::Status GetUsageReport(
      grpc::ServerContext* context,
      const echo::usage::v1::GetUsageReportRequest* request,
      echo::usage::v1::GetUsageReportResponse* response) override;

  // Sends the progress of the report, then the report. Fails like
  // GetUsageReport, and cancels the fetch when the caller leaves.
  grpc::Status StreamUsageReport(
      grpc::ServerContext* context,
      const echo::usage::v1::GetUsageReportRequest* request,
      grpc::ServerWriter<echo::usage::v1::StreamUsageReportResponse>* writer)
      override;

  // Ranks the platform's users, organisations and projects. Counts against
  // the same concurrency limit as reports.
  grpc::Status GetLeaderboard(
      grpc::ServerContext* context,
      const echo::usage::v1::GetLeaderboardRequest* request,
      echo::usage::v1::GetLeaderboardResponse* response) override;

  grpc::Status RenderPdf(
      grpc::ServerContext* context,
      const echo::usage::v1::RenderPdfRequest* request,
      grpc::ServerWriter<echo::usage::v1::RenderPdfResponse>* writer) override;

  // Sends the HTML file's metadata, then its bytes in chunks of at most
  // 1 MiB. Fails like GetUsageReport.
  grpc::Status RenderHtml(
      grpc::ServerContext* context,
      const echo::usage::v1::RenderHtmlRequest* request,
      grpc::ServerWriter<echo::usage::v1::RenderHtmlResponse>* writer)
      override;

 private:
  // Validates the selection and builds its report within the concurrency
  // limit.
  absl::StatusOr<echo::usage::v1::UsageReport> BuildReport(
      const echo::usage::v1::GetUsageReportRequest& request,
      const CallContext& context);

  // Validates the request and builds the leaderboard within the
  // concurrency limit.
  absl::StatusOr<echo::usage::v1::GetLeaderboardResponse> RankPlatform(
      const echo::usage::v1::GetLeaderboardRequest& request,
      const CallContext& context);

  DataSource& source_;
  ReportBuilder builder_;
  CallerAuth auth_;
  ServiceLimits limits_;
  ExcludedAccounts excluded_;  // from limits_.excluded_accounts
  std::atomic<int> reports_in_flight_{0};
};

}  // namespace usage

#endif  // USAGE_SERVICE_USAGE_SERVICE_H_
