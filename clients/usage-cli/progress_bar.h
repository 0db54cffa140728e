// The progress bar of usage-cli: one line on a terminal, redrawn in place.
#ifndef USAGE_CLI_PROGRESS_BAR_H_
#define USAGE_CLI_PROGRESS_BAR_H_

#include <string>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "echo/usage/v1/usage_service.pb.h"

namespace usage::cli {

// Returns the share of a whole report that is done after `progress`, from 0
// to 1. Looking up the users ("resolve_users") covers 0 to 0.05, "fetch"
// 0.05 to 0.95 and "compute" 0.95 to 1. Any other step counts as its own
// done / total. A step whose total is not known yet counts as its start.
double ReportFraction(const echo::usage::v1::Progress& progress);

// Returns the text of the bar, such as
// "[########------------]  40% Fetched conversations 3s", at most `width`
// columns wide (a column per code point): the message is cut to fit. A
// negative `fraction` means unknown and leaves the bar and the percentage
// empty. `message` must already be printable.
std::string FormatProgressLine(double fraction, absl::string_view message,
                               absl::Duration elapsed, int width);

// Draws FormatProgressLine on a terminal and redraws it every second, so
// that the elapsed time moves during long steps. Thread-safe.
class ProgressBar {
 public:
  // Draws on the file descriptor `fd` only when `enabled` and `fd` is a
  // terminal; otherwise every method does nothing.
  ProgressBar(int fd, bool enabled);
  // Erases the bar.
  ~ProgressBar();

  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Whether the bar draws anything.
  bool active() const { return active_; }

  // Redraws the bar with `fraction` done (negative: unknown) and `message`,
  // which may come from the service: control characters are replaced.
  void Update(double fraction, absl::string_view message);

  // Erases the bar and leaves the cursor at the start of the empty line.
  // Later calls draw nothing, so output can follow.
  void Clear();

 private:
  // Redraws the bar every second until Clear().
  void Tick();
  void DrawLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);
  void WriteLocked(absl::string_view text)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mutex_);

  const int fd_;
  const bool active_;
  const absl::Time started_ = absl::Now();
  std::thread ticker_;

  absl::Mutex mutex_;
  bool cleared_ ABSL_GUARDED_BY(mutex_) = false;
  double fraction_ ABSL_GUARDED_BY(mutex_) = -1;
  std::string message_ ABSL_GUARDED_BY(mutex_);
  // Columns drawn last time, which the next line must cover.
  int drawn_width_ ABSL_GUARDED_BY(mutex_) = 0;
};

}  // namespace usage::cli

#endif  // USAGE_CLI_PROGRESS_BAR_H_
