#include "render/login_activity_chart.h"

#include "chart_pdf.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage::render {
namespace {

using ::echo::usage::v1::LoginMetrics;
using ::echo::usage::v1::UsageReport;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using testing::RenderChart;

void AddDaily(LoginMetrics& logins, const char* date, int64_t count) {
  echo::usage::v1::DailyCount* daily = logins.add_daily();
  daily->set_date(date);
  daily->set_count(count);
}

UsageReport LoginReport() {
  UsageReport report;
  LoginMetrics& logins = *report.mutable_metrics()->mutable_logins();
  for (int hour = 0; hour < 24; ++hour) {
    logins.add_hour_histogram(hour >= 8 && hour <= 17 ? hour : 0);
  }
  // 2026-03-02 and 2026-03-30 are Mondays, 2026-03-07 a Saturday and
  // 2026-03-08 a Sunday.
  AddDaily(logins, "2026-03-02", 3);
  AddDaily(logins, "2026-03-07", 2);
  AddDaily(logins, "2026-03-08", 1);
  AddDaily(logins, "2026-03-30", 4);
  logins.set_total(10);
  return report;
}

TEST(LoginsPerWeekdayTest, SumsDaysByWeekday) {
  EXPECT_THAT(LoginsPerWeekday(LoginReport().metrics().logins()),
              ElementsAre(7, 0, 0, 0, 0, 2, 1));
}

TEST(LoginsPerWeekdayTest, SkipsUnparsableDates) {
  LoginMetrics logins;
  AddDaily(logins, "not a date", 5);
  EXPECT_THAT(LoginsPerWeekday(logins), ElementsAre(0, 0, 0, 0, 0, 0, 0));
}

TEST(LoginActivityChartTest, ShowsHoursAndWeekdays) {
  const testing::ChartPdf pdf =
      RenderChart("login_activity", DrawLoginActivityChart, LoginReport());

  EXPECT_THAT(pdf.text, HasSubstr("Login activity"));
  EXPECT_THAT(pdf.text, HasSubstr("By hour of day"));
  EXPECT_THAT(pdf.text, HasSubstr("By weekday"));
  for (const char* hour : {"00", "03", "06", "09", "12", "15", "18", "21"}) {
    EXPECT_THAT(pdf.words, Contains(hour));
  }
  EXPECT_THAT(pdf.words, Not(Contains("01")));
  EXPECT_THAT(pdf.words, Not(Contains("23")));
  for (const char* day : {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}) {
    EXPECT_THAT(pdf.words, Contains(day));
  }
  // Hours: the busiest hour has 17 logins; 17 / 5 = 3.4 gives step 5, up
  // to 20.
  EXPECT_THAT(pdf.words, Contains("20"));
  EXPECT_EQ(pdf.image_count, 0);
  EXPECT_THAT(pdf.overlapping_words, IsEmpty());
}

TEST(LoginActivityChartTest, NoLoginsDrawSentence) {
  const testing::ChartPdf pdf =
      RenderChart("login_none", DrawLoginActivityChart, UsageReport());
  EXPECT_THAT(pdf.text, HasSubstr("No logins in this period."));
  EXPECT_THAT(pdf.text, Not(HasSubstr("By weekday")));
}

}  // namespace
}  // namespace usage::render
