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
using ::testing::FieldsAre;
using ::testing::IsEmpty;

absl::TimeZone LoadZone(const char* name) {
  absl::TimeZone zone;
  EXPECT_TRUE(absl::LoadTimeZone(name, &zone)) << name;
  return zone;
}

Conversation RecordedConversation(std::string id, absl::Time created_at,
                                  double seconds = 60) {
  return Conversation{.id = std::move(id),
                      .project_id = "p1",
                      .created_at = created_at,
                      .duration_seconds = seconds};
}

Login UserLogin(std::string id, absl::Time timestamp,
                std::string user_id = "u1") {
  return Login{.id = std::move(id),
               .user_id = std::move(user_id),
               .timestamp = timestamp};
}

// An account with one project "p1" and the given conversations and logins.
AccountData AccountWith(std::vector<Conversation> conversations,
                        std::vector<Login> logins = {}) {
  AccountData data;
  data.projects = {
      Project{.id = "p1", .name = "Alpha", .owner_id = "u1"},
  };
  data.conversations = std::move(conversations);
  data.logins = std::move(logins);
  return data;
}

Timeline TimelineOf(const AccountData& data, const ResolvedPeriods& periods,
                    absl::TimeZone zone = absl::UTCTimeZone()) {
  return ComputeUsage(data, {}, periods, zone, AsOf()).timeline;
}

std::vector<int64_t> ConversationsPerDay(const Timeline& timeline) {
  std::vector<int64_t> counts;
  for (const DailyActivity& day : timeline.days) {
    counts.push_back(day.conversations);
  }
  return counts;
}

std::vector<int64_t> LoginsPerDay(const Timeline& timeline) {
  std::vector<int64_t> counts;
  for (const DailyActivity& day : timeline.days) counts.push_back(day.logins);
  return counts;
}

TEST(TimelineTest, SpringForwardDayIsOneDay) {
  const absl::TimeZone berlin = LoadZone("Europe/Berlin");
  // On 29 March 2026 Berlin moves from 02:00 CET to 03:00 CEST, so the day
  // lasts from 23:00Z on 28 March to 22:00Z on 29 March: 23 hours.
  const std::vector<absl::Time> instants = {
      Utc(2026, 3, 28, 22, 59),  // 23:59 CET, 28 March
      Utc(2026, 3, 28, 23, 0),   // 00:00 CET, 29 March
      Utc(2026, 3, 29, 0, 59),   // 01:59 CET, 29 March
      Utc(2026, 3, 29, 1, 0),    // 03:00 CEST, 29 March
      Utc(2026, 3, 29, 21, 59),  // 23:59 CEST, 29 March
      Utc(2026, 3, 29, 22, 0),   // 00:00 CEST, 30 March
  };
  std::vector<Conversation> conversations;
  std::vector<Login> logins;
  for (size_t i = 0; i < instants.size(); ++i) {
    conversations.push_back(
        RecordedConversation("c" + std::to_string(i), instants[i]));
    logins.push_back(UserLogin("l" + std::to_string(i), instants[i]));
  }

  const Timeline timeline =
      TimelineOf(AccountWith(conversations, logins),
                 test_data::CustomPeriods(absl::CivilDay(2026, 3, 27),
                                          absl::CivilDay(2026, 3, 31), berlin),
                 berlin);

  ASSERT_EQ(timeline.days.size(), 5u);
  EXPECT_EQ(timeline.days.front().day, absl::CivilDay(2026, 3, 27));
  EXPECT_EQ(timeline.days.back().day, absl::CivilDay(2026, 3, 31));
  EXPECT_THAT(ConversationsPerDay(timeline), ElementsAre(0, 1, 4, 1, 0));
  EXPECT_THAT(LoginsPerDay(timeline), ElementsAre(0, 1, 4, 1, 0));
  EXPECT_EQ(timeline.days[2].cumulative_conversations, 5);
  EXPECT_DOUBLE_EQ(timeline.days[2].duration_seconds, 240);  // 4 x 60 s
}

