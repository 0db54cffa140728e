#include "html/summary_sections.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "html/html_escape.h"
#include "render/bidi.h"
#include "render/format.h"
#include "render/markdown.h"
#include "render/report_context.h"
#include "render/summary_figures.h"
#include "render/title_block.h"
#include "render/trend_text.h"

namespace usage::html {
namespace {

namespace v1 = echo::usage::v1;

std::string Count(double value) {
  return render::FormatCount(std::llround(value));
}

// Returns the trend line of a figure: arrow, percent change and previous
// value, or a note that there is no previous period.
std::string TrendHtml(const v1::UsageReport& report, v1::TrendMetric metric,
                      const std::function<std::string(double)>& format) {
  const v1::Trend* trend = render::FindTrend(report, metric);
  if (trend == nullptr) {
    return "<span class=\"muted\">No previous period</span>";
  }
  std::string change;
  switch (trend->direction()) {
    case v1::TREND_DIRECTION_NEW:
      change = "<span class=\"trend up\">NEW</span>";
      break;
    case v1::TREND_DIRECTION_UP:
    case v1::TREND_DIRECTION_DOWN:
    case v1::TREND_DIRECTION_FLAT:
      if (trend->has_percent_change()) {
        const bool up = trend->direction() == v1::TREND_DIRECTION_UP;
        const bool down = trend->direction() == v1::TREND_DIRECTION_DOWN;
        change = absl::StrCat(
            "<span class=\"trend ", up ? "up" : (down ? "down" : "flat"), "\">",
            up ? "↑" : (down ? "↓" : "→"), " ",
            render::FormatDecimal(std::fabs(trend->percent_change()), 1),
            " %</span>");
      }
      break;
    default:
      break;
  }
  return absl::StrCat(change, change.empty() ? "" : " ",
                      "<span class=\"muted\">previous ",
                      EscapeHtml(format(trend->previous())), "</span>");
}

std::string FigureCard(const std::string& label, const std::string& value,
                       const std::string& detail_html, bool hero) {
  return absl::StrCat(
      "<div class=\"card", hero ? " hero" : "", "\"><div class=\"label\">",
      EscapeHtml(label), "</div><div class=\"value\">", EscapeHtml(value),
      "</div><div class=\"detail\">", detail_html, "</div></div>");
}

std::string FeatureItem(const std::string& name, bool used, int64_t count,
                        const std::string& unit) {
  if (!used) {
    return absl::StrCat("<li class=\"unused\">– ", EscapeHtml(name), "</li>");
  }
  return absl::StrCat("<li><span class=\"trend up\">✓</span> ",
                      EscapeHtml(name), " <span class=\"muted\">",
                      render::FormatCount(count), EscapeHtml(unit),
                      "</span></li>");
}

std::string LastActivityText(const v1::UsageReport& report) {
  const v1::Activity& activity = report.activity();
  if (!activity.has_days_since_last_activity() ||
      !activity.has_last_activity()) {
    return "No activity recorded.";
  }
  const render::ReportContext context = render::MakeReportContext(report);
  const int days = activity.days_since_last_activity();
  const std::string date = render::FormatDate(
      render::ToAbslTime(activity.last_activity()), context.zone);
  if (days == 0) return absl::StrCat("Last activity today, ", date, ".");
  return absl::StrCat("Last activity ", days, days == 1 ? " day" : " days",
                      " ago, on ", date, ".");
}

}  // namespace

std::string UserNamesHtml(const v1::UsageReport& report) {
  if (report.users().empty()) {
    return "<span class=\"muted\">No users selected</span>";
  }
  std::vector<std::string> names;
  const int shown = std::min(report.users_size(), render::kNamedUsers);
  for (int i = 0; i < shown; ++i) {
    names.push_back(absl::StrCat(
        "<strong>",
        render::IsolateDirection(EscapeHtml(report.users(i).display_name())),
        "</strong>"));
  }
  std::string html = absl::StrJoin(names, ", ");
  if (report.users_size() > shown) {
    absl::StrAppend(&html, " <span class=\"muted\">+",
                    report.users_size() - shown, " more</span>");
  }
  return html;
}

std::string TitleSection(const v1::UsageReport& report) {
  const render::ReportContext context = render::MakeReportContext(report);
  return absl::StrCat(
      "<header class=\"title\"><p class=\"eyebrow\">ECHO usage report</p>",
      "<h1>", UserNamesHtml(report), "</h1><dl class=\"facts\">",
      "<div><dt>Period</dt><dd>",
      EscapeHtml(render::PeriodText(report.period())), "</dd></div>",
      "<div><dt>Time zone</dt><dd>", EscapeHtml(context.zone.name),
      "</dd></div><div><dt>Generated</dt><dd>",
      EscapeHtml(render::FormatDateTime(context.document_time, context.zone)),
      "</dd></div></dl></header>");
}

std::string FiguresSection(const v1::UsageReport& report) {
  const v1::PeriodMetrics& metrics = report.metrics();
  const v1::LoginMetrics& logins = metrics.logins();
  std::string html =
      "<section id=\"figures\" class=\"figures\"><h2 "
      "class=\"visually-hidden\">Figures</h2><div "
      "class=\"cards heroes\">";
  absl::StrAppend(
      &html,
      FigureCard(
          "Conversations", render::FormatCount(metrics.conversations().count()),
          TrendHtml(report, v1::TREND_METRIC_CONVERSATIONS, Count), true),
      FigureCard(
          "Audio duration",
          render::FormatDuration(
              metrics.conversations().total_duration_seconds()),
          TrendHtml(report, v1::TREND_METRIC_DURATION, render::FormatDuration),
          true),
      FigureCard("Chat sessions",
                 render::FormatCount(metrics.chat().active_sessions()),
                 TrendHtml(report, v1::TREND_METRIC_CHAT_SESSIONS, Count),
                 true),
      "</div><div class=\"cards\">");
  absl::StrAppend(
      &html,
      // The projects trend compares projects created, so the card of owned
      // projects states the created count instead of an arrow.
      FigureCard("Projects", render::FormatCount(metrics.projects().owned()),
                 absl::StrCat("<span class=\"muted\">",
                              render::FormatCount(metrics.projects().created()),
                              " created in the period</span>"),
                 false),
      FigureCard("Active projects",
                 render::FormatCount(metrics.projects().active()),
                 absl::StrCat("<span class=\"muted\">of ",
                              render::FormatCount(metrics.projects().owned()),
                              " owned</span>"),
                 false),
      FigureCard("Messages", render::FormatCount(metrics.chat().messages()),
                 TrendHtml(report, v1::TREND_METRIC_MESSAGES, Count), false),
      FigureCard(
          "Messages per session",
          render::FormatDecimal(metrics.chat().mean_messages_per_session(), 1),
          "<span class=\"muted\">mean of active sessions</span>", false),
      "</div>");
  const v1::FeatureAdoption& features = report.features();
  absl::StrAppend(
      &html, "<p class=\"band\"><strong>",
      EscapeHtml(render::UsageBandText(logins.band())), "</strong> · ",
      render::FormatDecimal(logins.per_week(), 1), " logins per week · ",
      render::FormatCount(logins.total()), " logins on ",
      render::FormatCount(logins.active_days()), " days · ",
      EscapeHtml(LastActivityText(report)), "</p>",
      "<ul class=\"features\" aria-label=\"Features in use\">",
      FeatureItem("Conversations", features.uses_conversations(),
                  features.conversations(), ""),
      FeatureItem("Chat", features.uses_chat(), features.chat_messages(),
                  " messages"),
      FeatureItem("Reports", features.uses_reports(), features.reports(), ""),
      FeatureItem("Tags", features.uses_tags(), features.tags(), ""),
      "</ul></section>");
  return html;
}

std::string MarkdownHtml(const std::string& markdown) {
  std::string html;
  // The list element that is open, "ul" or "ol", or empty.
  std::string open_list;
  for (const render::MarkdownBlock& block : render::ParseMarkdown(markdown)) {
    const bool bullet = block.kind == render::MarkdownBlockKind::kBulletItem;
    const bool numbered =
        block.kind == render::MarkdownBlockKind::kNumberedItem;
    const std::string list = bullet ? "ul" : (numbered ? "ol" : "");
    if (open_list != list && !open_list.empty()) {
      absl::StrAppend(&html, "</", open_list, ">");
      open_list.clear();
    }
    if (!list.empty() && open_list.empty()) {
      absl::StrAppend(&html, "<", list, ">");
      open_list = list;
    }
    switch (block.kind) {
      case render::MarkdownBlockKind::kHeading: {
        // Report sections are h2, so Markdown headings start at h3.
        const int level = std::clamp(block.level, 1, 3) + 2;
        absl::StrAppend(&html, "<h", level, ">", block.html, "</h", level, ">");
        break;
      }
      case render::MarkdownBlockKind::kBulletItem:
      case render::MarkdownBlockKind::kNumberedItem:
        // Nesting shows as indentation, so that one flat list keeps the
        // numbers the text gave.
        absl::StrAppend(
            &html, "<li class=\"depth-", std::clamp(block.level, 0, 3), "\"",
            numbered ? absl::StrCat(" value=\"", block.number, "\"") : "", ">",
            block.html, "</li>");
        break;
      case render::MarkdownBlockKind::kParagraph:
        absl::StrAppend(&html, "<p>", block.html, "</p>");
        break;
    }
  }
  if (!open_list.empty()) absl::StrAppend(&html, "</", open_list, ">");
  return html;
}

std::string ExecutiveSummarySection(const v1::UsageReport& report) {
  const v1::ExecutiveSummary& summary = report.insights().executive_summary();
  const char* source = summary.source() == v1::SUMMARY_SOURCE_LLM
                           ? "Written by the LLM"
                           : "Written from the report's figures";
  std::string body = MarkdownHtml(summary.markdown());
  if (body.empty()) body = "<p class=\"muted\">No summary.</p>";
  return absl::StrCat(
      "<section id=\"executive-summary\"><h2>Executive summary</h2>", body,
      "<p class=\"source muted\">", source, "</p></section>");
}

}  // namespace usage::html
