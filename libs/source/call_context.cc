#include "source/call_context.h"

#include <string>

#include "absl/strings/string_view.h"
#include "absl/strings/str_cat.h"

namespace usage {

absl::Status CallContext::Check(absl::string_view what) const {
  if (IsCancelled()) {
    return absl::CancelledError(
        absl::StrCat("cancelled before ", std::string(what)));
  }
  if (Remaining() <= absl::ZeroDuration()) {
    return absl::DeadlineExceededError(
        absl::StrCat("deadline exceeded before ", std::string(what)));
  }
  return absl::OkStatus();
}

}  // namespace usage
