// Conversion of computed usage metrics into the UsageReport message.
#ifndef USAGE_SERVICE_REPORT_PROTO_H_
#define USAGE_SERVICE_REPORT_PROTO_H_

#include <string>
#include <vector>

#include "absl/time/time.h"
#include "echo/usage/v1/usage_service.pb.h"
#include "metrics/metrics.h"
#include "period/period.h"
#include "records/records.h"

namespace usage {

// Sets `out` to `t`.
void SetTimestamp(absl::Time t, google::protobuf::Timestamp& out);

// Fills `out` from `period`. An all-time period has no dates or instants,
// and its days are `effective_days`.
void FillPeriod(const Period& period, int effective_days,
                echo::usage::v1::ResolvedPeriod& out);

// Converts a user record.
echo::usage::v1::User ToProto(const User& user);

// Fills the figures, trends, adoption, activity, projects, data-quality
// notes, query topics, timeline and per-user breakdowns of `report` from
// `metrics`. `period_notes` are the notes of the resolved period, such as a
// clamped end date. Dates are formatted as YYYY-MM-DD and months as
// YYYY-MM.
void FillReport(const UsageMetrics& metrics, const ResolvedPeriods& periods,
                const std::vector<std::string>& period_notes,
                echo::usage::v1::UsageReport& report);

}  // namespace usage

#endif  // USAGE_SERVICE_REPORT_PROTO_H_
