// Deadline, cancellation and progress reporting of one call, passed from the
// gRPC edge down to every fetch so that no work outlives its caller.
#ifndef USAGE_SOURCE_CALL_CONTEXT_H_
#define USAGE_SOURCE_CALL_CONTEXT_H_

#include <atomic>
#include <functional>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace usage {

// One progress event of a call, such as a finished fetch.
struct ProgressEvent {
  // Machine-readable step, such as "resolve_users", "fetch" or "compute".
  std::string step;
  // Units of work done in the step.
  int done = 0;
  // Units of work in the step; 0 when not known yet.
  int total = 0;
  // One sentence for people, such as "Fetched conversations".
  std::string message;
};

// Receives the progress events of a call.
using ProgressSink = std::function<void(const ProgressEvent&)>;

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

  // Sets the function that receives ReportProgress events; nullptr drops
  // them. A context starts without a sink, and contexts derived from this
  // one (such as a TaskGroup's) do not inherit it. The sink runs on the
  // reporting thread with the context's lock held, one event at a time, so
  // it must not call ReportProgress itself.
  void set_progress_sink(ProgressSink sink);

  // Stops progress reporting for good: once it returns, the sink is never
  // called again, so the sink may refer to objects that die with the call.
  void EndProgress();

  // Passes the event to the sink, unless there is none, EndProgress() was
  // called, or the call is cancelled or past its deadline. Thread-safe:
  // calls are serialised, so the sink sees events in the order in which
  // the reporting threads took the lock.
  void ReportProgress(absl::string_view step, int done, int total,
                      absl::string_view message) const;

 private:
  absl::Time deadline_ = absl::InfiniteFuture();
  std::function<bool()> is_cancelled_;
  std::string request_id_;
  std::atomic<bool> cancelled_{false};

  mutable absl::Mutex progress_mutex_;
  ProgressSink progress_sink_ ABSL_GUARDED_BY(progress_mutex_);
  bool progress_ended_ ABSL_GUARDED_BY(progress_mutex_) = false;
};

}  // namespace usage

#endif  // USAGE_SOURCE_CALL_CONTEXT_H_
