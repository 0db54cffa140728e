#include <string>
#include <vector>

#include "cli_args.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "leaderboard_table.h"

namespace usage::cli {
namespace {

namespace v1 = echo::usage::v1;
using ::testing::ContainsRegex;
using ::testing::HasSubstr;
using ::testing::Not;

absl::StatusOr<Command> Parse(std::vector<std::string> args) {
  return ParseCommandLine(args, "", "");
}

TEST(LeaderboardArgsTest, TakesPeriodOptionsAndLimit) {
  absl::StatusOr<Command> command = Parse(
      {"leaderboard", "--period", "last-90-days", "--tz", "Europe/Amsterdam",
       "--as-of", "2026-03-31T10:00:00Z", "--limit", "25", "--format", "json"});

  ASSERT_TRUE(command.ok()) << command.status();
  EXPECT_EQ(command->kind, CommandKind::kLeaderboard);
  EXPECT_EQ(command->format, OutputFormat::kJson);
  const v1::GetLeaderboardRequest& request = command->leaderboard;
  EXPECT_EQ(request.period().preset(), v1::PERIOD_PRESET_LAST_90_DAYS);
  EXPECT_EQ(request.time_zone(), "Europe/Amsterdam");
  EXPECT_EQ(request.as_of().seconds(), 1774951200);  // 2026-03-31T10:00Z
  EXPECT_EQ(request.limit(), 25);
}

TEST(LeaderboardArgsTest, DefaultsLeaveServerToChoose) {
  absl::StatusOr<Command> command = Parse({"leaderboard"});

  ASSERT_TRUE(command.ok()) << command.status();
  EXPECT_EQ(command->leaderboard.limit(), 0);
  EXPECT_EQ(command->leaderboard.period().preset(),
            v1::PERIOD_PRESET_UNSPECIFIED);
  EXPECT_FALSE(command->leaderboard.has_as_of());
}

TEST(LeaderboardArgsTest, DatesImplyCustomPeriod) {
  absl::StatusOr<Command> command =
      Parse({"leaderboard", "--from", "2026-03-01", "--to=2026-03-31"});

  ASSERT_TRUE(command.ok()) << command.status();
  const v1::PeriodSelection& period = command->leaderboard.period();
  EXPECT_EQ(period.preset(), v1::PERIOD_PRESET_CUSTOM);
  EXPECT_EQ(period.start_date(), "2026-03-01");
  EXPECT_EQ(period.end_date(), "2026-03-31");
}

TEST(LeaderboardArgsTest, RejectsUser) {
  absl::StatusOr<Command> command =
      Parse({"leaderboard", "--user", "jane@example.org"});

  EXPECT_EQ(command.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(command.status().message(), HasSubstr("--user"));
}

TEST(LeaderboardArgsTest, RejectsInsights) {
  absl::StatusOr<Command> command = Parse({"leaderboard", "--insights"});

  EXPECT_EQ(command.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(command.status().message(), HasSubstr("--insights"));
}

TEST(LeaderboardArgsTest, RejectsLimitOutOfRange) {
  for (const char* limit : {"0", "101", "-3", "ten"}) {
    absl::StatusOr<Command> command = Parse({"leaderboard", "--limit", limit});
    EXPECT_EQ(command.status().code(), absl::StatusCode::kInvalidArgument)
        << limit;
    EXPECT_THAT(command.status().message(), HasSubstr(limit)) << limit;
  }
}

TEST(LeaderboardArgsTest, RejectsStrayArgument) {
  absl::StatusOr<Command> command = Parse({"leaderboard", "top"});

  EXPECT_EQ(command.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(command.status().message(), HasSubstr("\"top\""));
}

TEST(LeaderboardArgsTest, HelpDescribesOptions) {
  absl::StatusOr<Command> command = Parse({"leaderboard", "--help"});

  ASSERT_TRUE(command.ok()) << command.status();
  EXPECT_EQ(command->kind, CommandKind::kHelp);
  EXPECT_THAT(command->help, HasSubstr("--limit N"));
  EXPECT_THAT(command->help, HasSubstr("--period NAME"));
  EXPECT_THAT(command->help, Not(HasSubstr("--user")));
}

v1::GetLeaderboardResponse Sample() {
  v1::GetLeaderboardResponse response;
  v1::ResolvedPeriod& period = *response.mutable_period();
  period.set_preset(v1::PERIOD_PRESET_LAST_30_DAYS);
  period.set_start_date("2026-03-02");
  period.set_end_date("2026-03-31");
  period.set_days(30);
  response.set_time_zone("Europe/Amsterdam");
  response.set_monthly_active_users(12);
  response.set_daily_active_users(3);
  response.set_average_daily_conversations(4.5);
  response.set_average_daily_active_projects(1.25);
  response.set_excluded_users(2);
  v1::LeaderboardUser& user = *response.add_top_users();
  user.mutable_user()->set_display_name("Zoë\x1b[31m");
  user.mutable_user()->set_email("zoe@acme.com");
  user.set_logins(9);
  user.set_logins_per_week(2.1);
  v1::LeaderboardOrganisation& organisation = *response.add_top_organisations();
  organisation.set_domain("acme.com");
  organisation.set_active_users(4);
  organisation.set_logins(30);
  organisation.set_conversations(17);
  return response;
}

TEST(LeaderboardTableTest, ShowsFiguresAndRankings) {
  const std::string text = FormatLeaderboardTable(Sample());

  EXPECT_THAT(text, HasSubstr("2026-03-02 to 2026-03-31 (30 days)"));
  EXPECT_THAT(text, HasSubstr("Europe/Amsterdam"));
  EXPECT_THAT(text, ContainsRegex("Monthly active users +12\n"));
  EXPECT_THAT(text, ContainsRegex("Daily active users \\(last day\\) +3\n"));
  EXPECT_THAT(text, ContainsRegex("Conversations per day +4\\.50\n"));
  EXPECT_THAT(text, ContainsRegex("Active projects per day +1\\.25\n"));
  EXPECT_THAT(text, ContainsRegex("Excluded accounts +2\n"));
  EXPECT_THAT(text, HasSubstr("zoe@acme.com"));
  EXPECT_THAT(text, HasSubstr("2.10"));
  EXPECT_THAT(text, HasSubstr("acme.com"));
  EXPECT_THAT(text, HasSubstr("No project was active."));
}

TEST(LeaderboardTableTest, EscapesControlCharacters) {
  const std::string text = FormatLeaderboardTable(Sample());

  EXPECT_THAT(text, Not(HasSubstr("\x1b")));
}

TEST(LeaderboardTableTest, AllTimeShowsActiveDays) {
  v1::GetLeaderboardResponse response;
  response.mutable_period()->set_preset(v1::PERIOD_PRESET_ALL_TIME);
  response.mutable_period()->set_days(1);
  response.set_time_zone("UTC");

  const std::string text = FormatLeaderboardTable(response);

  EXPECT_THAT(text, HasSubstr("all time (1 day with activity)"));
  EXPECT_THAT(text, HasSubstr("No user logged in."));
}

}  // namespace
}  // namespace usage::cli
