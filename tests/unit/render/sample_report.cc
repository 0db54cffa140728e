#include "sample_report.h"

#include <cstdio>
#include <optional>
#include <string>

namespace usage::render::testing {
namespace {

using ::echo::usage::v1::ProjectRow;
using ::echo::usage::v1::Trend;
using ::echo::usage::v1::UsageReport;

// 2026-03-30T12:00:00Z.
constexpr int64_t kAsOfSeconds = 1774872000;

void AddUser(UsageReport& report, const std::string& id,
             const std::string& display_name) {
  echo::usage::v1::User* user = report.add_users();
  user->set_id(id);
  user->set_display_name(display_name);
}

void AddTrend(UsageReport& report, echo::usage::v1::TrendMetric metric,
              double current, double previous,
              echo::usage::v1::TrendDirection direction,
              std::optional<double> percent) {
  Trend* trend = report.add_trends();
  trend->set_metric(metric);
  trend->set_current(current);
  trend->set_previous(previous);
  trend->set_direction(direction);
  if (percent.has_value()) trend->set_percent_change(*percent);
}

ProjectRow* AddProject(UsageReport& report, const std::string& name,
                       const std::string& owner, int64_t conversations) {
  ProjectRow* project = report.add_projects();
  project->set_id("p-" + std::to_string(report.projects_size()));
  project->set_name(name);
  project->set_owner(owner);
  project->set_conversations(conversations);
  project->set_duration_seconds(conversations * 600.0);
  project->set_chat_sessions(conversations / 2);
  project->set_messages(conversations * 3);
  // 2026-01-15T10:00:00Z.
  project->mutable_created_at()->set_seconds(1768471200);
  project->set_status(echo::usage::v1::PROJECT_STATUS_ACTIVE);
  return project;
}

void AddNote(UsageReport& report, echo::usage::v1::DataQualityKind kind,
             int64_t count, const std::string& message) {
  echo::usage::v1::DataQualityNote* note = report.add_data_quality();
  note->set_kind(kind);
  note->set_count(count);
  note->set_message(message);
}

void SetFigures(UsageReport& report) {
  echo::usage::v1::PeriodMetrics* metrics = report.mutable_metrics();
  metrics->mutable_conversations()->set_count(1234);
  // 43499 s = 724.98 min, which rounds to 725 min = 12 h 05 min.
  metrics->mutable_conversations()->set_total_duration_seconds(43499);
  metrics->mutable_chat()->set_active_sessions(87);
  metrics->mutable_chat()->set_messages(2345);
  metrics->mutable_chat()->set_mean_messages_per_session(4.4);
  metrics->mutable_projects()->set_owned(152);
  metrics->mutable_projects()->set_created(12);
  metrics->mutable_projects()->set_active(40);
  metrics->mutable_logins()->set_total(34);
  metrics->mutable_logins()->set_per_week(7.9);
  metrics->mutable_logins()->set_band(echo::usage::v1::USAGE_BAND_HIGH);

  // (1234 - 1100) / 1100 * 100 = 12.18 %, printed as 12.2 %.
  AddTrend(report, echo::usage::v1::TREND_METRIC_CONVERSATIONS, 1234, 1100,
           echo::usage::v1::TREND_DIRECTION_UP, 12.1818);
  // 36000 s = 10 h 00 min, and (43499 - 36000) / 36000 * 100 = 20.83 %.
  AddTrend(report, echo::usage::v1::TREND_METRIC_DURATION, 43499, 36000,
           echo::usage::v1::TREND_DIRECTION_UP, 20.8306);
  AddTrend(report, echo::usage::v1::TREND_METRIC_CHAT_SESSIONS, 87, 0,
           echo::usage::v1::TREND_DIRECTION_NEW, std::nullopt);
  // (2345 - 2500) / 2500 * 100 = -6.2 %.
  AddTrend(report, echo::usage::v1::TREND_METRIC_MESSAGES, 2345, 2500,
           echo::usage::v1::TREND_DIRECTION_DOWN, -6.2);

  echo::usage::v1::FeatureAdoption* features = report.mutable_features();
  features->set_uses_conversations(true);
  features->set_conversations(1234);
  features->set_uses_chat(true);
  features->set_chat_messages(2345);
  features->set_uses_tags(true);
  features->set_tags(9);

  echo::usage::v1::Activity* activity = report.mutable_activity();
  // 2026-03-27T09:00:00Z, three whole days before as_of.
  activity->mutable_last_activity()->set_seconds(1774602000);
  activity->set_days_since_last_activity(3);
}

void SetPeriod(UsageReport& report) {
  report.set_time_zone("Europe/Amsterdam");
  report.mutable_as_of()->set_seconds(kAsOfSeconds);
  echo::usage::v1::ResolvedPeriod* period = report.mutable_period();
  period->set_preset(echo::usage::v1::PERIOD_PRESET_LAST_30_DAYS);
  period->set_start_date("2026-03-01");
  period->set_end_date("2026-03-30");
  period->set_days(30);
  report.mutable_provenance()->mutable_generated_at()->set_seconds(
      kAsOfSeconds + 5);
}

}  // namespace

std::string LongUrl() {
  std::string url = "https://example.com/projects/";
  for (int i = 0; url.size() < 300; ++i) {
    url += "segment" + std::to_string(i % 10) + "/";
  }
  url.resize(300);
  return url;
}

std::string HexId() {
  return "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
}

std::string LongWord() {
  return "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamten"
         "gesellschaft";
}

std::string GenericProjectName(int index) {
  char name[32];
  std::snprintf(name, sizeof(name), "Project %03d", index);
  return name;
}

UsageReport SampleReport(int generic_projects) {
  UsageReport report;
  AddUser(report, "u1", "Jane Doe");
  AddUser(report, "u2", "R&D <Q3> \"draft\"");
  AddUser(report, "u3", "总计");
  AddUser(report, "u4", "日本語");
  AddUser(report, "u5", "Zoë Ångström");
  AddUser(report, "u6", "Sixth Person");
  AddUser(report, "u7", "Seventh Person");
  SetPeriod(report);
  SetFigures(report);

  AddProject(report, "&amp;", "Jane Doe", 40)->add_tags("interviews");
  AddProject(report, "总计", "总计", 30)->add_tags("客户");
  AddProject(report, "日本語", "日本語", 25);
  ProjectRow* url_project = AddProject(report, LongUrl(), "Jane Doe", 20);
  url_project->add_tags("web");
  url_project->add_tags("long");
  AddProject(report, HexId(), "R&D <Q3> \"draft\"", 15)
      ->set_status(echo::usage::v1::PROJECT_STATUS_PAUSED);
  AddProject(report, LongWord(), "Jane Doe", 10);
  for (int i = 1; i <= generic_projects; ++i) {
    AddProject(report, GenericProjectName(i), "Zoë Ångström", i % 7);
  }

  AddNote(report, echo::usage::v1::DATA_QUALITY_KIND_ESTIMATED_DURATIONS, 17,
          "17 conversation durations were estimated from their chunks.");
  AddNote(report, echo::usage::v1::DATA_QUALITY_KIND_UNPARSABLE_VALUES, 2,
          "Values like <b>n/a</b> & \"?\" could not be parsed.");
  AddNote(report, echo::usage::v1::DATA_QUALITY_KIND_PERIOD_ADJUSTED, 0,
          "The end date was clamped to today.");
  return report;
}

void AddQueryTopics(UsageReport& report) {
  struct WordCount {
    const char* word;
    int64_t count;
  };
  constexpr WordCount kTopics[] = {
      {"interview", 120},
      {"meeting", 96},
      {"transcript", 80},
      {"synthesis", 72},
      {"participants", 60},
      {"会议", 55},
      {"feedback", 50},
      {"themes", 44},
      {"recording", 40},
      {"questions", 36},
      {"日本語", 33},
      {"insights", 30},
      {"community", 27},
      {"한국어", 25},
      {"workshop", 22},
      {"встреча", 20},
      {"συνάντηση", 18},
      {"consultation", 16},
      {"residents", 15},
      {"proposal", 14},
      {"gesprächsprotokollzusammenfassung", 12},
      {"policy", 11},
      {"energy", 10},
      {"housing", 9},
      {"mobility", 8},
      {"climate", 7},
      {"budget", 7},
      {"survey", 6},
      {"neighbourhood", 6},
      {"résumé", 5},
      {"agenda", 5},
      {"stakeholders", 4},
      {"priorities", 4},
      {"dialogue", 3},
      {"municipality", 3},
      {"youth", 3},
      {"safety", 2},
      {"traffic", 2},
      {"parks", 1},
      {"library", 1},
  };
  for (const WordCount& topic : kTopics) {
    echo::usage::v1::QueryTopic* added = report.add_query_topics();
    added->set_word(topic.word);
    added->set_count(topic.count);
  }
}

UsageReport TextSafetyReport() {
  UsageReport report = SampleReport(20);
  AddProject(report, "한국어", "한국어", 5);
  AddProject(report, "Проект Альфа", "Пётр Иванов", 4);
  AddProject(report, "Έργο Βήτα", "Άννα Ρήγα", 3);
  AddQueryTopics(report);
  return report;
}

UsageReport AllTimeReport() {
  UsageReport report;
  AddUser(report, "u1", "Jane Doe");
  report.set_time_zone("UTC");
  report.mutable_as_of()->set_seconds(kAsOfSeconds);
  report.mutable_period()->set_preset(echo::usage::v1::PERIOD_PRESET_ALL_TIME);
  report.mutable_provenance()->mutable_generated_at()->set_seconds(
      kAsOfSeconds);
  SetFigures(report);
  report.clear_trends();
  AddProject(report, "Only project", "Jane Doe", 3);
  AddProject(report, "", "Jane Doe", 0);
  return report;
}

void AddPreviousPeriod(UsageReport& report) {
  echo::usage::v1::ResolvedPeriod* previous = report.mutable_previous_period();
  previous->set_preset(echo::usage::v1::PERIOD_PRESET_CUSTOM);
  previous->set_start_date("2026-01-30");
  previous->set_end_date("2026-02-28");
  previous->set_days(30);

  echo::usage::v1::PeriodMetrics* before = report.mutable_previous_metrics();
  before->mutable_conversations()->set_count(1000);
  before->mutable_conversations()->set_total_duration_seconds(36000);
  before->mutable_chat()->set_messages(2500);
  echo::usage::v1::ReportMetrics* reports_before = before->mutable_reports();
  reports_before->set_created(4);
  reports_before->set_published(1);
  echo::usage::v1::ReportStatusCount* draft_before =
      reports_before->add_by_status();
  draft_before->set_status("draft");
  draft_before->set_count(2);

  echo::usage::v1::ReportMetrics* reports =
      report.mutable_metrics()->mutable_reports();
  reports->set_created(5);
  reports->set_published(2);
  reports->set_error(1);
  echo::usage::v1::ReportStatusCount* draft = reports->add_by_status();
  draft->set_status("draft");
  draft->set_count(3);
  echo::usage::v1::ReportStatusCount* archived = reports->add_by_status();
  archived->set_status("<archived>");
  archived->set_count(2);
}

void AddUserBreakdowns(UsageReport& report) {
  struct Row {
    const char* name;
    int64_t logins;
    int64_t conversations;
  };
  for (const Row& row : {Row{"总计", 2, 1}, Row{"Jane Doe", 12, 30},
                         Row{"R&D <Q3> \"draft\"", 20, 4}}) {
    echo::usage::v1::UserBreakdown* breakdown = report.add_user_breakdowns();
    breakdown->mutable_user()->set_display_name(row.name);
    breakdown->mutable_metrics()->mutable_logins()->set_total(row.logins);
    breakdown->mutable_metrics()->mutable_conversations()->set_count(
        row.conversations);
    // 5400 s is 1 h 30 min.
    breakdown->mutable_metrics()
        ->mutable_conversations()
        ->set_total_duration_seconds(5400);
    // 2026-03-27T09:00:00Z.
    breakdown->mutable_activity()->mutable_last_activity()->set_seconds(
        1774602000);
  }
}

void AddSampleInsights(UsageReport& report) {
  echo::usage::v1::Insights* insights = report.mutable_insights();
  echo::usage::v1::ExecutiveSummary* summary =
      insights->mutable_executive_summary();
  summary->set_source(echo::usage::v1::SUMMARY_SOURCE_TEMPLATE);
  summary->set_markdown(
      "The team held **1,234 conversations**, up from 1,100.\n\n"
      "- Chat is in *regular* use\n- Reports are rare");

  echo::usage::v1::Finding* dormant = insights->add_findings();
  dormant->set_kind(echo::usage::v1::FINDING_KIND_DORMANCY);
  dormant->set_severity(echo::usage::v1::FINDING_SEVERITY_CRITICAL);
  dormant->set_title("Dormant <b>account</b> & \"R&D\"");
  echo::usage::v1::FindingFigure* days = dormant->add_figures();
  days->set_label("Days since last activity");
  days->set_value(45);
  days->set_unit("days");

  echo::usage::v1::Finding* growth = insights->add_findings();
  growth->set_kind(echo::usage::v1::FINDING_KIND_TREND_BREAK);
  growth->set_severity(echo::usage::v1::FINDING_SEVERITY_POSITIVE);
  growth->set_title("Conversations rose sharply.");
  echo::usage::v1::FindingFigure* change = growth->add_figures();
  change->set_label("Change");
  change->set_value(12.3);
  change->set_unit("percent");

  insights->set_narrative_markdown(
      "## Narrative heading\n\nUse <script>alert(1)</script> and &amp; "
      "as **plain text**.\n\n1. First step\n2. Second step");
  report.mutable_provenance()->set_insight_status(
      echo::usage::v1::INSIGHT_STATUS_NOT_CONFIGURED);
  report.mutable_provenance()->set_insight_status_detail(
      "LLM__TEXT_FAST__MODEL is not set.");
}

}  // namespace usage::render::testing
