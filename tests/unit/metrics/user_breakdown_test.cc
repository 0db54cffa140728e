#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "metrics/metrics.h"
#include "tests/unit/metrics/test_records.h"

namespace usage {
namespace {

using test_data::AsOf;
using test_data::Utc;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> BreakdownIds(const UsageMetrics& usage) {
  std::vector<std::string> ids;
  for (const UserBreakdown& breakdown : usage.user_breakdowns) {
    ids.push_back(breakdown.user.id);
  }
  return ids;
}

// Two users over 1..30 November 2026: u1 owns p1 and p3, u2 owns p2.
class UserBreakdownTest : public ::testing::Test {
 protected:
  UserBreakdownTest() {
    ada_ = User{.id = "u1", .first_name = "Ada", .last_name = "Lovelace"};
    grace_ = User{.id = "u2", .email = "grace@example.com"};
    data_.projects = {
        Project{.id = "p1",
                .owner_id = "u1",
                .created_at = Utc(2026, 9, 1),
                .tags = {"pilot"}},
        Project{.id = "p2", .owner_id = "u2", .created_at = Utc(2026, 9, 1)},
        Project{.id = "p3", .owner_id = "u1", .created_at = Utc(2026, 9, 1)},
    };
    data_.conversations = {
        Recorded("c1", "p1", Utc(2026, 11, 3), 600),
        Recorded("c2", "p2", Utc(2026, 11, 4), 300),
        Recorded("c3", "p3", Utc(2026, 11, 5), 120),
        Recorded("c4", "p2", Utc(2026, 10, 10), 50),  // previous period
    };
    data_.chats = {
        Chat{.id = "h1", .project_id = "p1", .created_at = Utc(2026, 11, 3)},
        Chat{.id = "h2", .project_id = "p2", .created_at = Utc(2026, 11, 4)},
    };
    data_.messages = {
        Message("m1", "h1", "user", Utc(2026, 11, 3)),
        Message("m2", "h1", "assistant", Utc(2026, 11, 3)),
        Message("m3", "h2", "user", Utc(2026, 11, 4)),
    };
    data_.reports = {ProjectReport{.id = "1",
                                   .project_id = "p2",
                                   .status = "published",
                                   .created_at = Utc(2026, 11, 6)}};
    data_.logins = {
        Login{.id = "l1", .user_id = "u1", .timestamp = Utc(2026, 11, 2, 8)},
        Login{.id = "l2", .user_id = "u1", .timestamp = Utc(2026, 11, 2, 9)},
        Login{.id = "l3", .user_id = "u2", .timestamp = Utc(2026, 11, 3, 9)},
    };
    data_.activity_by_user = {
        {"u1",
         ActivityBounds{.projects = {Utc(2026, 9, 1), Utc(2026, 9, 1)},
                        .logins = {Utc(2026, 11, 2, 8), Utc(2026, 11, 2, 9)}}},
        {"u2", ActivityBounds{.conversations = {Utc(2026, 10, 10),
                                                Utc(2026, 11, 30)}}},
    };
  }

  static Conversation Recorded(std::string id, std::string project_id,
                               absl::Time created_at, double seconds) {
    return Conversation{.id = std::move(id),
                        .project_id = std::move(project_id),
                        .created_at = created_at,
                        .duration_seconds = seconds};
  }

  static ChatMessage Message(std::string id, std::string chat_id,
                             std::string from, absl::Time sent) {
    return ChatMessage{.id = std::move(id),
                       .chat_id = std::move(chat_id),
                       .message_from = std::move(from),
                       .created_at = sent};
  }

  UsageMetrics Compute(const std::vector<User>& users) const {
    return ComputeUsage(data_, users, test_data::November(),
                        absl::UTCTimeZone(), AsOf());
  }

