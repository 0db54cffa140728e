// Tests of the order of DeriveFindings' findings and of reports that give
// none.
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "insights/findings.h"
#include "test_reports.h"

namespace usage::insights {
namespace {

using ::echo::usage::v1::Finding;
using ::echo::usage::v1::FindingKind;
using ::echo::usage::v1::FindingSeverity;
using ::echo::usage::v1::UsageReport;
using testing::AddProject;
using testing::AddTrend;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

using KindAndSeverity = std::pair<FindingKind, FindingSeverity>;

std::vector<KindAndSeverity> KindsAndSeverities(
    const std::vector<Finding>& findings) {
  std::vector<KindAndSeverity> result;
  for (const Finding& finding : findings) {
    result.emplace_back(finding.kind(), finding.severity());
  }
  return result;
}

// A report that triggers every rule, with findings of every severity.
UsageReport EveryRuleReport() {
  UsageReport report = testing::PeriodReport();
  // Conversations fall by two thirds (warning), logins to 0 (critical) and
  // messages start from none (positive).
  AddTrend(report, echo::usage::v1::TREND_METRIC_CONVERSATIONS, 10, 30);
  AddTrend(report, echo::usage::v1::TREND_METRIC_LOGINS, 0, 10);
  AddTrend(report, echo::usage::v1::TREND_METRIC_MESSAGES, 40, 0);
  // 100 quiet days without a known cadence: critical.
  report.mutable_activity()->set_days_since_last_activity(100);
  // 9 / 11 = 82 % in one project.
  AddProject(report, "Alpha", 9);
  AddProject(report, "Beta", 1);
  AddProject(report, "Gamma", 1);
  // 5 of 10 conversations empty.
  report.mutable_metrics()->mutable_conversations()->set_count(10);
  report.mutable_metrics()->mutable_conversations()->set_empty(5);
  // 40 messages and no reports.
  report.mutable_metrics()->mutable_chat()->set_messages(40);
  // 2 logins per active day over 4 days, and a band that rose.
  auto* logins = report.mutable_metrics()->mutable_logins();
  logins->set_active_days(4);
  logins->set_mean_per_active_day(2);
  logins->set_band(echo::usage::v1::USAGE_BAND_MEDIUM);
  report.mutable_previous_metrics()->mutable_logins()->set_band(
      echo::usage::v1::USAGE_BAND_LOW);
  return report;
}

TEST(DeriveFindingsTest, OrdersBySeverityThenKind) {
  const std::vector<Finding> findings = DeriveFindings(EveryRuleReport());

  EXPECT_THAT(
      KindsAndSeverities(findings),
      ElementsAre(
          KindAndSeverity{echo::usage::v1::FINDING_KIND_TREND_BREAK,
                          echo::usage::v1::FINDING_SEVERITY_CRITICAL},
          KindAndSeverity{echo::usage::v1::FINDING_KIND_DORMANCY,
                          echo::usage::v1::FINDING_SEVERITY_CRITICAL},
          KindAndSeverity{echo::usage::v1::FINDING_KIND_TREND_BREAK,
                          echo::usage::v1::FINDING_SEVERITY_WARNING},
          KindAndSeverity{echo::usage::v1::FINDING_KIND_EMPTY_CONVERSATIONS,
                          echo::usage::v1::FINDING_SEVERITY_WARNING},
          KindAndSeverity{echo::usage::v1::FINDING_KIND_SHARED_ACCOUNT,
                          echo::usage::v1::FINDING_SEVERITY_WARNING},
          KindAndSeverity{echo::usage::v1::FINDING_KIND_CONCENTRATION,
                          echo::usage::v1::FINDING_SEVERITY_INFO},
          KindAndSeverity{echo::usage::v1::FINDING_KIND_CHAT_WITHOUT_REPORTS,
                          echo::usage::v1::FINDING_SEVERITY_INFO},
          KindAndSeverity{echo::usage::v1::FINDING_KIND_TREND_BREAK,
                          echo::usage::v1::FINDING_SEVERITY_POSITIVE},
          KindAndSeverity{echo::usage::v1::FINDING_KIND_LOGIN_BAND_CHANGE,
                          echo::usage::v1::FINDING_SEVERITY_POSITIVE}));
}

TEST(DeriveFindingsTest, EveryFindingHasTitleAndFigures) {
  for (const Finding& finding : DeriveFindings(EveryRuleReport())) {
    EXPECT_FALSE(finding.title().empty()) << finding.kind();
    EXPECT_EQ(finding.title().back(), '.') << finding.title();
    EXPECT_GT(finding.figures_size(), 0) << finding.title();
  }
}

TEST(DeriveFindingsTest, EmptyReportsGiveNone) {
  EXPECT_THAT(DeriveFindings(UsageReport()), IsEmpty());
  EXPECT_THAT(DeriveFindings(testing::PeriodReport()), IsEmpty());
  EXPECT_THAT(DeriveFindings(testing::AllTimeReport()), IsEmpty());
}

TEST(DeriveFindingsTest, ZeroTrendsGiveNone) {
  UsageReport report = testing::PeriodReport();
  for (auto metric : {echo::usage::v1::TREND_METRIC_CONVERSATIONS,
                      echo::usage::v1::TREND_METRIC_DURATION,
                      echo::usage::v1::TREND_METRIC_LOGINS,
                      echo::usage::v1::TREND_METRIC_CHAT_SESSIONS,
                      echo::usage::v1::TREND_METRIC_MESSAGES}) {
    AddTrend(report, metric, 0, 0);
  }
  report.mutable_metrics()->mutable_logins()->set_band(
      echo::usage::v1::USAGE_BAND_NONE);
  report.mutable_previous_metrics()->mutable_logins()->set_band(
      echo::usage::v1::USAGE_BAND_NONE);

  EXPECT_THAT(DeriveFindings(report), IsEmpty());
}

TEST(DeriveFindingsTest, AllTimeKeepsFindingsWithoutComparison) {
  UsageReport report = testing::AllTimeReport();
  AddTrend(report, echo::usage::v1::TREND_METRIC_CONVERSATIONS, 0, 30);
  report.mutable_metrics()->mutable_chat()->set_messages(12);

  EXPECT_THAT(KindsAndSeverities(DeriveFindings(report)),
              ElementsAre(KindAndSeverity{
                  echo::usage::v1::FINDING_KIND_CHAT_WITHOUT_REPORTS,
                  echo::usage::v1::FINDING_SEVERITY_INFO}));
}

}  // namespace
}  // namespace usage::insights
