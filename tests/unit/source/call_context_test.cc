#include "source/call_context.h"

#include <atomic>
#include <thread>
#include <vector>

#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage {
namespace {

TEST(CallContextTest, ReportProgressPassesEventToSink) {
  CallContext context;
  std::vector<ProgressEvent> events;
  context.set_progress_sink(
      [&events](const ProgressEvent& event) { events.push_back(event); });

  context.ReportProgress("fetch", 3, 16, "Fetched conversations");

  ASSERT_EQ(events.size(), 1);
  EXPECT_EQ(events[0].step, "fetch");
  EXPECT_EQ(events[0].done, 3);
  EXPECT_EQ(events[0].total, 16);
  EXPECT_EQ(events[0].message, "Fetched conversations");
}

TEST(CallContextTest, ProgressWithoutSinkIsDropped) {
  CallContext context;
  context.ReportProgress("fetch", 1, 1, "Fetched projects");

  int calls = 0;
  context.set_progress_sink([&calls](const ProgressEvent&) { ++calls; });
  context.set_progress_sink(nullptr);
  context.ReportProgress("fetch", 1, 1, "Fetched projects");
  EXPECT_EQ(calls, 0);
}

TEST(CallContextTest, EndProgressStopsEvents) {
  CallContext context;
  int calls = 0;
  context.set_progress_sink([&calls](const ProgressEvent&) { ++calls; });
  context.ReportProgress("fetch", 1, 2, "Fetched projects");
  context.EndProgress();
  context.ReportProgress("fetch", 2, 2, "Fetched tags");

  // A sink set after the end is ignored too.
  context.set_progress_sink([&calls](const ProgressEvent&) { calls += 100; });
  context.ReportProgress("compute", 1, 1, "Computed the figures");
  EXPECT_EQ(calls, 1);
}

TEST(CallContextTest, CancelledCallSendsNoProgress) {
  std::atomic<bool> caller_left{false};
  CallContext context(absl::InfiniteFuture(),
                      [&caller_left] { return caller_left.load(); });
  int calls = 0;
  context.set_progress_sink([&calls](const ProgressEvent&) { ++calls; });

  context.ReportProgress("fetch", 1, 3, "");
  caller_left = true;
  context.ReportProgress("fetch", 2, 3, "");
  EXPECT_EQ(calls, 1);
}

TEST(CallContextTest, CancelStopsProgress) {
  CallContext context;
  int calls = 0;
  context.set_progress_sink([&calls](const ProgressEvent&) { ++calls; });
  context.Cancel();
  context.ReportProgress("fetch", 1, 1, "");
  EXPECT_EQ(calls, 0);
}

TEST(CallContextTest, PastDeadlineSendsNoProgress) {
  CallContext context(absl::Now() - absl::Seconds(1), nullptr);
  int calls = 0;
  context.set_progress_sink([&calls](const ProgressEvent&) { ++calls; });
  context.ReportProgress("fetch", 1, 1, "");
  EXPECT_EQ(calls, 0);
}

TEST(CallContextTest, ConcurrentReportsReachSinkOneAtATime) {
  constexpr int kThreads = 8;
  constexpr int kEventsPerThread = 2000;
  CallContext context;
  std::atomic<bool> inside{false};
  std::atomic<int> overlaps{0};
  // Written by the sink only, without a lock of its own: the context's
  // serialisation is what keeps these consistent.
  int received = 0;
  std::vector<int> last_done(kThreads, 0);
  int out_of_order = 0;
  context.set_progress_sink([&](const ProgressEvent& event) {
    if (inside.exchange(true)) ++overlaps;
    ++received;
    int thread = event.total;  // the reporting thread's index
    if (event.done <= last_done[thread]) ++out_of_order;
    last_done[thread] = event.done;
    inside.store(false);
  });

  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&context, t] {
      for (int done = 1; done <= kEventsPerThread; ++done) {
        context.ReportProgress("fetch", done, t, "");
      }
    });
  }
  for (std::thread& thread : threads) thread.join();

  EXPECT_EQ(overlaps.load(), 0);
  EXPECT_EQ(received, kThreads * kEventsPerThread);  // 8 * 2000 = 16000
  EXPECT_EQ(out_of_order, 0);
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(last_done[t], kEventsPerThread) << "thread " << t;
  }
}

TEST(CallContextTest, EndProgressWaitsForRunningSink) {
  CallContext context;
  absl::Notification sink_entered;
  absl::Notification release_sink;
  std::atomic<bool> sink_returned{false};
  context.set_progress_sink([&](const ProgressEvent&) {
    sink_entered.Notify();
    release_sink.WaitForNotification();
    sink_returned = true;
  });

  std::thread reporter(
      [&context] { context.ReportProgress("fetch", 1, 1, ""); });
  sink_entered.WaitForNotification();
  std::atomic<bool> ended{false};
  std::thread ender([&] {
    context.EndProgress();
    // The sink must have finished before EndProgress returns.
    EXPECT_TRUE(sink_returned.load());
    ended = true;
  });
  absl::SleepFor(absl::Milliseconds(50));
  EXPECT_FALSE(ended.load());

  release_sink.Notify();
  reporter.join();
  ender.join();
  EXPECT_TRUE(ended.load());
}

}  // namespace
}  // namespace usage
