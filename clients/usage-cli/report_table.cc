#include "report_table.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace usage::cli {
namespace {

namespace v1 = echo::usage::v1;

// Decodes the UTF-8 sequence at `text[i]`, setting `length` to its bytes.
// Malformed input decodes to some value; it only affects padding.
uint32_t DecodeCodePoint(absl::string_view text, size_t i, size_t& length) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  length = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  uint32_t code = length == 1 ? c : c & (0xFF >> (length + 1));
  for (size_t k = 1; k < length && i + k < text.size(); ++k) {
    code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  }
  return code;
}

// Counts the terminal columns of a UTF-8 string: two for East Asian wide
// characters (CJK, Hangul, full-width forms), one for the others.
size_t Width(absl::string_view text) {
  size_t width = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t length = 0;
    uint32_t code = DecodeCodePoint(text, i, length);
    bool wide = (code >= 0x1100 && code <= 0x115F) ||
                (code >= 0x2E80 && code <= 0xA4CF) ||
                (code >= 0xAC00 && code <= 0xD7A3) ||
                (code >= 0xF900 && code <= 0xFAFF) ||
                (code >= 0xFE30 && code <= 0xFE4F) ||
                (code >= 0xFF00 && code <= 0xFF60) ||
                (code >= 0xFFE0 && code <= 0xFFE6) ||
                (code >= 0x20000 && code <= 0x3FFFD);
    width += wide ? 2 : 1;
    i += length;
  }
  return width;
}

// Renders rows as columns padded with spaces; `right` marks columns that
// are aligned right (numbers).
std::string Table(std::vector<std::vector<std::string>> rows,
                  const std::vector<bool>& right) {
  for (auto& row : rows) {
    for (std::string& cell : row) cell = Printable(cell);
  }
  std::vector<size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()));
    for (size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], Width(row[i]));
    }
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      std::string padding(widths[i] - Width(row[i]), ' ');
      bool align_right = i < right.size() && right[i];
      absl::StrAppend(&line, i == 0 ? "" : "  ",
                      align_right ? padding + row[i] : row[i] + padding);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    absl::StrAppend(&out, line, "\n");
  }
  return out;
}

std::string Number(double value) {
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    return absl::StrCat(static_cast<int64_t>(value));
  }
  return absl::StrFormat("%.2f", value);
}

std::string TrendName(v1::TrendMetric metric) {
  switch (metric) {
    case v1::TREND_METRIC_PROJECTS:
      return "Projects created";
    case v1::TREND_METRIC_CONVERSATIONS:
      return "Conversations";
    case v1::TREND_METRIC_DURATION:
      return "Audio duration";
    case v1::TREND_METRIC_LOGINS:
      return "Logins";
    case v1::TREND_METRIC_CHAT_SESSIONS:
      return "Chat sessions";
    case v1::TREND_METRIC_MESSAGES:
      return "Chat messages";
    case v1::TREND_METRIC_REPORTS:
      return "Reports";
    default:
      return "Other";
  }
}

std::string Change(const v1::Trend& trend) {
  if (trend.direction() == v1::TREND_DIRECTION_NEW) return "new";
  if (trend.direction() == v1::TREND_DIRECTION_FLAT ||
      !trend.has_percent_change()) {
    return "no change";
  }
  return absl::StrFormat("%+.1f %%", trend.percent_change());
}

std::string BandName(v1::UsageBand band) {
  switch (band) {
    case v1::USAGE_BAND_POWER:
      return "power";
    case v1::USAGE_BAND_HIGH:
      return "high";
    case v1::USAGE_BAND_MEDIUM:
      return "medium";
    case v1::USAGE_BAND_LOW:
      return "low";
    default:
      return "none";
  }
}

std::string Days(int64_t days) {
  return absl::StrCat(days, days == 1 ? " day" : " days");
}

std::string PeriodText(const v1::ResolvedPeriod& period) {
  if (period.preset() == v1::PERIOD_PRESET_ALL_TIME) return "all time";
  return absl::StrCat(period.start_date(), " to ", period.end_date(), " (",
                      Days(period.days()), ")");
}

