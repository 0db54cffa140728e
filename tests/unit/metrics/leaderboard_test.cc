#include "metrics/leaderboard.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/unit/metrics/test_records.h"

namespace usage {
namespace {

using test_data::Utc;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr int kNoLimit = 100;

User MakeUser(std::string id, std::optional<std::string> email,
              std::optional<std::string> first_name = std::nullopt) {
  User user;
  user.id = std::move(id);
  user.email = std::move(email);
  user.first_name = std::move(first_name);
  return user;
}

Project MakeProject(std::string id, std::string name, std::string owner,
                    std::optional<absl::Time> deleted_at = std::nullopt) {
  Project project;
  project.id = std::move(id);
  project.name = std::move(name);
  project.owner_id = std::move(owner);
  project.deleted_at = deleted_at;
  return project;
}

Conversation MakeConversation(
    std::string id, std::string project, absl::Time created_at,
    std::optional<absl::Time> deleted_at = std::nullopt) {
  Conversation conversation;
  conversation.id = std::move(id);
  conversation.project_id = std::move(project);
  conversation.created_at = created_at;
  conversation.deleted_at = deleted_at;
  return conversation;
}

Chat MakeChat(std::string id, std::string project,
              std::optional<absl::Time> deleted_at = std::nullopt) {
  Chat chat;
  chat.id = std::move(id);
  chat.project_id = std::move(project);
  chat.deleted_at = deleted_at;
  return chat;
}

ChatMessage MakeMessage(std::string id, std::string chat, absl::Time sent) {
  ChatMessage message;
  message.id = std::move(id);
  message.chat_id = std::move(chat);
  message.created_at = sent;
  return message;
}

Login MakeLogin(std::string user, absl::Time at) {
  static int next_id = 0;
  Login login;
  login.id = std::to_string(++next_id);
  login.user_id = std::move(user);
  login.timestamp = at;
  return login;
}

Period November(absl::TimeZone zone = absl::UTCTimeZone()) {
  return test_data::November(zone).current;
}

// A platform in November 2026 (UTC) with every kind of row that must not
// count. The counted rows:
//   conversations  c1, c2, c3 (Alpha), c4 (Beta), c9 (Zeta) = 5
//   messages       m1, m2 (chat h1 of Alpha), m3, m7 (chat h2 of Beta)
//   logins         ann 3, bob 3, cy 1, x 1, ghost 1
PlatformData Platform() {
  PlatformData data;
  data.users = {
      MakeUser("u-ann", "Ann@Acme.com", "Ann"),
      MakeUser("u-bob", "bob@acme.com", "Bob"),
      MakeUser("u-cy", "cy@beta.org"),
      MakeUser("u-ops", "ops@internal.dev"),
      MakeUser("u-x", std::nullopt),
  };
  data.projects = {
      MakeProject("p1", "Alpha", "u-ann"),
      MakeProject("p2", "Beta", "u-cy"),
      MakeProject("p3", "Gone", "u-bob", Utc(2026, 11, 20)),
      MakeProject("p4", "Ops", "u-ops"),
      MakeProject("p5", "Zeta", "u-bob"),
  };
  data.conversations = {
      MakeConversation("c1", "p1", Utc(2026, 11, 1, 10)),
      MakeConversation("c2", "p1", Utc(2026, 11, 1, 11)),
      MakeConversation("c3", "p1", Utc(2026, 11, 30, 9)),
      MakeConversation("c4", "p2", Utc(2026, 11, 2, 10)),
      // Soft-deleted itself, in a deleted project, in an excluded account's
      // project, before the period, and in a project that does not exist.
      MakeConversation("c5", "p2", Utc(2026, 11, 2, 12), Utc(2026, 11, 3)),
      MakeConversation("c6", "p3", Utc(2026, 11, 3)),
      MakeConversation("c7", "p4", Utc(2026, 11, 4)),
      MakeConversation("c8", "p1", Utc(2026, 10, 31, 23)),
      MakeConversation("c10", "p404", Utc(2026, 11, 6)),
      MakeConversation("c9", "p5", Utc(2026, 11, 5)),
  };
  data.chats = {
      MakeChat("h1", "p1"),
      MakeChat("h2", "p2"),
      MakeChat("h3", "p2", Utc(2026, 11, 12)),
      MakeChat("h4", "p3"),
      MakeChat("h5", "p5"),
  };
  data.messages = {
      MakeMessage("m1", "h1", Utc(2026, 11, 1, 12)),
      MakeMessage("m2", "h1", Utc(2026, 11, 10)),
      MakeMessage("m3", "h2", Utc(2026, 11, 10)),
      // In a deleted chat, in a deleted project's chat, after the period,
      // and in a chat that does not exist.
      MakeMessage("m4", "h3", Utc(2026, 11, 11)),
      MakeMessage("m5", "h4", Utc(2026, 11, 12)),
      MakeMessage("m6", "h5", Utc(2026, 12, 1)),
      MakeMessage("m8", "h404", Utc(2026, 11, 13)),
      MakeMessage("m7", "h2", Utc(2026, 11, 2, 11)),
  };
  data.logins = {
      MakeLogin("u-ann", Utc(2026, 11, 1)),
      MakeLogin("u-ann", Utc(2026, 11, 2)),
      MakeLogin("u-ann", Utc(2026, 11, 30, 8)),
      MakeLogin("u-ann", Utc(2026, 10, 31, 12)),  // before the period
      MakeLogin("u-bob", Utc(2026, 11, 15)),
      MakeLogin("u-bob", Utc(2026, 11, 30, 10)),
      MakeLogin("u-bob", Utc(2026, 11, 30, 11)),
      MakeLogin("u-cy", Utc(2026, 11, 20)),
      MakeLogin("u-ops", Utc(2026, 11, 30)),  // excluded
      MakeLogin("u-x", Utc(2026, 11, 29)),
      MakeLogin("ghost", Utc(2026, 11, 3)),  // a user not in data.users
      MakeLogin("", Utc(2026, 11, 3)),       // no user at all
  };
  return data;
}

ExcludedAccounts Internal() {
  return ExcludedAccounts::FromEntries({"@internal.dev"});
}

TEST(LeaderboardTest, CountsActiveUsers) {
  Leaderboard board = ComputeLeaderboard(
      Platform(), November(), absl::UTCTimeZone(), Internal(), kNoLimit);

  EXPECT_EQ(board.days, 30);
  // ann, bob, cy, x and ghost. ops is excluded and the empty user ignored.
  EXPECT_EQ(board.monthly_active_users, 5);
  // On 30 November: ann and bob (twice), but not the excluded ops.
  EXPECT_EQ(board.daily_active_users, 2);
  EXPECT_EQ(board.excluded_users, 1);
}

TEST(LeaderboardTest, AveragesPerDayOfPeriod) {
  Leaderboard board = ComputeLeaderboard(
      Platform(), November(), absl::UTCTimeZone(), Internal(), kNoLimit);

  // Five conversations over 30 days.
  EXPECT_DOUBLE_EQ(board.average_daily_conversations, 5.0 / 30.0);
  // Active projects per day: 1 Nov Alpha, 2 Nov Beta, 5 Nov Zeta, 10 Nov
  // Alpha and Beta, 30 Nov Alpha: 1 + 1 + 1 + 2 + 1 = 6 over 30 days.
  EXPECT_DOUBLE_EQ(board.average_daily_active_projects, 6.0 / 30.0);
}

TEST(LeaderboardTest, RanksUsersByLoginsThenEmail) {
  Leaderboard board = ComputeLeaderboard(
      Platform(), November(), absl::UTCTimeZone(), Internal(), kNoLimit);

  ASSERT_EQ(board.top_users.size(), 5u);
  // ann and bob tie at 3 and sort by email ignoring case. cy, x and ghost
  // tie at 1, cy first for having an email, then ids "ghost" < "u-x".
  EXPECT_EQ(board.top_users[0].user.id, "u-ann");
  EXPECT_EQ(board.top_users[1].user.id, "u-bob");
  EXPECT_EQ(board.top_users[2].user.id, "u-cy");
  EXPECT_EQ(board.top_users[3].user.id, "ghost");
  EXPECT_EQ(board.top_users[4].user.id, "u-x");
  EXPECT_EQ(board.top_users[0].logins, 3);
  EXPECT_EQ(board.top_users[0].user.email, "Ann@Acme.com");
  // 30 days are 30 / 7 weeks: 3 logins are 3 * 7 / 30 = 0.7 per week.
  EXPECT_DOUBLE_EQ(board.top_users[0].logins_per_week, 0.7);
  EXPECT_DOUBLE_EQ(board.top_users[2].logins_per_week, 7.0 / 30.0);
  EXPECT_EQ(board.top_users[3].user.email, std::nullopt);
}

TEST(LeaderboardTest, RanksOrganisationsByDomain) {
  Leaderboard board = ComputeLeaderboard(
      Platform(), November(), absl::UTCTimeZone(), Internal(), kNoLimit);

  ASSERT_EQ(board.top_organisations.size(), 2u);
  const LeaderboardOrganisationRow& acme = board.top_organisations[0];
  EXPECT_EQ(acme.domain, "acme.com");
  EXPECT_EQ(acme.active_users, 2);   // ann and bob
  EXPECT_EQ(acme.logins, 6);         // 3 + 3
  EXPECT_EQ(acme.conversations, 4);  // Alpha 3 + Zeta 1, not deleted Gone
  const LeaderboardOrganisationRow& beta = board.top_organisations[1];
  EXPECT_EQ(beta.domain, "beta.org");
  EXPECT_EQ(beta.active_users, 1);
  EXPECT_EQ(beta.logins, 1);
  EXPECT_EQ(beta.conversations, 1);  // c4, not the deleted c5
}

TEST(LeaderboardTest, RanksProjectsByConversationsThenChats) {
  Leaderboard board = ComputeLeaderboard(
      Platform(), November(), absl::UTCTimeZone(), Internal(), kNoLimit);

  ASSERT_EQ(board.top_projects.size(), 3u);
  const LeaderboardProjectRow& alpha = board.top_projects[0];
  EXPECT_EQ(alpha.name, "Alpha");
  EXPECT_EQ(alpha.owner, "Ann");
  EXPECT_EQ(alpha.conversations, 3);
  EXPECT_EQ(alpha.chat_sessions, 1);  // h1
  // Beta and Zeta tie at one conversation, and Beta has an active chat (h2).
  EXPECT_EQ(board.top_projects[1].id, "p2");
  EXPECT_EQ(board.top_projects[1].owner, "cy@beta.org");
  EXPECT_EQ(board.top_projects[1].chat_sessions, 1);
  EXPECT_EQ(board.top_projects[2].id, "p5");
  EXPECT_EQ(board.top_projects[2].chat_sessions, 0);  // m6 is in December
}

TEST(LeaderboardTest, LimitKeepsFirstRows) {
  Leaderboard board = ComputeLeaderboard(Platform(), November(),
                                         absl::UTCTimeZone(), Internal(), 2);

  ASSERT_EQ(board.top_users.size(), 2u);
  EXPECT_EQ(board.top_users[1].user.id, "u-bob");
  EXPECT_EQ(board.top_organisations.size(), 2u);
  ASSERT_EQ(board.top_projects.size(), 2u);
  EXPECT_EQ(board.top_projects[1].id, "p2");
  // Figures other than the rankings do not depend on the limit.
  EXPECT_EQ(board.monthly_active_users, 5);
}

TEST(LeaderboardTest, ZeroLimitKeepsNoRows) {
  Leaderboard board = ComputeLeaderboard(Platform(), November(),
                                         absl::UTCTimeZone(), Internal(), 0);

  EXPECT_THAT(board.top_users, IsEmpty());
  EXPECT_THAT(board.top_organisations, IsEmpty());
  EXPECT_THAT(board.top_projects, IsEmpty());
}

TEST(LeaderboardTest, WithoutExclusionsInternalAccountCounts) {
  Leaderboard board =
      ComputeLeaderboard(Platform(), November(), absl::UTCTimeZone(),
                         ExcludedAccounts(), kNoLimit);

  EXPECT_EQ(board.excluded_users, 0);
  EXPECT_EQ(board.monthly_active_users, 6);  // ops joins the five
  EXPECT_EQ(board.daily_active_users, 3);    // ann, bob and ops
  // c7 in Ops on 4 November: 6 conversations, and 7 project-days.
  EXPECT_DOUBLE_EQ(board.average_daily_conversations, 6.0 / 30.0);
  EXPECT_DOUBLE_EQ(board.average_daily_active_projects, 7.0 / 30.0);
  ASSERT_EQ(board.top_organisations.size(), 3u);
  EXPECT_EQ(board.top_organisations[2].domain, "internal.dev");
}

TEST(LeaderboardTest, ExcludedEmailTakesProjectsAlong) {
  // bob by email in other case: his logins, his live project Zeta and its
  // conversation c9 are gone.
  Leaderboard board = ComputeLeaderboard(
      Platform(), November(), absl::UTCTimeZone(),
      ExcludedAccounts::FromEntries({"@internal.dev", " BOB@acme.com "}),
      kNoLimit);

  EXPECT_EQ(board.excluded_users, 2);
  EXPECT_EQ(board.monthly_active_users, 4);
  EXPECT_EQ(board.daily_active_users, 1);  // ann
  EXPECT_DOUBLE_EQ(board.average_daily_conversations, 4.0 / 30.0);
  ASSERT_EQ(board.top_projects.size(), 2u);
  EXPECT_EQ(board.top_projects[1].id, "p2");
  ASSERT_EQ(board.top_organisations.size(), 2u);
  EXPECT_EQ(board.top_organisations[0].logins, 3);         // ann only
  EXPECT_EQ(board.top_organisations[0].conversations, 3);  // Alpha
  for (const LeaderboardUserRow& row : board.top_users) {
    EXPECT_NE(row.user.id, "u-bob");
  }
}

TEST(LeaderboardTest, ExcludedIdMatchesUnknownUser) {
  Leaderboard board = ComputeLeaderboard(
      Platform(), November(), absl::UTCTimeZone(),
      ExcludedAccounts::FromEntries({"@internal.dev", "GHOST"}), kNoLimit);

  // ghost is not in data.users, so it is not counted as an excluded user,
  // but its login is left out.
  EXPECT_EQ(board.excluded_users, 1);
  EXPECT_EQ(board.monthly_active_users, 4);
}

TEST(LeaderboardTest, OrganisationTiesSortByDomain) {
  PlatformData data;
  data.users = {MakeUser("a", "a@zulu.com"), MakeUser("b", "b@alpha.com"),
                MakeUser("c", "c@mike.com")};
  data.logins = {
      MakeLogin("a", Utc(2026, 11, 5)), MakeLogin("b", Utc(2026, 11, 6)),
      MakeLogin("c", Utc(2026, 11, 7)), MakeLogin("c", Utc(2026, 11, 8))};

  Leaderboard board = ComputeLeaderboard(data, November(), absl::UTCTimeZone(),
                                         ExcludedAccounts(), kNoLimit);

  ASSERT_EQ(board.top_organisations.size(), 3u);
  EXPECT_EQ(board.top_organisations[0].domain, "mike.com");
  EXPECT_EQ(board.top_organisations[1].domain, "alpha.com");
  EXPECT_EQ(board.top_organisations[2].domain, "zulu.com");
}

TEST(LeaderboardTest, ProjectTiesSortByName) {
  PlatformData data;
  data.projects = {MakeProject("p1", "Zulu", "nobody"),
                   MakeProject("p2", "Alpha", "nobody")};
  data.conversations = {MakeConversation("c1", "p1", Utc(2026, 11, 5)),
                        MakeConversation("c2", "p2", Utc(2026, 11, 6))};

  Leaderboard board = ComputeLeaderboard(data, November(), absl::UTCTimeZone(),
                                         ExcludedAccounts(), kNoLimit);

  ASSERT_EQ(board.top_projects.size(), 2u);
  EXPECT_EQ(board.top_projects[0].name, "Alpha");
  EXPECT_EQ(board.top_projects[1].name, "Zulu");
  // The owner is not a known user, so the id stands for the name.
  EXPECT_EQ(board.top_projects[0].owner, "nobody");
  // A domain needs a known user with an email.
  EXPECT_THAT(board.top_organisations, IsEmpty());
}

TEST(LeaderboardTest, DaysFollowTimeZone) {
  const absl::TimeZone cet = absl::FixedTimeZone(3600);  // UTC+1
  PlatformData data;
  data.users = {MakeUser("a", "a@acme.com")};
  data.projects = {MakeProject("p1", "Alpha", "a")};
  data.conversations = {
      // 1 November 00:30 local: in the period.
      MakeConversation("c1", "p1", Utc(2026, 10, 31, 23, 30)),
      // 1 December 00:30 local: after it.
      MakeConversation("c2", "p1", Utc(2026, 11, 30, 23, 30)),
  };
  data.logins = {
      // 30 November 00:30 local, still 29 November in UTC: on the last day.
      MakeLogin("a", Utc(2026, 11, 29, 23, 30)),
  };

  Leaderboard board = ComputeLeaderboard(data, November(cet), cet,
                                         ExcludedAccounts(), kNoLimit);

  EXPECT_DOUBLE_EQ(board.average_daily_conversations, 1.0 / 30.0);
  EXPECT_EQ(board.daily_active_users, 1);
}

TEST(LeaderboardTest, AllTimeSpansFirstToLastEvent) {
  PlatformData data;
  data.users = {MakeUser("a", "a@acme.com"), MakeUser("b", "b@acme.com")};
  data.projects = {MakeProject("p1", "Alpha", "a")};
  data.chats = {MakeChat("h1", "p1")};
  data.conversations = {MakeConversation("c1", "p1", Utc(2026, 3, 1, 9))};
  data.messages = {MakeMessage("m1", "h1", Utc(2026, 3, 14, 9))};
  data.logins = {MakeLogin("a", Utc(2026, 3, 5)),
                 MakeLogin("b", Utc(2026, 3, 14, 20)),
                 MakeLogin("a", Utc(2026, 3, 13))};

  Leaderboard board =
      ComputeLeaderboard(data, test_data::AllTime().current,
                         absl::UTCTimeZone(), ExcludedAccounts(), kNoLimit);

  // 1 to 14 March: 14 days, two weeks.
  EXPECT_EQ(board.days, 14);
  EXPECT_EQ(board.monthly_active_users, 2);
  // The last day is 14 March, when only b logged in.
  EXPECT_EQ(board.daily_active_users, 1);
  EXPECT_DOUBLE_EQ(board.average_daily_conversations, 1.0 / 14.0);
  // Alpha on 1 March (c1) and 14 March (m1).
  EXPECT_DOUBLE_EQ(board.average_daily_active_projects, 2.0 / 14.0);
  ASSERT_EQ(board.top_users.size(), 2u);
  EXPECT_DOUBLE_EQ(board.top_users[0].logins_per_week, 1.0);  // 2 / 2 weeks
}

TEST(LeaderboardTest, AllTimeWithoutEventsIsEmpty) {
  PlatformData data;
  data.users = {MakeUser("a", "a@acme.com")};

  Leaderboard board =
      ComputeLeaderboard(data, test_data::AllTime().current,
                         absl::UTCTimeZone(), ExcludedAccounts(), kNoLimit);

  EXPECT_EQ(board.days, 0);
  EXPECT_EQ(board.monthly_active_users, 0);
  EXPECT_EQ(board.daily_active_users, 0);
  EXPECT_DOUBLE_EQ(board.average_daily_conversations, 0);
  EXPECT_THAT(board.top_users, IsEmpty());
}

TEST(LeaderboardTest, ShortPeriodCountsOneWeek) {
  PlatformData data;
  data.users = {MakeUser("a", "a@acme.com")};
  data.logins = {MakeLogin("a", Utc(2026, 11, 2)),
                 MakeLogin("a", Utc(2026, 11, 3))};
  const Period three_days =
      test_data::CustomPeriods(absl::CivilDay(2026, 11, 1),
                               absl::CivilDay(2026, 11, 3))
          .current;

  Leaderboard board = ComputeLeaderboard(data, three_days, absl::UTCTimeZone(),
                                         ExcludedAccounts(), kNoLimit);

  // 3 days are less than a week, which is the least divisor.
  ASSERT_EQ(board.top_users.size(), 1u);
  EXPECT_DOUBLE_EQ(board.top_users[0].logins_per_week, 2.0);
}

TEST(ExcludedAccountsTest, MatchesIdEmailAndDomain) {
  const ExcludedAccounts excluded = ExcludedAccounts::FromEntries(
      {"0B7C9D56-3F2A-4E1B-9C8D-7A6B5C4D3E2F", "Ops@Example.com",
       "@Internal.dev", "  ", ""});

  EXPECT_TRUE(excluded.Matches(
      MakeUser("0b7c9d56-3f2a-4e1b-9c8d-7a6b5c4d3e2f", std::nullopt)));
  EXPECT_TRUE(excluded.Matches(MakeUser("u1", "ops@example.COM")));
  EXPECT_TRUE(excluded.Matches(MakeUser("u2", "anyone@internal.DEV")));
  EXPECT_FALSE(excluded.Matches(MakeUser("u3", "dev@example.com")));
  // A domain entry names that domain only, not its subdomains.
  EXPECT_FALSE(excluded.Matches(MakeUser("u4", "a@eu.internal.dev")));
  EXPECT_FALSE(excluded.Matches(MakeUser("u5", std::nullopt)));
  EXPECT_FALSE(excluded.empty());
}

TEST(ExcludedAccountsTest, BlankEntriesLeaveSetEmpty) {
  EXPECT_TRUE(ExcludedAccounts::FromEntries({"", " \t"}).empty());
  EXPECT_TRUE(ExcludedAccounts().empty());
}

TEST(ExcludedAccountsTest, EmailDomainIsLowerCased) {
  EXPECT_EQ(EmailDomain("Jane@Example.COM"), "example.com");
  EXPECT_EQ(EmailDomain("odd@name@example.org"), "example.org");
  EXPECT_EQ(EmailDomain("no-at-sign"), "");
}

}  // namespace
}  // namespace usage