TEST(TimelineTest, RepeatedHourCountsOnceEach) {
  const absl::TimeZone berlin = LoadZone("Europe/Berlin");
  // On 25 October 2026 Berlin goes back from 03:00 CEST to 02:00 CET, so
  // 00:30Z and 01:30Z are both 02:30 local, and the day is 25 hours long.
  const std::vector<Login> logins = {
      UserLogin("a", Utc(2026, 10, 24, 21, 59)),  // 23:59 CEST, 24 October
      UserLogin("b", Utc(2026, 10, 24, 22, 0)),   // 00:00 CEST, 25 October
      UserLogin("c", Utc(2026, 10, 25, 0, 30)),   // 02:30 CEST
      UserLogin("d", Utc(2026, 10, 25, 1, 30)),   // 02:30 CET
      UserLogin("e", Utc(2026, 10, 25, 22, 59)),  // 23:59 CET, 25 October
      UserLogin("f", Utc(2026, 10, 25, 23, 0)),   // 00:00 CET, 26 October
  };
  const ResolvedPeriods periods = test_data::CustomPeriods(
      absl::CivilDay(2026, 10, 24), absl::CivilDay(2026, 10, 26), berlin);

  const UsageMetrics usage =
      ComputeUsage(AccountWith({}, logins), {}, periods, berlin, AsOf());

  EXPECT_THAT(LoginsPerDay(usage.timeline), ElementsAre(1, 4, 1));
  EXPECT_THAT(usage.current.logins.daily,
              ElementsAre(FieldsAre(absl::CivilDay(2026, 10, 24), 1),
                          FieldsAre(absl::CivilDay(2026, 10, 25), 4),
                          FieldsAre(absl::CivilDay(2026, 10, 26), 1)));
  EXPECT_EQ(usage.current.logins.hour_histogram[2], 2);
}

TEST(TimelineTest, LastMillisecondIsInLastDay) {
  const absl::TimeZone berlin = LoadZone("Europe/Berlin");
  // 30 November 23:59:59.999 CET is 22:59:59.999Z; midnight CET after it
  // is outside the period, and the period starts at 23:00Z on 31 October.
  const absl::Time last =
      absl::FromCivil(absl::CivilSecond(2026, 11, 30, 23, 59, 59), berlin) +
      absl::Milliseconds(999);
  const Timeline timeline = TimelineOf(
      AccountWith({RecordedConversation("first", Utc(2026, 10, 31, 23)),
                   RecordedConversation("last", last),
                   RecordedConversation("after", Utc(2026, 11, 30, 23))}),
      test_data::November(berlin), berlin);

  ASSERT_EQ(timeline.days.size(), 30u);
  EXPECT_EQ(timeline.days[0].conversations, 1);
  EXPECT_EQ(timeline.days[29].day, absl::CivilDay(2026, 11, 30));
  EXPECT_EQ(timeline.days[29].conversations, 1);
  EXPECT_EQ(timeline.days[29].cumulative_conversations, 2);
}

// Over 1..30 November 2026 in UTC: every figure below is worked out by hand
// from these rows.
class NovemberTimelineTest : public ::testing::Test {
 protected:
  NovemberTimelineTest() {
    data_.projects = {
        Project{.id = "p1",
                .name = "Alpha",
                .owner_id = "u1",
                .created_at = Utc(2026, 9, 1)},
        Project{.id = "p2",
                .name = "Beta",
                .owner_id = "u1",
                .created_at = Utc(2026, 9, 1)},
        Project{.id = "p3",
                .name = "Quiet",
                .owner_id = "u1",
                .created_at = Utc(2026, 9, 1)},
    };
    data_.conversations = {
        Conversation{.id = "c1",
                     .project_id = "p1",
                     .created_at = Utc(2026, 11, 3, 9),
                     .duration_seconds = 600,
                     .chunk_count = 20,
                     .nonblank_chunk_count = 20},
        // Estimated: max(4 x 30, 300 / 150 x 60) = 120 s.
        Conversation{.id = "c2",
                     .project_id = "p1",
                     .created_at = Utc(2026, 11, 3, 15),
                     .source = "DASHBOARD_UPLOAD",
                     .chunk_count = 4,
                     .nonblank_chunk_count = 4,
                     .transcript_words = 300},
        // Estimated at 0 s, without content.
        Conversation{
            .id = "c3", .project_id = "p2", .created_at = Utc(2026, 11, 20)},
        // Left out: deleted, and outside the period.
        Conversation{.id = "c4",
                     .project_id = "p1",
                     .created_at = Utc(2026, 11, 7),
                     .deleted_at = Utc(2026, 11, 8),
                     .duration_seconds = 100},
        Conversation{.id = "c5",
                     .project_id = "p1",
                     .created_at = Utc(2026, 10, 15),
                     .duration_seconds = 100},
    };
    data_.chats = {
        Chat{.id = "h1", .project_id = "p1", .created_at = Utc(2026, 11, 3)},
        Chat{.id = "h2", .project_id = "p2", .created_at = Utc(2026, 10, 20)},
        Chat{.id = "h3",
             .project_id = "p1",
             .created_at = Utc(2026, 11, 3),
             .deleted_at = Utc(2026, 11, 4)},
    };
    data_.messages = {
        Message("m1", "h1", "user", Utc(2026, 11, 3)),
        Message("m2", "h1", "assistant", Utc(2026, 11, 4)),
        Message("m3", "h2", "User", Utc(2026, 11, 4)),
        Message("m4", "h3", "user", Utc(2026, 11, 3)),  // chat deleted
    };
    data_.logins = {
        UserLogin("l1", Utc(2026, 11, 3, 8)),
        UserLogin("l2", Utc(2026, 11, 3, 18)),
        UserLogin("l3", Utc(2026, 11, 30, 23, 59)),
        UserLogin("l4", Utc(2026, 12, 1)),  // after the period
    };
  }