  User ada_;
  User grace_;
  AccountData data_;
};

TEST_F(UserBreakdownTest, FiguresOfOwnProjectsAndLogins) {
  const UsageMetrics usage = Compute({ada_, grace_});

  ASSERT_EQ(usage.user_breakdowns.size(), 2u);
  const UserBreakdown& ada = usage.user_breakdowns[0];
  EXPECT_EQ(ada.user.DisplayName(), "Ada Lovelace");
  EXPECT_EQ(ada.metrics.projects.owned, 2);       // p1, p3
  EXPECT_EQ(ada.metrics.conversations.count, 2);  // c1, c3
  EXPECT_DOUBLE_EQ(ada.metrics.conversations.total_duration_seconds, 720);
  EXPECT_EQ(ada.metrics.chat.active_sessions, 1);
  EXPECT_EQ(ada.metrics.chat.messages, 2);
  EXPECT_EQ(ada.metrics.chat.user_messages, 1);
  EXPECT_EQ(ada.metrics.reports.created, 0);
  EXPECT_EQ(ada.metrics.logins.total, 2);
  EXPECT_TRUE(ada.features.uses_tags);
  EXPECT_EQ(ada.features.tags, 1);
  EXPECT_FALSE(ada.features.uses_reports);
  EXPECT_EQ(ada.activity.last_activity, Utc(2026, 11, 2, 9));
  EXPECT_EQ(ada.activity.days_since_last_activity, 32);  // 2 Nov to 4 Dec

  const UserBreakdown& grace = usage.user_breakdowns[1];
  EXPECT_EQ(grace.user.id, "u2");
  EXPECT_EQ(grace.metrics.projects.owned, 1);
  EXPECT_EQ(grace.metrics.conversations.count, 1);  // c2; c4 is earlier
  EXPECT_DOUBLE_EQ(grace.metrics.conversations.total_duration_seconds, 300);
  EXPECT_EQ(grace.metrics.chat.messages, 1);
  EXPECT_EQ(grace.metrics.reports.created, 1);
  EXPECT_EQ(grace.metrics.logins.total, 1);
  EXPECT_TRUE(grace.features.uses_reports);
  EXPECT_FALSE(grace.features.uses_tags);
  EXPECT_EQ(grace.activity.first_activity, Utc(2026, 10, 10));
  EXPECT_EQ(grace.activity.days_since_last_activity, 4);  // 30 Nov to 4 Dec
}

TEST_F(UserBreakdownTest, UsersAddUpToAggregate) {
  const UsageMetrics usage = Compute({ada_, grace_});
  ASSERT_EQ(usage.user_breakdowns.size(), 2u);
  const PeriodMetrics& a = usage.user_breakdowns[0].metrics;
  const PeriodMetrics& b = usage.user_breakdowns[1].metrics;

  // The aggregate, by hand: 3 conversations of 1020 s, 2 sessions with
  // 3 messages, 1 report, 3 logins and 3 projects.
  EXPECT_EQ(usage.current.conversations.count, 3);
  EXPECT_DOUBLE_EQ(usage.current.conversations.total_duration_seconds, 1020);
  EXPECT_EQ(usage.current.chat.active_sessions, 2);
  EXPECT_EQ(usage.current.chat.messages, 3);
  EXPECT_EQ(usage.current.reports.created, 1);
  EXPECT_EQ(usage.current.logins.total, 3);
  EXPECT_EQ(usage.current.projects.owned, 3);

  EXPECT_EQ(a.conversations.count + b.conversations.count, 3);
  EXPECT_DOUBLE_EQ(a.conversations.total_duration_seconds +
                       b.conversations.total_duration_seconds,
                   1020);
  EXPECT_EQ(a.chat.active_sessions + b.chat.active_sessions, 2);
  EXPECT_EQ(a.chat.messages + b.chat.messages, 3);
  EXPECT_EQ(a.reports.created + b.reports.created, 1);
  EXPECT_EQ(a.logins.total + b.logins.total, 3);
  EXPECT_EQ(a.projects.owned + b.projects.owned, 3);
}

TEST_F(UserBreakdownTest, FollowsUserOrder) {
  EXPECT_THAT(BreakdownIds(Compute({grace_, ada_})), ElementsAre("u2", "u1"));
}

TEST_F(UserBreakdownTest, OneUserHasNoBreakdown) {
  EXPECT_THAT(Compute({ada_}).user_breakdowns, IsEmpty());
}

TEST_F(UserBreakdownTest, RepeatedUserCountsOnce) {
  EXPECT_THAT(Compute({ada_, ada_}).user_breakdowns, IsEmpty());
  EXPECT_THAT(BreakdownIds(Compute({ada_, grace_, ada_})),
              ElementsAre("u1", "u2"));
}

TEST_F(UserBreakdownTest, UserWithoutActivityEntryHasNoActivity) {
  data_.activity_by_user.erase("u2");

  const UsageMetrics usage = Compute({ada_, grace_});

  ASSERT_EQ(usage.user_breakdowns.size(), 2u);
  EXPECT_EQ(usage.user_breakdowns[1].activity.last_activity, std::nullopt);
  EXPECT_EQ(usage.user_breakdowns[1].activity.days_since_last_activity,
            std::nullopt);
}

TEST_F(UserBreakdownTest, RepeatedRowsCountOnce) {
  // The rows of p2 as a second fetch of the same user would return them.
  data_.projects.push_back(data_.projects[1]);
  data_.conversations.push_back(data_.conversations[1]);
  data_.chats.push_back(data_.chats[1]);
  data_.messages.push_back(data_.messages[2]);
  data_.reports.push_back(data_.reports[0]);
  data_.logins.push_back(data_.logins[2]);

  const UsageMetrics usage = Compute({ada_, grace_});

  EXPECT_EQ(usage.current.projects.owned, 3);
  EXPECT_EQ(usage.current.conversations.count, 3);
  EXPECT_EQ(usage.current.chat.messages, 3);
  EXPECT_EQ(usage.current.reports.created, 1);
  EXPECT_EQ(usage.current.logins.total, 3);
  EXPECT_EQ(usage.projects.size(), 3u);
  EXPECT_EQ(usage.quality.soft_deleted_excluded, 0);
  ASSERT_EQ(usage.user_breakdowns.size(), 2u);
  EXPECT_EQ(usage.user_breakdowns[1].metrics.projects.owned, 1);
  EXPECT_EQ(usage.user_breakdowns[1].metrics.conversations.count, 1);
  EXPECT_EQ(usage.user_breakdowns[1].metrics.logins.total, 1);
}

}  // namespace
}  // namespace usage
