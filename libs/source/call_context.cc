#include "source/call_context.h"

#include "absl/strings/str_cat.h"

namespace usage {

absl::Status CallContext::Check(std::string_view what) const {
  if (IsCancelled()) {
    return absl::CancelledError(absl::StrCat("cancelled before ", what));
  }
  if (Remaining() <= absl::ZeroDuration()) {
    return absl::DeadlineExceededError(
        absl::StrCat("deadline exceeded before ", what));
  }
  return absl::OkStatus();
}

}  // namespace usage
