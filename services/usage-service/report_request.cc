#include "report_request.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "source/rows.h"

namespace usage {
namespace {

namespace v1 = echo::usage::v1;

// Maximum number of user references in a request, duplicates included.
constexpr int kMaxUserReferences = 10 * kMaxUsersPerReport;

// Years a report may cover. With ten-year custom periods and their
// previous period, every instant stays inside google.protobuf.Timestamp's
// range of 0001 to 9999.
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 9000;

absl::StatusOr<std::vector<UserReference>> ValidateUsers(
    const google::protobuf::RepeatedPtrField<v1::UserSelector>& selectors) {
  if (selectors.empty()) {
    return absl::InvalidArgumentError(
        "no users selected: name at least one user by id or email");
  }
  if (selectors.size() > kMaxUserReferences) {
    return absl::InvalidArgumentError(
        absl::StrCat("too many users: ", selectors.size(), " named, at most ",
                     kMaxUsersPerReport));
  }

  std::vector<UserReference> users;
  absl::flat_hash_set<std::string> seen;
  for (int i = 0; i < selectors.size(); ++i) {
    const v1::UserSelector& selector = selectors[i];
    UserReference reference;
    if (selector.selector_case() == v1::UserSelector::kId) {
      reference.value = std::string(absl::StripAsciiWhitespace(selector.id()));
      if (!IsUuid(reference.value)) {
        return absl::InvalidArgumentError(
            absl::StrCat("invalid user id \"", selector.id(),
                         "\": expected a UUID such as "
                         "\"8d5e8f7a-3c1b-4e2a-9f6d-1a2b3c4d5e6f\""));
      }
      reference.value = absl::AsciiStrToLower(reference.value);
    } else if (selector.selector_case() == v1::UserSelector::kEmail) {
      reference.by_email = true;
      reference.value =
          std::string(absl::StripAsciiWhitespace(selector.email()));
    }
    if (reference.value.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "user ", i + 1, " of the selection has neither an id nor an email"));
    }
    std::string key = absl::StrCat(reference.by_email ? "e:" : "i:",
                                   absl::AsciiStrToLower(reference.value));
    if (seen.insert(key).second) users.push_back(std::move(reference));
  }
  // Ids and emails may name the same user, so a mixed selection is counted
  // again after the users are resolved (ReportBuilder::ResolveUsers).
  bool mixed = std::any_of(users.begin(), users.end(),
                           [](const UserReference& r) { return r.by_email; }) &&
               std::any_of(users.begin(), users.end(),
                           [](const UserReference& r) { return !r.by_email; });
  if (!mixed && users.size() > kMaxUsersPerReport) {
    return absl::InvalidArgumentError(
        absl::StrCat("too many users: ", users.size(), " selected, at most ",
                     kMaxUsersPerReport));
  }
  return users;
}

absl::StatusOr<PeriodRequest> ValidatePeriod(
    const v1::PeriodSelection& selection) {
  PeriodRequest period;
  switch (selection.preset()) {
    case v1::PERIOD_PRESET_UNSPECIFIED:
    case v1::PERIOD_PRESET_LAST_30_DAYS:
      period.preset = PeriodPreset::kLast30Days;
      break;
    case v1::PERIOD_PRESET_MONTH_TO_DATE:
      period.preset = PeriodPreset::kMonthToDate;
      break;
    case v1::PERIOD_PRESET_YEAR_TO_DATE:
      period.preset = PeriodPreset::kYearToDate;
      break;
    case v1::PERIOD_PRESET_LAST_90_DAYS:
      period.preset = PeriodPreset::kLast90Days;
      break;
    case v1::PERIOD_PRESET_ALL_TIME:
      period.preset = PeriodPreset::kAllTime;
      break;
    case v1::PERIOD_PRESET_CUSTOM:
      period.preset = PeriodPreset::kCustom;
      break;
    default:
      return absl::InvalidArgumentError(absl::StrCat(
          "invalid period preset ", static_cast<int>(selection.preset())));
  }

  bool custom = period.preset == PeriodPreset::kCustom;
  if (!custom &&
      (!selection.start_date().empty() || !selection.end_date().empty())) {
    return absl::InvalidArgumentError(
        absl::StrCat("start_date and end_date need the custom period, not ",
                     v1::PeriodPreset_Name(selection.preset())));
  }
  if (custom) {
    absl::StatusOr<absl::CivilDay> start =
        ParseDate(selection.start_date(), "start_date");
    if (!start.ok()) return start.status();
    absl::StatusOr<absl::CivilDay> end =
        ParseDate(selection.end_date(), "end_date");
    if (!end.ok()) return end.status();
    for (const auto& [field, day] :
         {std::pair{"start_date", *start}, std::pair{"end_date", *end}}) {
      if (day.year() < kMinYear || day.year() > kMaxYear) {
        return absl::InvalidArgumentError(
            absl::StrCat("invalid ", field, " \"", FormatDate(day),
                         "\": expected a date from ", kMinYear, "-01-01 to ",
                         kMaxYear, "-12-31"));
      }
    }
    period.start_date = *start;
    period.end_date = *end;
  }
  return period;
}

}  // namespace

absl::StatusOr<ReportRequest> ValidateReportRequest(
    const v1::GetUsageReportRequest& request, absl::Time now) {
  ReportRequest out;
  absl::StatusOr<std::vector<UserReference>> users =
      ValidateUsers(request.users());
  if (!users.ok()) return users.status();
  out.users = *std::move(users);

  absl::StatusOr<PeriodRequest> period = ValidatePeriod(request.period());
  if (!period.ok()) return period.status();
  out.period = *period;

  absl::StatusOr<absl::TimeZone> zone = LoadTimeZone(request.time_zone());
  if (!zone.ok()) return zone.status();
  out.time_zone = *zone;
  out.time_zone_name =
      request.time_zone().empty() ? "UTC" : request.time_zone();

  out.as_of = now;
  if (request.has_as_of()) {
    const google::protobuf::Timestamp& as_of = request.as_of();
    out.as_of = absl::FromUnixSeconds(as_of.seconds()) +
                absl::Nanoseconds(as_of.nanos());
    int year = absl::ToCivilYear(out.as_of, absl::UTCTimeZone()).year();
    if (as_of.nanos() < 0 || as_of.nanos() > 999999999 || year < kMinYear ||
        year > kMaxYear) {
      return absl::InvalidArgumentError(absl::StrCat(
          "invalid as_of (", as_of.seconds(), " s, ", as_of.nanos(),
          " ns): expected an instant from ", kMinYear, " to ", kMaxYear));
    }
  }
  out.include_insights = request.include_insights();
  return out;
}

}  // namespace usage
