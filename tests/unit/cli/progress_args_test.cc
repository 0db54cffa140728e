#include <string>
#include <vector>

#include "cli_args.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage::cli {
namespace {

using ::testing::HasSubstr;

absl::StatusOr<Command> Parse(std::vector<std::string> args) {
  return ParseCommandLine(args, "", "");
}

TEST(ProgressArgsTest, ProgressIsOnByDefault) {
  absl::StatusOr<Command> command = Parse({"report", "--user", "a@b.c"});
  ASSERT_TRUE(command.ok()) << command.status();
  EXPECT_TRUE(command->progress);
}

TEST(ProgressArgsTest, NoProgressTurnsItOff) {
  absl::StatusOr<Command> report =
      Parse({"report", "--user", "a@b.c", "--no-progress"});
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_FALSE(report->progress);

  absl::StatusOr<Command> pdf =
      Parse({"pdf", "--user", "a@b.c", "-o", "x.pdf", "--no-progress"});
  ASSERT_TRUE(pdf.ok()) << pdf.status();
  EXPECT_FALSE(pdf->progress);
}

TEST(ProgressArgsTest, LastFlagWins) {
  absl::StatusOr<Command> command =
      Parse({"report", "--no-progress", "--user", "a@b.c", "--progress"});
  ASSERT_TRUE(command.ok()) << command.status();
  EXPECT_TRUE(command->progress);
}

TEST(ProgressArgsTest, ValueIsRejected) {
  absl::StatusOr<Command> command =
      Parse({"report", "--user", "a@b.c", "--progress=no"});
  ASSERT_FALSE(command.ok());
  EXPECT_EQ(command.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(command.status().message(), HasSubstr("--progress"));
}

TEST(ProgressArgsTest, HelpNamesBothFlags) {
  for (const char* name : {"report", "pdf"}) {
    absl::StatusOr<Command> command = Parse({name, "--help"});
    ASSERT_TRUE(command.ok()) << command.status();
    EXPECT_THAT(command->help, HasSubstr("--no-progress")) << name;
    EXPECT_THAT(command->help, HasSubstr("terminal")) << name;
  }
}

}  // namespace
}  // namespace usage::cli
