#include "render/daily_engagement_chart.h"

#include "chart_pdf.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage::render {
namespace {

using ::echo::usage::v1::UsageReport;
using testing::AddDays;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using testing::RenderChart;

TEST(DailyEngagementChartTest, ShowsLastThirtyDaysOnly) {
  // 15 February to 30 March 2026 is 14 + 30 = 44 days; the last 30 are
  // 1 to 30 March. February has more of everything, so its values would
  // raise the axes if they were drawn.
  UsageReport report;
  AddDays(report, "2026-02-15", 14, 100, 50, 900, 70);
  AddDays(report, "2026-03-01", 29, 6, 1, 50, 4);
  AddDays(report, "2026-03-30", 1, 2, 0.5, 10, 1);
  const testing::ChartPdf pdf =
      RenderChart("daily_last_thirty", DrawDailyEngagementChart, report);

  EXPECT_THAT(pdf.text, HasSubstr("Daily engagement (last 30 days)"));
  for (const char* label :
       {"Conversations", "Logins", "Chat messages (right axis)", "Mar 30"}) {
    EXPECT_THAT(pdf.text, HasSubstr(label));
  }
  EXPECT_THAT(pdf.text, Not(HasSubstr("Feb")));
  // Left axis: 6 conversations / 5 = 1.2 gives step 2, ticks 0..6. Right
  // axis: 50 messages / 5 = 10, ticks 0..50.
  EXPECT_THAT(pdf.words, Contains("6"));
  EXPECT_THAT(pdf.words, Contains("50"));
  EXPECT_THAT(pdf.words, Not(Contains("900")));
  EXPECT_EQ(pdf.image_count, 0);
  EXPECT_THAT(pdf.overlapping_words, IsEmpty());
}

TEST(DailyEngagementChartTest, ShortPeriodLabelsEveryDay) {
  // Ten days leave about 46 pt per day, room for every label.
  UsageReport report;
  AddDays(report, "2026-03-21", 10, 1, 0.2, 3, 1);
  const testing::ChartPdf pdf =
      RenderChart("daily_short", DrawDailyEngagementChart, report);
  for (const char* label : {"Mar 21", "Mar 22", "Mar 25", "Mar 30"}) {
    EXPECT_THAT(pdf.text, HasSubstr(label));
  }
  EXPECT_THAT(pdf.text, Not(HasSubstr("Mar 20")));
  EXPECT_THAT(pdf.overlapping_words, IsEmpty());
}

TEST(DailyEngagementChartTest, QuietDaysDrawSentence) {
  UsageReport report;
  AddDays(report, "2026-03-01", 30, 0, 0, 0, 0);
  const testing::ChartPdf pdf =
      RenderChart("daily_quiet", DrawDailyEngagementChart, report);
  EXPECT_THAT(pdf.text, HasSubstr("No conversations, chat messages or logins "
                                  "in the last 30 days of this period."));
  EXPECT_THAT(pdf.text, Not(HasSubstr("Mar 30")));
}

}  // namespace
}  // namespace usage::render
