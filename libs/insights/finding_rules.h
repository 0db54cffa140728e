// The rule families behind DeriveFindings. Each appends its findings, in no
// particular severity order, to `findings`.
#ifndef USAGE_INSIGHTS_FINDING_RULES_H_
#define USAGE_INSIGHTS_FINDING_RULES_H_

#include <string>
#include <vector>

#include "echo/usage/v1/usage_service.pb.h"

namespace usage::insights::insights_internal {

// Returns true when the report has a previous period to compare with.
bool HasPreviousPeriod(const echo::usage::v1::UsageReport& report);

// Returns a finding with `kind`, `severity` and `title` and no figures.
echo::usage::v1::Finding MakeFinding(echo::usage::v1::FindingKind kind,
                                     echo::usage::v1::FindingSeverity severity,
                                     std::string title);

// Appends a figure to `finding`.
void AddFigure(echo::usage::v1::Finding& finding, std::string name,
               std::string label, double value, std::string unit);

// TREND_BREAK and LOGIN_BAND_CHANGE: comparisons with the previous period.
void AddTrendBreaks(const echo::usage::v1::UsageReport& report,
                    std::vector<echo::usage::v1::Finding>& findings);
void AddLoginBandChange(const echo::usage::v1::UsageReport& report,
                        std::vector<echo::usage::v1::Finding>& findings);

// DORMANCY and SHARED_ACCOUNT: the account's rhythm of activity and logins.
void AddDormancy(const echo::usage::v1::UsageReport& report,
                 std::vector<echo::usage::v1::Finding>& findings);
void AddSharedAccount(const echo::usage::v1::UsageReport& report,
                      std::vector<echo::usage::v1::Finding>& findings);

// CONCENTRATION, EMPTY_CONVERSATIONS, CHAT_WITHOUT_REPORTS and
// REPORTS_WITHOUT_CHAT: how the period's use is spread over projects and
// features.
void AddConcentration(const echo::usage::v1::UsageReport& report,
                      std::vector<echo::usage::v1::Finding>& findings);
void AddEmptyConversations(const echo::usage::v1::UsageReport& report,
                           std::vector<echo::usage::v1::Finding>& findings);
void AddFeatureGaps(const echo::usage::v1::UsageReport& report,
                    std::vector<echo::usage::v1::Finding>& findings);

}  // namespace usage::insights::insights_internal

#endif  // USAGE_INSIGHTS_FINDING_RULES_H_
