#include "report_proto.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"

namespace usage {
namespace {

namespace v1 = echo::usage::v1;

v1::PeriodPreset ToProto(PeriodPreset preset) {
  switch (preset) {
    case PeriodPreset::kMonthToDate:
      return v1::PERIOD_PRESET_MONTH_TO_DATE;
    case PeriodPreset::kYearToDate:
      return v1::PERIOD_PRESET_YEAR_TO_DATE;
    case PeriodPreset::kLast30Days:
      return v1::PERIOD_PRESET_LAST_30_DAYS;
    case PeriodPreset::kLast90Days:
      return v1::PERIOD_PRESET_LAST_90_DAYS;
    case PeriodPreset::kCustom:
      return v1::PERIOD_PRESET_CUSTOM;
    case PeriodPreset::kAllTime:
      return v1::PERIOD_PRESET_ALL_TIME;
  }
  return v1::PERIOD_PRESET_UNSPECIFIED;
}

v1::UsageBand ToProto(UsageBand band) {
  switch (band) {
    case UsageBand::kNone:
      return v1::USAGE_BAND_NONE;
    case UsageBand::kLow:
      return v1::USAGE_BAND_LOW;
    case UsageBand::kMedium:
      return v1::USAGE_BAND_MEDIUM;
    case UsageBand::kHigh:
      return v1::USAGE_BAND_HIGH;
    case UsageBand::kPower:
      return v1::USAGE_BAND_POWER;
  }
  return v1::USAGE_BAND_UNSPECIFIED;
}

v1::TrendMetric ToProto(TrendMetric metric) {
  switch (metric) {
    case TrendMetric::kProjects:
      return v1::TREND_METRIC_PROJECTS;
    case TrendMetric::kConversations:
      return v1::TREND_METRIC_CONVERSATIONS;
    case TrendMetric::kDuration:
      return v1::TREND_METRIC_DURATION;
    case TrendMetric::kLogins:
      return v1::TREND_METRIC_LOGINS;
    case TrendMetric::kChatSessions:
      return v1::TREND_METRIC_CHAT_SESSIONS;
    case TrendMetric::kMessages:
      return v1::TREND_METRIC_MESSAGES;
    case TrendMetric::kReports:
      return v1::TREND_METRIC_REPORTS;
  }
  return v1::TREND_METRIC_UNSPECIFIED;
}

v1::TrendDirection ToProto(TrendDirection direction) {
  switch (direction) {
    case TrendDirection::kUp:
      return v1::TREND_DIRECTION_UP;
    case TrendDirection::kDown:
      return v1::TREND_DIRECTION_DOWN;
    case TrendDirection::kFlat:
      return v1::TREND_DIRECTION_FLAT;
    case TrendDirection::kNew:
      return v1::TREND_DIRECTION_NEW;
  }
  return v1::TREND_DIRECTION_UNSPECIFIED;
}

void FillConversations(const ConversationMetrics& in,
                       v1::ConversationMetrics& out) {
  out.set_count(in.count);
  out.set_total_duration_seconds(in.total_duration_seconds);
  out.set_recorded_duration_count(in.recorded_duration_count);
  out.set_recorded_duration_seconds(in.recorded_duration_seconds);
  out.set_estimated_duration_count(in.estimated_duration_count);
  out.set_estimated_duration_seconds(in.estimated_duration_seconds);
  out.set_mean_duration_seconds(in.mean_duration_seconds);
  out.set_p50_duration_seconds(in.p50_duration_seconds);
  out.set_p90_duration_seconds(in.p90_duration_seconds);
  out.set_chunks(in.chunks);
  out.set_mean_chunks_per_conversation(in.mean_chunks_per_conversation);
  out.set_with_content(in.with_content);
  out.set_empty(in.empty);
  out.set_uploaded(in.uploaded);
  out.set_recorded(in.recorded);
}

void FillChat(const ChatMetrics& in, v1::ChatMetrics& out) {
  out.set_active_sessions(in.active_sessions);
  out.set_sessions_created(in.sessions_created);
  out.set_messages(in.messages);
  out.set_user_messages(in.user_messages);
  out.set_assistant_messages(in.assistant_messages);
  out.set_tokens(in.tokens);
  out.set_mean_messages_per_session(in.mean_messages_per_session);
  out.set_p50_messages_per_session(in.p50_messages_per_session);
  out.set_p90_messages_per_session(in.p90_messages_per_session);
  out.set_queries_per_session(in.queries_per_session);
  v1::MessageLengthBands& lengths = *out.mutable_user_message_lengths();
  lengths.set_under_50(in.user_message_lengths.under_50);
  lengths.set_from_50_to_199(in.user_message_lengths.from_50_to_199);
  lengths.set_from_200(in.user_message_lengths.from_200);
}

void FillLogins(const LoginMetrics& in, v1::LoginMetrics& out) {
  out.set_total(in.total);
  out.set_active_days(in.active_days);
  out.set_unique_users(in.unique_users);
  out.set_mean_per_active_day(in.mean_per_active_day);
  out.set_mean_per_user(in.mean_per_user);
  out.set_per_week(in.per_week);
  out.set_band(ToProto(in.band));
  for (const DailyCount& day : in.daily) {
    v1::DailyCount& row = *out.add_daily();
    row.set_date(FormatDate(day.day));
    row.set_count(day.count);
  }
  for (int64_t count : in.hour_histogram) out.add_hour_histogram(count);
  for (const UserDailyCount& day : in.daily_per_user) {
    v1::UserDailyCount& row = *out.add_daily_per_user();
    row.set_user_id(day.user_id);
    row.set_date(FormatDate(day.day));
    row.set_count(day.count);
  }
}

void FillPeriodMetrics(const PeriodMetrics& in, v1::PeriodMetrics& out) {
  FillConversations(in.conversations, *out.mutable_conversations());
  FillChat(in.chat, *out.mutable_chat());

  v1::ProjectMetrics& projects = *out.mutable_projects();
  projects.set_owned(in.projects.owned);
  projects.set_created(in.projects.created);
  projects.set_active(in.projects.active);
  projects.set_mean_conversations_per_project(
      in.projects.mean_conversations_per_project);
  projects.set_p90_conversations_per_project(
      in.projects.p90_conversations_per_project);

  v1::ReportMetrics& reports = *out.mutable_reports();
  reports.set_created(in.reports.created);
  reports.set_published(in.reports.published);
  reports.set_error(in.reports.error);
  for (const ReportStatusCount& status : in.reports.by_status) {
    v1::ReportStatusCount& row = *reports.add_by_status();
    row.set_status(status.status);
    row.set_count(status.count);
  }

  FillLogins(in.logins, *out.mutable_logins());
}

void FillFeatures(const FeatureAdoption& in, v1::FeatureAdoption& out) {
  out.set_uses_conversations(in.uses_conversations);
  out.set_conversations(in.conversations);
  out.set_uses_chat(in.uses_chat);
  out.set_chat_messages(in.chat_messages);
  out.set_uses_reports(in.uses_reports);
  out.set_reports(in.reports);
  out.set_uses_tags(in.uses_tags);
  out.set_tags(in.tags);
}

void SetOptionalTimestamp(const std::optional<absl::Time>& t,
                          google::protobuf::Timestamp* (v1::Activity::*field)(),
                          v1::Activity& out) {
  if (t.has_value()) SetTimestamp(*t, *(out.*field)());
}

void FillActivity(const Activity& in, v1::Activity& out) {
  SetOptionalTimestamp(in.bounds.projects.first,
                       &v1::Activity::mutable_first_project, out);
  SetOptionalTimestamp(in.bounds.projects.last,
                       &v1::Activity::mutable_last_project, out);
  SetOptionalTimestamp(in.bounds.conversations.first,
                       &v1::Activity::mutable_first_conversation, out);
  SetOptionalTimestamp(in.bounds.conversations.last,
                       &v1::Activity::mutable_last_conversation, out);
  SetOptionalTimestamp(in.bounds.chats.first, &v1::Activity::mutable_first_chat,
                       out);
  SetOptionalTimestamp(in.bounds.chats.last, &v1::Activity::mutable_last_chat,
                       out);
  SetOptionalTimestamp(in.bounds.logins.first,
                       &v1::Activity::mutable_first_login, out);
  SetOptionalTimestamp(in.bounds.logins.last, &v1::Activity::mutable_last_login,
                       out);
  SetOptionalTimestamp(in.first_activity, &v1::Activity::mutable_first_activity,
                       out);
  SetOptionalTimestamp(in.last_activity, &v1::Activity::mutable_last_activity,
                       out);
  if (in.days_since_last_activity.has_value()) {
    out.set_days_since_last_activity(*in.days_since_last_activity);
  }
}

void AddNote(v1::DataQualityKind kind, int64_t count, std::string message,
             v1::UsageReport& report) {
  v1::DataQualityNote& note = *report.add_data_quality();
  note.set_kind(kind);
  note.set_count(count);
  note.set_message(std::move(message));
}

std::string Plural(int64_t count, absl::string_view one,
                   absl::string_view many) {
  return absl::StrCat(count, " ", count == 1 ? one : many);
}

// Adds one note per kind, also for a count of 0, so that a reader sees
// what was checked.
void FillDataQuality(const DataQuality& quality,
                     const std::vector<std::string>& period_notes,
                     v1::UsageReport& report) {
  AddNote(
      v1::DATA_QUALITY_KIND_ESTIMATED_DURATIONS, quality.estimated_durations,
      absl::StrCat(
          Plural(quality.estimated_durations, "conversation", "conversations"),
          " had no recorded duration; their duration was "
          "estimated from chunks and transcript words."),
      report);
  AddNote(v1::DATA_QUALITY_KIND_CONVERSATIONS_WITHOUT_CHUNKS,
          quality.conversations_without_chunks,
          absl::StrCat(Plural(quality.conversations_without_chunks,
                              "conversation has", "conversations have"),
                       " no audio chunks."),
          report);
  AddNote(v1::DATA_QUALITY_KIND_SOFT_DELETED_EXCLUDED,
          quality.soft_deleted_excluded,
          absl::StrCat(
              Plural(quality.soft_deleted_excluded, "row was", "rows were"),
              " left out because they, or their project or chat, "
              "are deleted."),
          report);
  AddNote(
      v1::DATA_QUALITY_KIND_MISSING_TIMESTAMPS, quality.missing_timestamps,
      absl::StrCat(Plural(quality.missing_timestamps, "row has", "rows have"),
                   " no timestamp; they are left out of every figure "
                   "that needs one."),
      report);
  AddNote(v1::DATA_QUALITY_KIND_UNPARSABLE_VALUES, quality.unparsable_values,
          absl::StrCat(Plural(quality.unparsable_values, "value", "values"),
                       " could not be parsed and were treated as missing."),
          report);
  for (const std::string& note : period_notes) {
    AddNote(v1::DATA_QUALITY_KIND_PERIOD_ADJUSTED, 1, note, report);
  }
}

void FillProjects(const std::vector<ProjectRow>& rows,
                  v1::UsageReport& report) {
  for (const ProjectRow& row : rows) {
    v1::ProjectRow& out = *report.add_projects();
    out.set_id(row.id);
    out.set_name(row.name);
    out.set_owner(row.owner);
    for (const std::string& tag : row.tags) out.add_tags(tag);
    out.set_conversations(row.conversations);
    out.set_duration_seconds(row.duration_seconds);
    out.set_chat_sessions(row.chat_sessions);
    out.set_messages(row.messages);
    out.set_user_messages(row.user_messages);
    if (row.created_at.has_value()) {
      SetTimestamp(*row.created_at, *out.mutable_created_at());
    }
    out.set_status(row.active ? v1::PROJECT_STATUS_ACTIVE
                              : v1::PROJECT_STATUS_PAUSED);
  }
}

void FillDays(const std::vector<DailyActivity>& days, v1::Timeline& out) {
  for (const DailyActivity& day : days) {
    v1::DailyActivity& row = *out.add_days();
    row.set_date(FormatDate(day.day));
    row.set_conversations(day.conversations);
    row.set_duration_seconds(day.duration_seconds);
    row.set_chat_sessions_started(day.chat_sessions_started);
    row.set_messages(day.messages);
    row.set_logins(day.logins);
    row.set_cumulative_conversations(day.cumulative_conversations);
  }
}

void FillProjectTimelines(const std::vector<ProjectTimeline>& projects,
                          v1::Timeline& out) {
  for (const ProjectTimeline& project : projects) {
    v1::ProjectTimeline& row = *out.add_projects();
    row.set_project_id(project.project_id);
    row.set_project_name(project.project_name);
    for (const ProjectDay& day : project.days) {
      v1::ProjectDay& day_row = *row.add_days();
      day_row.set_date(FormatDate(day.day));
      day_row.set_conversations(day.conversations);
      day_row.set_duration_seconds(day.duration_seconds);
    }
  }
}

void FillMonths(const std::vector<MonthlyActivity>& months, v1::Timeline& out) {
  for (const MonthlyActivity& month : months) {
    v1::MonthlyActivity& row = *out.add_months();
    row.set_month(
        absl::StrFormat("%04d-%02d", month.month.year(), month.month.month()));
    row.set_conversations(month.conversations);
    row.set_empty(month.empty);
    row.set_uploaded(month.uploaded);
    row.set_with_content(month.with_content);
    row.set_recorded(month.recorded);
    row.set_duration_seconds(month.duration_seconds);
    row.set_chats(month.chats);
    row.set_messages(month.messages);
    row.set_user_messages(month.user_messages);
    row.set_logins(month.logins);
  }
}

void FillTimeline(const Timeline& in, v1::Timeline& out) {
  FillDays(in.days, out);
  FillProjectTimelines(in.projects, out);
  FillMonths(in.months, out);
}

}  // namespace

void FillPeriod(const Period& period, int effective_days,
                v1::ResolvedPeriod& out) {
  out.set_preset(ToProto(period.preset));
  if (period.all_time()) {
    out.set_days(effective_days);
    return;
  }
  out.set_start_date(FormatDate(period.first_day));
  out.set_end_date(FormatDate(period.last_day));
  SetTimestamp(period.start, *out.mutable_start_time());
  SetTimestamp(period.end, *out.mutable_end_time());
  out.set_days(period.days);
}

void SetTimestamp(absl::Time t, google::protobuf::Timestamp& out) {
  int64_t seconds = absl::ToUnixSeconds(t);
  out.set_seconds(seconds);
  out.set_nanos(static_cast<int32_t>(
      absl::ToInt64Nanoseconds(t - absl::FromUnixSeconds(seconds))));
}

v1::User ToProto(const User& user) {
  v1::User out;
  out.set_id(user.id);
  if (user.email) out.set_email(*user.email);
  if (user.first_name) out.set_first_name(*user.first_name);
  if (user.last_name) out.set_last_name(*user.last_name);
  out.set_display_name(user.DisplayName());
  return out;
}

void FillReport(const UsageMetrics& metrics, const ResolvedPeriods& periods,
                const std::vector<std::string>& period_notes,
                v1::UsageReport& report) {
  FillPeriod(periods.current, metrics.effective_days, *report.mutable_period());
  FillPeriodMetrics(metrics.current, *report.mutable_metrics());
  if (periods.previous.has_value() && metrics.previous.has_value()) {
    FillPeriod(*periods.previous, periods.previous->days,
               *report.mutable_previous_period());
    FillPeriodMetrics(*metrics.previous, *report.mutable_previous_metrics());
  }
  for (const Trend& trend : metrics.trends) {
    v1::Trend& out = *report.add_trends();
    out.set_metric(ToProto(trend.metric));
    out.set_current(trend.current);
    out.set_previous(trend.previous);
    if (trend.percent_change.has_value()) {
      out.set_percent_change(*trend.percent_change);
    }
    out.set_direction(ToProto(trend.direction));
  }

  FillFeatures(metrics.features, *report.mutable_features());
  FillActivity(metrics.activity, *report.mutable_activity());
  FillProjects(metrics.projects, report);
  FillDataQuality(metrics.quality, period_notes, report);

  for (const QueryTopic& topic : metrics.query_topics) {
    v1::QueryTopic& out = *report.add_query_topics();
    out.set_word(topic.word);
    out.set_count(topic.count);
  }
  FillTimeline(metrics.timeline, *report.mutable_timeline());
  for (const UserBreakdown& breakdown : metrics.user_breakdowns) {
    v1::UserBreakdown& out = *report.add_user_breakdowns();
    *out.mutable_user() = ToProto(breakdown.user);
    FillPeriodMetrics(breakdown.metrics, *out.mutable_metrics());
    FillFeatures(breakdown.features, *out.mutable_features());
    FillActivity(breakdown.activity, *out.mutable_activity());
  }
}

}  // namespace usage
