#include "insights/template_summary.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "insights/number_text.h"

namespace usage::insights {
namespace {

using ::echo::usage::v1::Finding;
using ::echo::usage::v1::UsageReport;
using insights_internal::CountOf;
using insights_internal::FormatCount;
using insights_internal::FormatDuration;
using insights_internal::FormatOneDecimal;
using insights_internal::FormatPercent;

// The summary's second paragraph quotes this many of the most severe
// findings; the rest are listed with the insights.
constexpr int kSummaryFindings = 2;

constexpr char kBurstFraming[] =
    "ECHO usage comes in bursts around sessions, so few logins or a quiet "
    "stretch are not a concern by themselves.";

bool HasActivity(const echo::usage::v1::PeriodMetrics& metrics) {
  return metrics.conversations().count() > 0 || metrics.chat().messages() > 0 ||
         metrics.chat().active_sessions() > 0 || metrics.logins().total() > 0 ||
         metrics.reports().created() > 0 || metrics.projects().created() > 0;
}

std::string Bold(absl::string_view text) {
  return absl::StrCat("**", text, "**");
}

const echo::usage::v1::Trend* FindTrend(const UsageReport& report,
                                        echo::usage::v1::TrendMetric metric) {
  for (const auto& trend : report.trends()) {
    if (trend.metric() == metric) return &trend;
  }
  return nullptr;
}

// Returns " (up 45 % from 22)" and the like for `metric`, or "" when the
// report has no trend for it, as for all time.
std::string TrendClause(const UsageReport& report,
                        echo::usage::v1::TrendMetric metric,
                        std::string (*format)(double)) {
  const echo::usage::v1::Trend* trend = FindTrend(report, metric);
  if (trend == nullptr) return "";
  const double previous = trend->previous();
  switch (trend->direction()) {
    case echo::usage::v1::TREND_DIRECTION_NEW:
      return " (none in the previous period)";
    case echo::usage::v1::TREND_DIRECTION_FLAT:
      return " (unchanged from the previous period)";
    case echo::usage::v1::TREND_DIRECTION_UP:
    case echo::usage::v1::TREND_DIRECTION_DOWN:
      if (previous == 0) return "";
      return absl::StrCat(
          " (", trend->current() > previous ? "up " : "down ",
          FormatPercent((trend->current() - previous) / previous * 100),
          " from ", format(previous), ")");
    default:
      return "";
  }
}

std::string FormatCountText(double value) { return FormatCount(value); }

std::string PeriodPhrase(const UsageReport& report) {
  const echo::usage::v1::ResolvedPeriod& period = report.period();
  if (period.preset() == echo::usage::v1::PERIOD_PRESET_ALL_TIME) {
    return "Over all time";
  }
  if (period.start_date().empty() || period.end_date().empty()) {
    return "In this period";
  }
  return absl::StrCat("From ", period.start_date(), " to ", period.end_date());
}

std::string ConversationSentence(const UsageReport& report) {
  const auto& conversations = report.metrics().conversations();
  const std::string trend = TrendClause(
      report, echo::usage::v1::TREND_METRIC_CONVERSATIONS, FormatCountText);
  if (conversations.count() == 0) {
    return absl::StrCat(PeriodPhrase(report),
                        ", the account recorded no conversations", trend, ".");
  }
  return absl::StrCat(
      PeriodPhrase(report), ", the account recorded ",
      Bold(CountOf(conversations.count(), "conversation", "conversations")),
      trend, " with ",
      Bold(FormatDuration(conversations.total_duration_seconds())), " of audio",
      TrendClause(report, echo::usage::v1::TREND_METRIC_DURATION,
                  FormatDuration),
      ".");
}

std::string ChatSentence(const UsageReport& report) {
  const auto& chat = report.metrics().chat();
  const int64_t reports = report.metrics().reports().created();
  const std::string report_part =
      reports > 0
          ? absl::StrCat(" ", CountOf(reports, "report was", "reports were"),
                         " created.")
          : "";
  if (chat.messages() == 0 && chat.active_sessions() == 0) {
    return absl::StrCat("Chat was not used.", report_part);
  }
  return absl::StrCat(
      "The chat had ", Bold(CountOf(chat.messages(), "message", "messages")),
      TrendClause(report, echo::usage::v1::TREND_METRIC_MESSAGES,
                  FormatCountText),
      " in ", CountOf(chat.active_sessions(), "session", "sessions"),
      TrendClause(report, echo::usage::v1::TREND_METRIC_CHAT_SESSIONS,
                  FormatCountText),
      ".", report_part);
}

std::string LoginSentence(const UsageReport& report) {
  const auto& logins = report.metrics().logins();
  if (logins.total() == 0) return "There were no logins.";
  return absl::StrCat("There were ",
                      Bold(CountOf(logins.total(), "login", "logins")),
                      TrendClause(report, echo::usage::v1::TREND_METRIC_LOGINS,
                                  FormatCountText),
                      " on ", CountOf(logins.active_days(), "day", "days"),
                      ", ", FormatOneDecimal(logins.per_week()), " per week.");
}

// Returns the sentence naming the project with the most conversations (the
// first in report order on ties), or "" without conversations.
std::string BusiestProjectSentence(const UsageReport& report) {
  const echo::usage::v1::ProjectRow* busiest = nullptr;
  for (const auto& project : report.projects()) {
    if (project.conversations() == 0) continue;
    if (busiest == nullptr ||
        project.conversations() > busiest->conversations()) {
      busiest = &project;
    }
  }
  if (busiest == nullptr) return "";
  const std::string name =
      busiest->name().empty() ? "an unnamed project" : busiest->name();
  return absl::StrCat(
      "The busiest project was ", name, ", with ",
      CountOf(busiest->conversations(), "conversation", "conversations"), ".");
}

std::string WhatHappened(const UsageReport& report) {
  if (!HasActivity(report.metrics())) return "No activity in this period.";
  std::vector<std::string> sentences = {ConversationSentence(report),
                                        ChatSentence(report),
                                        LoginSentence(report)};
  std::string busiest = BusiestProjectSentence(report);
  if (!busiest.empty()) sentences.push_back(std::move(busiest));
  return absl::StrJoin(sentences, " ");
}

std::string LeadSentence(echo::usage::v1::FindingSeverity severity) {
  switch (severity) {
    case echo::usage::v1::FINDING_SEVERITY_CRITICAL:
      return "The account needs attention.";
    case echo::usage::v1::FINDING_SEVERITY_WARNING:
      return "Some points are worth a conversation with the customer.";
    case echo::usage::v1::FINDING_SEVERITY_POSITIVE:
      return "The signs are good.";
    default:
      return "Nothing calls for action, but some points are worth knowing.";
  }
}

// Quiet stretches, falling figures and a low login band are where readers
// used to daily software would worry without cause.
bool NeedsBurstFraming(const UsageReport& report) {
  for (const Finding& finding : report.insights().findings()) {
    const bool concerning =
        finding.severity() == echo::usage::v1::FINDING_SEVERITY_WARNING ||
        finding.severity() == echo::usage::v1::FINDING_SEVERITY_CRITICAL;
    switch (finding.kind()) {
      case echo::usage::v1::FINDING_KIND_DORMANCY:
        return true;
      case echo::usage::v1::FINDING_KIND_TREND_BREAK:
      case echo::usage::v1::FINDING_KIND_LOGIN_BAND_CHANGE:
        if (concerning) return true;
        break;
      default:
        break;
    }
  }
  const echo::usage::v1::UsageBand band = report.metrics().logins().band();
  return band == echo::usage::v1::USAGE_BAND_NONE ||
         band == echo::usage::v1::USAGE_BAND_LOW;
}

std::string WhatItMeans(const UsageReport& report) {
  const auto& findings = report.insights().findings();
  std::vector<std::string> sentences;
  if (findings.empty()) {
    sentences.push_back("No rule flagged anything that needs attention.");
  } else {
    sentences.push_back(LeadSentence(findings[0].severity()));
    for (int i = 0; i < findings.size() && i < kSummaryFindings; ++i) {
      sentences.push_back(findings[i].title());
    }
    const int more = findings.size() - kSummaryFindings;
    if (more > 0) {
      sentences.push_back(
          absl::StrCat(CountOf(more, "more finding is", "more findings are"),
                       " listed with the insights."));
    }
  }
  if (NeedsBurstFraming(report)) sentences.push_back(kBurstFraming);
  return absl::StrJoin(sentences, " ");
}

}  // namespace

echo::usage::v1::ExecutiveSummary TemplateSummary(const UsageReport& report) {
  echo::usage::v1::ExecutiveSummary summary;
  summary.set_source(echo::usage::v1::SUMMARY_SOURCE_TEMPLATE);
  summary.set_markdown(
      absl::StrCat(WhatHappened(report), "\n\n", WhatItMeans(report)));
  return summary;
}

}  // namespace usage::insights
