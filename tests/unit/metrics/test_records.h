// Shared fixtures of the metrics tests: UTC instants and a resolved period.
#ifndef USAGE_TESTS_UNIT_METRICS_TEST_RECORDS_H_
#define USAGE_TESTS_UNIT_METRICS_TEST_RECORDS_H_

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "period/period.h"

namespace usage::test_data {

inline absl::Time Utc(int year, int month, int day, int hour = 0,
                      int minute = 0) {
  return absl::FromCivil(absl::CivilSecond(year, month, day, hour, minute, 0),
                         absl::UTCTimeZone());
}

// The instant every report in these tests is made at.
inline absl::Time AsOf() { return Utc(2026, 12, 4, 10); }

// Resolves a custom period at AsOf(). A failure fails the calling test.
inline ResolvedPeriods CustomPeriods(
    absl::CivilDay first, absl::CivilDay last,
    absl::TimeZone zone = absl::UTCTimeZone()) {
  PeriodRequest request;
  request.preset = PeriodPreset::kCustom;
  request.start_date = first;
  request.end_date = last;
  absl::StatusOr<ResolvedPeriods> periods =
      ResolvePeriod(request, zone, AsOf());
  EXPECT_TRUE(periods.ok()) << periods.status();
  return periods.ok() ? *periods : ResolvedPeriods{};
}

// 1..30 November 2026 (30 days); the previous period is 2..31 October.
inline ResolvedPeriods November(absl::TimeZone zone = absl::UTCTimeZone()) {
  return CustomPeriods(absl::CivilDay(2026, 11, 1),
                       absl::CivilDay(2026, 11, 30), zone);
}

inline ResolvedPeriods AllTime() {
  PeriodRequest request;
  request.preset = PeriodPreset::kAllTime;
  absl::StatusOr<ResolvedPeriods> periods =
      ResolvePeriod(request, absl::UTCTimeZone(), AsOf());
  EXPECT_TRUE(periods.ok()) << periods.status();
  return periods.ok() ? *periods : ResolvedPeriods{};
}

}  // namespace usage::test_data

#endif  // USAGE_TESTS_UNIT_METRICS_TEST_RECORDS_H_
