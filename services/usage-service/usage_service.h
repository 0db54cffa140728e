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
#include "report_builder.h"
#include "source/data_source.h"

namespace usage {

// Limits of the service.
struct ServiceLimits {
  // Deadline for calls that arrive without one.
  absl::Duration default_deadline = absl::Seconds(120);
  // Reports built at the same time; more get RESOURCE_EXHAUSTED.
  int max_concurrent_reports = 16;
  // Accepted caller tokens; empty accepts every caller.
  std::vector<std::string> caller_tokens;
};

// Serves reports from one data source. Thread-safe.
class UsageServiceImpl final : public echo::usage::v1::UsageService::Service {
 public:
  UsageServiceImpl(DataSource& source,
                   echo::usage::v1::DataSourceKind source_kind,
                   ServiceLimits limits);

  grpc::Status SearchUsers(
      grpc::ServerContext* context,
      const echo::usage::v1::SearchUsersRequest* request,
      echo::usage::v1::SearchUsersResponse* response) override;

  grpc::Status GetUsageReport(
      grpc::ServerContext* context,
      const echo::usage::v1::GetUsageReportRequest* request,
      echo::usage::v1::GetUsageReportResponse* response) override;

  grpc::Status RenderPdf(
      grpc::ServerContext* context,
      const echo::usage::v1::RenderPdfRequest* request,
      grpc::ServerWriter<echo::usage::v1::RenderPdfResponse>* writer) override;

 private:
  // Validates the selection and builds its report within the concurrency
  // limit.
  absl::StatusOr<echo::usage::v1::UsageReport> BuildReport(
      const echo::usage::v1::GetUsageReportRequest& request,
      const CallContext& context);

  DataSource& source_;
  ReportBuilder builder_;
  CallerAuth auth_;
  ServiceLimits limits_;
  std::atomic<int> reports_in_flight_{0};
};

}  // namespace usage

#endif  // USAGE_SERVICE_USAGE_SERVICE_H_
