#include "directus/task_group.h"

#include <utility>

namespace usage {

TaskGroup::TaskGroup(const CallContext& parent)
    : context_(
          parent.deadline(), [&parent] { return parent.IsCancelled(); },
          parent.request_id()) {}

TaskGroup::~TaskGroup() { Wait().IgnoreError(); }

void TaskGroup::Run(std::function<absl::Status()> task) {
  threads_.emplace_back([this, task = std::move(task)] {
    absl::Status status = task();
    if (status.ok()) return;
    absl::MutexLock lock(&mutex_);
    if (first_error_.ok()) {
      first_error_ = std::move(status);
      context_.Cancel();
    }
  });
}

absl::Status TaskGroup::Wait() {
  for (std::thread& thread : threads_) thread.join();
  threads_.clear();
  absl::MutexLock lock(&mutex_);
  return first_error_;
}

}  // namespace usage
