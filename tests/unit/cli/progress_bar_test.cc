#include "progress_bar.h"

#include <poll.h>
#include <pty.h>
#include <unistd.h>

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage::cli {
namespace {

namespace v1 = echo::usage::v1;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;

v1::Progress Event(const std::string& step, int done, int total) {
  v1::Progress progress;
  progress.set_step(step);
  progress.set_done(done);
  progress.set_total(total);
  return progress;
}

// Returns what can be read from `fd` until it stays quiet for 200 ms.
std::string ReadAvailable(int fd) {
  std::string text;
  pollfd ready{fd, POLLIN, 0};
  while (poll(&ready, 1, 200) > 0) {
    char buffer[4096];
    ssize_t size = read(fd, buffer, sizeof(buffer));
    if (size <= 0) break;
    text.append(buffer, static_cast<size_t>(size));
  }
  return text;
}

TEST(ReportFractionTest, StepsShareTheBar) {
  EXPECT_DOUBLE_EQ(ReportFraction(Event("resolve_users", 0, 1)), 0.0);
  EXPECT_DOUBLE_EQ(ReportFraction(Event("resolve_users", 1, 1)), 0.05);
  EXPECT_DOUBLE_EQ(ReportFraction(Event("fetch", 0, 16)), 0.05);
  // 0.05 + 0.9 * 8 / 16
  EXPECT_DOUBLE_EQ(ReportFraction(Event("fetch", 8, 16)), 0.5);
  EXPECT_DOUBLE_EQ(ReportFraction(Event("fetch", 16, 16)), 0.95);
  EXPECT_DOUBLE_EQ(ReportFraction(Event("compute", 1, 1)), 1.0);
}

TEST(ReportFractionTest, UnknownTotalCountsAsStepStart) {
  EXPECT_DOUBLE_EQ(ReportFraction(Event("fetch", 3, 0)), 0.05);
}

TEST(ReportFractionTest, OtherStepUsesOwnShare) {
  EXPECT_DOUBLE_EQ(ReportFraction(Event("render", 1, 4)), 0.25);
  // Done beyond the total is capped.
  EXPECT_DOUBLE_EQ(ReportFraction(Event("render", 5, 4)), 1.0);
}

TEST(FormatProgressLineTest, HalfDone) {
  EXPECT_EQ(
      FormatProgressLine(0.5, "Fetched conversations", absl::Seconds(3), 80),
      "[##########----------]  50% Fetched conversations 3s");
}

TEST(FormatProgressLineTest, UnknownFractionLeavesBarEmpty) {
  EXPECT_EQ(FormatProgressLine(-1, "Rendering", absl::Seconds(12), 80),
            "[                    ]      Rendering 12s");
}

TEST(FormatProgressLineTest, FractionAboveOneIsFull) {
  EXPECT_EQ(FormatProgressLine(1.5, "Done", absl::ZeroDuration(), 80),
            "[####################] 100% Done 0s");
}

TEST(FormatProgressLineTest, LongMessageIsCut) {
  // 28 columns of bar and percentage, 3 of " 3s": 9 are left, so 6 of the
  // message and "...".
  std::string line =
      FormatProgressLine(0.5, "Fetched conversations", absl::Seconds(3), 40);
  EXPECT_EQ(line, "[##########----------]  50% Fetche... 3s");
}

TEST(FormatProgressLineTest, CutKeepsWholeCodePoints) {
  // 36 - 28 - 3 leaves 5 columns: two letters and "...".
  std::string line = FormatProgressLine(0,
                                        "\xC3\x9C"
                                        "berpr\xC3\xBC"
                                        "fung",
                                        absl::ZeroDuration(), 36);
  EXPECT_EQ(line,
            "[--------------------]   0% \xC3\x9C"
            "b... 0s");
}

TEST(FormatProgressLineTest, NarrowTerminalCutsWholeLine) {
  EXPECT_EQ(FormatProgressLine(0, "Fetched tags", absl::ZeroDuration(), 10),
            "[------...");
}

TEST(ProgressBarTest, PipeIsNotATerminal) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  {
    ProgressBar bar(fds[1], /*enabled=*/true);
    EXPECT_FALSE(bar.active());
    bar.Update(0.5, "Fetched tags");
    bar.Clear();
  }
  close(fds[1]);
  EXPECT_THAT(ReadAvailable(fds[0]), IsEmpty());
  close(fds[0]);
}

TEST(ProgressBarTest, DrawsAndClearsOnTerminal) {
  int controller = -1;
  int terminal = -1;
  ASSERT_EQ(openpty(&controller, &terminal, nullptr, nullptr, nullptr), 0);
  {
    ProgressBar bar(terminal, /*enabled=*/true);
    ASSERT_TRUE(bar.active());
    bar.Update(0.5, "Fetched tags");
    bar.Update(1.0, "Done");
  }
  std::string output = ReadAvailable(controller);
  close(terminal);
  close(controller);

  EXPECT_THAT(output, StartsWith("\r[##########----------]  50% Fetched tags"));
  // The shorter second line is padded with spaces over the first one.
  EXPECT_THAT(output, HasSubstr("\r[####################] 100% Done 0s    "));
  // Erasing writes spaces over the whole line and returns to its start.
  EXPECT_THAT(output, EndsWith("      \r"));
  EXPECT_THAT(output, Not(HasSubstr("\n")));
}

TEST(ProgressBarTest, DisabledBarDrawsNothingOnTerminal) {
  int controller = -1;
  int terminal = -1;
  ASSERT_EQ(openpty(&controller, &terminal, nullptr, nullptr, nullptr), 0);
  {
    ProgressBar bar(terminal, /*enabled=*/false);
    EXPECT_FALSE(bar.active());
    bar.Update(0.5, "Fetched tags");
  }
  EXPECT_THAT(ReadAvailable(controller), IsEmpty());
  close(terminal);
  close(controller);
}

TEST(ProgressBarTest, ControlCharactersFromServiceAreReplaced) {
  int controller = -1;
  int terminal = -1;
  ASSERT_EQ(openpty(&controller, &terminal, nullptr, nullptr, nullptr), 0);
  {
    ProgressBar bar(terminal, /*enabled=*/true);
    bar.Update(0, "Fetched\x1b[2Jtags");
  }
  std::string output = ReadAvailable(controller);
  close(terminal);
  close(controller);

  EXPECT_THAT(output, Not(HasSubstr("\x1b")));
  EXPECT_THAT(output, HasSubstr("Fetched\xEF\xBF\xBD[2Jtags"));
}

}  // namespace
}  // namespace usage::cli
