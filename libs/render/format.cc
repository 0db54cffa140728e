#include "render/format.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace usage::render {
namespace {

// Inserts a comma every three digits into a run of ASCII digits.
std::string GroupThousands(std::string_view digits) {
  std::string grouped;
  const size_t first_group = digits.size() % 3;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && i >= first_group && (i - first_group) % 3 == 0) {
      grouped += ',';
    }
    grouped += digits[i];
  }
  return grouped;
}

}  // namespace

NamedZone LoadZoneOrUtc(std::string_view name) {
  absl::TimeZone zone;
  if (name.empty() || !absl::LoadTimeZone(std::string(name), &zone)) {
    return NamedZone{absl::UTCTimeZone(), "UTC"};
  }
  return NamedZone{zone, std::string(name)};
}

absl::Time ToAbslTime(const google::protobuf::Timestamp& timestamp) {
  return absl::FromUnixSeconds(timestamp.seconds()) +
         absl::Nanoseconds(timestamp.nanos());
}

std::string FormatCount(int64_t value) {
  // The magnitude is printed as unsigned so that INT64_MIN has no overflow.
  const uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value)
                                       : static_cast<uint64_t>(value);
  const std::string grouped = GroupThousands(absl::StrCat(magnitude));
  return value < 0 ? absl::StrCat("-", grouped) : grouped;
}

std::string FormatDecimal(double value, int decimals) {
  if (!std::isfinite(value)) return "–";
  const std::string text = absl::StrFormat("%.*f", decimals, std::fabs(value));
  const size_t point = std::min(text.find('.'), text.size());
  // "-0.0" would suggest a change where the rounded value shows none.
  const bool negative =
      value < 0 && text.find_first_not_of("0.") != std::string::npos;
  return absl::StrCat(negative ? "-" : "",
                      GroupThousands(std::string_view(text).substr(0, point)),
                      text.substr(point));
}

std::string FormatDuration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) seconds = 0;
  const int64_t minutes = std::llround(seconds / 60.0);
  const int64_t hours = minutes / 60;
  if (hours == 0) return absl::StrCat(minutes, " min");
  return absl::StrFormat("%s h %02d min", FormatCount(hours), minutes % 60);
}

std::string FormatDate(absl::Time time, const NamedZone& zone) {
  return absl::FormatTime("%Y-%m-%d", time, zone.zone);
}

std::string FormatDateTime(absl::Time time, const NamedZone& zone) {
  return absl::StrCat(absl::FormatTime("%Y-%m-%d %H:%M", time, zone.zone), " ",
                      zone.name);
}

std::string FormatIso8601Utc(absl::Time time) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", time, absl::UTCTimeZone());
}

}  // namespace usage::render
