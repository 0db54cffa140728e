// Tests of the text that the report sections build from report fields.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "render/notes_section.h"
#include "render/projects_section.h"
#include "render/report_context.h"
#include "render/summary_figures.h"
#include "render/title_block.h"
#include "render/trend_text.h"
#include "sample_report.h"

namespace usage::render {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(UserNamesMarkupTest, NamesFirstFiveThenCountsRest) {
  // Each name is bold and isolated by U+2068 and U+2069.
  const std::string markup = UserNamesMarkup(testing::SampleReport(0));
  EXPECT_THAT(
      markup,
      HasSubstr("<b>\u2068R&amp;D &lt;Q3&gt; &quot;draft&quot;\u2069</b>"));
  EXPECT_THAT(markup, HasSubstr("<b>\u2068Zoë Ångström\u2069</b>"));
  EXPECT_THAT(markup, Not(HasSubstr("Sixth Person")));
  EXPECT_THAT(markup, HasSubstr("+2 more"));
}

TEST(UserNamesMarkupTest, FiveUsersHaveNoMore) {
  echo::usage::v1::UsageReport report = testing::SampleReport(0);
  report.mutable_users()->DeleteSubrange(5, 2);
  EXPECT_THAT(UserNamesMarkup(report), Not(HasSubstr("more")));
}

TEST(UserNamesMarkupTest, LongNameIsCut) {
  echo::usage::v1::UsageReport report = testing::SampleReport(0);
  report.mutable_users(0)->set_display_name(std::string(59, 'a') + "bcd");
  // 59 letters and "b" make the 60 characters kept.
  EXPECT_THAT(UserNamesMarkup(report),
              HasSubstr("<b>\u2068" + std::string(59, 'a') + "b…\u2069</b>"));
  EXPECT_THAT(UserNamesMarkup(report), HasSubstr("+2 more"));
}

TEST(UserNamesMarkupTest, CutKeepsWholeCharacters) {
  echo::usage::v1::UsageReport report = testing::SampleReport(0);
  std::string name;
  for (int i = 0; i < 70; ++i) name += "总";
  report.mutable_users(0)->set_display_name(name);
  std::string expected_prefix;
  for (int i = 0; i < 60; ++i) expected_prefix += "总";
  EXPECT_THAT(UserNamesMarkup(report),
              HasSubstr("<b>\u2068" + expected_prefix + "…\u2069</b>"));
}

TEST(PeriodTextTest, DatesAndDays) {
  echo::usage::v1::ResolvedPeriod period;
  period.set_preset(echo::usage::v1::PERIOD_PRESET_CUSTOM);
  period.set_start_date("2026-03-30");
  period.set_end_date("2026-03-30");
  period.set_days(1);
  EXPECT_EQ(PeriodText(period), "2026-03-30 – 2026-03-30 (1 day)");
}

TEST(PeriodTextTest, AllTime) {
  echo::usage::v1::ResolvedPeriod period;
  period.set_preset(echo::usage::v1::PERIOD_PRESET_ALL_TIME);
  period.set_days(400);
  EXPECT_EQ(PeriodText(period), "All time");
}

std::string FormatPlain(double value) { return std::to_string(int(value)); }

TEST(TrendMarkupTest, UpShowsArrowPercentAndPrevious) {
  echo::usage::v1::Trend trend;
  trend.set_direction(echo::usage::v1::TREND_DIRECTION_UP);
  trend.set_previous(80);
  trend.set_percent_change(25);
  const std::string markup = TrendMarkup(trend, FormatPlain);
  EXPECT_THAT(markup, HasSubstr("↑ 25.0 %"));
  EXPECT_THAT(markup, HasSubstr("previous 80"));
}

TEST(TrendMarkupTest, DownShowsMagnitude) {
  echo::usage::v1::Trend trend;
  trend.set_direction(echo::usage::v1::TREND_DIRECTION_DOWN);
  trend.set_previous(100);
  trend.set_percent_change(-12.5);
  EXPECT_THAT(TrendMarkup(trend, FormatPlain), HasSubstr("↓ 12.5 %"));
}

TEST(TrendMarkupTest, NewHasNoPercent) {
  echo::usage::v1::Trend trend;
  trend.set_direction(echo::usage::v1::TREND_DIRECTION_NEW);
  trend.set_current(5);
  const std::string markup = TrendMarkup(trend, FormatPlain);
  EXPECT_THAT(markup, HasSubstr("NEW"));
  EXPECT_THAT(markup, Not(HasSubstr("%")));
  EXPECT_THAT(markup, HasSubstr("previous 0"));
}

TEST(TrendMarkupTest, FlatWithoutPercentShowsPreviousOnly) {
  echo::usage::v1::Trend trend;
  trend.set_direction(echo::usage::v1::TREND_DIRECTION_FLAT);
  const std::string markup = TrendMarkup(trend, FormatPlain);
  EXPECT_THAT(markup, Not(HasSubstr("%")));
  EXPECT_THAT(markup, HasSubstr("previous 0"));
}

TEST(FindTrendTest, MissingMetricGivesNull) {
  const echo::usage::v1::UsageReport report = testing::SampleReport(0);
  EXPECT_EQ(FindTrend(report, echo::usage::v1::TREND_METRIC_REPORTS), nullptr);
  ASSERT_NE(FindTrend(report, echo::usage::v1::TREND_METRIC_DURATION), nullptr);
}

TEST(DataQualityNoteMarkupTest, EscapesMessage) {
  echo::usage::v1::DataQualityNote note;
  note.set_kind(echo::usage::v1::DATA_QUALITY_KIND_UNPARSABLE_VALUES);
  note.set_count(1200);
  note.set_message("<b>n/a</b> & co");
  const std::string markup = DataQualityNoteMarkup(note);
  EXPECT_THAT(markup, HasSubstr("<b>Unparsable values</b>"));
  EXPECT_THAT(markup, HasSubstr("(1,200)"));
  EXPECT_THAT(markup, HasSubstr(": &lt;b&gt;n/a&lt;/b&gt; &amp; co"));
}

TEST(DataQualityNoteMarkupTest, ZeroCountLeftOut) {
  echo::usage::v1::DataQualityNote note;
  note.set_kind(echo::usage::v1::DATA_QUALITY_KIND_PERIOD_ADJUSTED);
  note.set_message("Clamped.");
  EXPECT_EQ(DataQualityNoteMarkup(note), "<b>Period adjusted</b>: Clamped.");
}

TEST(ProjectCellsTest, FormatsEveryColumn) {
  const echo::usage::v1::UsageReport report = testing::SampleReport(0);
  const ReportContext context = MakeReportContext(report);
  // The fifth sample project has 15 conversations of 600 s each (2 h 30 min),
  // 15 / 2 = 7 chat sessions and 15 * 3 = 45 messages.
  EXPECT_THAT(ProjectCells(report.projects(4), context),
              ElementsAre(testing::HexId(), "R&D <Q3> \"draft\"", "", "15",
                          "2 h 30 min", "7", "45", "2026-01-15", "Paused"));
}

TEST(ProjectCellsTest, EmptyNameAndMissingDate) {
  echo::usage::v1::ProjectRow project;
  project.add_tags("a");
  project.add_tags("b");
  const ReportContext context =
      MakeReportContext(echo::usage::v1::UsageReport());
  EXPECT_THAT(ProjectCells(project, context),
              ElementsAre("(no name)", "", "\u2068a\u2069, \u2068b\u2069", "0",
                          "0 min", "0", "0", "–", "–"));
}

TEST(UsageBandTextTest, NamesEveryBand) {
  EXPECT_EQ(UsageBandText(echo::usage::v1::USAGE_BAND_POWER), "Power usage");
  EXPECT_EQ(UsageBandText(echo::usage::v1::USAGE_BAND_NONE), "No logins");
  EXPECT_EQ(UsageBandText(echo::usage::v1::USAGE_BAND_UNSPECIFIED),
            "Usage band unknown");
}

}  // namespace
}  // namespace usage::render
