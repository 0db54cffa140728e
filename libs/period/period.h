// Report periods: presets and custom dates resolved, in an IANA time zone,
// to half-open UTC instant ranges, plus the previous period of equal length.
#ifndef USAGE_PERIOD_PERIOD_H_
#define USAGE_PERIOD_PERIOD_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace usage {

enum class PeriodPreset {
  kMonthToDate,
  kYearToDate,
  kLast30Days,
  kLast90Days,
  kCustom,
  kAllTime,
};

// A requested period. `start_date` and `end_date` are used by kCustom
// only, and both must be set for it.
struct PeriodRequest {
  PeriodPreset preset = PeriodPreset::kLast30Days;
  std::optional<absl::CivilDay> start_date;
  std::optional<absl::CivilDay> end_date;
};

// A resolved period: the calendar days [first_day, last_day] in the report's
// time zone, and the instants [start, end) from midnight of first_day to
// midnight after last_day. For kAllTime, start is absl::InfinitePast(), end
// is as_of (events after as_of count in no figure) and days is 0.
struct Period {
  PeriodPreset preset = PeriodPreset::kLast30Days;
  absl::CivilDay first_day;
  absl::CivilDay last_day;
  absl::Time start = absl::InfinitePast();
  absl::Time end = absl::InfiniteFuture();
  int days = 0;

  bool all_time() const { return preset == PeriodPreset::kAllTime; }
  // Returns true when `t` lies in [start, end).
  bool Contains(absl::Time t) const { return t >= start && t < end; }
};

// A period, the one before it and notes on changes made to the request.
struct ResolvedPeriods {
  Period current;
  // The same number of days right before `current`; unset for kAllTime.
  std::optional<Period> previous;
  // Sentences for people, such as a custom end date clamped to today.
  std::vector<std::string> notes;
};

// Maximum length of a custom period, in years.
inline constexpr int kMaxCustomYears = 10;

// Resolves `request` at `as_of` in `zone`. "Today" is the calendar day of
// `as_of` in `zone`. Custom dates after today are clamped to today with a
// note. Returns INVALID_ARGUMENT, naming the dates, when kCustom lacks a
// date, when the end is before the start, or when the range is longer than
// kMaxCustomYears years.
absl::StatusOr<ResolvedPeriods> ResolvePeriod(const PeriodRequest& request,
                                              absl::TimeZone zone,
                                              absl::Time as_of);

// Parses a strict YYYY-MM-DD date. Returns INVALID_ARGUMENT naming `field`
// and the text otherwise, including for dates that do not exist
// (2026-02-30).
absl::StatusOr<absl::CivilDay> ParseDate(std::string_view text,
                                         std::string_view field);

// Formats a day as YYYY-MM-DD.
std::string FormatDate(absl::CivilDay day);

// Loads an IANA time zone; "" means UTC. Returns INVALID_ARGUMENT naming the
// zone when the name is unknown.
absl::StatusOr<absl::TimeZone> LoadTimeZone(std::string_view name);

// Returns the calendar day of `t` in `zone`.
absl::CivilDay DayOf(absl::Time t, absl::TimeZone zone);

// Returns the first instant of `day` in `zone`. On a day whose midnight is
// skipped by a DST change, that is the first instant that exists.
absl::Time StartOfDay(absl::CivilDay day, absl::TimeZone zone);

}  // namespace usage

#endif  // USAGE_PERIOD_PERIOD_H_
