#include "report_proto.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage {
namespace {

namespace v1 = echo::usage::v1;

using ::testing::Each;
using ::testing::IsEmpty;

absl::Time Utc(int year, int month, int day, int hour = 0) {
  return absl::FromCivil(absl::CivilSecond(year, month, day, hour, 0, 0),
                         absl::UTCTimeZone());
}

Period November() {
  Period period;
  period.preset = PeriodPreset::kCustom;
  period.first_day = absl::CivilDay(2026, 11, 1);
  period.last_day = absl::CivilDay(2026, 11, 30);
  period.start = Utc(2026, 11, 1);
  period.end = Utc(2026, 12, 1);
  period.days = 30;
  return period;
}

ResolvedPeriods Periods() {
  ResolvedPeriods periods;
  periods.current = November();
  return periods;
}

// Figures with a distinct value in every new field, so that a field mapped
// to the wrong place shows.
UsageMetrics NewFigures() {
  UsageMetrics metrics;
  metrics.current.chat.user_message_lengths = {
      .under_50 = 3, .from_50_to_199 = 2, .from_200 = 1};
  metrics.current.logins.hour_histogram[9] = 4;
  metrics.current.logins.hour_histogram[23] = 1;
  metrics.current.logins.daily_per_user = {
      {"u1", absl::CivilDay(2026, 11, 2), 2},
      {"u2", absl::CivilDay(2026, 11, 3), 3},
  };
  metrics.query_topics = {{"budget", 3}, {"thema", 2}};

  metrics.timeline.days = {
      DailyActivity{absl::CivilDay(2026, 11, 1), 1, 60, 2, 3, 4, 1},
      DailyActivity{absl::CivilDay(2026, 11, 2), 2, 90.5, 0, 5, 6, 3},
  };
  metrics.timeline.projects = {ProjectTimeline{
      .project_id = "p1",
      .project_name = "Alpha",
      .days = {ProjectDay{absl::CivilDay(2026, 11, 2), 2, 90.5}}}};
  metrics.timeline.months = {MonthlyActivity{
      .month = absl::CivilMonth(2026, 11),
      .conversations = 11,
      .empty = 1,
      .uploaded = 2,
      .with_content = 10,
      .recorded = 8,
      .duration_seconds = 1234.5,
      .chats = 3,
      .messages = 40,
      .user_messages = 20,
      .logins = 7,
  }};
  return metrics;
}

UserBreakdown Breakdown(User user, int64_t conversations) {
  UserBreakdown breakdown;
  breakdown.user = std::move(user);
  breakdown.metrics.conversations.count = conversations;
  breakdown.metrics.chat.user_message_lengths.from_200 = conversations;
  breakdown.features.uses_chat = true;
  breakdown.features.chat_messages = 5;
  breakdown.activity.last_activity = Utc(2026, 11, 20);
  breakdown.activity.days_since_last_activity = 14;
  return breakdown;
}

v1::UsageReport Fill(const UsageMetrics& metrics,
                     const ResolvedPeriods& periods = Periods()) {
  v1::UsageReport report;
  FillReport(metrics, periods, {}, report);
  return report;
}

TEST(ReportProtoTest, MessageLengthBands) {
  const v1::UsageReport report = Fill(NewFigures());

  const v1::MessageLengthBands& bands =
      report.metrics().chat().user_message_lengths();
  EXPECT_EQ(bands.under_50(), 3);
  EXPECT_EQ(bands.from_50_to_199(), 2);
  EXPECT_EQ(bands.from_200(), 1);
}

TEST(ReportProtoTest, HourHistogramHasTwentyFourHours) {
  const v1::UsageReport report = Fill(NewFigures());

  const auto& histogram = report.metrics().logins().hour_histogram();
  ASSERT_EQ(histogram.size(), 24);
  EXPECT_EQ(histogram[0], 0);
  EXPECT_EQ(histogram[9], 4);
  EXPECT_EQ(histogram[23], 1);
}

TEST(ReportProtoTest, DailyPerUser) {
  const v1::UsageReport report = Fill(NewFigures());

  const auto& days = report.metrics().logins().daily_per_user();
  ASSERT_EQ(days.size(), 2);
  EXPECT_EQ(days[0].user_id(), "u1");
  EXPECT_EQ(days[0].date(), "2026-11-02");
  EXPECT_EQ(days[0].count(), 2);
  EXPECT_EQ(days[1].user_id(), "u2");
  EXPECT_EQ(days[1].date(), "2026-11-03");
  EXPECT_EQ(days[1].count(), 3);
}

TEST(ReportProtoTest, QueryTopicsInOrder) {
  const v1::UsageReport report = Fill(NewFigures());

  ASSERT_EQ(report.query_topics_size(), 2);
  EXPECT_EQ(report.query_topics(0).word(), "budget");
  EXPECT_EQ(report.query_topics(0).count(), 3);
  EXPECT_EQ(report.query_topics(1).word(), "thema");
  EXPECT_EQ(report.query_topics(1).count(), 2);
}

TEST(ReportProtoTest, TimelineDays) {
  const v1::UsageReport report = Fill(NewFigures());

  ASSERT_EQ(report.timeline().days_size(), 2);
  const v1::DailyActivity& day = report.timeline().days(1);
  EXPECT_EQ(day.date(), "2026-11-02");
  EXPECT_EQ(day.conversations(), 2);
  EXPECT_DOUBLE_EQ(day.duration_seconds(), 90.5);
  EXPECT_EQ(day.chat_sessions_started(), 0);
  EXPECT_EQ(day.messages(), 5);
  EXPECT_EQ(day.logins(), 6);
  EXPECT_EQ(day.cumulative_conversations(), 3);
  EXPECT_EQ(report.timeline().days(0).date(), "2026-11-01");
  EXPECT_EQ(report.timeline().days(0).chat_sessions_started(), 2);
}

TEST(ReportProtoTest, TimelineProjects) {
  const v1::UsageReport report = Fill(NewFigures());

  ASSERT_EQ(report.timeline().projects_size(), 1);
  const v1::ProjectTimeline& project = report.timeline().projects(0);
  EXPECT_EQ(project.project_id(), "p1");
  EXPECT_EQ(project.project_name(), "Alpha");
  ASSERT_EQ(project.days_size(), 1);
  EXPECT_EQ(project.days(0).date(), "2026-11-02");
  EXPECT_EQ(project.days(0).conversations(), 2);
  EXPECT_DOUBLE_EQ(project.days(0).duration_seconds(), 90.5);
}

TEST(ReportProtoTest, TimelineMonths) {
  const v1::UsageReport report = Fill(NewFigures());

  ASSERT_EQ(report.timeline().months_size(), 1);
  const v1::MonthlyActivity& month = report.timeline().months(0);
  EXPECT_EQ(month.month(), "2026-11");
  EXPECT_EQ(month.conversations(), 11);
  EXPECT_EQ(month.empty(), 1);
  EXPECT_EQ(month.uploaded(), 2);
  EXPECT_EQ(month.with_content(), 10);
  EXPECT_EQ(month.recorded(), 8);
  EXPECT_DOUBLE_EQ(month.duration_seconds(), 1234.5);
  EXPECT_EQ(month.chats(), 3);
  EXPECT_EQ(month.messages(), 40);
  EXPECT_EQ(month.user_messages(), 20);
  EXPECT_EQ(month.logins(), 7);
}

TEST(ReportProtoTest, UserBreakdowns) {
  UsageMetrics metrics = NewFigures();
  metrics.user_breakdowns = {
      Breakdown(User{.id = "u1", .first_name = "Ada"}, 4),
      Breakdown(User{.id = "u2", .email = "grace@example.com"}, 6),
  };

  const v1::UsageReport report = Fill(metrics);

  ASSERT_EQ(report.user_breakdowns_size(), 2);
  const v1::UserBreakdown& ada = report.user_breakdowns(0);
  EXPECT_EQ(ada.user().id(), "u1");
  EXPECT_EQ(ada.user().display_name(), "Ada");
  EXPECT_EQ(ada.metrics().conversations().count(), 4);
  EXPECT_EQ(ada.metrics().chat().user_message_lengths().from_200(), 4);
  EXPECT_EQ(ada.metrics().logins().hour_histogram_size(), 24);
  EXPECT_TRUE(ada.features().uses_chat());
  EXPECT_EQ(ada.features().chat_messages(), 5);
  EXPECT_EQ(ada.activity().last_activity().seconds(),
            absl::ToUnixSeconds(Utc(2026, 11, 20)));
  EXPECT_EQ(ada.activity().days_since_last_activity(), 14);
  const v1::UserBreakdown& grace = report.user_breakdowns(1);
  EXPECT_EQ(grace.user().email(), "grace@example.com");
  EXPECT_EQ(grace.metrics().conversations().count(), 6);
}

TEST(ReportProtoTest, PreviousPeriodHasNewFields) {
  UsageMetrics metrics = NewFigures();
  metrics.previous = PeriodMetrics{};
  metrics.previous->chat.user_message_lengths.under_50 = 9;
  metrics.previous->logins.hour_histogram[0] = 2;
  ResolvedPeriods periods = Periods();
  periods.previous = November();

  const v1::UsageReport report = Fill(metrics, periods);

  ASSERT_TRUE(report.has_previous_metrics());
  EXPECT_EQ(report.previous_metrics().chat().user_message_lengths().under_50(),
            9);
  ASSERT_EQ(report.previous_metrics().logins().hour_histogram_size(), 24);
  EXPECT_EQ(report.previous_metrics().logins().hour_histogram(0), 2);
}

TEST(ReportProtoTest, EmptyFiguresGiveEmptyLists) {
  const v1::UsageReport report = Fill(UsageMetrics{});

  EXPECT_THAT(report.query_topics(), IsEmpty());
  EXPECT_THAT(report.timeline().days(), IsEmpty());
  EXPECT_THAT(report.timeline().months(), IsEmpty());
  EXPECT_THAT(report.user_breakdowns(), IsEmpty());
  ASSERT_EQ(report.metrics().logins().hour_histogram_size(), 24);
  EXPECT_THAT(report.metrics().logins().hour_histogram(), Each(0));
}

}  // namespace
}  // namespace usage
