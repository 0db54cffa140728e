#include "report_table.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage::cli {
namespace {

namespace v1 = echo::usage::v1;

using ::testing::HasSubstr;
using ::testing::Not;

std::string Spaces(int count) { return std::string(count, ' '); }

v1::UsageReport ReportWithTopics(int count) {
  v1::UsageReport report;
  for (int i = 0; i < count; ++i) {
    v1::QueryTopic& topic = *report.add_query_topics();
    topic.set_word(std::string("word") + static_cast<char>('a' + i));
    topic.set_count(100 - i);
  }
  return report;
}

void AddBreakdown(const std::string& name, int64_t conversations,
                  double seconds, int64_t sessions, int64_t messages,
                  int64_t logins, v1::UsageReport& report) {
  v1::UserBreakdown& breakdown = *report.add_user_breakdowns();
  breakdown.mutable_user()->set_display_name(name);
  v1::PeriodMetrics& metrics = *breakdown.mutable_metrics();
  metrics.mutable_conversations()->set_count(conversations);
  metrics.mutable_conversations()->set_total_duration_seconds(seconds);
  metrics.mutable_chat()->set_active_sessions(sessions);
  metrics.mutable_chat()->set_messages(messages);
  metrics.mutable_logins()->set_total(logins);
}

TEST(ReportTableTest, TopicsShowFirstTen) {
  const std::string text = FormatReportTable(ReportWithTopics(12));

  EXPECT_THAT(text, HasSubstr("Top query topics: worda (100), wordb (99), "
                              "wordc (98), wordd (97), worde (96), "
                              "wordf (95), wordg (94), wordh (93), "
                              "wordi (92), wordj (91)\n"));
  EXPECT_THAT(text, Not(HasSubstr("wordk")));
}

TEST(ReportTableTest, TopicWordsArePrintable) {
  v1::UsageReport report;
  v1::QueryTopic& topic = *report.add_query_topics();
  topic.set_word("red\x1b[31m");
  topic.set_count(2);

  const std::string text = FormatReportTable(report);

  EXPECT_THAT(text, HasSubstr("Top query topics: red\uFFFD[31m (2)\n"));
}

TEST(ReportTableTest, LoginsByHourListsNonZeroHours) {
  v1::UsageReport report;
  v1::LoginMetrics& logins = *report.mutable_metrics()->mutable_logins();
  for (int hour = 0; hour < 24; ++hour) logins.add_hour_histogram(0);
  logins.set_hour_histogram(9, 3);
  logins.set_hour_histogram(14, 12);

  const std::string text = FormatReportTable(report);

  // The first column is as wide as "Logins by hour" (14), the second as
  // "Logins" (6), right-aligned, with 2 spaces between the columns.
  EXPECT_THAT(text, HasSubstr("Logins by hour  Logins\n" +
                              std::string("09:00") + Spaces(9 + 2 + 5) + "3\n" +
                              "14:00" + Spaces(9 + 2 + 4) + "12\n"));
  EXPECT_THAT(text, Not(HasSubstr("00:00")));
}

TEST(ReportTableTest, PerUserTable) {
  v1::UsageReport report;
  AddBreakdown("Ada Lovelace", 4, 600, 2, 7, 3, report);
  AddBreakdown("grace@example.com", 6, 3900, 1, 2, 0, report);

  const std::string text = FormatReportTable(report);

  // Column widths: 17 ("grace@example.com"), 13 ("Conversations"), 11
  // ("10 min 00 s"), 13 ("Chat sessions"), 8 ("Messages"), 6 ("Logins").
  EXPECT_THAT(text, HasSubstr("Per user" + Spaces(9 + 2) + "Conversations" +
                              Spaces(2 + 3) + "Duration  Chat sessions  " +
                              "Messages  Logins\n"));
  EXPECT_THAT(text, HasSubstr("Ada Lovelace" + Spaces(5 + 2 + 12) + "4  " +
                              "10 min 00 s" + Spaces(2 + 12) + "2" +
                              Spaces(2 + 7) + "7" + Spaces(2 + 5) + "3\n"));
  EXPECT_THAT(text,
              HasSubstr("grace@example.com" + Spaces(2 + 12) + "6" +
                        Spaces(2 + 1) + "1 h 05 min" + Spaces(2 + 12) + "1" +
                        Spaces(2 + 7) + "2" + Spaces(2 + 5) + "0\n"));
}

TEST(ReportTableTest, NoNewSectionsWithoutData) {
  v1::UsageReport report;
  v1::LoginMetrics& logins = *report.mutable_metrics()->mutable_logins();
  for (int hour = 0; hour < 24; ++hour) logins.add_hour_histogram(0);

  const std::string text = FormatReportTable(report);

  EXPECT_THAT(text, Not(HasSubstr("Top query topics")));
  EXPECT_THAT(text, Not(HasSubstr("Logins by hour")));
  EXPECT_THAT(text, Not(HasSubstr("Per user")));
}

}  // namespace
}  // namespace usage::cli
