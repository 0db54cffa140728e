#include "records/records.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace usage {

std::string User::DisplayName() const {
  std::string first(absl::StripAsciiWhitespace(first_name.value_or("")));
  std::string last(absl::StripAsciiWhitespace(last_name.value_or("")));
  if (!first.empty() && !last.empty()) return absl::StrCat(first, " ", last);
  if (!first.empty()) return first;
  if (!last.empty()) return last;
  if (email.has_value() && !email->empty()) return *email;
  return id;
}

bool Conversation::HasRecordedDuration() const {
  // The comparisons are false for NaN, so NaN counts as missing.
  return duration_seconds.has_value() && *duration_seconds > 0 &&
         *duration_seconds <= kMaxRecordedDurationSeconds;
}

}  // namespace usage
