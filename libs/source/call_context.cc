#include "source/call_context.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

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

void CallContext::set_progress_sink(ProgressSink sink) {
  absl::MutexLock lock(&progress_mutex_);
  progress_sink_ = std::move(sink);
}

void CallContext::EndProgress() {
  absl::MutexLock lock(&progress_mutex_);
  progress_ended_ = true;
  progress_sink_ = nullptr;
}

void CallContext::ReportProgress(absl::string_view step, int done, int total,
                                 absl::string_view message) const {
  absl::MutexLock lock(&progress_mutex_);
  if (progress_ended_ || !progress_sink_) return;
  // A cancelled or expired call has no reader left for its events.
  if (IsCancelled() || Remaining() <= absl::ZeroDuration()) return;
  progress_sink_(
      ProgressEvent{std::string(step), done, total, std::string(message)});
}

}  // namespace usage
