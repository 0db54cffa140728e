// Builds usage reports: resolves the selected users and the period, fetches
// the records from the data source and computes the figures.
#ifndef USAGE_SERVICE_REPORT_BUILDER_H_
#define USAGE_SERVICE_REPORT_BUILDER_H_

#include <vector>

#include "absl/status/statusor.h"
#include "echo/usage/v1/usage_service.pb.h"
#include "report_request.h"
#include "source/call_context.h"
#include "source/data_source.h"

namespace usage {

// Builds reports from one data source. Thread-safe when the source is.
class ReportBuilder {
 public:
  ReportBuilder(DataSource& source, echo::usage::v1::DataSourceKind kind)
      : source_(source), kind_(kind) {}

  // Returns the report for `request`, or an error; never a partial report.
  // NOT_FOUND names every user reference that matches no user. Reports
  // progress to `context` in three steps: "resolve_users" (0 then 1 of 1),
  // "fetch" (from the data source) and "compute" (0 then 1 of 1).
  absl::StatusOr<echo::usage::v1::UsageReport> Build(
      const ReportRequest& request, const CallContext& context);

  // Returns the users named by `references`, each once, in request order.
  // Returns NOT_FOUND naming every reference that matches no user.
  absl::StatusOr<std::vector<User>> ResolveUsers(
      const std::vector<UserReference>& references,
      const CallContext& context);

 private:
  DataSource& source_;
  echo::usage::v1::DataSourceKind kind_;
};

}  // namespace usage

#endif  // USAGE_SERVICE_REPORT_BUILDER_H_
