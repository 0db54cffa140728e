// Tests of the DORMANCY and SHARED_ACCOUNT findings.
#include <ostream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "insights/findings.h"
#include "test_reports.h"

namespace usage::insights {
namespace {

using ::echo::usage::v1::FINDING_KIND_DORMANCY;
using ::echo::usage::v1::FINDING_KIND_SHARED_ACCOUNT;
using ::echo::usage::v1::FindingSeverity;
using ::echo::usage::v1::UsageReport;
using testing::AddActiveDay;
using testing::Figure;
using testing::OfKind;
using testing::PeriodReport;

constexpr FindingSeverity kNone = echo::usage::v1::FINDING_SEVERITY_UNSPECIFIED;
constexpr FindingSeverity kWarning = echo::usage::v1::FINDING_SEVERITY_WARNING;
constexpr FindingSeverity kCritical =
    echo::usage::v1::FINDING_SEVERITY_CRITICAL;

struct DormancyCase {
  std::string name;
  std::vector<std::string> active_days;
  int days_since;
  FindingSeverity expected;
};

// Prints the case name in failure messages.
void PrintTo(const DormancyCase& test_case, std::ostream* out) {
  *out << test_case.name;
}

class DormancyTest : public ::testing::TestWithParam<DormancyCase> {};

TEST_P(DormancyTest, GivesExpectedFinding) {
  const DormancyCase& test_case = GetParam();
  UsageReport report = PeriodReport();
  for (const std::string& date : test_case.active_days) {
    AddActiveDay(report, date);
  }
  report.mutable_activity()->set_days_since_last_activity(test_case.days_since);

  const auto dormancy = OfKind(DeriveFindings(report), FINDING_KIND_DORMANCY);

  if (test_case.expected == kNone) {
    EXPECT_TRUE(dormancy.empty()) << dormancy[0].title();
    return;
  }
  ASSERT_EQ(dormancy.size(), 1u);
  EXPECT_EQ(dormancy[0].severity(), test_case.expected);
}

// Active once a week: median gap 7, threshold max(14, 3 * 7) = 21 days.
const std::vector<std::string> kWeekly = {"2026-03-01", "2026-03-08",
                                          "2026-03-15", "2026-03-22"};
// Active every day: median gap 1, threshold max(14, 3) = 14 days.
const std::vector<std::string> kDaily = {"2026-03-01", "2026-03-02",
                                         "2026-03-03"};
// Gaps 2, 4, 6 and 10: median (4 + 6) / 2 = 5, threshold 15 days.
const std::vector<std::string> kUneven = {
    "2026-03-01", "2026-03-03", "2026-03-07", "2026-03-13", "2026-03-23"};
// One gap of 25 days: threshold 75 days.
const std::vector<std::string> kMonthly = {"2026-03-01", "2026-03-26"};
// A host working twice a month: gaps 14 and 14, threshold 42 days.
const std::vector<std::string> kTwiceMonthly = {"2026-03-02", "2026-03-16",
                                                "2026-03-30"};

INSTANTIATE_TEST_SUITE_P(
    Cadence, DormancyTest,
    ::testing::Values(
        DormancyCase{"WeeklyAtThreshold", kWeekly, 21, kNone},
        DormancyCase{"WeeklyAboveThreshold", kWeekly, 22, kWarning},
        DormancyCase{"WeeklySixtyDays", kWeekly, 60, kWarning},
        DormancyCase{"WeeklyOverSixtyDays", kWeekly, 61, kCritical},
        DormancyCase{"DailyAtMinimum", kDaily, 14, kNone},
        DormancyCase{"DailyAboveMinimum", kDaily, 15, kWarning},
        DormancyCase{"UnevenAtThreshold", kUneven, 15, kNone},
        DormancyCase{"UnevenAboveThreshold", kUneven, 16, kWarning},
        DormancyCase{"MonthlyOverSixtyButWithinCadence", kMonthly, 70, kNone},
        DormancyCase{"MonthlyAboveThreshold", kMonthly, 76, kCritical},
        DormancyCase{"TwiceMonthlyAfterTenDays", kTwiceMonthly, 10, kNone},
        DormancyCase{"NoCadenceAtMinimum", {"2026-03-10"}, 14, kNone},
        DormancyCase{"NoCadenceAboveMinimum", {"2026-03-10"}, 15, kWarning},
        DormancyCase{"NoActiveDaysLongAgo", {}, 100, kCritical}),
    [](const ::testing::TestParamInfo<DormancyCase>& info) {
      return info.param.name;
    });

TEST(DormancyTest, NoActivityEverGivesNoFinding) {
  UsageReport report = PeriodReport();
  AddActiveDay(report, "2026-03-01", 0);

  EXPECT_TRUE(OfKind(DeriveFindings(report), FINDING_KIND_DORMANCY).empty());
}

TEST(DormancyTest, FiguresAndTitleGiveCadence) {
  UsageReport report = PeriodReport();
  for (const std::string& date : kWeekly) AddActiveDay(report, date);
  report.mutable_activity()->set_days_since_last_activity(30);

  const auto dormancy = OfKind(DeriveFindings(report), FINDING_KIND_DORMANCY);

  ASSERT_EQ(dormancy.size(), 1u);
  EXPECT_EQ(dormancy[0].title(),
            "No activity for 30 days, while active days are usually 7 days "
            "apart.");
  EXPECT_EQ(Figure(dormancy[0], "days_since_last_activity").value(), 30);
  EXPECT_EQ(Figure(dormancy[0], "median_gap_days").value(), 7);
  EXPECT_EQ(Figure(dormancy[0], "dormancy_threshold_days").value(), 21);
  EXPECT_EQ(Figure(dormancy[0], "active_days").value(), 4);
}

TEST(DormancyTest, LoginDaysCountWithoutTimeline) {
  UsageReport report = PeriodReport();
  auto* logins = report.mutable_metrics()->mutable_logins();
  for (const char* date : {"2026-03-01", "2026-03-11", "2026-03-21"}) {
    auto* day = logins->add_daily();
    day->set_date(date);
    day->set_count(1);
  }
  // Gaps of 10 days: threshold 3 * 10 = 30 days.
  report.mutable_activity()->set_days_since_last_activity(30);
  EXPECT_TRUE(OfKind(DeriveFindings(report), FINDING_KIND_DORMANCY).empty());

  report.mutable_activity()->set_days_since_last_activity(31);
  EXPECT_EQ(OfKind(DeriveFindings(report), FINDING_KIND_DORMANCY).size(), 1u);
}

TEST(DormancyTest, TimelineDayWithOnlyConversationsIsActive) {
  UsageReport report = PeriodReport();
  for (const char* date : {"2026-03-01", "2026-03-11", "2026-03-21"}) {
    auto* day = report.mutable_timeline()->add_days();
    day->set_date(date);
    day->set_conversations(2);
  }
  // Gaps of 10 days: threshold 30 days, so 25 days are no dormancy. Without
  // these days the threshold would be 14.
  report.mutable_activity()->set_days_since_last_activity(25);

  EXPECT_TRUE(OfKind(DeriveFindings(report), FINDING_KIND_DORMANCY).empty());
}

UsageReport SingleUserLogins(int64_t active_days, double per_active_day) {
  UsageReport report = PeriodReport();
  auto* logins = report.mutable_metrics()->mutable_logins();
  logins->set_active_days(active_days);
  logins->set_mean_per_active_day(per_active_day);
  logins->set_total(static_cast<int64_t>(active_days * per_active_day));
  return report;
}

TEST(SharedAccountTest, SingleUserAtThresholds) {
  const auto findings = OfKind(DeriveFindings(SingleUserLogins(4, 1.5)),
                               FINDING_KIND_SHARED_ACCOUNT);

  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity(), kWarning);
  EXPECT_EQ(findings[0].title(),
            "Logins average 1.5 per active day over 4 days, a sign that "
            "several people share the account.");
  EXPECT_EQ(Figure(findings[0], "logins_per_active_day").value(), 1.5);
  EXPECT_EQ(Figure(findings[0], "login_active_days").value(), 4);
  EXPECT_EQ(Figure(findings[0], "logins").value(), 6);
}

TEST(SharedAccountTest, SingleUserBelowThresholds) {
  EXPECT_TRUE(OfKind(DeriveFindings(SingleUserLogins(3, 1.4)),
                     FINDING_KIND_SHARED_ACCOUNT)
                  .empty());
  EXPECT_TRUE(OfKind(DeriveFindings(SingleUserLogins(2, 3)),
                     FINDING_KIND_SHARED_ACCOUNT)
                  .empty());
  EXPECT_EQ(OfKind(DeriveFindings(SingleUserLogins(3, 1.5)),
                   FINDING_KIND_SHARED_ACCOUNT)
                .size(),
            1u);
}

void AddUserDay(UsageReport& report, const std::string& user,
                const std::string& date, int64_t count) {
  auto* day = report.mutable_metrics()->mutable_logins()->add_daily_per_user();
  day->set_user_id(user);
  day->set_date(date);
  day->set_count(count);
}

TEST(SharedAccountTest, SeveralUsersJudgedEachOnTheirOwn) {
  UsageReport report = PeriodReport();
  report.add_users()->set_id("user-2");
  // user-1: 2 + 1 + 2 = 5 logins on 3 days, 1.67 per day: shared.
  AddUserDay(report, "user-1", "2026-03-01", 2);
  AddUserDay(report, "user-1", "2026-03-02", 1);
  AddUserDay(report, "user-1", "2026-03-03", 2);
  // user-2: 1 + 1 + 2 = 4 logins on 3 days, 1.33 per day: not shared.
  AddUserDay(report, "user-2", "2026-03-01", 1);
  AddUserDay(report, "user-2", "2026-03-02", 1);
  AddUserDay(report, "user-2", "2026-03-03", 2);
  // The account as a whole: 9 logins on 3 days. It is not what counts.
  report.mutable_metrics()->mutable_logins()->set_active_days(3);
  report.mutable_metrics()->mutable_logins()->set_mean_per_active_day(3);

  const auto findings =
      OfKind(DeriveFindings(report), FINDING_KIND_SHARED_ACCOUNT);

  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].title(),
            "1 of 2 selected users log in 1.5 or more times per active day "
            "(up to 1.7), a sign that several people share those accounts.");
  EXPECT_EQ(Figure(findings[0], "users_with_shared_logins").value(), 1);
  EXPECT_EQ(Figure(findings[0], "selected_users").value(), 2);
  EXPECT_DOUBLE_EQ(Figure(findings[0], "max_logins_per_active_day").value(),
                   5.0 / 3);
}

TEST(SharedAccountTest, SeveralUsersOnSameDaysNotShared) {
  UsageReport report = PeriodReport();
  report.add_users()->set_id("user-2");
  for (const char* date : {"2026-03-01", "2026-03-02", "2026-03-03"}) {
    AddUserDay(report, "user-1", date, 1);
    AddUserDay(report, "user-2", date, 1);
  }
  // Two logins per active day for the account, one for each user.
  report.mutable_metrics()->mutable_logins()->set_active_days(3);
  report.mutable_metrics()->mutable_logins()->set_mean_per_active_day(2);

  EXPECT_TRUE(
      OfKind(DeriveFindings(report), FINDING_KIND_SHARED_ACCOUNT).empty());
}

}  // namespace
}  // namespace usage::insights
