#include "period/period.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

absl::Time Utc(int year, int month, int day, int hour = 0, int minute = 0,
               int second = 0) {
  return absl::FromCivil(
      absl::CivilSecond(year, month, day, hour, minute, second),
      absl::UTCTimeZone());
}

absl::TimeZone Zone(std::string_view name) {
  absl::StatusOr<absl::TimeZone> zone = LoadTimeZone(name);
  EXPECT_TRUE(zone.ok()) << zone.status();
  return zone.ok() ? *zone : absl::UTCTimeZone();
}

PeriodRequest Preset(PeriodPreset preset) {
  PeriodRequest request;
  request.preset = preset;
  return request;
}

PeriodRequest Custom(absl::CivilDay start, absl::CivilDay end) {
  PeriodRequest request;
  request.preset = PeriodPreset::kCustom;
  request.start_date = start;
  request.end_date = end;
  return request;
}

// 2026-12-04 is "today" in UTC at 10:00Z. At 23:30Z it is already 00:30 on
// 2026-12-05 in Amsterdam (CET, UTC+1).
const absl::Time kUtcAsOf = Utc(2026, 12, 4, 10);
const absl::Time kAmsterdamAsOf = Utc(2026, 12, 4, 23, 30);

struct PresetCase {
  std::string name;
  std::string zone;
  absl::Time as_of;
  PeriodRequest request;
  absl::CivilDay first;
  absl::CivilDay last;
  int days;
  absl::CivilDay previous_first;
  absl::CivilDay previous_last;
};

std::vector<PresetCase> PresetCases() {
  using absl::CivilDay;
  const PeriodRequest custom =
      Custom(CivilDay(2026, 11, 10), CivilDay(2026, 11, 20));
  return {
      // 1..4 December; the previous 4 days are 27..30 November.
      {"UtcMonthToDate", "UTC", kUtcAsOf, Preset(PeriodPreset::kMonthToDate),
       CivilDay(2026, 12, 1), CivilDay(2026, 12, 4), 4, CivilDay(2026, 11, 27),
       CivilDay(2026, 11, 30)},
      // 334 days in January..November plus 4 = 338. 2025 has 365 days, so
      // the previous 338 days start on day 365 - 338 + 1 = 28.
      {"UtcYearToDate", "UTC", kUtcAsOf, Preset(PeriodPreset::kYearToDate),
       CivilDay(2026, 1, 1), CivilDay(2026, 12, 4), 338, CivilDay(2025, 1, 28),
       CivilDay(2025, 12, 31)},
      // 5..30 November (26 days) plus 1..4 December (4 days).
      {"UtcLast30Days", "UTC", kUtcAsOf, Preset(PeriodPreset::kLast30Days),
       CivilDay(2026, 11, 5), CivilDay(2026, 12, 4), 30, CivilDay(2026, 10, 6),
       CivilDay(2026, 11, 4)},
      // 6..30 September (25) + October (31) + November (30) + 4 = 90.
      // Previous: 8..30 June (23) + July (31) + August (31) + 1..5 Sep (5).
      {"UtcLast90Days", "UTC", kUtcAsOf, Preset(PeriodPreset::kLast90Days),
       CivilDay(2026, 9, 6), CivilDay(2026, 12, 4), 90, CivilDay(2026, 6, 8),
       CivilDay(2026, 9, 5)},
      // 10..20 November is 11 days; the previous 11 are 30 Oct..9 Nov.
      {"UtcCustom", "UTC", kUtcAsOf, custom, CivilDay(2026, 11, 10),
       CivilDay(2026, 11, 20), 11, CivilDay(2026, 10, 30),
       CivilDay(2026, 11, 9)},
      {"AmsterdamMonthToDate", "Europe/Amsterdam", kAmsterdamAsOf,
       Preset(PeriodPreset::kMonthToDate), CivilDay(2026, 12, 1),
       CivilDay(2026, 12, 5), 5, CivilDay(2026, 11, 26),
       CivilDay(2026, 11, 30)},
      // 334 + 5 = 339 days; previous starts on day 365 - 339 + 1 = 27.
      {"AmsterdamYearToDate", "Europe/Amsterdam", kAmsterdamAsOf,
       Preset(PeriodPreset::kYearToDate), CivilDay(2026, 1, 1),
       CivilDay(2026, 12, 5), 339, CivilDay(2025, 1, 27),
       CivilDay(2025, 12, 31)},
      {"AmsterdamLast30Days", "Europe/Amsterdam", kAmsterdamAsOf,
       Preset(PeriodPreset::kLast30Days), CivilDay(2026, 11, 6),
       CivilDay(2026, 12, 5), 30, CivilDay(2026, 10, 7), CivilDay(2026, 11, 5)},
      {"AmsterdamLast90Days", "Europe/Amsterdam", kAmsterdamAsOf,
       Preset(PeriodPreset::kLast90Days), CivilDay(2026, 9, 7),
       CivilDay(2026, 12, 5), 90, CivilDay(2026, 6, 9), CivilDay(2026, 9, 6)},
      {"AmsterdamCustom", "Europe/Amsterdam", kAmsterdamAsOf, custom,
       CivilDay(2026, 11, 10), CivilDay(2026, 11, 20), 11,
       CivilDay(2026, 10, 30), CivilDay(2026, 11, 9)},
  };
}

