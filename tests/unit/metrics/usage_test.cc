#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "metrics/metrics.h"
#include "tests/unit/metrics/test_records.h"

namespace usage {
namespace {

using test_data::AsOf;
using test_data::Utc;
using ::testing::DoubleEq;
using ::testing::ElementsAre;
using ::testing::FieldsAre;
using ::testing::IsEmpty;
using ::testing::Optional;

// Returns the ids of the table rows in order.
std::vector<std::string> RowIds(const std::vector<ProjectRow>& rows) {
  std::vector<std::string> ids;
  for (const ProjectRow& row : rows) ids.push_back(row.id);
  return ids;
}

UsageMetrics ComputeNovember(const AccountData& data,
                             const std::vector<User>& users = {}) {
  return ComputeUsage(data, users, test_data::November(), absl::UTCTimeZone(),
                      AsOf());
}

// A small account over 1..30 November 2026 (previous: 2..31 October). Every
// figure expected from it in the tests below is worked out by hand.
class AccountScenarioTest : public ::testing::Test {
 protected:
  AccountScenarioTest() {
    users_ = {
        User{.id = "u1", .first_name = "Ada", .last_name = "Lovelace"},
        User{.id = "u2", .email = "grace@example.com"},
    };
    data_.projects = {
        Project{.id = "p1",
                .name = "Alpha",
                .owner_id = "u1",
                .created_at = Utc(2026, 9, 1),
                .tags = {"research", "pilot"}},
        Project{.id = "p2",
                .name = "Beta",
                .owner_id = "u2",
                .created_at = Utc(2026, 11, 15),
                .conversations_allowed = false},
        // Created after the current period ends, so not owned in it.
        Project{.id = "p3",
                .name = "Gamma",
                .owner_id = "u1",
                .created_at = Utc(2026, 12, 2),
                .tags = {"later"}},
        Project{.id = "p4",
                .name = "Deleted",
                .owner_id = "u1",
                .created_at = Utc(2026, 10, 5),
                .deleted_at = Utc(2026, 11, 20),
                .tags = {"old"}},
        // No creation time: owned in every period; its owner is unknown.
        Project{.id = "p5", .name = "Epsilon", .owner_id = "u9"},
    };
    data_.conversations = {
        Conversation{.id = "c1",
                     .project_id = "p1",
                     .created_at = Utc(2026, 11, 3),
                     .duration_seconds = 600,
                     .source = "PORTAL",
                     .chunk_count = 20,
                     .nonblank_chunk_count = 20},
        // Estimated: max(4 x 30, 300 / 150 x 60) = 120 s.
        Conversation{.id = "c2",
                     .project_id = "p1",
                     .created_at = Utc(2026, 11, 10),
                     .source = "DASHBOARD_UPLOAD",
                     .chunk_count = 4,
                     .nonblank_chunk_count = 4,
                     .transcript_words = 300},
        // Estimated at 0 s, no chunks, no content.
        Conversation{.id = "c3",
                     .project_id = "p2",
                     .created_at = Utc(2026, 11, 20),
                     .duration_seconds = 0},
        Conversation{.id = "c4",
                     .project_id = "p1",
                     .created_at = Utc(2026, 10, 15),
                     .duration_seconds = 300,
                     .chunk_count = 10,
                     .nonblank_chunk_count = 10},
        // Excluded: its project is deleted.
        Conversation{.id = "c5",
                     .project_id = "p4",
                     .created_at = Utc(2026, 11, 5),
                     .duration_seconds = 900},
        // Excluded: deleted itself.
        Conversation{.id = "c6",
                     .project_id = "p1",
                     .created_at = Utc(2026, 11, 7),
                     .deleted_at = Utc(2026, 11, 8),
                     .duration_seconds = 100},
        // No creation time: in no period.
        Conversation{.id = "c7", .project_id = "p1", .duration_seconds = 50},
        // Midnight after the period: outside it.
        Conversation{.id = "c8",
                     .project_id = "p1",
                     .created_at = Utc(2026, 12, 1),
                     .duration_seconds = 1000},
    };
    data_.chats = {
        Chat{.id = "h1", .project_id = "p1", .created_at = Utc(2026, 10, 20)},
        Chat{.id = "h2", .project_id = "p2", .created_at = Utc(2026, 11, 16)},
        Chat{.id = "h3", .project_id = "p4", .created_at = Utc(2026, 11, 6)},
        Chat{.id = "h4",
             .project_id = "p1",
             .created_at = Utc(2026, 11, 12),
             .deleted_at = Utc(2026, 11, 13)},
        Chat{.id = "h5",
             .project_id = "unknown",
             .created_at = Utc(2026, 11, 1)},
    };
    data_.messages = {
        Message("m1", "h1", "User", 10, Utc(2026, 11, 2)),
        Message("m2", "h1", "assistant", 200, Utc(2026, 11, 2)),
        Message("m3", "h1", "USER", std::nullopt, Utc(2026, 11, 4)),
        Message("m4", "h2", "user", 5, Utc(2026, 11, 16)),
        Message("m5", "h2", "Dembrane", 100, Utc(2026, 11, 16)),
        Message("m6", "h1", "user", 7, Utc(2026, 10, 20)),
        Message("m7", "h3", "user", 1, Utc(2026, 11, 6)),
        Message("m8", "h4", "user", 1, Utc(2026, 11, 12)),
        Message("m9", "ghost", "user", 1, Utc(2026, 11, 12)),
        // Neither from the user nor from the assistant.
        Message("m10", "h1", "system", 1, Utc(2026, 11, 5)),
    };
    data_.reports = {
        Report("r1", "p1", "published", Utc(2026, 11, 5)),
        Report("r2", "p2", "error", Utc(2026, 11, 18)),
        Report("r3", "p1", "published", Utc(2026, 11, 25)),
        Report("r4", "p1", "draft", Utc(2026, 11, 26)),
        Report("r5", "p4", "published", Utc(2026, 11, 10)),
        Report("r6", "p1", "published", Utc(2026, 10, 10)),
        ProjectReport{.id = "r7",
                      .project_id = "p1",
                      .status = "published",
                      .created_at = Utc(2026, 11, 11),
                      .deleted_at = Utc(2026, 11, 11)},
        // Statuses are compared as stored, so this is its own status.
        Report("r8", "p1", "Published", Utc(2026, 11, 27)),
    };
    data_.logins = {
        Login{.id = "l1", .user_id = "u1", .timestamp = Utc(2026, 11, 2, 8)},
        Login{.id = "l2", .user_id = "u1", .timestamp = Utc(2026, 11, 2, 18)},
        Login{.id = "l3", .user_id = "u2", .timestamp = Utc(2026, 11, 3, 9)},
        Login{.id = "l4", .user_id = "u1", .timestamp = Utc(2026, 11, 20, 10)},
        Login{.id = "l5", .user_id = "u1", .timestamp = Utc(2026, 10, 15, 10)},
        Login{.id = "l6", .user_id = "u2"},
    };
    data_.activity = ActivityBounds{
        .projects = {Utc(2026, 9, 1), Utc(2026, 12, 2)},
        .conversations = {Utc(2026, 10, 15), Utc(2026, 12, 1)},
        .chats = {Utc(2026, 10, 20), Utc(2026, 11, 16)},
        .logins = {Utc(2026, 10, 15, 10), Utc(2026, 12, 3, 20)},
    };
    data_.unparsable_values = 2;
  }

