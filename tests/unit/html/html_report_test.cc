#include "html/html_report.h"

#include <regex>
#include <string>

#include "echo/usage/v1/usage_service.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "html/page_assets.h"
#include "html/word_cloud_svg.h"

namespace usage::html {
namespace {

namespace v1 = echo::usage::v1;
using ::testing::HasSubstr;
using ::testing::Not;

// Returns how often `needle` occurs in `text`.
int Occurrences(const std::string& text, const std::string& needle) {
  int count = 0;
  for (size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

// A three-day report with seven users, hostile names and two projects.
v1::UsageReport HostileReport() {
  v1::UsageReport report;
  report.set_time_zone("Europe/Amsterdam");
  const char* names[] = {"</script><b>bold</b>",
                         R"(R&D <Q3> "draft")",
                         "&amp;",
                         "Ann",
                         "Bob",
                         "Cleo",
                         "Dirk"};
  for (const char* name : names) report.add_users()->set_display_name(name);
  v1::ResolvedPeriod& period = *report.mutable_period();
  period.set_preset(v1::PERIOD_PRESET_CUSTOM);
  period.set_start_date("2026-03-01");
  period.set_end_date("2026-03-03");
  period.set_days(3);
  report.mutable_provenance()->mutable_generated_at()->set_seconds(
      1772366400);  // 2026-03-01T12:00:00Z

  v1::ProjectRow& first = *report.add_projects();
  first.set_name("</script><script>alert(1)</script>");
  first.set_owner(R"(R&D <Q3> "draft")");
  first.set_conversations(4);
  first.set_duration_seconds(5400);
  v1::ProjectRow& second = *report.add_projects();
  second.set_name("&amp;");
  second.set_conversations(12);
  second.set_duration_seconds(600);

  for (const char* date : {"2026-03-01", "2026-03-02", "2026-03-03"}) {
    v1::DailyActivity& day = *report.mutable_timeline()->add_days();
    day.set_date(date);
    day.set_conversations(2);
  }
  v1::ProjectTimeline& project = *report.mutable_timeline()->add_projects();
  project.set_project_name("</script><!--\u2028");
  v1::ProjectDay& project_day = *project.add_days();
  project_day.set_date("2026-03-02");
  project_day.set_conversations(2);
  report.mutable_insights()->mutable_executive_summary()->set_markdown(
      "**Busy** month with <img src=x> in it.");
  return report;
}

// Returns `name` in bold between U+2068 FIRST STRONG ISOLATE and U+2069 POP
// DIRECTIONAL ISOLATE, as the title shows each user name.
std::string Strong(const std::string& name) {
  return "<strong>\u2068" + name + "\u2069</strong>";
}

// Returns the rule of the style sheet whose selector is exactly `selector`,
// from the selector to the closing brace, or "" when there is none.
std::string CssRule(const std::string& css, const std::string& selector) {
  const size_t start = css.find("\n" + selector + " {");
  if (start == std::string::npos) return "";
  const size_t end = css.find('}', start);
  return css.substr(start + 1, end - start);
}

std::string Render(const v1::UsageReport& report) {
  absl::StatusOr<std::string> html = RenderHtml(report);
  EXPECT_TRUE(html.ok()) << html.status();
  return html.ok() ? *html : "";
}

TEST(RenderHtmlTest, EscapesUserNamesOnce) {
  const std::string html = Render(HostileReport());
  EXPECT_THAT(html, HasSubstr("&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;"));
  EXPECT_THAT(html, HasSubstr("R&amp;D &lt;Q3&gt; &quot;draft&quot;"));
  EXPECT_THAT(html, HasSubstr(Strong("&amp;amp;")));
  EXPECT_THAT(html, Not(HasSubstr("&amp;lt;")));
  EXPECT_THAT(html, Not(HasSubstr("<b>bold")));
}

TEST(RenderHtmlTest, NamesFiveUsersThenCountsTheRest) {
  // Seven users: five named, "+2 more".
  const std::string html = Render(HostileReport());
  EXPECT_THAT(html, HasSubstr("+2 more"));
  EXPECT_THAT(html, Not(HasSubstr("Cleo")));
  EXPECT_THAT(html, HasSubstr(Strong("Bob")));
}

TEST(RenderHtmlTest, OnlyTheRealScriptElementsClose) {
  const std::string html = Render(HostileReport());
  // The JSON block and the script: two closing tags, no injected one.
  EXPECT_EQ(Occurrences(html, "</script>"), 2);
  EXPECT_EQ(Occurrences(html, "<script"), 2);
  EXPECT_THAT(html, Not(HasSubstr("alert(1)</")));
}

TEST(RenderHtmlTest, JsonBlockEscapesNames) {
  const std::string html = Render(HostileReport());
  EXPECT_THAT(html, HasSubstr(R"(["\u003c/script\u003e\u003c!--\u2028",2])"));
  EXPECT_THAT(html, HasSubstr(R"({"date":"2026-03-01","conversations":2,)"));
}

TEST(RenderHtmlTest, LoadsNothingFromTheNetwork) {
  const std::string html = Render(HostileReport());
  const std::regex url_attribute(R"((src|href)\s*=\s*["']?\s*(https?:)?//)",
                                 std::regex::icase);
  EXPECT_FALSE(std::regex_search(html, url_attribute));
  EXPECT_THAT(html, Not(HasSubstr("<link")));
  EXPECT_THAT(html, HasSubstr("default-src 'none'; style-src "
                              "'unsafe-inline'; script-src 'unsafe-inline'; "
                              "img-src data:"));
}

TEST(RenderHtmlTest, MarkdownHtmlIsShownAsText) {
  const std::string html = Render(HostileReport());
  EXPECT_THAT(html, HasSubstr("<strong>Busy</strong>"));
  EXPECT_THAT(html, HasSubstr("&lt;img src=x&gt;"));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
}

TEST(RenderHtmlTest, HasEverySection) {
  const std::string html = Render(HostileReport());
  for (const char* id :
       {"figures", "executive-summary", "monthly-trends", "daily-engagement",
        "conversations-and-chat", "word-cloud", "top-keywords",
        "login-activity", "top-users", "projects", "report-activity",
        "activity-timeline", "feature-adoption", "data-quality", "insights"}) {
    EXPECT_THAT(html, HasSubstr(std::string("<section id=\"") + id + "\""))
        << id;
  }
}

TEST(RenderHtmlTest, ProjectsTableCarriesSortValues) {
  const std::string html = Render(HostileReport());
  EXPECT_THAT(html, HasSubstr("id=\"projects-table\""));
  // Conversations 4 and 12 and durations 5400 s and 600 s as raw numbers.
  EXPECT_THAT(html, HasSubstr("data-sort=\"4\">4</td>"));
  EXPECT_THAT(html, HasSubstr("data-sort=\"12\">12</td>"));
  EXPECT_THAT(html, HasSubstr("data-sort=\"5400\">1 h 30 min</td>"));
  EXPECT_THAT(html, HasSubstr("data-sort=\"600\">10 min</td>"));
}

TEST(RenderHtmlTest, TimelineHasOnePointPerDayAndHiddenSlider) {
  const std::string html = Render(HostileReport());
  EXPECT_EQ(Occurrences(html, "<circle class=\"point\""), 3);
  EXPECT_THAT(html, HasSubstr("id=\"timeline-controls\" class=\"range "
                              "no-print\" hidden"));
  EXPECT_THAT(html, HasSubstr("2026-03-01 – 2026-03-03"));
}

TEST(RenderHtmlTest, IsolatesEachTagOfAProject) {
  v1::UsageReport report = HostileReport();
  v1::ProjectRow& project = *report.mutable_projects(0);
  project.add_tags("مشروع");  // "Project" in Arabic.
  project.add_tags("tag<b>");
  EXPECT_THAT(Render(report), HasSubstr("<td>\u2068مشروع\u2069, "
                                        "\u2068tag&lt;b&gt;\u2069</td>"));
}

TEST(PageStyleTest, BodyTextWrapsLongWordsAnywhere) {
  // Inherited by paragraphs, headings, list items, cards and table cells,
  // so that a word wider than the page breaks instead of widening it.
  EXPECT_THAT(CssRule(PageStyle(), "body"),
              HasSubstr("overflow-wrap: anywhere;"));
}

TEST(PageStyleTest, NothingTurnsLongWordWrappingOff) {
  const std::string css = PageStyle();
  EXPECT_THAT(css, Not(HasSubstr("overflow-wrap: normal")));
  EXPECT_THAT(css, Not(HasSubstr("word-wrap: normal")));
  EXPECT_THAT(css, Not(HasSubstr("word-break: keep-all")));
  // Only headers and number cells stay on one line; their text is short.
  EXPECT_EQ(Occurrences(css, "white-space: nowrap"), 2);
}

TEST(WordCloudSectionTest, TextLengthIsTheMeasuredWidth) {
  v1::UsageReport report;
  v1::QueryTopic& topic = *report.add_query_topics();
  topic.set_word("budget");
  topic.set_count(3);
  // A fake font: every character 10 points wide, whatever the size.
  const render::MeasureText measure = [](std::string_view text, double size) {
    return render::TextExtent{10.0 * text.size(), size, size * 0.8};
  };
  const std::string html = WordCloudSection(report, measure);
  EXPECT_THAT(html, HasSubstr("textLength=\"60\""));  // 6 characters x 10
  EXPECT_THAT(html, HasSubstr("lengthAdjust=\"spacingAndGlyphs\""));
  EXPECT_THAT(html, HasSubstr(">budget</text>"));
}

}  // namespace
}  // namespace usage::html
