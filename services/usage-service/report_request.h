// Validation of report requests at the edge of the service, so that the
// rest of the code receives only well-formed selections.
#ifndef USAGE_SERVICE_REPORT_REQUEST_H_
#define USAGE_SERVICE_REPORT_REQUEST_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "echo/usage/v1/usage_service.pb.h"
#include "period/period.h"

namespace usage {

// Maximum number of users in one report.
inline constexpr int kMaxUsersPerReport = 50;

// A user as the caller named it.
struct UserReference {
  bool by_email = false;
  std::string value;  // a UUID, or an email
};

// A validated GetUsageReportRequest.
struct ReportRequest {
  std::vector<UserReference> users;  // each reference once, request order
  PeriodRequest period;
  std::string time_zone_name;  // "UTC" when the request left it empty
  absl::TimeZone time_zone;
  absl::Time as_of;
  bool include_insights = false;
};

// Validates `request`. `now` replaces an unset as_of. Returns
// INVALID_ARGUMENT naming the bad value: an empty selection, more than
// kMaxUsersPerReport distinct ids or distinct emails (a selection that
// mixes both is counted after resolving), a selector without a value, a
// malformed user id, a bad period, an unknown time zone, or a date or as_of
// outside the years 1900 to 9000.
absl::StatusOr<ReportRequest> ValidateReportRequest(
    const echo::usage::v1::GetUsageReportRequest& request, absl::Time now);

}  // namespace usage

#endif  // USAGE_SERVICE_REPORT_REQUEST_H_
