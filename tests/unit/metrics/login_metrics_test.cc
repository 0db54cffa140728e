#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "metrics/metrics.h"
#include "tests/unit/metrics/test_records.h"

namespace usage {
namespace {

using test_data::AsOf;
using test_data::Utc;
using ::testing::ElementsAre;
using ::testing::FieldsAre;
using ::testing::IsEmpty;

Login MakeLogin(std::string user_id, std::optional<absl::Time> timestamp) {
  static int next_id = 0;
  return Login{.id = std::to_string(++next_id),
               .user_id = std::move(user_id),
               .timestamp = timestamp};
}

LoginMetrics CurrentLogins(const std::vector<Login>& logins,
                           const ResolvedPeriods& periods,
                           absl::TimeZone zone = absl::UTCTimeZone()) {
  AccountData data;
  data.logins = logins;
  return ComputeUsage(data, {}, periods, zone, AsOf()).current.logins;
}

TEST(LoginMetricsTest, PerWeekOverThirtyDayPeriod) {
  const std::vector<Login> logins = {
      MakeLogin("u1", Utc(2026, 11, 2, 8)),
      MakeLogin("u1", Utc(2026, 11, 2, 9)),
      MakeLogin("u1", Utc(2026, 11, 2, 10)),
      MakeLogin("u2", Utc(2026, 11, 3, 8)),
      MakeLogin("u2", Utc(2026, 11, 3, 9)),
      MakeLogin("u1", Utc(2026, 11, 10, 8)),
      MakeLogin("u1", Utc(2026, 11, 10, 9)),
      MakeLogin("u2", Utc(2026, 11, 30, 8)),
      MakeLogin("u2", Utc(2026, 11, 30, 9)),
      MakeLogin("u2", Utc(2026, 11, 30, 23, 59)),
      // Outside 1..30 November.
      MakeLogin("u3", Utc(2026, 10, 31, 23, 59)),
      MakeLogin("u3", Utc(2026, 12, 1)),
      MakeLogin("u3", std::nullopt),
  };

  const LoginMetrics metrics = CurrentLogins(logins, test_data::November());

  EXPECT_EQ(metrics.total, 10);
  EXPECT_EQ(metrics.active_days, 4);
  EXPECT_EQ(metrics.unique_users, 2);
  EXPECT_DOUBLE_EQ(metrics.mean_per_active_day, 2.5);  // 10 / 4
  EXPECT_DOUBLE_EQ(metrics.mean_per_user, 5.0);        // 10 / 2
  // 30 days are 30 / 7 weeks: 10 / (30 / 7) = 70 / 30.
  EXPECT_DOUBLE_EQ(metrics.per_week, 70.0 / 30.0);
  EXPECT_EQ(metrics.band, UsageBand::kMedium);
  EXPECT_THAT(metrics.daily,
              ElementsAre(FieldsAre(absl::CivilDay(2026, 11, 2), 3),
                          FieldsAre(absl::CivilDay(2026, 11, 3), 2),
                          FieldsAre(absl::CivilDay(2026, 11, 10), 2),
                          FieldsAre(absl::CivilDay(2026, 11, 30), 3)));
}

TEST(LoginMetricsTest, ShortPeriodCountsAsOneWeek) {
  // Three days are less than a week, so the rate is over one week.
  const ResolvedPeriods periods = test_data::CustomPeriods(
      absl::CivilDay(2026, 11, 1), absl::CivilDay(2026, 11, 3));
  std::vector<Login> logins;
  for (int hour = 0; hour < 6; ++hour) {
    logins.push_back(MakeLogin("u1", Utc(2026, 11, 2, hour)));
  }

  const LoginMetrics metrics = CurrentLogins(logins, periods);

  EXPECT_DOUBLE_EQ(metrics.per_week, 6.0);
  EXPECT_EQ(metrics.band, UsageBand::kHigh);
}

TEST(LoginMetricsTest, AllTimeWindowIsFirstToLastLoginDay) {
  // 1..14 January is 14 days, two weeks: 5 / 2.
  const std::vector<Login> logins = {
      MakeLogin("u1", Utc(2026, 1, 1, 9)),
      MakeLogin("u1", Utc(2026, 1, 1, 10)),
      MakeLogin("u1", Utc(2026, 1, 10, 9)),
      MakeLogin("u2", Utc(2026, 1, 14, 9)),
      MakeLogin("u2", Utc(2026, 1, 14, 23)),
  };

  const LoginMetrics metrics = CurrentLogins(logins, test_data::AllTime());

  EXPECT_EQ(metrics.total, 5);
  EXPECT_EQ(metrics.active_days, 3);
  EXPECT_DOUBLE_EQ(metrics.per_week, 2.5);
  EXPECT_EQ(metrics.band, UsageBand::kMedium);
}

TEST(LoginMetricsTest, AllTimeSingleDayCountsAsOneWeek) {
  std::vector<Login> logins;
  for (int hour = 0; hour < 9; ++hour) {
    logins.push_back(MakeLogin("u1", Utc(2026, 5, 5, hour)));
  }

  const LoginMetrics metrics = CurrentLogins(logins, test_data::AllTime());

  EXPECT_DOUBLE_EQ(metrics.per_week, 9.0);
  EXPECT_EQ(metrics.band, UsageBand::kPower);
}

TEST(LoginMetricsTest, NoLoginsGiveZeroesAndNoBand) {
  for (const ResolvedPeriods& periods :
       {test_data::November(), test_data::AllTime()}) {
    const LoginMetrics metrics = CurrentLogins({}, periods);

    EXPECT_EQ(metrics.total, 0);
    EXPECT_EQ(metrics.active_days, 0);
    EXPECT_EQ(metrics.unique_users, 0);
    EXPECT_EQ(metrics.mean_per_active_day, 0);
    EXPECT_EQ(metrics.mean_per_user, 0);
    EXPECT_EQ(metrics.per_week, 0);
    EXPECT_EQ(metrics.band, UsageBand::kNone);
    EXPECT_THAT(metrics.daily, IsEmpty());
  }
}

TEST(LoginMetricsTest, DaysAreBucketedInReportZone) {
  absl::TimeZone amsterdam;
  ASSERT_TRUE(absl::LoadTimeZone("Europe/Amsterdam", &amsterdam));
  // 23:30Z on 10 November is 00:30 CET on 11 November; 22:59Z on
  // 30 November is 23:59 CET, still in the period.
  const std::vector<Login> logins = {
      MakeLogin("u1", Utc(2026, 11, 10, 22, 30)),
      MakeLogin("u1", Utc(2026, 11, 10, 23, 30)),
      MakeLogin("u1", Utc(2026, 11, 30, 22, 59)),
      // 23:00Z on 30 November is midnight CET on 1 December.
      MakeLogin("u1", Utc(2026, 11, 30, 23, 0)),
  };

  const LoginMetrics metrics =
      CurrentLogins(logins, test_data::November(amsterdam), amsterdam);

  EXPECT_EQ(metrics.total, 3);
  EXPECT_THAT(metrics.daily,
              ElementsAre(FieldsAre(absl::CivilDay(2026, 11, 10), 1),
                          FieldsAre(absl::CivilDay(2026, 11, 11), 1),
                          FieldsAre(absl::CivilDay(2026, 11, 30), 1)));
}

TEST(LoginMetricsTest, HourHistogramInNewYork) {
  absl::TimeZone new_york;
  ASSERT_TRUE(absl::LoadTimeZone("America/New_York", &new_york));
  // New York leaves daylight saving time at 06:00Z on 1 November 2026, so
  // the same UTC hour is a different local hour before and after it.
  const std::vector<Login> logins = {
      MakeLogin("u1", Utc(2026, 10, 30, 13, 15)),  // 09:15 EDT
      MakeLogin("u1", Utc(2026, 11, 2, 13, 15)),   // 08:15 EST
      MakeLogin("u1", Utc(2026, 11, 2, 4, 30)),    // 23:30 EST, 1 November
      MakeLogin("u2", Utc(2026, 11, 1, 5, 30)),    // 01:30 EDT
      MakeLogin("u2", Utc(2026, 11, 1, 6, 30)),    // 01:30 EST
  };
  const ResolvedPeriods periods = test_data::CustomPeriods(
      absl::CivilDay(2026, 10, 25), absl::CivilDay(2026, 11, 7), new_york);

  const LoginMetrics metrics = CurrentLogins(logins, periods, new_york);

  std::array<int64_t, 24> expected = {};
  expected[1] = 2;
  expected[8] = 1;
  expected[9] = 1;
  expected[23] = 1;
  EXPECT_EQ(metrics.hour_histogram, expected);
  EXPECT_THAT(metrics.daily,
              ElementsAre(FieldsAre(absl::CivilDay(2026, 10, 30), 1),
                          FieldsAre(absl::CivilDay(2026, 11, 1), 3),
                          FieldsAre(absl::CivilDay(2026, 11, 2), 1)));
}

TEST(LoginMetricsTest, HourHistogramLeavesOutOtherPeriods) {
  const std::vector<Login> logins = {
      MakeLogin("u1", Utc(2026, 11, 2, 7)),
      MakeLogin("u1", Utc(2026, 10, 31, 7)),  // previous period
      MakeLogin("u1", std::nullopt),
  };

  const LoginMetrics metrics = CurrentLogins(logins, test_data::November());

  std::array<int64_t, 24> expected = {};
  expected[7] = 1;
  EXPECT_EQ(metrics.hour_histogram, expected);
}

TEST(LoginMetricsTest, DailyPerUserSortsByUserThenDay) {
  const std::vector<Login> logins = {
      MakeLogin("u2", Utc(2026, 11, 3, 9)),
      MakeLogin("u1", Utc(2026, 11, 5, 9)),
      MakeLogin("u1", Utc(2026, 11, 2, 9)),
      MakeLogin("u1", Utc(2026, 11, 2, 17)),
      MakeLogin("u2", Utc(2026, 11, 3, 10)),
      MakeLogin("u10", Utc(2026, 11, 1, 9)),
      MakeLogin("u3", Utc(2026, 12, 1, 9)),  // after the period
  };

  const LoginMetrics metrics = CurrentLogins(logins, test_data::November());

  // Ids compare as text, so "u10" sorts between "u1" and "u2".
  EXPECT_THAT(metrics.daily_per_user,
              ElementsAre(FieldsAre("u1", absl::CivilDay(2026, 11, 2), 2),
                          FieldsAre("u1", absl::CivilDay(2026, 11, 5), 1),
                          FieldsAre("u10", absl::CivilDay(2026, 11, 1), 1),
                          FieldsAre("u2", absl::CivilDay(2026, 11, 3), 2)));
}

TEST(LoginMetricsTest, RepeatedLoginIdCountsOnce) {
  std::vector<Login> logins = {
      Login{.id = "l1", .user_id = "u1", .timestamp = Utc(2026, 11, 2, 9)},
      Login{.id = "l1", .user_id = "u1", .timestamp = Utc(2026, 11, 2, 9)},
      Login{.id = "l2", .user_id = "u1", .timestamp = Utc(2026, 11, 3, 9)},
  };

  const LoginMetrics metrics = CurrentLogins(logins, test_data::November());

  EXPECT_EQ(metrics.total, 2);
  EXPECT_EQ(metrics.hour_histogram[9], 2);
}

}  // namespace
}  // namespace usage