std::string FiguresSection(const v1::UsageReport& report) {
  const v1::PeriodMetrics& m = report.metrics();
  std::vector<std::vector<std::string>> rows = {{"Figure", "Value"}};
  auto add = [&rows](std::string name, std::string value) {
    rows.push_back({std::move(name), std::move(value)});
  };
  add("Conversations", Number(m.conversations().count()));
  add("Audio duration", FormatDuration(m.conversations().total_duration_seconds()));
  add("  estimated", absl::StrCat(m.conversations().estimated_duration_count(),
                                  " conversations, ",
                                  FormatDuration(m.conversations().estimated_duration_seconds())));
  add("  with content / empty",
      absl::StrCat(m.conversations().with_content(), " / ",
                   m.conversations().empty()));
  add("  recorded / uploaded", absl::StrCat(m.conversations().recorded(),
                                            " / ", m.conversations().uploaded()));
  add("Chat sessions (active)", Number(m.chat().active_sessions()));
  add("Chat sessions created", Number(m.chat().sessions_created()));
  add("Chat messages", absl::StrCat(m.chat().messages(), " (",
                                    m.chat().user_messages(), " from users)"));
  add("Messages per session", Number(m.chat().mean_messages_per_session()));
  add("Tokens", Number(m.chat().tokens()));
  add("Projects owned", Number(m.projects().owned()));
  add("Projects active", Number(m.projects().active()));
  add("Projects created", Number(m.projects().created()));
  add("Reports created", absl::StrCat(m.reports().created(), " (",
                                      m.reports().published(), " published, ",
                                      m.reports().error(), " failed)"));
  add("Logins", absl::StrCat(m.logins().total(), " on ",
                             Days(m.logins().active_days())));
  add("Logins per week", absl::StrCat(absl::StrFormat("%.2f", m.logins().per_week()),
                                      " (", BandName(m.logins().band()),
                                      " usage)"));
  return Table(rows, {false, true});
}

std::string TrendsSection(const v1::UsageReport& report) {
  if (report.trends().empty()) return "";
  std::vector<std::vector<std::string>> rows = {
      {"Against previous period", "Now", "Before", "Change"}};
  for (const v1::Trend& trend : report.trends()) {
    bool duration = trend.metric() == v1::TREND_METRIC_DURATION;
    rows.push_back({TrendName(trend.metric()),
                    duration ? FormatDuration(trend.current())
                             : Number(trend.current()),
                    duration ? FormatDuration(trend.previous())
                             : Number(trend.previous()),
                    Change(trend)});
  }
  return Table(rows, {false, true, true, true});
}

std::string ProjectsSection(const v1::UsageReport& report) {
  if (report.projects().empty()) return "No projects.\n";
  std::vector<std::vector<std::string>> rows = {
      {"Project", "Owner", "Conversations", "Duration", "Chats", "Messages",
       "Status"}};
  for (const v1::ProjectRow& project : report.projects()) {
    rows.push_back({project.name().empty() ? "(no name)" : project.name(),
                    project.owner(), Number(project.conversations()),
                    FormatDuration(project.duration_seconds()),
                    Number(project.chat_sessions()),
                    Number(project.messages()),
                    project.status() == v1::PROJECT_STATUS_PAUSED ? "paused"
                                                                  : "active"});
  }
  return Table(rows, {false, false, true, true, true, true, false});
}

// Lists the first 10 topics as "word (count)", on one line.
std::string TopicsSection(const v1::UsageReport& report) {
  constexpr int kShownTopics = 10;
  if (report.query_topics().empty()) return "";
  std::vector<std::string> topics;
  for (const v1::QueryTopic& topic : report.query_topics()) {
    if (static_cast<int>(topics.size()) == kShownTopics) break;
    topics.push_back(absl::StrCat(topic.word(), " (", topic.count(), ")"));
  }
  return absl::StrCat(
      "Top query topics: ", Printable(absl::StrJoin(topics, ", ")), "\n");
}

// Lists the hours of the day with logins, such as "09:00  3".
std::string LoginHoursSection(const v1::UsageReport& report) {
  std::vector<std::vector<std::string>> rows = {{"Logins by hour", "Logins"}};
  const auto& histogram = report.metrics().logins().hour_histogram();
  for (int hour = 0; hour < histogram.size(); ++hour) {
    if (histogram[hour] == 0) continue;
    rows.push_back({absl::StrFormat("%02d:00", hour), Number(histogram[hour])});
  }
  if (rows.size() == 1) return "";
  return Table(rows, {false, true});
}