class PresetTest : public ::testing::TestWithParam<PresetCase> {};

TEST_P(PresetTest, ResolvesDaysAndPreviousPeriod) {
  const PresetCase& c = GetParam();
  const absl::TimeZone zone = Zone(c.zone);

  absl::StatusOr<ResolvedPeriods> resolved =
      ResolvePeriod(c.request, zone, c.as_of);

  ASSERT_TRUE(resolved.ok()) << resolved.status();
  const Period& current = resolved->current;
  EXPECT_EQ(current.preset, c.request.preset);
  EXPECT_EQ(current.first_day, c.first);
  EXPECT_EQ(current.last_day, c.last);
  EXPECT_EQ(current.days, c.days);
  EXPECT_EQ(current.start, StartOfDay(c.first, zone));
  EXPECT_EQ(current.end, StartOfDay(c.last + 1, zone));
  EXPECT_THAT(resolved->notes, IsEmpty());

  ASSERT_TRUE(resolved->previous.has_value());
  const Period& previous = *resolved->previous;
  EXPECT_EQ(previous.preset, c.request.preset);
  EXPECT_EQ(previous.first_day, c.previous_first);
  EXPECT_EQ(previous.last_day, c.previous_last);
  EXPECT_EQ(previous.days, c.days);
  EXPECT_EQ(previous.end, current.start);
}

INSTANTIATE_TEST_SUITE_P(Presets, PresetTest,
                         ::testing::ValuesIn(PresetCases()),
                         [](const ::testing::TestParamInfo<PresetCase>& info) {
                           return info.param.name;
                         });

TEST(PeriodTest, AmsterdamBoundsAreLocalMidnights) {
  const absl::TimeZone zone = Zone("Europe/Amsterdam");

  absl::StatusOr<ResolvedPeriods> month =
      ResolvePeriod(Preset(PeriodPreset::kMonthToDate), zone, kAmsterdamAsOf);
  absl::StatusOr<ResolvedPeriods> quarter =
      ResolvePeriod(Preset(PeriodPreset::kLast90Days), zone, kAmsterdamAsOf);

  ASSERT_TRUE(month.ok()) << month.status();
  ASSERT_TRUE(quarter.ok()) << quarter.status();
  // 1 and 6 December are in winter time (UTC+1).
  EXPECT_EQ(month->current.start, Utc(2026, 11, 30, 23));
  EXPECT_EQ(month->current.end, Utc(2026, 12, 5, 23));
  // 7 September and 9 June are in summer time (UTC+2).
  EXPECT_EQ(quarter->current.start, Utc(2026, 9, 6, 22));
  EXPECT_EQ(quarter->current.end, Utc(2026, 12, 5, 23));
  ASSERT_TRUE(quarter->previous.has_value());
  EXPECT_EQ(quarter->previous->start, Utc(2026, 6, 8, 22));
  EXPECT_EQ(quarter->previous->end, Utc(2026, 9, 6, 22));
}

