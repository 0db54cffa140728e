#include "directus/task_group.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace usage {

TaskGroup::TaskGroup(const CallContext& parent)
    : parent_(parent),
      context_(
          parent.deadline(), [&parent] { return parent.IsCancelled(); },
          parent.request_id()) {}

TaskGroup::~TaskGroup() { Wait().IgnoreError(); }

void TaskGroup::Run(std::function<absl::Status()> task, std::string label) {
  {
    absl::MutexLock lock(&progress_mutex_);
    ++started_;
  }
  threads_.emplace_back(
      [this, task = std::move(task), label = std::move(label)]() mutable {
        absl::Status status = task();
        if (status.ok()) {
          Finished(std::move(label));
          return;
        }
        absl::MutexLock lock(&mutex_);
        if (first_error_.ok()) {
          first_error_ = std::move(status);
          context_.Cancel();
        }
      });
}

absl::Status TaskGroup::Wait() {
  {
    absl::MutexLock lock(&progress_mutex_);
    waiting_ = true;
    ReportFinishedLocked();
  }
  for (std::thread& thread : threads_) thread.join();
  threads_.clear();
  absl::MutexLock lock(&mutex_);
  return first_error_;
}

void TaskGroup::Finished(std::string label) {
  absl::MutexLock lock(&progress_mutex_);
  unreported_labels_.push_back(std::move(label));
  ReportFinishedLocked();
}

void TaskGroup::ReportFinishedLocked() {
  if (!waiting_) return;
  // After a failure the call ends with an error, and progress towards it
  // would mislead.
  if (context_.IsCancelled()) {
    unreported_labels_.clear();
    return;
  }
  for (const std::string& label : unreported_labels_) {
    ++reported_;
    std::string message =
        label.empty()
            ? absl::StrCat("Finished ", reported_, " of ", started_, " fetches")
            : absl::StrCat("Fetched ", label);
    parent_.ReportProgress("fetch", reported_, started_, message);
  }
  unreported_labels_.clear();
}

}  // namespace usage
