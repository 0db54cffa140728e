#include "html/html_report.h"

#include "absl/strings/str_cat.h"
#include "html/charts.h"
#include "html/detail_sections.h"
#include "html/html_escape.h"
#include "html/page_assets.h"
#include "html/summary_sections.h"
#include "html/timeline_data.h"
#include "html/word_cloud_svg.h"
#include "render/bidi.h"
#include "render/report_context.h"
#include "render/title_block.h"
#include "render/word_cloud.h"

namespace usage::html {
namespace {

namespace v1 = echo::usage::v1;

constexpr char kContentSecurityPolicy[] =
    "default-src 'none'; style-src 'unsafe-inline'; "
    "script-src 'unsafe-inline'; img-src data:";

std::string PageTitle(const v1::UsageReport& report) {
  std::string names;
  for (int i = 0; i < report.users_size() && i < render::kNamedUsers; ++i) {
    absl::StrAppend(&names, i == 0 ? "" : ", ",
                    render::IsolateDirection(report.users(i).display_name()));
  }
  if (report.users_size() > render::kNamedUsers) {
    absl::StrAppend(&names, " +", report.users_size() - render::kNamedUsers,
                    " more");
  }
  return absl::StrCat("ECHO usage: ", names.empty() ? "no users" : names, ", ",
                      render::PeriodText(report.period()));
}

std::string Head(const v1::UsageReport& report) {
  return absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
      "<meta http-equiv=\"Content-Security-Policy\" content=\"",
      kContentSecurityPolicy, "\">",
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">",
      "<meta name=\"generator\" content=\"usage-service\">", "<title>",
      EscapeHtml(PageTitle(report)), "</title><style>", PageStyle(),
      "</style></head>\n");
}

std::string Section(const std::string& id, const std::string& heading,
                    const std::string& body) {
  return absl::StrCat("<section id=\"", id, "\"><h2>", heading, "</h2>", body,
                      "</section>");
}

std::string Footer(const v1::UsageReport& report) {
  const render::ReportContext context = render::MakeReportContext(report);
  return absl::StrCat(
      "<footer>", EscapeHtml(context.generated_text),
      " · Source: ", EscapeHtml(report.provenance().source_name()),
      "</footer>");
}

}  // namespace

absl::StatusOr<std::string> RenderHtml(const v1::UsageReport& report) {
  std::string html = Head(report);
  absl::StrAppend(&html, "<body><main>", TitleSection(report),
                  FiguresSection(report), ExecutiveSummarySection(report));

  // Trends over time.
  absl::StrAppend(
      &html,
      Section("monthly-trends", "Monthly trends", MonthlyTrendsChart(report)),
      Section("daily-engagement", "Daily engagement, last 30 days",
              DailyEngagementChart(report)));

  // Detailed analytics, in the PDF's order.
  absl::StrAppend(&html, ConversationAndChatSection(report),
                  WordCloudSection(report, render::PangoMeasure()),
                  TopKeywordsSection(report), LoginActivitySection(report),
                  TopUsersSection(report), ProjectsSection(report),
                  ReportActivitySection(report));
  absl::StrAppend(&html, ActivityTimelineSection(report),
                  FeatureAdoptionSection(report), DataQualitySection(report),
                  InsightsSection(report), Footer(report), "</main>\n");

  // The script's data, then the script that reads it.
  absl::StrAppend(&html,
                  "<script type=\"application/json\" id=\"report-data\">",
                  TimelineJson(report), "</script>\n<script>", PageScript(),
                  "</script></body></html>\n");
  return html;
}

}  // namespace usage::html
