#include "insights/findings.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "insights/finding_rules.h"

namespace usage::insights {
namespace {

using ::echo::usage::v1::Finding;
using ::echo::usage::v1::FindingSeverity;

// Severity enum values grow with urgency except UNSPECIFIED, which is 0 and
// goes last.
int SeverityRank(FindingSeverity severity) {
  switch (severity) {
    case echo::usage::v1::FINDING_SEVERITY_CRITICAL:
      return 0;
    case echo::usage::v1::FINDING_SEVERITY_WARNING:
      return 1;
    case echo::usage::v1::FINDING_SEVERITY_INFO:
      return 2;
    case echo::usage::v1::FINDING_SEVERITY_POSITIVE:
      return 3;
    default:
      return 4;
  }
}

}  // namespace

namespace insights_internal {

bool HasPreviousPeriod(const echo::usage::v1::UsageReport& report) {
  return report.period().preset() != echo::usage::v1::PERIOD_PRESET_ALL_TIME &&
         report.has_previous_metrics();
}

Finding MakeFinding(echo::usage::v1::FindingKind kind, FindingSeverity severity,
                    std::string title) {
  Finding finding;
  finding.set_kind(kind);
  finding.set_severity(severity);
  finding.set_title(std::move(title));
  return finding;
}

void AddFigure(Finding& finding, std::string name, std::string label,
               double value, std::string unit) {
  echo::usage::v1::FindingFigure* figure = finding.add_figures();
  figure->set_name(std::move(name));
  figure->set_label(std::move(label));
  figure->set_value(value);
  figure->set_unit(std::move(unit));
}

}  // namespace insights_internal

std::vector<Finding> DeriveFindings(
    const echo::usage::v1::UsageReport& report) {
  std::vector<Finding> findings;
  insights_internal::AddTrendBreaks(report, findings);
  insights_internal::AddDormancy(report, findings);
  insights_internal::AddConcentration(report, findings);
  insights_internal::AddEmptyConversations(report, findings);
  insights_internal::AddFeatureGaps(report, findings);
  insights_internal::AddSharedAccount(report, findings);
  insights_internal::AddLoginBandChange(report, findings);

  // Stable, so that findings of one rule keep the order the rule gave them.
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding& a, const Finding& b) {
                     const int rank_a = SeverityRank(a.severity());
                     const int rank_b = SeverityRank(b.severity());
                     if (rank_a != rank_b) return rank_a < rank_b;
                     return a.kind() < b.kind();
                   });
  return findings;
}

}  // namespace usage::insights
