#include "cli_args.h"

#include <limits>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "report_table.h"

namespace usage::cli {
namespace {

namespace v1 = echo::usage::v1;
using ::testing::HasSubstr;

absl::StatusOr<Command> Parse(std::vector<std::string> args,
                              std::string env_server = "") {
  return ParseCommandLine(args, env_server, "");
}

TEST(CliArgsTest, ReportWithEveryOption) {
  absl::StatusOr<Command> command =
      Parse({"--server", "127.0.0.1:6000", "report", "--user",
             "jane@example.org", "--user=11111111-1111-4111-8111-111111111111",
             "--period", "last-90-days", "--tz", "Europe/Berlin", "--as-of",
             "2026-03-31T10:00:00Z", "--format", "json", "--deadline", "5"});
  ASSERT_TRUE(command.ok()) << command.status();
  EXPECT_EQ(command->kind, CommandKind::kReport);
  EXPECT_EQ(command->global.server, "127.0.0.1:6000");
  EXPECT_EQ(command->global.deadline_seconds, 5);
  EXPECT_EQ(command->format, OutputFormat::kJson);
  const v1::GetUsageReportRequest& report = command->report;
  ASSERT_EQ(report.users_size(), 2);
  EXPECT_EQ(report.users(0).email(), "jane@example.org");
  EXPECT_EQ(report.users(1).id(), "11111111-1111-4111-8111-111111111111");
  EXPECT_EQ(report.period().preset(), v1::PERIOD_PRESET_LAST_90_DAYS);
  EXPECT_EQ(report.time_zone(), "Europe/Berlin");
  EXPECT_EQ(report.as_of().seconds(), 1774951200);
}

TEST(CliArgsTest, ServerComesFromFlagThenEnvironmentThenDefault) {
  absl::StatusOr<Command> from_env =
      Parse({"report", "--user", "a@b.c"}, "10.0.0.1:7");
  ASSERT_TRUE(from_env.ok());
  EXPECT_EQ(from_env->global.server, "10.0.0.1:7");
  absl::StatusOr<Command> fallback = Parse({"report", "--user", "a@b.c"});
  ASSERT_TRUE(fallback.ok());
  EXPECT_EQ(fallback->global.server, "localhost:50051");
}

TEST(CliArgsTest, DatesImplyCustomPeriod) {
  absl::StatusOr<Command> command = Parse(
      {"report", "--user", "a@b.c", "--from", "2026-01-01", "--to",
       "2026-01-31"});
  ASSERT_TRUE(command.ok()) << command.status();
  EXPECT_EQ(command->report.period().preset(), v1::PERIOD_PRESET_CUSTOM);
  EXPECT_EQ(command->report.period().start_date(), "2026-01-01");
}

TEST(CliArgsTest, UsageErrorsNameTheArgument) {
  struct Case {
    std::vector<std::string> args;
    std::string expected;
  };
  for (const Case& bad : std::vector<Case>{
           {{"report"}, "--user"},
           {{"report", "--user", "a@b.c", "--period", "weekly"}, "weekly"},
           {{"report", "--user", "a@b.c", "--as-of", "yesterday"},
            "yesterday"},
           {{"report", "--user", "a@b.c", "--period", "custom"}, "--from"},
           {{"report", "--user", "a@b.c", "--period", "last-30-days",
             "--from", "2026-01-01"},
            "custom"},
           {{"report", "--user", "a@b.c", "--format", "xml"}, "xml"},
           {{"report", "--user"}, "--user needs a value"},
           {{"pdf", "--user", "a@b.c"}, "-o FILE"},
           {{"pdf", "--user", "a@b.c", "-o", "x.pdf", "--paper", "a3"}, "a3"},
           {{"report", "--user", "a@b.c", "--bogus"}, "--bogus"},
           {{"frobnicate"}, "frobnicate"},
           {{"users", "list"}, "users search"},
           {{"--deadline", "-1", "users", "search"}, "-1"},
           {{"--server", "", "users", "search"}, "--server"},
           {{"users", "search", "--page-size", "0"}, "--page-size"},
           {{"pdf", "--user", "a@b.c", "-o", "x.pdf", "--format", "json"},
            "--format"},
       }) {
    absl::StatusOr<Command> command = Parse(bad.args);
    ASSERT_FALSE(command.ok()) << bad.args[0];
    EXPECT_THAT(command.status().message(), HasSubstr(bad.expected));
  }
}

TEST(CliArgsTest, SearchJoinsTermsAndReadsPaging) {
  absl::StatusOr<Command> command =
      Parse({"users", "search", "jane", "doe", "--page-size", "20",
             "--page-token", "abc"});
  ASSERT_TRUE(command.ok()) << command.status();
  EXPECT_EQ(command->kind, CommandKind::kUsersSearch);
  EXPECT_EQ(command->search.query(), "jane doe");
  EXPECT_EQ(command->search.page_size(), 20);
  EXPECT_EQ(command->search.page_token(), "abc");
}

TEST(CliArgsTest, HelpOnEveryCommand) {
  for (const char* name : {"report", "pdf", "users"}) {
    absl::StatusOr<Command> command = Parse({name, "--help"});
    ASSERT_TRUE(command.ok()) << name;
    EXPECT_EQ(command->kind, CommandKind::kHelp);
    EXPECT_THAT(command->help, HasSubstr("Usage: usage-cli"));
  }
}

TEST(FormatDurationTest, PicksUnitsByMagnitude) {
  EXPECT_EQ(FormatDuration(0), "0 s");
  EXPECT_EQ(FormatDuration(59.4), "59 s");
  EXPECT_EQ(FormatDuration(250), "4 min 10 s");
  EXPECT_EQ(FormatDuration(7500), "2 h 05 min");
}

TEST(FormatDurationTest, AbsurdValuesDoNotWrap) {
  EXPECT_EQ(FormatDuration(3.6e300), "1e+297 h");
  EXPECT_EQ(FormatDuration(std::numeric_limits<double>::infinity()),
            "inf h");
}

TEST(PrintableTest, ReplacesControlAndDirectionCharacters) {
  EXPECT_EQ(Printable("plain Zoë 总计"), "plain Zoë 总计");
  EXPECT_EQ(Printable("a\x1b[31mred"), "a\uFFFD[31mred");
  EXPECT_EQ(Printable("line\nbreak\ttab\x07"), "line\uFFFDbreak\uFFFDtab\uFFFD");
  // U+202E RIGHT-TO-LEFT OVERRIDE and U+0085 NEXT LINE.
  EXPECT_EQ(Printable("\u202Eevil\u0085"), "\uFFFDevil\uFFFD");
}

}  // namespace
}  // namespace usage::cli