  static ChatMessage Message(std::string id, std::string chat_id,
                             std::string from, absl::Time sent) {
    return ChatMessage{.id = std::move(id),
                       .chat_id = std::move(chat_id),
                       .message_from = std::move(from),
                       .created_at = sent};
  }

  Timeline Compute() const { return TimelineOf(data_, test_data::November()); }

  AccountData data_;
};

TEST_F(NovemberTimelineTest, HasEveryDayOfPeriod) {
  const Timeline timeline = Compute();

  ASSERT_EQ(timeline.days.size(), 30u);
  for (size_t i = 0; i < timeline.days.size(); ++i) {
    EXPECT_EQ(timeline.days[i].day,
              absl::CivilDay(2026, 11, 1) + static_cast<int>(i));
  }
}

TEST_F(NovemberTimelineTest, DailyFigures) {
  const Timeline timeline = Compute();
  ASSERT_EQ(timeline.days.size(), 30u);

  // 3 November: c1 and c2 (600 + 120 s), chat h1, message m1, logins l1
  // and l2.
  EXPECT_THAT(timeline.days[2],
              FieldsAre(absl::CivilDay(2026, 11, 3), 2, 720.0, 1, 1, 2, 2));
  // 4 November: messages m2 and m3 (chat h2 is from October).
  EXPECT_THAT(timeline.days[3],
              FieldsAre(absl::CivilDay(2026, 11, 4), 0, 0.0, 0, 2, 0, 2));
  EXPECT_THAT(timeline.days[19],
              FieldsAre(absl::CivilDay(2026, 11, 20), 1, 0.0, 0, 0, 0, 3));
  EXPECT_THAT(timeline.days[29],
              FieldsAre(absl::CivilDay(2026, 11, 30), 0, 0.0, 0, 0, 1, 3));
  EXPECT_THAT(timeline.days[0],
              FieldsAre(absl::CivilDay(2026, 11, 1), 0, 0.0, 0, 0, 0, 0));
}

TEST_F(NovemberTimelineTest, ProjectsFollowTableOrder) {
  const Timeline timeline = Compute();

  // p1 has 720 s and leads the projects table; p3 has no conversations.
  ASSERT_EQ(timeline.projects.size(), 2u);
  EXPECT_EQ(timeline.projects[0].project_id, "p1");
  EXPECT_EQ(timeline.projects[0].project_name, "Alpha");
  EXPECT_THAT(timeline.projects[0].days,
              ElementsAre(FieldsAre(absl::CivilDay(2026, 11, 3), 2, 720.0)));
  EXPECT_EQ(timeline.projects[1].project_id, "p2");
  EXPECT_THAT(timeline.projects[1].days,
              ElementsAre(FieldsAre(absl::CivilDay(2026, 11, 20), 1, 0.0)));
}

TEST_F(NovemberTimelineTest, OneMonth) {
  const Timeline timeline = Compute();

  ASSERT_EQ(timeline.months.size(), 1u);
  const MonthlyActivity& month = timeline.months[0];
  EXPECT_EQ(month.month, absl::CivilMonth(2026, 11));
  EXPECT_EQ(month.conversations, 3);
  EXPECT_EQ(month.empty, 1);         // c3
  EXPECT_EQ(month.with_content, 2);  // c1, c2
  EXPECT_EQ(month.uploaded, 1);      // c2
  EXPECT_EQ(month.recorded, 1);      // c1
  EXPECT_DOUBLE_EQ(month.duration_seconds, 720);
  EXPECT_EQ(month.chats, 1);  // h1
  EXPECT_EQ(month.messages, 3);
  EXPECT_EQ(month.user_messages, 2);  // m1, m3
  EXPECT_EQ(month.logins, 3);
}

