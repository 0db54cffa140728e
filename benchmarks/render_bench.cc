// Measures RenderPdf on a small report and on a large crafted one.
//
// Run: render_bench --benchmark_min_time=2
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "benchmark/benchmark.h"
#include "echo/usage/v1/usage_service.pb.h"
#include "render/pdf_report.h"

namespace usage::render {
namespace {

using ::echo::usage::v1::UsageReport;

// 2026-11-30T12:00:00Z.
constexpr int64_t kAsOfSeconds = 1796040000;
constexpr int64_t kSecondsPerDay = 86400;

struct ReportSize {
  int projects = 0;
  int months = 0;
  int topics = 0;
  int users = 0;
};

std::string DateOfDay(int days_before_as_of) {
  const absl::Time day =
      absl::FromUnixSeconds(kAsOfSeconds - days_before_as_of * kSecondsPerDay);
  return absl::FormatTime("%Y-%m-%d", day, absl::UTCTimeZone());
}

void AddFigures(UsageReport& report, const ReportSize& size) {
  echo::usage::v1::PeriodMetrics* metrics = report.mutable_metrics();
  metrics->mutable_conversations()->set_count(size.projects * 12);
  metrics->mutable_conversations()->set_total_duration_seconds(size.projects *
                                                               12 * 900.0);
  metrics->mutable_chat()->set_active_sessions(size.projects * 3);
  metrics->mutable_chat()->set_messages(size.projects * 20);
  metrics->mutable_projects()->set_owned(size.projects);
  metrics->mutable_logins()->set_total(size.users * 30);
  *report.mutable_previous_metrics() = *metrics;
}

void AddTimeline(UsageReport& report, const ReportSize& size) {
  echo::usage::v1::Timeline* timeline = report.mutable_timeline();
  const int days = size.months * 30;
  for (int i = days - 1; i >= 0; --i) {
    echo::usage::v1::DailyActivity* day = timeline->add_days();
    day->set_date(DateOfDay(i));
    day->set_conversations(i % 9);
    day->set_duration_seconds((i % 9) * 900.0);
    day->set_chat_sessions_started(i % 4);
    day->set_messages(i % 23);
    day->set_logins(i % 3);
  }
  for (int m = 0; m < size.months; ++m) {
    echo::usage::v1::MonthlyActivity* month = timeline->add_months();
    month->set_month(DateOfDay((size.months - 1 - m) * 30).substr(0, 7));
    month->set_conversations(100 + m * 7);
    month->set_recorded(70 + m * 5);
    month->set_uploaded(20 + m);
    month->set_empty(10 + m);
    month->set_duration_seconds((100 + m * 7) * 900.0);
    month->set_chats(30 + m);
    month->set_messages(200 + m * 11);
  }
}

UsageReport CraftReport(const ReportSize& size) {
  UsageReport report;
  report.set_time_zone("Europe/Amsterdam");
  report.mutable_as_of()->set_seconds(kAsOfSeconds);
  report.mutable_provenance()->mutable_generated_at()->set_seconds(
      kAsOfSeconds);
  echo::usage::v1::ResolvedPeriod* period = report.mutable_period();
  period->set_preset(echo::usage::v1::PERIOD_PRESET_CUSTOM);
  period->set_start_date(DateOfDay(size.months * 30 - 1));
  period->set_end_date(DateOfDay(0));
  period->set_days(size.months * 30);

  for (int i = 0; i < size.users; ++i) {
    echo::usage::v1::User* user = report.add_users();
    user->set_id(absl::StrCat("u", i));
    user->set_display_name(absl::StrCat("User number ", i));
    if (size.users > 1) {
      echo::usage::v1::UserBreakdown* breakdown = report.add_user_breakdowns();
      *breakdown->mutable_user() = *user;
      breakdown->mutable_metrics()->mutable_logins()->set_total(30 - i);
    }
  }
  AddFigures(report, size);
  AddTimeline(report, size);
  for (int i = 0; i < size.projects; ++i) {
    echo::usage::v1::ProjectRow* project = report.add_projects();
    project->set_id(absl::StrCat("p", i));
    project->set_name(absl::StrCat("Project ", i, " with a descriptive name"));
    project->set_owner("User number 0");
    project->add_tags("interviews");
    project->set_conversations(12);
    project->set_duration_seconds(12 * 900.0);
  }
  for (int i = 0; i < size.topics; ++i) {
    echo::usage::v1::QueryTopic* topic = report.add_query_topics();
    topic->set_word(absl::StrCat("topic", i));
    topic->set_count(size.topics * 3 - i);
  }
  echo::usage::v1::Insights* insights = report.mutable_insights();
  insights->mutable_executive_summary()->set_source(
      echo::usage::v1::SUMMARY_SOURCE_TEMPLATE);
  insights->mutable_executive_summary()->set_markdown(
      "The team held **many conversations**.\n\n- Chat is in use\n- Reports "
      "are rare");
  return report;
}

void RenderReport(benchmark::State& state, const ReportSize& size) {
  const UsageReport report = CraftReport(size);
  int pages = 0;
  size_t bytes = 0;
  for (auto _ : state) {
    absl::StatusOr<RenderedPdf> pdf = RenderPdf(report, PdfOptions{});
    if (!pdf.ok()) {
      state.SkipWithError(std::string(pdf.status().message()).c_str());
      return;
    }
    pages = pdf->page_count;
    bytes = pdf->bytes.size();
    benchmark::DoNotOptimize(pdf->bytes.data());
  }
  state.counters["pages"] = pages;
  state.counters["pdf_kib"] = static_cast<double>(bytes) / 1024;
}

// 3 projects over one month, one user, 10 topics.
void BM_RenderPdfSmall(benchmark::State& state) {
  RenderReport(
      state, ReportSize{.projects = 3, .months = 1, .topics = 10, .users = 1});
}
BENCHMARK(BM_RenderPdfSmall)->Unit(benchmark::kMillisecond);

// 300 projects over twelve months, ten users, 50 topics.
void BM_RenderPdfLarge(benchmark::State& state) {
  RenderReport(
      state,
      ReportSize{.projects = 300, .months = 12, .topics = 50, .users = 10});
}
BENCHMARK(BM_RenderPdfLarge)->Unit(benchmark::kMillisecond);

// 3,000 projects over twelve months, ten users, 50 topics: a project table
// of about a hundred pages.
void BM_RenderPdfManyProjects(benchmark::State& state) {
  RenderReport(
      state,
      ReportSize{.projects = 3000, .months = 12, .topics = 50, .users = 10});
}
BENCHMARK(BM_RenderPdfManyProjects)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace usage::render

BENCHMARK_MAIN();
