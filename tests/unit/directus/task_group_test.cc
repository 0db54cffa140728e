#include "directus/task_group.h"

#include <atomic>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

// A call context whose progress events are kept for the checks.
class RecordingContext {
 public:
  RecordingContext() {
    context_.set_progress_sink([this](const ProgressEvent& event) {
      absl::MutexLock lock(&mutex_);
      events_.push_back(event);
    });
  }

  const CallContext& context() const { return context_; }

  std::vector<ProgressEvent> events() {
    absl::MutexLock lock(&mutex_);
    return events_;
  }

 private:
  CallContext context_;
  absl::Mutex mutex_;
  std::vector<ProgressEvent> events_ ABSL_GUARDED_BY(mutex_);
};

std::vector<int> DoneValues(const std::vector<ProgressEvent>& events) {
  std::vector<int> done;
  for (const ProgressEvent& event : events) done.push_back(event.done);
  return done;
}

std::vector<int> TotalValues(const std::vector<ProgressEvent>& events) {
  std::vector<int> totals;
  for (const ProgressEvent& event : events) totals.push_back(event.total);
  return totals;
}

std::vector<std::string> Messages(const std::vector<ProgressEvent>& events) {
  std::vector<std::string> messages;
  for (const ProgressEvent& event : events) messages.push_back(event.message);
  return messages;
}

TEST(TaskGroupTest, ReportsOneFetchEventPerTask) {
  RecordingContext call;
  {
    TaskGroup group(call.context());
    for (const char* label : {"projects", "tags", "conversations"}) {
      group.Run([] { return absl::OkStatus(); }, label);
    }
    ASSERT_TRUE(group.Wait().ok());
  }

  std::vector<ProgressEvent> events = call.events();
  ASSERT_EQ(events.size(), 3);
  for (const ProgressEvent& event : events) EXPECT_EQ(event.step, "fetch");
  EXPECT_THAT(DoneValues(events), ElementsAre(1, 2, 3));
  EXPECT_THAT(TotalValues(events), ElementsAre(3, 3, 3));
  EXPECT_THAT(Messages(events),
              UnorderedElementsAre("Fetched projects", "Fetched tags",
                                   "Fetched conversations"));
}

TEST(TaskGroupTest, UnlabelledTasksAreCounted) {
  RecordingContext call;
  TaskGroup group(call.context());
  std::atomic<bool> first_done{false};
  group.Run([&first_done] {
    first_done = true;
    return absl::OkStatus();
  });
  // The second task finishes after the first, so the messages come in
  // this order.
  group.Run([&first_done] {
    while (!first_done.load()) absl::SleepFor(absl::Milliseconds(1));
    return absl::OkStatus();
  });
  ASSERT_TRUE(group.Wait().ok());

  EXPECT_THAT(Messages(call.events()), ElementsAre("Finished 1 of 2 fetches",
                                                   "Finished 2 of 2 fetches"));
}

TEST(TaskGroupTest, TasksFinishedBeforeWaitCountAllTasks) {
  RecordingContext call;
  TaskGroup group(call.context());
  std::atomic<int> finished{0};
  const auto task = [&finished] {
    ++finished;
    return absl::OkStatus();
  };
  group.Run(task, "projects");
  group.Run(task, "tags");
  while (finished.load() < 2) absl::SleepFor(absl::Milliseconds(1));
  // Two tasks are over before the third starts, and none has been
  // reported yet because the total is not known.
  EXPECT_THAT(call.events(), IsEmpty());

  group.Run(task, "chats");
  ASSERT_TRUE(group.Wait().ok());
  std::vector<ProgressEvent> events = call.events();
  EXPECT_THAT(DoneValues(events), ElementsAre(1, 2, 3));
  EXPECT_THAT(TotalValues(events), ElementsAre(3, 3, 3));
}

TEST(TaskGroupTest, FailureStopsProgress) {
  RecordingContext call;
  TaskGroup group(call.context());
  group.Run([] { return absl::UnavailableError("Directus is down"); },
            "projects");
  // Succeeds only once the failure cancelled the group.
  group.Run(
      [&group] {
        while (!group.context().IsCancelled()) {
          absl::SleepFor(absl::Milliseconds(1));
        }
        return absl::OkStatus();
      },
      "tags");

  absl::Status status = group.Wait();
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(call.events(), IsEmpty());
}

TEST(TaskGroupTest, NestedGroupReportsNothing) {
  RecordingContext call;
  TaskGroup group(call.context());
  group.Run(
      [&group] {
        TaskGroup pages(group.context());
        pages.Run([] { return absl::OkStatus(); }, "page 2");
        pages.Run([] { return absl::OkStatus(); }, "page 3");
        return pages.Wait();
      },
      "conversations");
  ASSERT_TRUE(group.Wait().ok());

  std::vector<ProgressEvent> events = call.events();
  ASSERT_EQ(events.size(), 1);
  EXPECT_EQ(events[0].message, "Fetched conversations");
  EXPECT_EQ(events[0].done, 1);
  EXPECT_EQ(events[0].total, 1);
}

TEST(TaskGroupTest, CallWithoutSinkStillRunsTasks) {
  CallContext call;
  TaskGroup group(call);
  std::atomic<int> runs{0};
  for (int i = 0; i < 4; ++i) {
    group.Run([&runs] {
      ++runs;
      return absl::OkStatus();
    });
  }
  EXPECT_TRUE(group.Wait().ok());
  EXPECT_EQ(runs.load(), 4);
}

}  // namespace
}  // namespace usage