TEST_F(NovemberTimelineTest, MatchesPeriodFigures) {
  const UsageMetrics usage = ComputeUsage(data_, {}, test_data::November(),
                                          absl::UTCTimeZone(), AsOf());

  int64_t conversations = 0;
  double duration = 0;
  int64_t chats = 0;
  int64_t messages = 0;
  int64_t logins = 0;
  for (const DailyActivity& day : usage.timeline.days) {
    conversations += day.conversations;
    duration += day.duration_seconds;
    chats += day.chat_sessions_started;
    messages += day.messages;
    logins += day.logins;
  }
  EXPECT_EQ(conversations, usage.current.conversations.count);
  EXPECT_DOUBLE_EQ(duration,
                   usage.current.conversations.total_duration_seconds);
  EXPECT_EQ(chats, usage.current.chat.sessions_created);
  EXPECT_EQ(messages, usage.current.chat.messages);
  EXPECT_EQ(logins, usage.current.logins.total);
}

TEST(TimelineTest, MonthsOverlappingPeriod) {
  AccountData data = AccountWith(
      {
          RecordedConversation("before", Utc(2026, 1, 14, 23, 59)),
          RecordedConversation("first", Utc(2026, 1, 15)),
          Conversation{.id = "upload",
                       .project_id = "p1",
                       .created_at = Utc(2026, 2, 28),
                       .duration_seconds = 90,
                       .source = "DASHBOARD_UPLOAD",
                       .chunk_count = 3,
                       .nonblank_chunk_count = 1},
          RecordedConversation("last", Utc(2026, 3, 10, 23, 59), 30),
          RecordedConversation("after", Utc(2026, 3, 11)),
      },
      {UserLogin("l1", Utc(2026, 1, 31)), UserLogin("l2", Utc(2026, 2, 1)),
       UserLogin("l3", Utc(2026, 3, 10))});

  const Timeline timeline =
      TimelineOf(data, test_data::CustomPeriods(absl::CivilDay(2026, 1, 15),
                                                absl::CivilDay(2026, 3, 10)));

  // 17 days of January, 28 of February and 10 of March.
  EXPECT_EQ(timeline.days.size(), 55u);
  ASSERT_EQ(timeline.months.size(), 3u);
  EXPECT_EQ(timeline.months[0].month, absl::CivilMonth(2026, 1));
  EXPECT_EQ(timeline.months[1].month, absl::CivilMonth(2026, 2));
  EXPECT_EQ(timeline.months[2].month, absl::CivilMonth(2026, 3));
  // "first" and "last" have no chunks, so they are empty.
  EXPECT_EQ(timeline.months[0].conversations, 1);
  EXPECT_EQ(timeline.months[0].empty, 1);
  EXPECT_DOUBLE_EQ(timeline.months[0].duration_seconds, 60);
  EXPECT_EQ(timeline.months[1].conversations, 1);
  EXPECT_EQ(timeline.months[1].uploaded, 1);
  EXPECT_EQ(timeline.months[1].with_content, 1);
  EXPECT_EQ(timeline.months[1].empty, 0);
  EXPECT_EQ(timeline.months[2].conversations, 1);
  EXPECT_DOUBLE_EQ(timeline.months[2].duration_seconds, 30);
  for (const MonthlyActivity& month : timeline.months) {
    EXPECT_EQ(month.logins, 1) << absl::FormatCivilTime(month.month);
  }
}

