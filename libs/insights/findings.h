// Rule findings: deterministic observations derived from a finished usage
// report, such as sharp trend breaks, dormancy or a shared account.
#ifndef USAGE_INSIGHTS_FINDINGS_H_
#define USAGE_INSIGHTS_FINDINGS_H_

#include <vector>

#include "echo/usage/v1/usage_service.pb.h"

namespace usage::insights {

// Returns the rule findings for `report`, most severe first (ties in
// FindingKind order, and rules that find several things keep their own
// order). Reads the report's figures only, never report.insights(). Reports
// without a previous period (all time) get no findings that compare with
// one. Figures that are missing or 0 in both periods give no finding. The
// thresholds are in insights/thresholds.h. Pure and thread-safe.
std::vector<echo::usage::v1::Finding> DeriveFindings(
    const echo::usage::v1::UsageReport& report);

}  // namespace usage::insights

#endif  // USAGE_INSIGHTS_FINDINGS_H_
