#include "html/detail_sections.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "html/charts.h"
#include "html/html_escape.h"
#include "html/summary_sections.h"
#include "render/bidi.h"
#include "render/format.h"
#include "render/report_context.h"

namespace usage::html {
namespace {

namespace v1 = echo::usage::v1;

constexpr int kTopKeywords = 15;
constexpr int kTopUsers = 10;

// One cell of a table: escaped HTML and, for numbers, the raw value the
// script sorts by.
struct Cell {
  std::string html;
  std::string sort_value;
};

Cell Text(const std::string& text) { return {EscapeHtml(text), ""}; }
Cell CountCell(int64_t value) {
  return {render::FormatCount(value), absl::StrCat(value)};
}
Cell DurationCell(double seconds) {
  return {render::FormatDuration(seconds), absl::StrCat(seconds)};
}

std::string Section(const std::string& id, const std::string& heading,
                    const std::string& body) {
  return absl::StrCat("<section id=\"", id, "\"><h2>", EscapeHtml(heading),
                      "</h2>", body, "</section>");
}

// Returns a table whose first row is `headers`; numeric columns are right
// aligned.
std::string Table(const std::string& label,
                  const std::vector<std::string>& headers,
                  const std::vector<std::vector<Cell>>& rows,
                  const std::string& attributes = "") {
  std::string html = absl::StrCat("<table", attributes, " aria-label=\"",
                                  EscapeHtml(label), "\"><thead><tr>");
  for (const std::string& header : headers) {
    absl::StrAppend(&html, "<th scope=\"col\">", EscapeHtml(header), "</th>");
  }
  absl::StrAppend(&html, "</tr></thead><tbody>");
  for (const std::vector<Cell>& row : rows) {
    absl::StrAppend(&html, "<tr>");
    for (const Cell& cell : row) {
      if (cell.sort_value.empty()) {
        absl::StrAppend(&html, "<td>", cell.html, "</td>");
      } else {
        absl::StrAppend(&html, "<td class=\"num\" data-sort=\"",
                        cell.sort_value, "\">", cell.html, "</td>");
      }
    }
    absl::StrAppend(&html, "</tr>");
  }
  absl::StrAppend(&html, "</tbody></table>");
  return html;
}

std::vector<Cell> Figure(const std::string& label, const std::string& value) {
  return {Text(label), {EscapeHtml(value), "0"}};
}

std::string ConversationTable(const v1::ConversationMetrics& c) {
  using render::FormatCount;
  using render::FormatDecimal;
  using render::FormatDuration;
  return Table(
      "Conversations", {"Conversations", "Value"},
      {Figure("Conversations", FormatCount(c.count())),
       Figure("Total duration", FormatDuration(c.total_duration_seconds())),
       Figure("Recorded durations",
              absl::StrCat(FormatCount(c.recorded_duration_count()), " · ",
                           FormatDuration(c.recorded_duration_seconds()))),
       Figure("Estimated durations",
              absl::StrCat(FormatCount(c.estimated_duration_count()), " · ",
                           FormatDuration(c.estimated_duration_seconds()))),
       Figure("Mean duration", FormatDuration(c.mean_duration_seconds())),
       Figure("Median duration", FormatDuration(c.p50_duration_seconds())),
       Figure("90th percentile duration",
              FormatDuration(c.p90_duration_seconds())),
       Figure("Chunks",
              absl::StrCat(FormatCount(c.chunks()), " (",
                           FormatDecimal(c.mean_chunks_per_conversation(), 1),
                           " per conversation)")),
       Figure("With content", FormatCount(c.with_content())),
       Figure("Empty", FormatCount(c.empty())),
       Figure("Recorded", FormatCount(c.recorded())),
       Figure("Uploaded", FormatCount(c.uploaded()))});
}

std::string ChatTable(const v1::ChatMetrics& c) {
  using render::FormatCount;
  using render::FormatDecimal;
  const v1::MessageLengthBands& bands = c.user_message_lengths();
  return Table(
      "Chat", {"Chat", "Value"},
      {Figure("Active sessions", FormatCount(c.active_sessions())),
       Figure("Sessions created", FormatCount(c.sessions_created())),
       Figure("Messages", FormatCount(c.messages())),
       Figure("User messages", FormatCount(c.user_messages())),
       Figure("Assistant messages", FormatCount(c.assistant_messages())),
       Figure("Tokens", FormatCount(c.tokens())),
       Figure(
           "Messages per session (mean · median · p90)",
           absl::StrCat(FormatDecimal(c.mean_messages_per_session(), 1), " · ",
                        FormatDecimal(c.p50_messages_per_session(), 1), " · ",
                        FormatDecimal(c.p90_messages_per_session(), 1))),
       Figure("Queries per session", FormatDecimal(c.queries_per_session(), 1)),
       Figure("User messages under 50 characters",
              FormatCount(bands.under_50())),
       Figure("User messages of 50–199 characters",
              FormatCount(bands.from_50_to_199())),
       Figure("User messages of 200 characters or more",
              FormatCount(bands.from_200()))});
}

const char* SeverityName(v1::FindingSeverity severity) {
  switch (severity) {
    case v1::FINDING_SEVERITY_POSITIVE:
      return "Positive";
    case v1::FINDING_SEVERITY_INFO:
      return "Info";
    case v1::FINDING_SEVERITY_WARNING:
      return "Warning";
    case v1::FINDING_SEVERITY_CRITICAL:
      return "Critical";
    default:
      return "Note";
  }
}

std::string InsightStatusText(const v1::Provenance& provenance) {
  switch (provenance.insight_status()) {
    case v1::INSIGHT_STATUS_NOT_REQUESTED:
      return "LLM insights were not requested.";
    case v1::INSIGHT_STATUS_NOT_CONFIGURED:
      return "No LLM is configured; the summary comes from a template.";
    case v1::INSIGHT_STATUS_GENERATED:
      return "Written by the LLM; every number matches a figure of the "
             "report.";
    case v1::INSIGHT_STATUS_UNAVAILABLE:
      return "The LLM was unavailable; the summary comes from a template.";
    case v1::INSIGHT_STATUS_FILTERED:
      return "The LLM's content filter refused the request; the summary "
             "comes from a template.";
    case v1::INSIGHT_STATUS_UNVERIFIED:
      return "Written by the LLM; some numbers match no figure of the "
             "report and are marked (unverified).";
    default:
      return "Insight status unknown.";
  }
}

std::string FindingHtml(const v1::Finding& finding) {
  std::vector<std::string> figures;
  for (const v1::FindingFigure& figure : finding.figures()) {
    figures.push_back(absl::StrCat(
        EscapeHtml(figure.label()), ": ",
        render::FormatDecimal(
            figure.value(),
            figure.value() == static_cast<int64_t>(figure.value()) ? 0 : 1),
        " ", EscapeHtml(figure.unit())));
  }
  const std::string severity = SeverityName(finding.severity());
  return absl::StrCat(
      "<li class=\"finding\"><span class=\"badge ",
      absl::AsciiStrToLower(severity), "\">", severity, "</span> ",
      EscapeHtml(finding.title()),
      figures.empty() ? ""
                      : absl::StrCat("<div class=\"muted small\">",
                                     absl::StrJoin(figures, " · "), "</div>"),
      "</li>");
}

}  // namespace

std::string ConversationAndChatSection(const v1::UsageReport& report) {
  return Section(
      "conversations-and-chat", "Conversations and chat",
      absl::StrCat("<div class=\"columns\">",
                   ConversationTable(report.metrics().conversations()),
                   ChatTable(report.metrics().chat()), "</div>"));
}

std::string TopKeywordsSection(const v1::UsageReport& report) {
  std::vector<std::vector<Cell>> rows;
  for (const v1::QueryTopic& topic : report.query_topics()) {
    if (static_cast<int>(rows.size()) == kTopKeywords) break;
    rows.push_back({Text(topic.word()), CountCell(topic.count())});
  }
  const std::string body =
      rows.empty() ? "<p class=\"muted\">No user chat messages.</p>"
                   : Table("Top keywords", {"Keyword", "Occurrences"}, rows);
  return Section("top-keywords", "Top keywords", body);
}

std::string LoginActivitySection(const v1::UsageReport& report) {
  const v1::LoginMetrics& logins = report.metrics().logins();
  return Section(
      "login-activity", "Login activity",
      absl::StrCat("<p>", render::FormatCount(logins.total()), " logins by ",
                   render::FormatCount(logins.unique_users()), " users on ",
                   render::FormatCount(logins.active_days()), " days; ",
                   render::FormatDecimal(logins.mean_per_active_day(), 1),
                   " per active day, ",
                   render::FormatDecimal(logins.per_week(), 1),
                   " per week.</p>", LoginHoursChart(report)));
}

std::string TopUsersSection(const v1::UsageReport& report) {
  std::vector<const v1::UserBreakdown*> users;
  for (const v1::UserBreakdown& user : report.user_breakdowns()) {
    users.push_back(&user);
  }
  std::stable_sort(users.begin(), users.end(), [](auto* a, auto* b) {
    return a->metrics().logins().total() > b->metrics().logins().total();
  });
  if (users.size() > kTopUsers) users.resize(kTopUsers);
  std::vector<std::vector<Cell>> rows;
  for (const v1::UserBreakdown* user : users) {
    const v1::PeriodMetrics& m = user->metrics();
    rows.push_back({Text(user->user().display_name()),
                    CountCell(m.logins().total()),
                    CountCell(m.conversations().count()),
                    DurationCell(m.conversations().total_duration_seconds()),
                    CountCell(m.chat().active_sessions())});
  }
  const std::string body =
      rows.empty()
          ? "<p class=\"muted\">One user is selected; the figures above are "
            "theirs.</p>"
          : Table("Top users",
                  {"User", "Logins", "Conversations", "Duration",
                   "Chat sessions"},
                  rows);
  return Section("top-users", "Top users", body);
}

std::string ProjectsSection(const v1::UsageReport& report) {
  const render::ReportContext context = render::MakeReportContext(report);
  std::vector<std::vector<Cell>> rows;
  for (const v1::ProjectRow& project : report.projects()) {
    const std::string created =
        project.has_created_at()
            ? render::FormatDate(render::ToAbslTime(project.created_at()),
                                 context.zone)
            : "";
    rows.push_back(
        {Text(project.name().empty() ? "(unnamed)" : project.name()),
         Text(project.owner()),
         Text(render::JoinIsolated(project.tags(), ", ")),
         CountCell(project.conversations()),
         DurationCell(project.duration_seconds()),
         CountCell(project.chat_sessions()), CountCell(project.messages()),
         CountCell(project.user_messages()), Text(created),
         Text(project.status() == v1::PROJECT_STATUS_PAUSED ? "Paused"
                                                            : "Active")});
  }
  if (rows.empty()) {
    return Section("projects", "Projects",
                   "<p class=\"muted\">No projects.</p>");
  }
  return Section(
      "projects", "Projects",
      absl::StrCat(
          "<p class=\"muted small no-print\">Select a column header to "
          "sort.</p><div class=\"scroll\">",
          Table("Projects",
                {"Project", "Owner", "Tags", "Conversations", "Duration",
                 "Chat sessions", "Messages", "User messages", "Created",
                 "Status"},
                rows, " id=\"projects-table\" class=\"sortable\""),
          "</div>"));
}

std::string ReportActivitySection(const v1::UsageReport& report) {
  const v1::ReportMetrics& reports = report.metrics().reports();
  std::vector<std::vector<Cell>> rows = {
      {Text("Created"), CountCell(reports.created())},
      {Text("Published"), CountCell(reports.published())},
      {Text("Failed"), CountCell(reports.error())}};
  for (const v1::ReportStatusCount& status : reports.by_status()) {
    rows.push_back({Text(absl::StrCat("Status \"", status.status(), "\"")),
                    CountCell(status.count())});
  }
  return Section("report-activity", "Report activity",
                 Table("Report activity", {"Reports", "Count"}, rows));
}

std::string ActivityTimelineSection(const v1::UsageReport& report) {
  const auto& days = report.timeline().days();
  std::string controls;
  if (!days.empty()) {
    const int last = days.size() - 1;
    controls = absl::StrCat(
        "<div id=\"timeline-controls\" class=\"range no-print\" hidden>",
        "<label>From <input type=\"range\" id=\"timeline-start\" min=\"0\" "
        "max=\"",
        last, "\" value=\"0\" step=\"1\"></label>",
        "<label>To <input type=\"range\" id=\"timeline-end\" min=\"0\" max=\"",
        last, "\" value=\"", last, "\" step=\"1\"></label>",
        "<output id=\"timeline-range\" aria-live=\"polite\">",
        EscapeHtml(days[0].date()), " – ", EscapeHtml(days[last].date()),
        "</output></div>");
  }
  return Section("activity-timeline", "Activity timeline",
                 absl::StrCat(controls, TimelineChart(report)));
}

std::string FeatureAdoptionSection(const v1::UsageReport& report) {
  return Section("feature-adoption", "Feature adoption",
                 FeatureAdoptionChart(report));
}

std::string DataQualitySection(const v1::UsageReport& report) {
  if (report.data_quality().empty()) {
    return Section("data-quality", "Data quality",
                   "<p class=\"muted\">No notes.</p>");
  }
  std::string items;
  for (const v1::DataQualityNote& note : report.data_quality()) {
    absl::StrAppend(&items, "<li><span class=\"count\">",
                    render::FormatCount(note.count()), "</span> ",
                    EscapeHtml(note.message()), "</li>");
  }
  return Section("data-quality", "Data quality",
                 absl::StrCat("<ul class=\"notes\">", items, "</ul>"));
}

std::string InsightsSection(const v1::UsageReport& report) {
  const v1::Insights& insights = report.insights();
  std::string body;
  if (insights.findings().empty()) {
    body = "<p class=\"muted\">No rule findings.</p>";
  } else {
    body = "<ul class=\"findings\">";
    for (const v1::Finding& finding : insights.findings()) {
      absl::StrAppend(&body, FindingHtml(finding));
    }
    absl::StrAppend(&body, "</ul>");
  }
  if (!insights.narrative_markdown().empty()) {
    absl::StrAppend(&body, "<div class=\"narrative\">",
                    MarkdownHtml(insights.narrative_markdown()), "</div>");
  }
  const v1::Provenance& provenance = report.provenance();
  absl::StrAppend(
      &body, "<p class=\"muted small\">",
      EscapeHtml(InsightStatusText(provenance)),
      provenance.insight_status_detail().empty()
          ? ""
          : absl::StrCat(" ", EscapeHtml(provenance.insight_status_detail())),
      "</p>");
  return Section("insights", "Insights", body);
}

}  // namespace usage::html