std::string PerUserSection(const v1::UsageReport& report) {
  if (report.user_breakdowns().empty()) return "";
  std::vector<std::vector<std::string>> rows = {{"Per user", "Conversations",
                                                 "Duration", "Chat sessions",
                                                 "Messages", "Logins"}};
  for (const v1::UserBreakdown& breakdown : report.user_breakdowns()) {
    const v1::PeriodMetrics& m = breakdown.metrics();
    rows.push_back({breakdown.user().display_name(),
                    Number(m.conversations().count()),
                    FormatDuration(m.conversations().total_duration_seconds()),
                    Number(m.chat().active_sessions()),
                    Number(m.chat().messages()), Number(m.logins().total())});
  }
  return Table(rows, {false, true, true, true, true, true});
}

std::string FeaturesLine(const v1::FeatureAdoption& features) {
  std::vector<std::string> used;
  if (features.uses_conversations()) used.push_back("conversations");
  if (features.uses_chat()) used.push_back("chat");
  if (features.uses_reports()) used.push_back("reports");
  if (features.uses_tags()) used.push_back("tags");
  return used.empty() ? "none" : absl::StrJoin(used, ", ");
}

// Returns the lower-case words of an enum value's name after `prefix`:
// "INSIGHT_STATUS_NOT_CONFIGURED" gives "not configured".
std::string EnumWords(const std::string& name, absl::string_view prefix) {
  absl::string_view rest = name;
  absl::ConsumePrefix(&rest, prefix);
  return absl::StrReplaceAll(absl::AsciiStrToLower(rest), {{"_", " "}});
}

// Returns Markdown text with each line made printable and indented.
std::string IndentedText(absl::string_view markdown) {
  std::string out;
  for (absl::string_view line : absl::StrSplit(markdown, '\n')) {
    absl::StrAppend(&out, line.empty() ? "" : "  ", Printable(line), "\n");
  }
  return out;
}

// The rule findings, the executive summary, the LLM's narrative and the
// insight status.
std::string InsightsSection(const v1::UsageReport& report) {
  const v1::Insights& insights = report.insights();
  const v1::Provenance& provenance = report.provenance();
  std::string out;
  if (!insights.findings().empty()) {
    absl::StrAppend(&out, "Findings:\n");
    for (const v1::Finding& finding : insights.findings()) {
      absl::StrAppend(
          &out, "- [",
          EnumWords(v1::FindingSeverity_Name(finding.severity()),
                    "FINDING_SEVERITY_"),
          "] ", Printable(finding.title()), "\n");
    }
    out += "\n";
  }
  const v1::ExecutiveSummary& summary = insights.executive_summary();
  if (!summary.markdown().empty()) {
    absl::StrAppend(&out, "Executive summary (",
                    summary.source() == v1::SUMMARY_SOURCE_LLM
                        ? "written by the LLM"
                        : "from a template",
                    "):\n", IndentedText(summary.markdown()), "\n");
  }
  if (!insights.narrative_markdown().empty()) {
    absl::StrAppend(&out, "Insights (written by the LLM):\n",
                    IndentedText(insights.narrative_markdown()), "\n");
  }
  absl::StrAppend(&out, "Insight status: ",
                  EnumWords(v1::InsightStatus_Name(provenance.insight_status()),
                            "INSIGHT_STATUS_"));
  if (!provenance.insight_status_detail().empty()) {
    absl::StrAppend(&out, " (", Printable(provenance.insight_status_detail()),
                    ")");
  }
  out += "\n";
  if (!insights.unverified_numbers().empty()) {
    std::string numbers = absl::StrJoin(insights.unverified_numbers(), ", ");
    absl::StrAppend(&out, "Unverified numbers: ", Printable(numbers), "\n");
  }
  return out;
}

}  // namespace

