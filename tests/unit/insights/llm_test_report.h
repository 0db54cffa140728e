// A usage report with known figures for the tests of the LLM side of the
// insights: prompt, number check and the insight writer.
#ifndef USAGE_TESTS_UNIT_INSIGHTS_LLM_TEST_REPORT_H_
#define USAGE_TESTS_UNIT_INSIGHTS_LLM_TEST_REPORT_H_

#include <string>

#include "echo/usage/v1/usage_service.pb.h"

namespace usage::insights::testing {

// One user, 2026-03-01 to 2026-03-30 in UTC, with:
// - 14 conversations (9 before, so +55.555... %), 14,074,920 s of audio
//   (3909.7 hours; 234,582 minutes);
// - 250 chat messages in 20 active sessions, 3 reports;
// - 7 logins on 4 active days, 31 days since the last activity;
// - projects "Harbour listening sessions" (10 conversations) and
//   "Youth council" (4).
inline echo::usage::v1::UsageReport LlmTestReport() {
  namespace v1 = echo::usage::v1;
  v1::UsageReport report;
  v1::User& user = *report.add_users();
  user.set_id("user-1");
  user.set_email("jane.doe@harbour.example");
  user.set_display_name("Jane Doe");
  report.set_time_zone("UTC");
  report.mutable_period()->set_preset(v1::PERIOD_PRESET_CUSTOM);
  report.mutable_period()->set_start_date("2026-03-01");
  report.mutable_period()->set_end_date("2026-03-30");
  report.mutable_period()->set_days(30);
  report.mutable_previous_period()->set_start_date("2026-01-30");
  report.mutable_previous_period()->set_end_date("2026-02-28");
  report.mutable_previous_period()->set_days(30);

  v1::PeriodMetrics& metrics = *report.mutable_metrics();
  metrics.mutable_conversations()->set_count(14);
  metrics.mutable_conversations()->set_total_duration_seconds(14074920);
  metrics.mutable_conversations()->set_with_content(12);
  metrics.mutable_conversations()->set_empty(2);
  metrics.mutable_chat()->set_messages(250);
  metrics.mutable_chat()->set_active_sessions(20);
  metrics.mutable_reports()->set_created(3);
  metrics.mutable_logins()->set_total(7);
  metrics.mutable_logins()->set_active_days(4);
  report.mutable_previous_metrics()->mutable_conversations()->set_count(9);

  v1::Trend& trend = *report.add_trends();
  trend.set_metric(v1::TREND_METRIC_CONVERSATIONS);
  trend.set_current(14);
  trend.set_previous(9);
  trend.set_percent_change((14.0 - 9.0) / 9.0 * 100);
  trend.set_direction(v1::TREND_DIRECTION_UP);

  report.mutable_activity()->set_days_since_last_activity(31);
  report.mutable_features()->set_uses_conversations(true);
  report.mutable_features()->set_conversations(14);

  v1::ProjectRow& first = *report.add_projects();
  first.set_id("p1");
  first.set_name("Harbour listening sessions");
  first.set_owner("Jane Doe");
  first.set_conversations(10);
  v1::ProjectRow& second = *report.add_projects();
  second.set_id("p2");
  second.set_name("Youth council");
  second.set_owner("Jane Doe");
  second.set_conversations(4);

  v1::QueryTopic& topic = *report.add_query_topics();
  topic.set_word("housing");
  topic.set_count(17);
  return report;
}

}  // namespace usage::insights::testing

#endif  // USAGE_TESTS_UNIT_INSIGHTS_LLM_TEST_REPORT_H_