TEST(PeriodTest, LastThirtyDaysIncludesToday) {
  const absl::Time as_of = Utc(2026, 12, 4, 23, 59, 59);

  absl::StatusOr<ResolvedPeriods> resolved = ResolvePeriod(
      Preset(PeriodPreset::kLast30Days), absl::UTCTimeZone(), as_of);

  ASSERT_TRUE(resolved.ok()) << resolved.status();
  EXPECT_EQ(resolved->current.last_day, absl::CivilDay(2026, 12, 4));
  EXPECT_TRUE(resolved->current.Contains(as_of));
  EXPECT_TRUE(resolved->current.Contains(Utc(2026, 11, 5)));
  EXPECT_FALSE(resolved->current.Contains(Utc(2026, 11, 4, 23, 59, 59)));
  EXPECT_FALSE(resolved->current.Contains(Utc(2026, 12, 5)));
}

TEST(PeriodTest, MonthToDateOnFirstIsOneDay) {
  absl::StatusOr<ResolvedPeriods> resolved =
      ResolvePeriod(Preset(PeriodPreset::kMonthToDate), absl::UTCTimeZone(),
                    Utc(2026, 3, 1, 12));

  ASSERT_TRUE(resolved.ok()) << resolved.status();
  EXPECT_EQ(resolved->current.first_day, absl::CivilDay(2026, 3, 1));
  EXPECT_EQ(resolved->current.last_day, absl::CivilDay(2026, 3, 1));
  EXPECT_EQ(resolved->current.days, 1);
  ASSERT_TRUE(resolved->previous.has_value());
  EXPECT_EQ(resolved->previous->first_day, absl::CivilDay(2026, 2, 28));
  EXPECT_EQ(resolved->previous->last_day, absl::CivilDay(2026, 2, 28));
}

TEST(PeriodTest, NewYorkAfterMidnightIsMarch) {
  // 05:05Z is 00:05 EST (UTC-5) on 1 March.
  absl::StatusOr<ResolvedPeriods> resolved =
      ResolvePeriod(Preset(PeriodPreset::kMonthToDate),
                    Zone("America/New_York"), Utc(2026, 3, 1, 5, 5));

  ASSERT_TRUE(resolved.ok()) << resolved.status();
  EXPECT_EQ(resolved->current.first_day, absl::CivilDay(2026, 3, 1));
  EXPECT_EQ(resolved->current.last_day, absl::CivilDay(2026, 3, 1));
  EXPECT_EQ(resolved->current.start, Utc(2026, 3, 1, 5));
  EXPECT_EQ(resolved->current.end, Utc(2026, 3, 2, 5));
}

TEST(PeriodTest, NewYorkBeforeMidnightIsFebruary) {
  // 04:55Z is 23:55 EST on 28 February.
  absl::StatusOr<ResolvedPeriods> resolved =
      ResolvePeriod(Preset(PeriodPreset::kMonthToDate),
                    Zone("America/New_York"), Utc(2026, 3, 1, 4, 55));

  ASSERT_TRUE(resolved.ok()) << resolved.status();
  EXPECT_EQ(resolved->current.first_day, absl::CivilDay(2026, 2, 1));
  EXPECT_EQ(resolved->current.last_day, absl::CivilDay(2026, 2, 28));
  EXPECT_EQ(resolved->current.days, 28);
  ASSERT_TRUE(resolved->previous.has_value());
  // 28 days before 1 February: 4..31 January.
  EXPECT_EQ(resolved->previous->first_day, absl::CivilDay(2026, 1, 4));
  EXPECT_EQ(resolved->previous->last_day, absl::CivilDay(2026, 1, 31));
}

TEST(PeriodTest, AllTimeEndsAtAsOfWithoutPrevious) {
  absl::StatusOr<ResolvedPeriods> resolved = ResolvePeriod(
      Preset(PeriodPreset::kAllTime), absl::UTCTimeZone(), kUtcAsOf);

  ASSERT_TRUE(resolved.ok()) << resolved.status();
  EXPECT_TRUE(resolved->current.all_time());
  EXPECT_EQ(resolved->current.start, absl::InfinitePast());
  EXPECT_EQ(resolved->current.end, kUtcAsOf);
  EXPECT_EQ(resolved->current.days, 0);
  EXPECT_TRUE(resolved->current.Contains(Utc(1990, 1, 1)));
  EXPECT_TRUE(resolved->current.Contains(kUtcAsOf - absl::Milliseconds(1)));
  EXPECT_FALSE(resolved->current.Contains(kUtcAsOf));
  EXPECT_FALSE(resolved->current.Contains(Utc(2100, 1, 1)));
  EXPECT_FALSE(resolved->previous.has_value());
  EXPECT_THAT(resolved->notes, IsEmpty());
}