  static ChatMessage Message(std::string id, std::string chat_id,
                             std::string from, std::optional<int64_t> tokens,
                             absl::Time created_at) {
    return ChatMessage{.id = std::move(id),
                       .chat_id = std::move(chat_id),
                       .message_from = std::move(from),
                       .tokens = tokens,
                       .created_at = created_at};
  }

  static ProjectReport Report(std::string id, std::string project_id,
                              std::string status, absl::Time created_at) {
    return ProjectReport{.id = std::move(id),
                         .project_id = std::move(project_id),
                         .status = std::move(status),
                         .created_at = created_at};
  }

  std::vector<User> users_;
  AccountData data_;
};

TEST_F(AccountScenarioTest, CurrentConversations) {
  const ConversationMetrics m =
      ComputeNovember(data_, users_).current.conversations;

  // c1 (600 s recorded), c2 (120 s estimated), c3 (0 s estimated).
  EXPECT_EQ(m.count, 3);
  EXPECT_DOUBLE_EQ(m.total_duration_seconds, 720);
  EXPECT_EQ(m.recorded_duration_count, 1);
  EXPECT_DOUBLE_EQ(m.recorded_duration_seconds, 600);
  EXPECT_EQ(m.estimated_duration_count, 2);
  EXPECT_DOUBLE_EQ(m.estimated_duration_seconds, 120);
  EXPECT_DOUBLE_EQ(m.mean_duration_seconds, 240);
  // Sorted {0, 120, 600}: p50 rank 1; p90 rank 1.8 = 120 + 0.8 x 480.
  EXPECT_DOUBLE_EQ(m.p50_duration_seconds, 120);
  EXPECT_DOUBLE_EQ(m.p90_duration_seconds, 504);
  EXPECT_EQ(m.chunks, 24);
  EXPECT_DOUBLE_EQ(m.mean_chunks_per_conversation, 8);
  EXPECT_EQ(m.with_content, 2);
  EXPECT_EQ(m.empty, 1);
  EXPECT_EQ(m.uploaded, 1);
  EXPECT_EQ(m.recorded, 1);
}

TEST_F(AccountScenarioTest, CurrentChat) {
  const ChatMetrics m = ComputeNovember(data_, users_).current.chat;

  // m1, m2, m3, m10 in h1 and m4, m5 in h2.
  EXPECT_EQ(m.messages, 6);
  EXPECT_EQ(m.user_messages, 3);       // m1 "User", m3 "USER", m4 "user"
  EXPECT_EQ(m.assistant_messages, 2);  // m2 "assistant", m5 "Dembrane"
  EXPECT_EQ(m.tokens, 316);            // 10 + 200 + 0 + 5 + 100 + 1
  EXPECT_EQ(m.active_sessions, 2);
  EXPECT_EQ(m.sessions_created, 1);  // h2; h1 is from October
  EXPECT_DOUBLE_EQ(m.mean_messages_per_session, 3);
  // Sorted {2, 4}: p50 rank 0.5 = 3; p90 rank 0.9 = 2 + 0.9 x 2.
  EXPECT_DOUBLE_EQ(m.p50_messages_per_session, 3);
  EXPECT_DOUBLE_EQ(m.p90_messages_per_session, 3.8);
  EXPECT_DOUBLE_EQ(m.queries_per_session, 1.5);
}

TEST_F(AccountScenarioTest, CurrentProjects) {
  const ProjectMetrics m = ComputeNovember(data_, users_).current.projects;

  EXPECT_EQ(m.owned, 3);    // p1, p2, p5
  EXPECT_EQ(m.created, 1);  // p2
  EXPECT_EQ(m.active, 2);   // p1, p2
  // Conversations per owned project: p1 2, p2 1, p5 0.
  EXPECT_DOUBLE_EQ(m.mean_conversations_per_project, 1);
  // Sorted {0, 1, 2}: rank 1.8 = 1 + 0.8 x 1.
  EXPECT_DOUBLE_EQ(m.p90_conversations_per_project, 1.8);
}

TEST_F(AccountScenarioTest, CurrentReports) {
  const ReportMetrics m = ComputeNovember(data_, users_).current.reports;

  EXPECT_EQ(m.created, 5);  // r1, r2, r3, r4, r8
  EXPECT_EQ(m.published, 2);
  EXPECT_EQ(m.error, 1);
  // Byte order puts upper case first.
  EXPECT_THAT(m.by_status,
              ElementsAre(FieldsAre("Published", 1), FieldsAre("draft", 1),
                          FieldsAre("error", 1), FieldsAre("published", 2)));
}

TEST_F(AccountScenarioTest, CurrentLogins) {
  const LoginMetrics m = ComputeNovember(data_, users_).current.logins;

  EXPECT_EQ(m.total, 4);
  EXPECT_EQ(m.active_days, 3);
  EXPECT_EQ(m.unique_users, 2);
  EXPECT_DOUBLE_EQ(m.mean_per_active_day, 4.0 / 3.0);
  EXPECT_DOUBLE_EQ(m.mean_per_user, 2);
  EXPECT_DOUBLE_EQ(m.per_week, 28.0 / 30.0);  // 4 / (30 / 7)
  EXPECT_EQ(m.band, UsageBand::kLow);
  EXPECT_THAT(m.daily, ElementsAre(FieldsAre(absl::CivilDay(2026, 11, 2), 2),
                                   FieldsAre(absl::CivilDay(2026, 11, 3), 1),
                                   FieldsAre(absl::CivilDay(2026, 11, 20), 1)));
}

TEST_F(AccountScenarioTest, PreviousPeriod) {
  const UsageMetrics usage = ComputeNovember(data_, users_);

  ASSERT_TRUE(usage.previous.has_value());
  const PeriodMetrics& m = *usage.previous;
  EXPECT_EQ(m.conversations.count, 1);  // c4
  EXPECT_DOUBLE_EQ(m.conversations.total_duration_seconds, 300);
  EXPECT_DOUBLE_EQ(m.conversations.p90_duration_seconds, 300);
  EXPECT_EQ(m.chat.messages, 1);  // m6
  EXPECT_EQ(m.chat.active_sessions, 1);
  EXPECT_EQ(m.chat.sessions_created, 1);  // h1
  EXPECT_EQ(m.chat.tokens, 7);
  // p2 is created after 31 October; p3 later still.
  EXPECT_EQ(m.projects.owned, 2);  // p1, p5
  EXPECT_EQ(m.projects.created, 0);
  EXPECT_EQ(m.projects.active, 1);
  EXPECT_DOUBLE_EQ(m.projects.mean_conversations_per_project, 0.5);
  EXPECT_DOUBLE_EQ(m.projects.p90_conversations_per_project, 0.9);
  EXPECT_EQ(m.reports.created, 1);  // r6
  EXPECT_EQ(m.logins.total, 1);     // l5
  EXPECT_DOUBLE_EQ(m.logins.per_week, 7.0 / 30.0);
}

TEST_F(AccountScenarioTest, Trends) {
  const UsageMetrics usage = ComputeNovember(data_, users_);

  ASSERT_EQ(usage.trends.size(), 7u);
  auto expect = [&usage](size_t i, TrendMetric metric, double current,
                         double previous, std::optional<double> percent,
                         TrendDirection direction) {
    const Trend& trend = usage.trends[i];
    EXPECT_EQ(trend.metric, metric) << i;
    EXPECT_DOUBLE_EQ(trend.current, current) << i;
    EXPECT_DOUBLE_EQ(trend.previous, previous) << i;
    if (percent.has_value()) {
      EXPECT_THAT(trend.percent_change, Optional(DoubleEq(*percent))) << i;
    } else {
      EXPECT_EQ(trend.percent_change, std::nullopt) << i;
    }
    EXPECT_EQ(trend.direction, direction) << i;
  };
  expect(0, TrendMetric::kProjects, 1, 0, std::nullopt, TrendDirection::kNew);
  expect(1, TrendMetric::kConversations, 3, 1, 200, TrendDirection::kUp);
  expect(2, TrendMetric::kDuration, 720, 300, 140, TrendDirection::kUp);
  expect(3, TrendMetric::kLogins, 4, 1, 300, TrendDirection::kUp);
  expect(4, TrendMetric::kChatSessions, 2, 1, 100, TrendDirection::kUp);
  expect(5, TrendMetric::kMessages, 6, 1, 500, TrendDirection::kUp);
  expect(6, TrendMetric::kReports, 5, 1, 400, TrendDirection::kUp);
}

TEST_F(AccountScenarioTest, FeatureAdoption) {
  const FeatureAdoption f = ComputeNovember(data_, users_).features;

  EXPECT_TRUE(f.uses_conversations);
  EXPECT_EQ(f.conversations, 3);
  EXPECT_TRUE(f.uses_chat);
  EXPECT_EQ(f.chat_messages, 6);
  EXPECT_TRUE(f.uses_reports);
  EXPECT_EQ(f.reports, 5);
  // Tags of p1 only: p3 is not owned yet and p4 is deleted.
  EXPECT_TRUE(f.uses_tags);
  EXPECT_EQ(f.tags, 2);
}

TEST_F(AccountScenarioTest, Activity) {
  const Activity a = ComputeNovember(data_, users_).activity;

  EXPECT_EQ(a.bounds.chats.last, Utc(2026, 11, 16));
  EXPECT_EQ(a.first_activity, Utc(2026, 9, 1));
  EXPECT_EQ(a.last_activity, Utc(2026, 12, 3, 20));
  EXPECT_EQ(a.days_since_last_activity, 1);  // 3 to 4 December
}

TEST_F(AccountScenarioTest, ProjectsTable) {
  const std::vector<ProjectRow> rows = ComputeNovember(data_, users_).projects;

  ASSERT_EQ(RowIds(rows), (std::vector<std::string>{"p1", "p2", "p5"}));
  const ProjectRow& alpha = rows[0];
  EXPECT_EQ(alpha.name, "Alpha");
  EXPECT_EQ(alpha.owner, "Ada Lovelace");
  EXPECT_THAT(alpha.tags, ElementsAre("research", "pilot"));
  EXPECT_EQ(alpha.conversations, 2);
  EXPECT_DOUBLE_EQ(alpha.duration_seconds, 720);
  EXPECT_EQ(alpha.chat_sessions, 1);
  EXPECT_EQ(alpha.messages, 4);
  EXPECT_EQ(alpha.user_messages, 2);
  EXPECT_EQ(alpha.created_at, Utc(2026, 9, 1));
  EXPECT_TRUE(alpha.active);

  const ProjectRow& beta = rows[1];
  EXPECT_EQ(beta.owner, "grace@example.com");
  EXPECT_EQ(beta.conversations, 1);
  EXPECT_DOUBLE_EQ(beta.duration_seconds, 0);
  EXPECT_EQ(beta.chat_sessions, 1);
  EXPECT_EQ(beta.messages, 2);
  EXPECT_EQ(beta.user_messages, 1);
  EXPECT_FALSE(beta.active);

  const ProjectRow& epsilon = rows[2];
  EXPECT_EQ(epsilon.owner, "u9");
  EXPECT_EQ(epsilon.conversations, 0);
  EXPECT_EQ(epsilon.messages, 0);
  EXPECT_EQ(epsilon.created_at, std::nullopt);
}

TEST_F(AccountScenarioTest, DataQuality) {
  const UsageMetrics usage = ComputeNovember(data_, users_);
  const DataQuality& q = usage.quality;

  EXPECT_EQ(q.estimated_durations, 2);           // c2, c3
  EXPECT_EQ(q.conversations_without_chunks, 1);  // c3
  // Projects p4; chats h3, h4, h5; conversations c5, c6; messages m7, m8,
  // m9; reports r5, r7.
  EXPECT_EQ(q.soft_deleted_excluded, 11);
  // Project p5, conversation c7, login l6.
  EXPECT_EQ(q.missing_timestamps, 3);
  EXPECT_EQ(q.unparsable_values, 2);
  EXPECT_EQ(usage.effective_days, 30);
}

TEST_F(AccountScenarioTest, AllTimeCountsEveryTimestampedRow) {
  const UsageMetrics usage = ComputeUsage(data_, users_, test_data::AllTime(),
                                          absl::UTCTimeZone(), AsOf());

  EXPECT_FALSE(usage.previous.has_value());
  EXPECT_THAT(usage.trends, IsEmpty());
  // c1, c2, c3, c4 and c8; c7 has no creation time.
  EXPECT_EQ(usage.current.conversations.count, 5);
  EXPECT_EQ(usage.current.projects.owned, 4);  // p1, p2, p3, p5
  EXPECT_EQ(usage.current.logins.total, 5);
  // Logins from 15 October to 20 November: 17 + 20 = 37 days.
  EXPECT_DOUBLE_EQ(usage.current.logins.per_week, 5.0 * 7.0 / 37.0);
  // Events from p1 on 1 September to p3 on 2 December: 30 + 31 + 30 + 2.
  EXPECT_EQ(usage.effective_days, 93);
  EXPECT_EQ(usage.features.tags, 3);  // p1 and p3
}

TEST(UsageTest, RowsWithoutTimestampCountOnlyAsMissing) {
  AccountData data;
  data.projects = {
      Project{.id = "p1", .owner_id = "u1", .created_at = Utc(2026, 1, 1)},
      Project{.id = "gone",
              .owner_id = "u1",
              .created_at = Utc(2026, 1, 1),
              .deleted_at = Utc(2026, 2, 1)},
  };
  data.chats = {
      Chat{.id = "h1", .project_id = "p1", .created_at = Utc(2026, 11, 2)}};
  // One row of each windowed kind without its timestamp, as the sources
  // return them for a dated period.
  data.conversations = {
      Conversation{.id = "c1", .project_id = "p1", .duration_seconds = 60},
      // Excluded with its deleted project, so not counted as missing.
      Conversation{.id = "c2", .project_id = "gone", .duration_seconds = 60},
  };
  data.messages = {
      ChatMessage{.id = "m1", .chat_id = "h1", .message_from = "user"}};
  data.reports = {
      ProjectReport{.id = "1", .project_id = "p1", .status = "published"}};
  data.logins = {Login{.id = "l1", .user_id = "u1"}};

  const UsageMetrics usage = ComputeNovember(data);

  // c1, m1, report 1 and l1.
  EXPECT_EQ(usage.quality.missing_timestamps, 4);
  EXPECT_EQ(usage.quality.soft_deleted_excluded, 1);  // project "gone"
  EXPECT_EQ(usage.quality.estimated_durations, 0);
  EXPECT_EQ(usage.quality.conversations_without_chunks, 0);
  ASSERT_TRUE(usage.previous.has_value());
  for (const PeriodMetrics* period : {&usage.current, &*usage.previous}) {
    EXPECT_EQ(period->conversations.count, 0);
    EXPECT_EQ(period->chat.messages, 0);
    EXPECT_EQ(period->reports.created, 0);
    EXPECT_EQ(period->logins.total, 0);
  }
}

TEST(UsageTest, SoftDeletedProjectTakesItsRowsOut) {
  AccountData data;
  data.projects = {Project{.id = "p1",
                           .name = "Gone",
                           .owner_id = "u1",
                           .created_at = Utc(2026, 10, 1),
                           .deleted_at = Utc(2026, 11, 20),
                           .tags = {"x"}}};
  data.conversations = {Conversation{.id = "c1",
                                     .project_id = "p1",
                                     .created_at = Utc(2026, 11, 2),
                                     .duration_seconds = 60}};
  data.chats = {
      Chat{.id = "h1", .project_id = "p1", .created_at = Utc(2026, 11, 2)}};
  data.messages = {
      ChatMessage{.id = "m1",
                  .chat_id = "h1",
                  .message_from = "user",
                  .created_at = Utc(2026, 11, 2)},
      ChatMessage{.id = "m2",
                  .chat_id = "h1",
                  .message_from = "assistant",
                  .created_at = Utc(2026, 11, 2)},
  };
  data.reports = {ProjectReport{.id = "1",
                                .project_id = "p1",
                                .status = "published",
                                .created_at = Utc(2026, 11, 3)}};

  const UsageMetrics usage = ComputeNovember(data);

  EXPECT_EQ(usage.current.conversations.count, 0);
  EXPECT_EQ(usage.current.chat.messages, 0);
  EXPECT_EQ(usage.current.chat.sessions_created, 0);
  EXPECT_EQ(usage.current.projects.owned, 0);
  EXPECT_EQ(usage.current.projects.active, 0);
  EXPECT_EQ(usage.current.reports.created, 0);
  EXPECT_EQ(usage.features.tags, 0);
  EXPECT_THAT(usage.projects, IsEmpty());
  // 1 project + 1 chat + 1 conversation + 2 messages + 1 report.
  EXPECT_EQ(usage.quality.soft_deleted_excluded, 6);
}

TEST(UsageTest, MessageRolesAndNullTokens) {
  AccountData data;
  data.projects = {Project{.id = "p1", .owner_id = "u1"}};
  data.chats = {Chat{.id = "h1", .project_id = "p1"}};
  const absl::Time sent = Utc(2026, 11, 9);
  for (const auto& [from, tokens] :
       std::vector<std::pair<std::string, std::optional<int64_t>>>{
           {"USER", 3},
           {"user", std::nullopt},
           {"Assistant", 40},
           {"DEMBRANE", std::nullopt},
           {"users", 1},
       }) {
    data.messages.push_back(ChatMessage{.id = from,
                                        .chat_id = "h1",
                                        .message_from = from,
                                        .tokens = tokens,
                                        .created_at = sent});
  }

  const ChatMetrics chat = ComputeNovember(data).current.chat;

  EXPECT_EQ(chat.messages, 5);
  EXPECT_EQ(chat.user_messages, 2);
  EXPECT_EQ(chat.assistant_messages, 2);
  EXPECT_EQ(chat.tokens, 44);  // 3 + 0 + 40 + 0 + 1
  EXPECT_EQ(chat.active_sessions, 1);
  // The chat has no creation time, so it was not created in the period.
  EXPECT_EQ(chat.sessions_created, 0);
  EXPECT_DOUBLE_EQ(chat.queries_per_session, 2);
}

TEST(UsageTest, TokenSumSaturatesAtInt64Max) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  AccountData data;
  data.projects = {Project{.id = "p1", .owner_id = "u1"}};
  data.chats = {Chat{.id = "h1", .project_id = "p1"}};
  for (const auto& [id, tokens] : std::vector<std::pair<std::string, int64_t>>{
           {"m1", kMax - 1}, {"m2", 5}, {"m3", kMax}, {"m4", 1}}) {
    data.messages.push_back(ChatMessage{.id = id,
                                        .chat_id = "h1",
                                        .message_from = "user",
                                        .tokens = tokens,
                                        .created_at = Utc(2026, 11, 9)});
  }

