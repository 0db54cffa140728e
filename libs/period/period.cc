#include "period/period.h"

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"

namespace usage {
namespace {

// User text quoted in an error message is escaped and cut to this many
// characters so that a message stays one readable line.
constexpr size_t kMaxQuotedChars = 40;

// Names that absl::LoadTimeZone (Abseil 20220623) accepts although they are
// not IANA zone names: "localtime" is the host's zone and "posixrules" a
// template file of the zoneinfo directory.
constexpr std::string_view kNonIanaNames[] = {"localtime", "posixrules"};
// Fixed offsets ("Fixed/UTC+01:00:00") and the zoneinfo directory's copies
// of the database without or with leap seconds.
constexpr std::string_view kNonIanaPrefixes[] = {"Fixed/", "posix/", "right/"};

// Debian's Abseil has its own string_view type, which std::string_view does
// not convert to.
absl::string_view ToAbsl(std::string_view text) {
  return absl::string_view(text.data(), text.size());
}

std::string Quote(std::string_view text) {
  const bool cut = text.size() > kMaxQuotedChars;
  const std::string escaped =
      absl::CHexEscape(ToAbsl(text.substr(0, kMaxQuotedChars)));
  return absl::StrCat("\"", escaped, cut ? "...\"" : "\"");
}

// Returns true when `name` has the shape of an IANA zone name such as
// "America/Argentina/Buenos_Aires" or "Etc/GMT+1". absl::LoadTimeZone also
// opens absolute and relative file paths, which this shape rules out.
bool HasIanaShape(std::string_view name) {
  for (absl::string_view part : absl::StrSplit(ToAbsl(name), '/')) {
    if (part.empty() || !absl::ascii_isalpha(part.front())) return false;
    for (char c : part) {
      if (!absl::ascii_isalnum(c) && c != '_' && c != '-' && c != '+') {
        return false;
      }
    }
  }
  return true;
}

bool IsNonIanaAlias(std::string_view name) {
  for (std::string_view alias : kNonIanaNames) {
    if (name == alias) return true;
  }
  for (std::string_view prefix : kNonIanaPrefixes) {
    if (name.starts_with(prefix)) return true;
  }
  return false;
}

// The calendar days of a period, both inclusive.
struct DayRange {
  absl::CivilDay first;
  absl::CivilDay last;
};

Period MakePeriod(PeriodPreset preset, DayRange range, absl::TimeZone zone) {
  Period period;
  period.preset = preset;
  period.first_day = range.first;
  period.last_day = range.last;
  period.start = StartOfDay(range.first, zone);
  period.end = StartOfDay(range.last + 1, zone);
  period.days = static_cast<int>(range.last - range.first + 1);
  return period;
}

absl::Status CheckCustomDatesPresent(const PeriodRequest& request) {
  const bool has_start = request.start_date.has_value();
  const bool has_end = request.end_date.has_value();
  if (has_start && has_end) return absl::OkStatus();

  std::string missing = "start_date and end_date";
  if (has_start) missing = "end_date";
  if (has_end) missing = "start_date";
  return absl::InvalidArgumentError(
      absl::StrCat("missing ", missing,
                   ": a CUSTOM period needs both start_date and end_date"));
}

absl::Status CheckCustomRange(absl::CivilDay start, absl::CivilDay end) {
  if (end < start) {
    return absl::InvalidArgumentError(absl::StrCat(
        "end_date ", FormatDate(end), " is before start_date ",
        FormatDate(start), "; choose an end date on or after the start date"));
  }

  // CivilDay normalises 29 February plus ten years to 1 March when the later
  // year is not a leap year.
  const absl::CivilDay latest_end(start.year() + kMaxCustomYears, start.month(),
                                  start.day());
  if (end > latest_end) {
    return absl::InvalidArgumentError(absl::StrCat(
        "period from start_date ", FormatDate(start), " to end_date ",
        FormatDate(end), " is longer than ", kMaxCustomYears,
        " years; choose an end date on or before ", FormatDate(latest_end)));
  }
  return absl::OkStatus();
}

// Validates the custom dates, then clamps those after `today` to `today`
// with a note each.
absl::StatusOr<DayRange> ResolveCustomDays(const PeriodRequest& request,
                                           absl::CivilDay today,
                                           std::vector<std::string>& notes) {
  if (absl::Status status = CheckCustomDatesPresent(request); !status.ok()) {
    return status;
  }
  DayRange range{*request.start_date, *request.end_date};
  if (absl::Status status = CheckCustomRange(range.first, range.last);
      !status.ok()) {
    return status;
  }

  if (range.first > today) {
    notes.push_back(absl::StrCat("start date ", FormatDate(range.first),
                                 " is in the future; the period starts today, ",
                                 FormatDate(today)));
    range.first = today;
  }
  if (range.last > today) {
    notes.push_back(absl::StrCat("end date ", FormatDate(range.last),
                                 " is in the future; the period ends today, ",
                                 FormatDate(today)));
    range.last = today;
  }
  return range;
}

absl::StatusOr<DayRange> ResolveDays(const PeriodRequest& request,
                                     absl::CivilDay today,
                                     std::vector<std::string>& notes) {
  switch (request.preset) {
    case PeriodPreset::kMonthToDate:
      return DayRange{absl::CivilDay(absl::CivilMonth(today)), today};
    case PeriodPreset::kYearToDate:
      return DayRange{absl::CivilDay(absl::CivilYear(today)), today};
    case PeriodPreset::kLast30Days:
      return DayRange{today - 29, today};
    case PeriodPreset::kLast90Days:
      return DayRange{today - 89, today};
    case PeriodPreset::kCustom:
      return ResolveCustomDays(request, today, notes);
    case PeriodPreset::kAllTime:
      break;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("unknown period preset ", static_cast<int>(request.preset),
                   "; use one of the PeriodPreset values"));
}

}  // namespace

absl::StatusOr<ResolvedPeriods> ResolvePeriod(const PeriodRequest& request,
                                              absl::TimeZone zone,
                                              absl::Time as_of) {
  ResolvedPeriods resolved;
  if (request.preset == PeriodPreset::kAllTime) {
    // All time ends at as_of, so that a report for a fixed as_of stays the
    // same when later events arrive.
    resolved.current.preset = PeriodPreset::kAllTime;
    resolved.current.end = as_of;
    return resolved;
  }

  const absl::CivilDay today = DayOf(as_of, zone);
  absl::StatusOr<DayRange> range = ResolveDays(request, today, resolved.notes);
  if (!range.ok()) return range.status();
  resolved.current = MakePeriod(request.preset, *range, zone);

  const int days = resolved.current.days;
  resolved.previous = MakePeriod(
      request.preset, DayRange{range->first - days, range->first - 1}, zone);
  return resolved;
}

absl::StatusOr<absl::CivilDay> ParseDate(std::string_view text,
                                         std::string_view field) {
  const absl::Status invalid = absl::InvalidArgumentError(
      absl::StrCat("invalid ", ToAbsl(field), " ", Quote(text),
                   ": expected an existing date as YYYY-MM-DD"));
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return invalid;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i != 4 && i != 7 && !absl::ascii_isdigit(text[i])) return invalid;
  }

  auto number = [&text](size_t pos, size_t len) {
    int value = 0;
    for (char c : text.substr(pos, len)) value = value * 10 + (c - '0');
    return value;
  };
  const int year = number(0, 4);
  const int month = number(5, 2);
  const int day = number(8, 2);

  // CivilDay normalises out-of-range fields (2026-02-30 becomes 2026-03-02),
  // so a date exists only when its fields survive unchanged.
  const absl::CivilDay date(year, month, day);
  if (date.year() != year || date.month() != month || date.day() != day) {
    return invalid;
  }
  return date;
}