TEST(TimelineTest, AllTimeSpansFirstToLastEvent) {
  AccountData data = AccountWith({RecordedConversation("c1", Utc(2026, 5, 30))},
                                 {UserLogin("l1", Utc(2026, 6, 2, 23))});
  // A project's creation and a report widen the timeline like any event,
  // as they widen the report's effective days.
  data.projects[0].created_at = Utc(2026, 1, 1);
  data.reports = {ProjectReport{.id = "1",
                                .project_id = "p1",
                                .status = "published",
                                .created_at = Utc(2026, 7, 1)}};

  const Timeline timeline = TimelineOf(data, test_data::AllTime());

  // 31 + 28 + 31 + 30 + 31 + 30 days of January to June, and 1 July.
  ASSERT_EQ(timeline.days.size(), 182u);
  EXPECT_EQ(timeline.days.front().day, absl::CivilDay(2026, 1, 1));
  EXPECT_EQ(timeline.days.back().day, absl::CivilDay(2026, 7, 1));
  // 2 June is day 31 + 28 + 31 + 30 + 31 + 2 = 153, index 152.
  EXPECT_EQ(timeline.days[152].day, absl::CivilDay(2026, 6, 2));
  EXPECT_EQ(timeline.days[152].logins, 1);
  ASSERT_EQ(timeline.months.size(), 7u);
  EXPECT_EQ(timeline.months[4].conversations, 1);  // May
  EXPECT_EQ(timeline.months[5].logins, 1);         // June
  ASSERT_EQ(timeline.projects.size(), 1u);
  EXPECT_EQ(timeline.projects[0].project_id, "p1");
}

TEST(TimelineTest, AllTimeWithoutEventsIsEmpty) {
  AccountData data = AccountWith({});
  data.projects[0].created_at = std::nullopt;

  const Timeline timeline = TimelineOf(data, test_data::AllTime());

  EXPECT_THAT(timeline.days, IsEmpty());
  EXPECT_THAT(timeline.projects, IsEmpty());
  EXPECT_THAT(timeline.months, IsEmpty());
}

TEST(TimelineTest, AllTimeKeepsLastThirtyYears) {
  const Timeline timeline =
      TimelineOf(AccountWith({RecordedConversation("zero", Utc(1970, 1, 1))},
                             {UserLogin("l1", Utc(2026, 6, 2))}),
                 test_data::AllTime());

  // 2 June 1996 to 2 June 2026 is 30 x 365 days plus the leap days of 2000,
  // 2004, ..., 2024 (7), so 10957 days apart and 10958 days inclusive.
  ASSERT_EQ(timeline.days.size(), 10958u);
  EXPECT_EQ(timeline.days.front().day, absl::CivilDay(1996, 6, 2));
  EXPECT_EQ(timeline.days.back().cumulative_conversations, 0);
  EXPECT_EQ(timeline.months.size(), 361u);  // June 1996 .. June 2026
  EXPECT_THAT(timeline.projects, IsEmpty());
}

TEST(TimelineTest, AllTimeKeepsElevenYearsWhole) {
  const Timeline timeline = TimelineOf(
      AccountWith({RecordedConversation("first", Utc(2015, 12, 3, 12)),
                   RecordedConversation("last", Utc(2026, 11, 30, 12))}),
      test_data::AllTime());

  // 3 December 2015 to 3 December 2026 is 11 x 365 days plus the leap
  // days of 2016, 2020 and 2024: 4018. 30 November is 3 days earlier, so
  // 4015 days apart and 4016 inclusive.
  ASSERT_EQ(timeline.days.size(), 4016u);
  EXPECT_EQ(timeline.days.front().day, absl::CivilDay(2015, 12, 3));
  EXPECT_EQ(timeline.days.front().conversations, 1);
  EXPECT_EQ(timeline.days.back().cumulative_conversations, 2);
  EXPECT_EQ(timeline.months.size(), 132u);  // Dec 2015 .. Nov 2026
}

TEST(TimelineTest, ProjectOutsideTableComesLast) {
  AccountData data =
      AccountWith({RecordedConversation("c1", Utc(2026, 11, 5), 10)});
  // Created after the period, so not in the projects table, although it
  // has a conversation in the period.
  data.projects.push_back(Project{.id = "late",
                                  .name = "Late",
                                  .owner_id = "u1",
                                  .created_at = Utc(2026, 12, 2)});
  data.conversations.push_back(Conversation{.id = "c2",
                                            .project_id = "late",
                                            .created_at = Utc(2026, 11, 6),
                                            .duration_seconds = 500});

  const Timeline timeline = TimelineOf(data, test_data::November());

  ASSERT_EQ(timeline.projects.size(), 2u);
  EXPECT_EQ(timeline.projects[0].project_id, "p1");
  EXPECT_EQ(timeline.projects[1].project_id, "late");
  EXPECT_EQ(timeline.projects[1].project_name, "Late");
}

}  // namespace
}  // namespace usage