TEST(PeriodTest, BerlinSpringForwardDayIs23Hours) {
  const absl::TimeZone zone = Zone("Europe/Berlin");

  absl::StatusOr<ResolvedPeriods> resolved = ResolvePeriod(
      Custom(absl::CivilDay(2026, 3, 29), absl::CivilDay(2026, 3, 29)), zone,
      kUtcAsOf);

  ASSERT_TRUE(resolved.ok()) << resolved.status();
  // Midnight CET (UTC+1) to midnight CEST (UTC+2).
  EXPECT_EQ(resolved->current.start, Utc(2026, 3, 28, 23));
  EXPECT_EQ(resolved->current.end, Utc(2026, 3, 29, 22));
  EXPECT_EQ(resolved->current.end - resolved->current.start, absl::Hours(23));
  EXPECT_EQ(resolved->current.days, 1);
}

TEST(PeriodTest, BerlinFallBackDayIs25Hours) {
  const absl::TimeZone zone = Zone("Europe/Berlin");

  absl::StatusOr<ResolvedPeriods> resolved = ResolvePeriod(
      Custom(absl::CivilDay(2026, 10, 25), absl::CivilDay(2026, 10, 25)), zone,
      kUtcAsOf);

  ASSERT_TRUE(resolved.ok()) << resolved.status();
  // Midnight CEST (UTC+2) to midnight CET (UTC+1).
  EXPECT_EQ(resolved->current.start, Utc(2026, 10, 24, 22));
  EXPECT_EQ(resolved->current.end, Utc(2026, 10, 25, 23));
  EXPECT_EQ(resolved->current.end - resolved->current.start, absl::Hours(25));
}

TEST(PeriodTest, BerlinRepeatedHourLandsOnItsDayOnce) {
  const absl::TimeZone zone = Zone("Europe/Berlin");
  // 02:30 local happens twice on 25 October 2026: at 00:30Z in CEST and at
  // 01:30Z in CET.
  const absl::Time first = Utc(2026, 10, 25, 0, 30);
  const absl::Time second = Utc(2026, 10, 25, 1, 30);

  EXPECT_EQ(DayOf(first, zone), absl::CivilDay(2026, 10, 25));
  EXPECT_EQ(DayOf(second, zone), absl::CivilDay(2026, 10, 25));

  for (int day : {24, 25, 26}) {
    absl::StatusOr<ResolvedPeriods> resolved = ResolvePeriod(
        Custom(absl::CivilDay(2026, 10, day), absl::CivilDay(2026, 10, day)),
        zone, kUtcAsOf);
    ASSERT_TRUE(resolved.ok()) << resolved.status();
    EXPECT_EQ(resolved->current.Contains(first), day == 25) << "day " << day;
    EXPECT_EQ(resolved->current.Contains(second), day == 25) << "day " << day;
  }
}

TEST(PeriodTest, SkippedMidnightStartsAtFirstExistingInstant) {
  // Santiago moves from UTC-4 to UTC-3 at 00:00 on 6 September 2026, so the
  // day starts at 01:00 local, 04:00Z, and is 23 hours long.
  const absl::TimeZone santiago = Zone("America/Santiago");
  EXPECT_EQ(StartOfDay(absl::CivilDay(2026, 9, 6), santiago),
            Utc(2026, 9, 6, 4));
  EXPECT_EQ(StartOfDay(absl::CivilDay(2026, 9, 7), santiago),
            Utc(2026, 9, 7, 3));

  // Beirut moves from UTC+2 to UTC+3 at 00:00 on 29 March 2026, so the day
  // starts at 01:00 local, 22:00Z the day before.
  const absl::TimeZone beirut = Zone("Asia/Beirut");
  EXPECT_EQ(StartOfDay(absl::CivilDay(2026, 3, 29), beirut),
            Utc(2026, 3, 28, 22));
}