std::string FormatDate(absl::CivilDay day) {
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

absl::StatusOr<absl::TimeZone> LoadTimeZone(std::string_view name) {
  if (name.empty()) return absl::UTCTimeZone();

  absl::TimeZone zone;
  if (!HasIanaShape(name) || IsNonIanaAlias(name) ||
      !absl::LoadTimeZone(std::string(name), &zone)) {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown time zone ", Quote(name),
                     "; use an IANA name such as \"Europe/Amsterdam\""));
  }
  return zone;
}

absl::CivilDay DayOf(absl::Time t, absl::TimeZone zone) {
  return absl::ToCivilDay(t, zone);
}

absl::Time StartOfDay(absl::CivilDay day, absl::TimeZone zone) {
  const absl::TimeZone::TimeInfo info = zone.At(absl::CivilSecond(day));
  switch (info.kind) {
    case absl::TimeZone::TimeInfo::SKIPPED:
      // Midnight falls in a DST gap, so the day starts when the gap ends.
      return info.trans;
    case absl::TimeZone::TimeInfo::REPEATED:
      // Clocks go back to midnight, so midnight occurs twice and the day
      // starts at the first occurrence.
      return info.pre;
    case absl::TimeZone::TimeInfo::UNIQUE:
      break;
  }
  return info.pre;
}

}  // namespace usage
