#include "render/activity_timeline_chart.h"

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

TEST(ActivityTimelineChartTest, MonthShowsDayLabels) {
  // 30 days with 3 conversations each: 90 at the end. 90 / 5 = 18 gives
  // step 20, up to 100. Each day 2 h: 2 / 5 = 0.4 gives step 0.5, up to 2 h.
  UsageReport report;
  AddDays(report, "2026-03-01", 30, 3, 2, 0, 0);
  const testing::ChartPdf pdf =
      RenderChart("timeline_month", DrawActivityTimelineChart, report);

  EXPECT_THAT(pdf.text, HasSubstr("Activity timeline"));
  EXPECT_THAT(pdf.text, HasSubstr("Conversations, cumulative"));
  EXPECT_THAT(pdf.text, HasSubstr("Duration per day (hours, right axis)"));
  EXPECT_THAT(pdf.text, HasSubstr("Mar 30"));
  EXPECT_THAT(pdf.words, Contains("100"));
  EXPECT_THAT(pdf.text_without_spaces, HasSubstr("1.5h"));
  EXPECT_THAT(pdf.text_without_spaces, HasSubstr("2.0h"));
  EXPECT_EQ(pdf.image_count, 0);
  EXPECT_THAT(pdf.overlapping_words, IsEmpty());
}

TEST(ActivityTimelineChartTest, YearsShowMonthLabels) {
  // 1 January 2023 to 31 December 2025: 365 + 365 + 366 - 1 = 1095 days,
  // 1,095 conversations in all. Each month slot is about 13 pt, too narrow
  // for "Jan 2023" (about 33 pt) and for every second or third month, so
  // labels fall on every 6th month: January and July.
  UsageReport report;
  AddDays(report, "2023-01-01", 1095, 1, 0.25, 0, 0);
  const testing::ChartPdf pdf =
      RenderChart("timeline_years", DrawActivityTimelineChart, report);

  EXPECT_THAT(pdf.text, HasSubstr("Jan 2023"));
  EXPECT_THAT(pdf.text, HasSubstr("Jul 2024"));
  EXPECT_THAT(pdf.text, Not(HasSubstr("Feb 2023")));
  EXPECT_THAT(pdf.text, Not(HasSubstr("Jan 1 ")));
  EXPECT_EQ(pdf.image_count, 0);
  EXPECT_THAT(pdf.overlapping_words, IsEmpty());
}

TEST(ActivityTimelineChartTest, NoConversationsDrawSentence) {
  UsageReport report;
  AddDays(report, "2026-03-01", 30, 0, 0, 5, 5);
  const testing::ChartPdf pdf =
      RenderChart("timeline_none", DrawActivityTimelineChart, report);
  EXPECT_THAT(pdf.text, HasSubstr("No conversations in this period."));
  EXPECT_THAT(pdf.text, Not(HasSubstr("cumulative")));
}

}  // namespace
}  // namespace usage::render