TEST(PeriodTest, RepeatedMidnightStartsAtFirstOccurrence) {
  // Havana goes back from 01:00 CDT (UTC-4) to 00:00 CST (UTC-5) on
  // 2 November 2025, so midnight happens at 04:00Z and again at 05:00Z.
  const absl::TimeZone havana = Zone("America/Havana");

  EXPECT_EQ(StartOfDay(absl::CivilDay(2025, 11, 2), havana),
            Utc(2025, 11, 2, 4));
  EXPECT_EQ(StartOfDay(absl::CivilDay(2025, 11, 3), havana),
            Utc(2025, 11, 3, 5));
  EXPECT_EQ(DayOf(Utc(2025, 11, 2, 4, 30), havana),
            absl::CivilDay(2025, 11, 2));
}

TEST(PeriodTest, LastMillisecondOfCustomEndIsInside) {
  const absl::TimeZone zone = Zone("Europe/Amsterdam");

  absl::StatusOr<ResolvedPeriods> resolved = ResolvePeriod(
      Custom(absl::CivilDay(2026, 6, 1), absl::CivilDay(2026, 6, 30)), zone,
      kUtcAsOf);

  ASSERT_TRUE(resolved.ok()) << resolved.status();
  // 23:59:59.999 CEST (UTC+2) on 30 June and midnight after it.
  const absl::Time last_millisecond =
      Utc(2026, 6, 30, 21, 59, 59) + absl::Milliseconds(999);
  const absl::Time next_midnight = Utc(2026, 6, 30, 22);
  EXPECT_TRUE(resolved->current.Contains(last_millisecond));
  EXPECT_FALSE(resolved->current.Contains(next_midnight));
  EXPECT_EQ(resolved->current.days, 30);
}

