// Runs independent fetches in parallel and stops them all at the first
// failure.
#ifndef USAGE_DIRECTUS_TASK_GROUP_H_
#define USAGE_DIRECTUS_TASK_GROUP_H_

#include <functional>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "source/call_context.h"

namespace usage {

// Starts each task on its own thread. The tasks share `context()`, a child
// of the parent context that the group cancels when a task fails, so that
// the siblings stop early. Not thread-safe: one thread calls Run and Wait.
class TaskGroup {
 public:
  explicit TaskGroup(const CallContext& parent);
  // Waits for the tasks that are still running.
  ~TaskGroup();

  TaskGroup(const TaskGroup&) = delete;
  TaskGroup& operator=(const TaskGroup&) = delete;

  // The context that tasks must pass to their requests.
  const CallContext& context() const { return context_; }

  void Run(std::function<absl::Status()> task);

  // Waits for every task and returns the first error, or OK.
  absl::Status Wait();

 private:
  CallContext context_;
  std::vector<std::thread> threads_;
  absl::Mutex mutex_;
  absl::Status first_error_ ABSL_GUARDED_BY(mutex_);
};

}  // namespace usage

#endif  // USAGE_DIRECTUS_TASK_GROUP_H_
