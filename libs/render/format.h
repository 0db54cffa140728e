// Formats numbers, durations and instants for the report's text.
#ifndef USAGE_RENDER_FORMAT_H_
#define USAGE_RENDER_FORMAT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"

namespace usage::render {

// A time zone and the name printed next to times in it.
struct NamedZone {
  absl::TimeZone zone;
  std::string name;
};

// Loads the IANA zone `name`. An empty or unknown name gives UTC, named
// "UTC", so a report always has a zone to print times in.
NamedZone LoadZoneOrUtc(std::string_view name);

// Converts a protobuf Timestamp to absl::Time.
absl::Time ToAbslTime(const google::protobuf::Timestamp& timestamp);

// Formats an integer with comma thousands separators: 1234567 gives
// "1,234,567".
std::string FormatCount(int64_t value);

// Formats `value` with `decimals` digits after the point and comma thousands
// separators: (1234.56, 1) gives "1,234.6". NaN and infinities give "–".
std::string FormatDecimal(double value, int decimals);

// Formats seconds as hours and minutes rounded to the nearest minute:
// 43499 s gives "12 h 05 min", 2700 s gives "45 min". Negative and non-finite
// values count as 0.
std::string FormatDuration(double seconds);

// Formats a day as YYYY-MM-DD in `zone`.
std::string FormatDate(absl::Time time, const NamedZone& zone);

// Formats an instant as "YYYY-MM-DD HH:MM <zone name>".
std::string FormatDateTime(absl::Time time, const NamedZone& zone);

// Formats an instant in UTC as YYYY-MM-DDTHH:MM:SSZ, the ISO 8601 form that
// cairo accepts for PDF metadata dates.
std::string FormatIso8601Utc(absl::Time time);

}  // namespace usage::render

#endif  // USAGE_RENDER_FORMAT_H_
