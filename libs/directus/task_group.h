// Runs independent fetches in parallel, stops them all at the first failure
// and reports each finished fetch as progress.
#ifndef USAGE_DIRECTUS_TASK_GROUP_H_
#define USAGE_DIRECTUS_TASK_GROUP_H_

#include <functional>
#include <string>
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
//
// Progress: each task that succeeds sends one "fetch" event to the parent
// context, with `done` counting the successful tasks and `total` the tasks
// started. Events wait until Wait() is called, because only then is the
// total known; so every task must be started before Wait(). No events are
// sent after a task failed. The child context has no progress sink, so a
// group nested inside a task reports nothing.
class TaskGroup {
 public:
  explicit TaskGroup(const CallContext& parent);
  // Waits for the tasks that are still running.
  ~TaskGroup();

  TaskGroup(const TaskGroup&) = delete;
  TaskGroup& operator=(const TaskGroup&) = delete;

  // The context that tasks must pass to their requests.
  const CallContext& context() const { return context_; }

  // Starts `task`. `label` names what it fetches, such as "conversations",
  // for the progress message "Fetched conversations"; empty gives a message
  // that counts the finished fetches instead.
  void Run(std::function<absl::Status()> task, std::string label = "");

  // Waits for every task and returns the first error, or OK.
  absl::Status Wait();

 private:
  // Records a task that succeeded and reports it when the total is known.
  void Finished(std::string label);
  // Sends one event per finished task not reported yet.
  void ReportFinishedLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(progress_mutex_);

  const CallContext& parent_;
  CallContext context_;
  std::vector<std::thread> threads_;
  absl::Mutex mutex_;
  absl::Status first_error_ ABSL_GUARDED_BY(mutex_);

  // Separate from `mutex_`, so that a slow progress sink does not delay
  // the cancellation of siblings after a failure.
  absl::Mutex progress_mutex_;
  int started_ ABSL_GUARDED_BY(progress_mutex_) = 0;
  int reported_ ABSL_GUARDED_BY(progress_mutex_) = 0;
  bool waiting_ ABSL_GUARDED_BY(progress_mutex_) = false;
  std::vector<std::string> unreported_labels_ ABSL_GUARDED_BY(progress_mutex_);
};

}  // namespace usage

#endif  // USAGE_DIRECTUS_TASK_GROUP_H_