TEST(PeriodTest, CustomEndBeforeStartIsRejected) {
  absl::StatusOr<ResolvedPeriods> resolved = ResolvePeriod(
      Custom(absl::CivilDay(2026, 2, 1), absl::CivilDay(2026, 1, 1)),
      absl::UTCTimeZone(), kUtcAsOf);

  ASSERT_FALSE(resolved.ok());
  EXPECT_EQ(resolved.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(resolved.status().message(),
            "end_date 2026-01-01 is before start_date 2026-02-01; choose an "
            "end date on or after the start date");
}

TEST(PeriodTest, CustomWithoutDatesNamesMissingField) {
  struct Case {
    std::optional<absl::CivilDay> start;
    std::optional<absl::CivilDay> end;
    std::string missing;
  };
  const absl::CivilDay day(2026, 1, 1);
  const std::vector<Case> cases = {
      {std::nullopt, day, "missing start_date:"},
      {day, std::nullopt, "missing end_date:"},
      {std::nullopt, std::nullopt, "missing start_date and end_date:"},
  };

  for (const Case& c : cases) {
    PeriodRequest request;
    request.preset = PeriodPreset::kCustom;
    request.start_date = c.start;
    request.end_date = c.end;

    absl::StatusOr<ResolvedPeriods> resolved =
        ResolvePeriod(request, absl::UTCTimeZone(), kUtcAsOf);

    ASSERT_FALSE(resolved.ok()) << c.missing;
    EXPECT_EQ(resolved.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(resolved.status().message(), HasSubstr(c.missing));
  }
}

TEST(PeriodTest, CustomUpToTenYearsIsAccepted) {
  // 2016-01-01 plus 10 years is 2026-01-01.
  absl::StatusOr<ResolvedPeriods> resolved = ResolvePeriod(
      Custom(absl::CivilDay(2016, 1, 1), absl::CivilDay(2026, 1, 1)),
      absl::UTCTimeZone(), kUtcAsOf);

  ASSERT_TRUE(resolved.ok()) << resolved.status();
  // 2016..2025 hold three leap years (2016, 2020, 2024): 3650 + 3 + 1.
  EXPECT_EQ(resolved->current.days, 3654);
}

TEST(PeriodTest, CustomLongerThanTenYearsIsRejected) {
  absl::StatusOr<ResolvedPeriods> resolved = ResolvePeriod(
      Custom(absl::CivilDay(2016, 1, 1), absl::CivilDay(2026, 1, 2)),
      absl::UTCTimeZone(), kUtcAsOf);

  ASSERT_FALSE(resolved.ok());
  EXPECT_EQ(resolved.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(resolved.status().message(),
            "period from start_date 2016-01-01 to end_date 2026-01-02 is "
            "longer than 10 years; choose an end date on or before "
            "2026-01-01");
}

TEST(PeriodTest, LeapDayLimitIsFirstOfMarch) {
  // 2026-02-29 does not exist and normalises to 2026-03-01.
  const absl::CivilDay start(2016, 2, 29);

  absl::StatusOr<ResolvedPeriods> accepted = ResolvePeriod(
      Custom(start, absl::CivilDay(2026, 3, 1)), absl::UTCTimeZone(), kUtcAsOf);
  absl::StatusOr<ResolvedPeriods> rejected = ResolvePeriod(
      Custom(start, absl::CivilDay(2026, 3, 2)), absl::UTCTimeZone(), kUtcAsOf);

  EXPECT_TRUE(accepted.ok()) << accepted.status();
  ASSERT_FALSE(rejected.ok());
  EXPECT_EQ(rejected.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(rejected.status().message(),
              HasSubstr("on or before 2026-03-01"));
}

TEST(PeriodTest, FutureEndDateIsClampedWithNote) {
  absl::StatusOr<ResolvedPeriods> resolved = ResolvePeriod(
      Custom(absl::CivilDay(2026, 11, 1), absl::CivilDay(2027, 1, 10)),
      absl::UTCTimeZone(), kUtcAsOf);

  ASSERT_TRUE(resolved.ok()) << resolved.status();
  EXPECT_EQ(resolved->current.first_day, absl::CivilDay(2026, 11, 1));
  EXPECT_EQ(resolved->current.last_day, absl::CivilDay(2026, 12, 4));
  // 30 days of November plus 4 of December.
  EXPECT_EQ(resolved->current.days, 34);
  EXPECT_THAT(resolved->notes,
              ElementsAre("end date 2027-01-10 is in the future; the period "
                          "ends today, 2026-12-04"));
}

TEST(PeriodTest, FutureStartAndEndBecomeToday) {
  absl::StatusOr<ResolvedPeriods> resolved = ResolvePeriod(
      Custom(absl::CivilDay(2027, 1, 1), absl::CivilDay(2027, 1, 10)),
      absl::UTCTimeZone(), kUtcAsOf);

  ASSERT_TRUE(resolved.ok()) << resolved.status();
  EXPECT_EQ(resolved->current.first_day, absl::CivilDay(2026, 12, 4));
  EXPECT_EQ(resolved->current.last_day, absl::CivilDay(2026, 12, 4));
  EXPECT_EQ(resolved->current.days, 1);
  EXPECT_THAT(resolved->notes,
              ElementsAre("start date 2027-01-01 is in the future; the "
                          "period starts today, 2026-12-04",
                          "end date 2027-01-10 is in the future; the period "
                          "ends today, 2026-12-04"));
  ASSERT_TRUE(resolved->previous.has_value());
  EXPECT_EQ(resolved->previous->first_day, absl::CivilDay(2026, 12, 3));
  EXPECT_EQ(resolved->previous->last_day, absl::CivilDay(2026, 12, 3));
}

TEST(PeriodTest, UnknownPresetIsRejected) {
  absl::StatusOr<ResolvedPeriods> resolved = ResolvePeriod(
      Preset(static_cast<PeriodPreset>(42)), absl::UTCTimeZone(), kUtcAsOf);

  ASSERT_FALSE(resolved.ok());
  EXPECT_EQ(resolved.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(resolved.status().message(), HasSubstr("42"));
}

TEST(TimeZoneTest, EmptyNameIsUtc) {
  absl::StatusOr<absl::TimeZone> zone = LoadTimeZone("");

  ASSERT_TRUE(zone.ok()) << zone.status();
  EXPECT_EQ(*zone, absl::UTCTimeZone());
}

TEST(TimeZoneTest, IanaNamesLoad) {
  for (std::string_view name :
       {"UTC", "Europe/Amsterdam", "America/Argentina/Buenos_Aires",
        "Etc/GMT+1", "America/Port-au-Prince"}) {
    absl::StatusOr<absl::TimeZone> zone = LoadTimeZone(name);
    ASSERT_TRUE(zone.ok()) << name << ": " << zone.status();
    EXPECT_EQ(zone->name(), name);
  }
}

TEST(TimeZoneTest, UnknownZoneIsRejected) {
  absl::StatusOr<absl::TimeZone> zone = LoadTimeZone("Mars/Olympus");

  ASSERT_FALSE(zone.ok());
  EXPECT_EQ(zone.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(zone.status().message(),
            "unknown time zone \"Mars/Olympus\"; use an IANA name such as "
            "\"Europe/Amsterdam\"");
}

TEST(TimeZoneTest, NonIanaNamesAreRejected) {
  // Abseil loads every one of these except the lower-case and trailing
  // slash names, but none is an IANA zone name.
  for (std::string_view name :
       {"localtime", "posixrules", "Fixed/UTC+01:00:00",
        "posix/Europe/Amsterdam", "/usr/share/zoneinfo/Europe/Amsterdam",
        "../zoneinfo/Europe/Amsterdam", "Europe/../Europe/Berlin",
        "file:/usr/share/zoneinfo/UTC", "europe/amsterdam",
        "Europe/Amsterdam/"}) {
    absl::StatusOr<absl::TimeZone> zone = LoadTimeZone(name);
    ASSERT_FALSE(zone.ok()) << name;
    EXPECT_EQ(zone.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(zone.status().message(), HasSubstr("unknown time zone"));
  }
}

TEST(ParseDateTest, AcceptsExistingDates) {
  struct Case {
    std::string text;
    absl::CivilDay day;
  };
  const std::vector<Case> cases = {
      {"2026-03-01", absl::CivilDay(2026, 3, 1)},
      {"2024-02-29", absl::CivilDay(2024, 2, 29)},
      {"2026-12-31", absl::CivilDay(2026, 12, 31)},
      {"0900-01-05", absl::CivilDay(900, 1, 5)},
  };

  for (const Case& c : cases) {
    absl::StatusOr<absl::CivilDay> day = ParseDate(c.text, "start_date");
    ASSERT_TRUE(day.ok()) << c.text << ": " << day.status();
    EXPECT_EQ(*day, c.day) << c.text;
  }
}

TEST(ParseDateTest, RejectsMalformedAndNonexistentDates) {
  for (std::string_view text :
       {"2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10", "2026-01-00",
        "2026-04-31", "2026-3-1", "", "2026/01/01", "2026-01-01 ",
        " 2026-01-01", "+026-01-01", "2026-01-1x", "20260101",
        "2026-01-01T00:00:00Z"}) {
    absl::StatusOr<absl::CivilDay> day = ParseDate(text, "end_date");
    ASSERT_FALSE(day.ok()) << text;
    EXPECT_EQ(day.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(day.status().message(), HasSubstr("invalid end_date"));
  }
}

TEST(ParseDateTest, MessageNamesFieldAndText) {
  absl::StatusOr<absl::CivilDay> day = ParseDate("2026-02-30", "start_date");

  ASSERT_FALSE(day.ok());
  EXPECT_EQ(day.status().message(),
            "invalid start_date \"2026-02-30\": expected an existing date as "
            "YYYY-MM-DD");
}

TEST(ParseDateTest, MessageEscapesAndShortensText) {
  const std::string text = "\"\n" + std::string(60, 'x');

  absl::StatusOr<absl::CivilDay> day = ParseDate(text, "start_date");

  ASSERT_FALSE(day.ok());
  // 40 characters are kept: the quote and newline, escaped, and 38 x.
  EXPECT_EQ(day.status().message(),
            "invalid start_date \"\\\"\\n" + std::string(38, 'x') +
                "...\": expected an existing date as YYYY-MM-DD");
}

TEST(FormatDateTest, PadsFields) {
  EXPECT_EQ(FormatDate(absl::CivilDay(2026, 3, 1)), "2026-03-01");
  EXPECT_EQ(FormatDate(absl::CivilDay(900, 1, 5)), "0900-01-05");
}

}  // namespace
}  // namespace usage