  const ChatMetrics chat = ComputeNovember(data).current.chat;

  EXPECT_EQ(chat.messages, 4);
  EXPECT_EQ(chat.tokens, kMax);
}

TEST(UsageTest, TokenSumSaturatesAtInt64Min) {
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  AccountData data;
  data.projects = {Project{.id = "p1", .owner_id = "u1"}};
  data.chats = {Chat{.id = "h1", .project_id = "p1"}};
  for (const auto& [id, tokens] : std::vector<std::pair<std::string, int64_t>>{
           {"m1", kMin + 1}, {"m2", -5}}) {
    data.messages.push_back(ChatMessage{.id = id,
                                        .chat_id = "h1",
                                        .message_from = "user",
                                        .tokens = tokens,
                                        .created_at = Utc(2026, 11, 9)});
  }

  EXPECT_EQ(ComputeNovember(data).current.chat.tokens, kMin);
}

TEST(UsageTest, ProjectsTableSortOrder) {
  AccountData data;
  // Duration per project, set by recorded conversations on 2 November.
  struct Setup {
    std::string id;
    std::string name;
    std::vector<double> durations;
  };
  const std::vector<Setup> setups = {
      {"a", "Zulu", {100}},        {"b", "Bravo", {}},
      {"c", "Yankee", {150, 150}},  // 300 s over two conversations
      {"d", "Alpha", {300}},        // 300 s over one conversation
      {"e", "Bravo", {}},          {"f", "Alpha", {}},
  };
  for (const Setup& setup : setups) {
    data.projects.push_back(Project{.id = setup.id,
                                    .name = setup.name,
                                    .owner_id = "u1",
                                    .created_at = Utc(2026, 1, 1)});
    for (size_t i = 0; i < setup.durations.size(); ++i) {
      data.conversations.push_back(
          Conversation{.id = setup.id + std::to_string(i),
                       .project_id = setup.id,
                       .created_at = Utc(2026, 11, 2),
                       .duration_seconds = setup.durations[i]});
    }
  }

  const UsageMetrics usage = ComputeNovember(data);

  // c and d tie on 300 s, and c has more conversations. b and e tie on
  // everything but the id.
  EXPECT_THAT(RowIds(usage.projects),
              ElementsAre("c", "d", "a", "f", "b", "e"));
}

TEST(UsageTest, ProjectCreatedAtPeriodEndIsNotOwned) {
  AccountData data;
  // The period ends at 00:00 UTC on 1 December.
  data.projects = {
      Project{.id = "last",
              .owner_id = "u1",
              .created_at = Utc(2026, 11, 30, 23, 59)},
      Project{.id = "next", .owner_id = "u1", .created_at = Utc(2026, 12, 1)},
  };

  const UsageMetrics usage = ComputeNovember(data);

  EXPECT_EQ(usage.current.projects.owned, 1);
  EXPECT_EQ(usage.current.projects.created, 1);
  EXPECT_THAT(RowIds(usage.projects), ElementsAre("last"));
}

TEST(UsageTest, EmptyAccountGivesZeroes) {
  const UsageMetrics usage = ComputeNovember(AccountData{});

  EXPECT_EQ(usage.current.conversations.count, 0);
  EXPECT_EQ(usage.current.conversations.mean_duration_seconds, 0);
  EXPECT_EQ(usage.current.chat.mean_messages_per_session, 0);
  EXPECT_EQ(usage.current.projects.mean_conversations_per_project, 0);
  EXPECT_EQ(usage.features.uses_conversations, false);
  EXPECT_EQ(usage.activity.first_activity, std::nullopt);
  EXPECT_EQ(usage.activity.days_since_last_activity, std::nullopt);
  ASSERT_EQ(usage.trends.size(), 7u);
  for (const Trend& trend : usage.trends) {
    EXPECT_EQ(trend.direction, TrendDirection::kFlat);
    EXPECT_EQ(trend.percent_change, std::nullopt);
  }
}

TEST(UsageTest, AllTimeWithoutEventsHasNoEffectiveDays) {
  const UsageMetrics usage = ComputeUsage(
      AccountData{}, {}, test_data::AllTime(), absl::UTCTimeZone(), AsOf());

  EXPECT_EQ(usage.effective_days, 0);
}

TEST(UsageTest, DaysSinceLastActivityUsesReportZone) {
  absl::TimeZone amsterdam;
  ASSERT_TRUE(absl::LoadTimeZone("Europe/Amsterdam", &amsterdam));
  AccountData data;
  // 23:30Z on 3 December is 00:30 CET on 4 December, the day of AsOf().
  data.activity.logins = {Utc(2026, 12, 1), Utc(2026, 12, 3, 23, 30)};

  const UsageMetrics in_utc = ComputeNovember(data);
  const UsageMetrics in_amsterdam =
      ComputeUsage(data, {}, test_data::November(amsterdam), amsterdam, AsOf());

  EXPECT_EQ(in_utc.activity.days_since_last_activity, 1);
  EXPECT_EQ(in_amsterdam.activity.days_since_last_activity, 0);
  EXPECT_EQ(in_utc.activity.first_activity, Utc(2026, 12, 1));
}

}  // namespace
}  // namespace usage
