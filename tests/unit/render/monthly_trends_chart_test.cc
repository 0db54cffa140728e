#include "render/monthly_trends_chart.h"

#include <string>

#include "absl/strings/str_format.h"
#include "chart_pdf.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "render/report_document.h"
#include "sample_report.h"

namespace usage::render {
namespace {

using ::echo::usage::v1::UsageReport;
using testing::AddMonth;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using testing::RenderChart;

TEST(MonthlyTrendsChartTest, ThreeMonthsShowAxesAndLegend) {
  UsageReport report;
  AddMonth(report, "2026-01", 10, 5, 1, 8, 1.5);
  AddMonth(report, "2026-02", 20, 5, 2, 12, 4);
  AddMonth(report, "2026-03", 30, 5, 3, 40, 9);
  const testing::ChartPdf pdf =
      RenderChart("monthly_three", DrawMonthlyTrendsChart, report);

  EXPECT_THAT(pdf.text, HasSubstr("Monthly trends"));
  for (const char* label :
       {"Recorded", "Uploaded", "Empty", "Chat sessions",
        "Duration (hours, right axis)", "Jan 2026", "Feb 2026", "Mar 2026"}) {
    EXPECT_THAT(pdf.text, HasSubstr(label));
  }
  // Left axis: the tallest bar is 30 + 5 + 3 = 38 and the most chats 40;
  // 40 / 5 = 8 gives step 10. Right axis: 9 h / 5 = 1.8 gives step 2, up
  // to 10 h.
  for (const char* tick : {"10", "20", "30", "40"}) {
    EXPECT_THAT(pdf.words, Contains(tick));
  }
  EXPECT_THAT(pdf.words, Not(Contains("50")));
  EXPECT_THAT(pdf.text_without_spaces, HasSubstr("8h"));
  EXPECT_THAT(pdf.text_without_spaces, HasSubstr("10h"));
  EXPECT_EQ(pdf.image_count, 0);
  EXPECT_THAT(pdf.overlapping_words, IsEmpty());
}

TEST(MonthlyTrendsChartTest, StartsOnNewPage) {
  UsageReport report;
  AddMonth(report, "2026-03", 1, 0, 0, 0, 0);
  const testing::ChartPdf pdf = RenderChart(
      "monthly_new_page",
      [](PageCanvas& canvas, const UsageReport& r, const ReportContext& c) {
        canvas.MoveDown(10);
        DrawMonthlyTrendsChart(canvas, r, c);
      },
      report);
  EXPECT_EQ(pdf.page_count, 2);
}

TEST(MonthlyTrendsChartTest, TenYearsShowOnlyJanuaries) {
  // 120 months from April 2016 to March 2026. The plot is about 460 pt
  // wide, so each month gets about 3.8 pt. A "Jan 2017" label is about
  // 33 pt wide and needs 33 + 4 pt, more than 6 months (23 pt) give. So
  // labels are every 12 months, on Januaries.
  UsageReport report;
  for (int i = 0; i < 120; ++i) {
    const int month = (3 + i) % 12 + 1;
    const int year = 2016 + (3 + i) / 12;
    AddMonth(report, absl::StrFormat("%04d-%02d", year, month), i % 7, 2, 1,
             i % 5, 0.5 * (i % 4));
  }
  const testing::ChartPdf pdf =
      RenderChart("monthly_ten_years", DrawMonthlyTrendsChart, report);

  EXPECT_EQ(pdf.page_count, 1);
  EXPECT_THAT(pdf.text, HasSubstr("Jan 2017"));
  EXPECT_THAT(pdf.text, HasSubstr("Jan 2026"));
  EXPECT_THAT(pdf.text, Not(HasSubstr("Apr 2016")));
  EXPECT_THAT(pdf.text, Not(HasSubstr("Jul 2020")));
  EXPECT_EQ(pdf.image_count, 0);
  EXPECT_THAT(pdf.overlapping_words, IsEmpty());
}

TEST(MonthlyTrendsChartTest, WholeReportOverTenYearsRenders) {
  UsageReport report = testing::AllTimeReport();
  for (int i = 0; i < 120; ++i) {
    AddMonth(
        report,
        absl::StrFormat("%04d-%02d", 2016 + (3 + i) / 12, (3 + i) % 12 + 1),
        i % 9, i % 3, 1, i % 6, 0.75 * (i % 5));
  }
  // 1 April 2016 to 31 March 2026 is 3,652 days.
  testing::AddDays(report, "2016-04-01", 3652, 1, 0.2, 2, 1);
  const testing::ChartPdf pdf =
      RenderChart("whole_ten_years", DrawReport, report);

  EXPECT_THAT(pdf.text, HasSubstr("Monthly trends"));
  EXPECT_THAT(pdf.text, HasSubstr("Daily engagement (last 30 days)"));
  EXPECT_THAT(pdf.text, HasSubstr("Activity timeline"));
  EXPECT_THAT(pdf.text, HasSubstr("Feature adoption"));
  EXPECT_THAT(pdf.text, HasSubstr("Jan 2020"));
  EXPECT_EQ(pdf.image_count, 0);
}

TEST(MonthlyTrendsChartTest, EmptyReportDrawsSentence) {
  const testing::ChartPdf pdf =
      RenderChart("monthly_empty", DrawMonthlyTrendsChart, UsageReport());
  EXPECT_THAT(pdf.text, HasSubstr("Monthly trends"));
  EXPECT_THAT(pdf.text,
              HasSubstr("No conversations or chat sessions in this period."));
  EXPECT_THAT(pdf.text, Not(HasSubstr("Recorded")));
}

}  // namespace
}  // namespace usage::render