// Returns `text` with every control character, and every Unicode direction
// override, replaced by U+FFFD, so that data cannot move the cursor, change
// colours or reorder what a terminal shows.
std::string Printable(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) {
      out += "\uFFFD";
      ++i;
      continue;
    }
    size_t length = 0;
    uint32_t code = DecodeCodePoint(text, i, length);
    bool hidden = (code >= 0x80 && code <= 0x9F) ||
                  (code >= 0x202A && code <= 0x202E) ||
                  (code >= 0x2066 && code <= 0x2069);
    if (hidden) {
      out += "\uFFFD";
    } else {
      out.append(text.data() + i, std::min(length, text.size() - i));
    }
    i += length;
  }
  return out;
}

std::string FormatDuration(double seconds) {
  // Beyond about 30,000 years the whole seconds no longer fit the
  // arithmetic below; such values are data errors, shown as they are.
  if (!(std::fabs(seconds) < 1e12)) {
    return absl::StrFormat("%.3g h", seconds / 3600);
  }
  int64_t total = static_cast<int64_t>(std::llround(seconds));
  int64_t hours = total / 3600;
  int64_t minutes = (total % 3600) / 60;
  if (hours > 0) return absl::StrFormat("%d h %02d min", hours, minutes);
  if (minutes > 0) return absl::StrFormat("%d min %02d s", minutes, total % 60);
  return absl::StrCat(total, " s");
}

std::string FormatReportTable(const v1::UsageReport& report) {
  std::vector<std::string> names;
  for (const v1::User& user : report.users()) {
    names.push_back(user.has_email() && user.display_name() != user.email()
                        ? absl::StrCat(user.display_name(), " <",
                                       user.email(), ">")
                        : user.display_name());
  }
  std::string out = absl::StrCat(
      "Usage report: ", Printable(absl::StrJoin(names, ", ")), "\n");
  absl::StrAppend(&out, "Period: ", PeriodText(report.period()), ", ",
                  Printable(report.time_zone()), "\n");
  if (report.has_previous_period()) {
    absl::StrAppend(&out, "Previous period: ",
                    PeriodText(report.previous_period()), "\n");
  }
  absl::StrAppend(&out, "\n", FiguresSection(report));
  std::string trends = TrendsSection(report);
  if (!trends.empty()) absl::StrAppend(&out, "\n", trends);

  absl::StrAppend(&out, "\nFeatures in use: ", FeaturesLine(report.features()),
                  "\n");
  const v1::Activity& activity = report.activity();
  if (activity.has_days_since_last_activity()) {
    absl::StrAppend(&out, "Days since last activity: ",
                    activity.days_since_last_activity(), "\n");
  } else {
    absl::StrAppend(&out, "No activity recorded.\n");
  }

  absl::StrAppend(&out, "\n", InsightsSection(report));
  absl::StrAppend(&out, "\n", ProjectsSection(report));
  for (const std::string& section :
       {PerUserSection(report), TopicsSection(report),
        LoginHoursSection(report)}) {
    if (!section.empty()) absl::StrAppend(&out, "\n", section);
  }

  std::string notes;
  for (const v1::DataQualityNote& note : report.data_quality()) {
    if (note.count() > 0) {
      absl::StrAppend(&notes, "- ", Printable(note.message()), "\n");
    }
  }
  if (!notes.empty()) absl::StrAppend(&out, "\nData quality:\n", notes);
  return out;
}

std::string FormatUsersTable(const v1::SearchUsersResponse& response) {
  std::vector<std::vector<std::string>> rows = {{"Email", "Name", "Id"}};
  for (const v1::User& user : response.users()) {
    std::string name = absl::StrCat(user.first_name(), " ", user.last_name());
    if (name == " ") name = "";
    rows.push_back({user.email(), std::string(absl::StripAsciiWhitespace(name)),
                    user.id()});
  }
  std::string out = Table(rows, {});
  absl::StrAppend(&out, response.users_size(), " of ", response.total_size(),
                  " users");
  if (!response.next_page_token().empty()) {
    absl::StrAppend(&out, "; next page: --page-token ",
                    Printable(response.next_page_token()));
  }
  return out + "\n";
}

std::string FormatColumns(std::vector<std::vector<std::string>> rows,
                          const std::vector<bool>& right) {
  return Table(std::move(rows), right);
}

}  // namespace usage::cli
