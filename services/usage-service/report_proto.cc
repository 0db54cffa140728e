#include "report_proto.h"

#include "absl/strings/string_view.h"
#include "absl/strings/str_cat.h"

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

  v1::LoginMetrics& logins = *out.mutable_logins();
  logins.set_total(in.logins.total);
  logins.set_active_days(in.logins.active_days);
  logins.set_unique_users(in.logins.unique_users);
  logins.set_mean_per_active_day(in.logins.mean_per_active_day);
  logins.set_mean_per_user(in.logins.mean_per_user);
  logins.set_per_week(in.logins.per_week);
  logins.set_band(ToProto(in.logins.band));
  for (const DailyCount& day : in.logins.daily) {
    v1::DailyCount& row = *logins.add_daily();
    row.set_date(FormatDate(day.day));
    row.set_count(day.count);
  }
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
  SetOptionalTimestamp(in.bounds.chats.first,
                       &v1::Activity::mutable_first_chat, out);
  SetOptionalTimestamp(in.bounds.chats.last, &v1::Activity::mutable_last_chat,
                       out);
  SetOptionalTimestamp(in.bounds.logins.first,
                       &v1::Activity::mutable_first_login, out);
  SetOptionalTimestamp(in.bounds.logins.last,
                       &v1::Activity::mutable_last_login, out);
  SetOptionalTimestamp(in.first_activity,
                       &v1::Activity::mutable_first_activity, out);
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
  AddNote(v1::DATA_QUALITY_KIND_ESTIMATED_DURATIONS,
          quality.estimated_durations,
          absl::StrCat(Plural(quality.estimated_durations, "conversation",
                              "conversations"),
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
          absl::StrCat(Plural(quality.soft_deleted_excluded, "row was",
                              "rows were"),
                       " left out because they, or their project or chat, "
                       "are deleted."),
          report);
  AddNote(v1::DATA_QUALITY_KIND_MISSING_TIMESTAMPS,
          quality.missing_timestamps,
          absl::StrCat(Plural(quality.missing_timestamps, "row has",
                              "rows have"),
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

}  // namespace

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
  FillPeriod(periods.current, metrics.effective_days,
             *report.mutable_period());
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

  v1::FeatureAdoption& features = *report.mutable_features();
  features.set_uses_conversations(metrics.features.uses_conversations);
  features.set_conversations(metrics.features.conversations);
  features.set_uses_chat(metrics.features.uses_chat);
  features.set_chat_messages(metrics.features.chat_messages);
  features.set_uses_reports(metrics.features.uses_reports);
  features.set_reports(metrics.features.reports);
  features.set_uses_tags(metrics.features.uses_tags);
  features.set_tags(metrics.features.tags);

  FillActivity(metrics.activity, *report.mutable_activity());
  FillProjects(metrics.projects, report);
  FillDataQuality(metrics.quality, period_notes, report);
}

}  // namespace usage
