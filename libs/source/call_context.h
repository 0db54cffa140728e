// Deadline and cancellation of one call, passed from the gRPC edge down to
// every fetch so that no work outlives its caller.
#ifndef USAGE_SOURCE_CALL_CONTEXT_H_
#define USAGE_SOURCE_CALL_CONTEXT_H_

#include <atomic>
#include <functional>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/status/status.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace usage {

// The limits of one call. Thread-safe: fetches running in parallel share it.
class CallContext {
 public:
  // A context with no deadline that is never cancelled.
  CallContext() = default;
  // A context that ends at `deadline`, or when `is_cancelled` returns true.
  // `is_cancelled` must be thread-safe.
  CallContext(absl::Time deadline, std::function<bool()> is_cancelled,
              std::string request_id = "")
      : deadline_(deadline),
        is_cancelled_(std::move(is_cancelled)),
        request_id_(std::move(request_id)) {}

  absl::Time deadline() const { return deadline_; }
  const std::string& request_id() const { return request_id_; }

  // Time left before the deadline; zero or negative once it has passed.
  absl::Duration Remaining() const { return deadline_ - absl::Now(); }

  // Marks the call cancelled, for example after a sibling fetch failed.
  void Cancel() { cancelled_.store(true); }

  // Returns true when the caller cancelled or a fetch called Cancel().
  bool IsCancelled() const {
    return cancelled_.load() || (is_cancelled_ && is_cancelled_());
  }

  // Returns OK while the call may go on, else CANCELLED or
  // DEADLINE_EXCEEDED naming `what` was about to be done.
  absl::Status Check(absl::string_view what) const;

 private:
  absl::Time deadline_ = absl::InfiniteFuture();
  std::function<bool()> is_cancelled_;
  std::string request_id_;
  std::atomic<bool> cancelled_{false};
};

}  // namespace usage

#endif  // USAGE_SOURCE_CALL_CONTEXT_H_
