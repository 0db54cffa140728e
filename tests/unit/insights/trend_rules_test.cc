// Tests of the TREND_BREAK and LOGIN_BAND_CHANGE findings.
#include <ostream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "insights/findings.h"
#include "test_reports.h"

namespace usage::insights {
namespace {

using ::echo::usage::v1::FINDING_KIND_LOGIN_BAND_CHANGE;
using ::echo::usage::v1::FINDING_KIND_TREND_BREAK;
using ::echo::usage::v1::FindingSeverity;
using ::echo::usage::v1::TrendMetric;
using ::echo::usage::v1::UsageBand;
using testing::AddTrend;
using testing::Figure;
using ::testing::HasSubstr;
using testing::OfKind;
using testing::PeriodReport;

constexpr FindingSeverity kNone = echo::usage::v1::FINDING_SEVERITY_UNSPECIFIED;
constexpr FindingSeverity kPositive =
    echo::usage::v1::FINDING_SEVERITY_POSITIVE;
constexpr FindingSeverity kWarning = echo::usage::v1::FINDING_SEVERITY_WARNING;
constexpr FindingSeverity kCritical =
    echo::usage::v1::FINDING_SEVERITY_CRITICAL;

struct TrendCase {
  std::string name;
  TrendMetric metric;
  double current;
  double previous;
  FindingSeverity expected;  // kNone: no finding.
  std::string title;         // Checked when not empty.
};

// Prints the case name in failure messages.
void PrintTo(const TrendCase& test_case, std::ostream* out) {
  *out << test_case.name;
}

class TrendBreakTest : public ::testing::TestWithParam<TrendCase> {};

TEST_P(TrendBreakTest, GivesExpectedFinding) {
  const TrendCase& test_case = GetParam();
  echo::usage::v1::UsageReport report = PeriodReport();
  AddTrend(report, test_case.metric, test_case.current, test_case.previous);

  const auto breaks = OfKind(DeriveFindings(report), FINDING_KIND_TREND_BREAK);

  if (test_case.expected == kNone) {
    EXPECT_TRUE(breaks.empty()) << breaks[0].title();
    return;
  }
  ASSERT_EQ(breaks.size(), 1u);
  EXPECT_EQ(breaks[0].severity(), test_case.expected);
  if (!test_case.title.empty()) {
    EXPECT_EQ(breaks[0].title(), test_case.title);
  }
}

constexpr TrendMetric kConversations =
    echo::usage::v1::TREND_METRIC_CONVERSATIONS;
constexpr TrendMetric kDuration = echo::usage::v1::TREND_METRIC_DURATION;

INSTANTIATE_TEST_SUITE_P(
    Thresholds, TrendBreakTest,
    ::testing::Values(
        // (12 - 32) / 32 = -62.5 %, rounded half away from zero to 63.
        TrendCase{"FallBeyondHalf", kConversations, 12, 32, kWarning,
                  "Conversations fell 63 % to 12 against 32 in the previous "
                  "period."},
        // (5 - 10) / 10 = -50 %, exactly the threshold.
        TrendCase{"FallOfHalf", kConversations, 5, 10, kWarning, ""},
        // (6 - 10) / 10 = -40 %.
        TrendCase{"FallBelowHalf", kConversations, 6, 10, kNone, ""},
        // (15 - 10) / 10 = +50 %.
        TrendCase{"RiseOfHalf", kConversations, 15, 10, kPositive,
                  "Conversations rose 50 % to 15 against 10 in the previous "
                  "period."},
        // (14 - 10) / 10 = +40 %.
        TrendCase{"RiseBelowHalf", kConversations, 14, 10, kNone, ""},
        // +100 %, but 4 events on the larger side are below 5.
        TrendCase{"RiseOnLowVolume", kConversations, 4, 2, kNone, ""},
        // +150 % with 5 events on the larger side.
        TrendCase{"RiseOnEnoughVolume", kConversations, 5, 2, kPositive, ""},
        TrendCase{"FallToZero", kConversations, 0, 5, kCritical,
                  "Conversations fell to 0 from 5 in the previous period."},
        TrendCase{"FallToZeroOnLowVolume", kConversations, 0, 4, kNone, ""},
        TrendCase{"NewWithVolume", kConversations, 5, 0, kPositive,
                  "Conversations rose to 5 from none in the previous "
                  "period."},
        TrendCase{"NewOnLowVolume", kConversations, 4, 0, kNone, ""},
        TrendCase{"ZeroInBoth", kConversations, 0, 0, kNone, ""},
        // (1800 - 3600) / 3600 = -50 % with one hour on the larger side.
        TrendCase{"DurationFallOfHalf", kDuration, 1800, 3600, kWarning,
                  "Audio duration fell 50 % to 30 min against 1 h 00 min in "
                  "the previous period."},
        // -66.7 %, but 3000 s is below the hour that makes volume.
        TrendCase{"DurationOnLowVolume", kDuration, 1000, 3000, kNone, ""},
        TrendCase{"Logins", echo::usage::v1::TREND_METRIC_LOGINS, 2, 8,
                  kWarning,
                  "Logins fell 75 % to 2 against 8 in the previous period."},
        TrendCase{"ChatSessions", echo::usage::v1::TREND_METRIC_CHAT_SESSIONS,
                  9, 3, kPositive, ""},
        TrendCase{"Messages", echo::usage::v1::TREND_METRIC_MESSAGES, 0, 40,
                  kCritical, ""},
        // Projects and reports created swing too much to say anything.
        TrendCase{"ProjectsIgnored", echo::usage::v1::TREND_METRIC_PROJECTS, 0,
                  10, kNone, ""},
        TrendCase{"ReportsIgnored", echo::usage::v1::TREND_METRIC_REPORTS, 10,
                  0, kNone, ""}),
    [](const ::testing::TestParamInfo<TrendCase>& info) {
      return info.param.name;
    });

TEST(TrendBreakFiguresTest, CarryCurrentPreviousAndChange) {
  echo::usage::v1::UsageReport report = PeriodReport();
  AddTrend(report, kConversations, 12, 32);

  const auto breaks = OfKind(DeriveFindings(report), FINDING_KIND_TREND_BREAK);

  ASSERT_EQ(breaks.size(), 1u);
  EXPECT_EQ(Figure(breaks[0], "conversations").value(), 12);
  EXPECT_EQ(Figure(breaks[0], "conversations").unit(), "conversations");
  EXPECT_EQ(Figure(breaks[0], "previous_conversations").value(), 32);
  EXPECT_DOUBLE_EQ(Figure(breaks[0], "conversations_percent_change").value(),
                   -62.5);
  EXPECT_EQ(Figure(breaks[0], "conversations_percent_change").unit(),
            "percent");
}

TEST(TrendBreakFiguresTest, NewHasNoPercentChange) {
  echo::usage::v1::UsageReport report = PeriodReport();
  AddTrend(report, kConversations, 7, 0);

  const auto breaks = OfKind(DeriveFindings(report), FINDING_KIND_TREND_BREAK);

  ASSERT_EQ(breaks.size(), 1u);
  EXPECT_EQ(breaks[0].figures_size(), 2);
  EXPECT_EQ(Figure(breaks[0], "conversations_percent_change").name(),
            "missing");
}

TEST(TrendBreakTest, SeveralBreaksKeepMetricOrder) {
  echo::usage::v1::UsageReport report = PeriodReport();
  AddTrend(report, echo::usage::v1::TREND_METRIC_MESSAGES, 2, 20);
  AddTrend(report, kConversations, 2, 20);

  const auto breaks = OfKind(DeriveFindings(report), FINDING_KIND_TREND_BREAK);

  ASSERT_EQ(breaks.size(), 2u);
  EXPECT_THAT(breaks[0].title(), HasSubstr("Conversations"));
  EXPECT_THAT(breaks[1].title(), HasSubstr("Chat messages"));
}

TEST(TrendBreakTest, AllTimeHasNoComparisons) {
  echo::usage::v1::UsageReport report = testing::AllTimeReport();
  AddTrend(report, kConversations, 0, 50);
  report.mutable_metrics()->mutable_logins()->set_band(
      echo::usage::v1::USAGE_BAND_LOW);
  report.mutable_previous_metrics()->mutable_logins()->set_band(
      echo::usage::v1::USAGE_BAND_POWER);

  EXPECT_THAT(DeriveFindings(report), ::testing::IsEmpty());
}

struct BandCase {
  std::string name;
  UsageBand previous;
  UsageBand current;
  FindingSeverity expected;
};

// Prints the case name in failure messages.
void PrintTo(const BandCase& test_case, std::ostream* out) {
  *out << test_case.name;
}

class LoginBandChangeTest : public ::testing::TestWithParam<BandCase> {};

TEST_P(LoginBandChangeTest, GivesExpectedFinding) {
  const BandCase& test_case = GetParam();
  echo::usage::v1::UsageReport report = PeriodReport();
  report.mutable_metrics()->mutable_logins()->set_band(test_case.current);
  report.mutable_previous_metrics()->mutable_logins()->set_band(
      test_case.previous);

  const auto changes =
      OfKind(DeriveFindings(report), FINDING_KIND_LOGIN_BAND_CHANGE);

  if (test_case.expected == kNone) {
    EXPECT_TRUE(changes.empty());
    return;
  }
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].severity(), test_case.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Bands, LoginBandChangeTest,
    ::testing::Values(BandCase{"Higher", echo::usage::v1::USAGE_BAND_LOW,
                               echo::usage::v1::USAGE_BAND_MEDIUM, kPositive},
                      BandCase{"Lower", echo::usage::v1::USAGE_BAND_POWER,
                               echo::usage::v1::USAGE_BAND_HIGH, kWarning},
                      BandCase{"FromNone", echo::usage::v1::USAGE_BAND_NONE,
                               echo::usage::v1::USAGE_BAND_LOW, kPositive},
                      BandCase{"Same", echo::usage::v1::USAGE_BAND_MEDIUM,
                               echo::usage::v1::USAGE_BAND_MEDIUM, kNone},
                      BandCase{"PreviousUnknown",
                               echo::usage::v1::USAGE_BAND_UNSPECIFIED,
                               echo::usage::v1::USAGE_BAND_HIGH, kNone}),
    [](const ::testing::TestParamInfo<BandCase>& info) {
      return info.param.name;
    });

TEST(LoginBandChangeTest, TitleAndFiguresGiveLoginsPerWeek) {
  echo::usage::v1::UsageReport report = PeriodReport();
  auto* logins = report.mutable_metrics()->mutable_logins();
  logins->set_band(echo::usage::v1::USAGE_BAND_LOW);
  logins->set_per_week(0.5);
  auto* previous = report.mutable_previous_metrics()->mutable_logins();
  previous->set_band(echo::usage::v1::USAGE_BAND_MEDIUM);
  previous->set_per_week(2.25);

  const auto changes =
      OfKind(DeriveFindings(report), FINDING_KIND_LOGIN_BAND_CHANGE);

  ASSERT_EQ(changes.size(), 1u);
  // 2.25 is exact in binary, and "%.1f" rounds the tie to even: 2.2.
  EXPECT_EQ(changes[0].title(),
            "The login band fell from medium to low, with 0.5 logins per week "
            "against 2.2 in the previous period.");
  EXPECT_EQ(Figure(changes[0], "logins_per_week").value(), 0.5);
  EXPECT_EQ(Figure(changes[0], "previous_logins_per_week").value(), 2.25);
}

}  // namespace
}  // namespace usage::insights
