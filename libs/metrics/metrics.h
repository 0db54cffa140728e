// Usage metrics of an account: pure functions from typed records and a
// resolved period to typed figures. Nothing here knows about HTTP or gRPC.
#ifndef USAGE_METRICS_METRICS_H_
#define USAGE_METRICS_METRICS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "period/period.h"
#include "records/records.h"

namespace usage {

// Seconds of audio assumed per chunk when a duration is estimated.
inline constexpr double kSecondsPerChunk = 30.0;
// Speaking rate used to estimate a duration from transcript words.
inline constexpr double kWordsPerMinute = 150.0;

struct ConversationMetrics {
  int64_t count = 0;
  double total_duration_seconds = 0;
  int64_t recorded_duration_count = 0;
  double recorded_duration_seconds = 0;
  int64_t estimated_duration_count = 0;
  double estimated_duration_seconds = 0;
  double mean_duration_seconds = 0;
  double p50_duration_seconds = 0;
  double p90_duration_seconds = 0;
  int64_t chunks = 0;
  double mean_chunks_per_conversation = 0;
  int64_t with_content = 0;
  int64_t empty = 0;
  int64_t uploaded = 0;
  int64_t recorded = 0;
};

// User messages by length in Unicode code points.
struct MessageLengthBands {
  int64_t under_50 = 0;
  int64_t from_50_to_199 = 0;
  int64_t from_200 = 0;
};

struct ChatMetrics {
  int64_t active_sessions = 0;
  int64_t sessions_created = 0;
  int64_t messages = 0;
  int64_t user_messages = 0;
  int64_t assistant_messages = 0;
  // Sum of tokens_count, null as 0, clamped to the range of int64_t.
  int64_t tokens = 0;
  double mean_messages_per_session = 0;
  double p50_messages_per_session = 0;
  double p90_messages_per_session = 0;
  double queries_per_session = 0;
  MessageLengthBands user_message_lengths;
};

struct ProjectMetrics {
  int64_t owned = 0;
  int64_t created = 0;
  int64_t active = 0;
  double mean_conversations_per_project = 0;
  double p90_conversations_per_project = 0;
};

struct ReportStatusCount {
  std::string status;
  int64_t count = 0;
};

struct ReportMetrics {
  int64_t created = 0;
  int64_t published = 0;
  int64_t error = 0;
  std::vector<ReportStatusCount> by_status;  // ordered by status
};

enum class UsageBand { kNone, kLow, kMedium, kHigh, kPower };

struct DailyCount {
  absl::CivilDay day;
  int64_t count = 0;
};

struct UserDailyCount {
  std::string user_id;
  absl::CivilDay day;
  int64_t count = 0;
};

struct LoginMetrics {
  int64_t total = 0;
  int64_t active_days = 0;
  int64_t unique_users = 0;
  double mean_per_active_day = 0;
  double mean_per_user = 0;
  double per_week = 0;
  UsageBand band = UsageBand::kNone;
  std::vector<DailyCount> daily;  // days with logins, in order
  // Logins per local hour of the day; index 0 is 00:00-00:59.
  std::array<int64_t, 24> hour_histogram = {};
  // Days with logins, ordered by user id, then day.
  std::vector<UserDailyCount> daily_per_user;
};

struct PeriodMetrics {
  ConversationMetrics conversations;
  ChatMetrics chat;
  ProjectMetrics projects;
  ReportMetrics reports;
  LoginMetrics logins;
};

struct FeatureAdoption {
  bool uses_conversations = false;
  int64_t conversations = 0;
  bool uses_chat = false;
  int64_t chat_messages = 0;
  bool uses_reports = false;
  int64_t reports = 0;
  bool uses_tags = false;
  int64_t tags = 0;
};

enum class TrendMetric {
  kProjects,
  kConversations,
  kDuration,
  kLogins,
  kChatSessions,
  kMessages,
  kReports,
};

enum class TrendDirection { kUp, kDown, kFlat, kNew };

struct Trend {
  TrendMetric metric = TrendMetric::kConversations;
  double current = 0;
  double previous = 0;
  std::optional<double> percent_change;  // unset when previous is 0
  TrendDirection direction = TrendDirection::kFlat;
};

struct Activity {
  ActivityBounds bounds;
  std::optional<absl::Time> first_activity;
  std::optional<absl::Time> last_activity;
  // Calendar days in the report's zone from last_activity to as_of.
  std::optional<int> days_since_last_activity;
};

struct ProjectRow {
  std::string id;
  std::string name;
  std::string owner;  // display name of the owner
  std::vector<std::string> tags;
  int64_t conversations = 0;
  double duration_seconds = 0;
  int64_t chat_sessions = 0;
  int64_t messages = 0;
  int64_t user_messages = 0;
  std::optional<absl::Time> created_at;
  bool active = true;  // conversations allowed
};

struct DataQuality {
  int64_t estimated_durations = 0;
  int64_t conversations_without_chunks = 0;
  int64_t soft_deleted_excluded = 0;
  int64_t missing_timestamps = 0;
  int64_t unparsable_values = 0;
};

// A word of user chat messages and its number of occurrences.
struct QueryTopic {
  std::string word;
  int64_t count = 0;
};

// Activity on one calendar day in the report's zone.
struct DailyActivity {
  absl::CivilDay day;
  int64_t conversations = 0;
  double duration_seconds = 0;
  int64_t chat_sessions_started = 0;
  int64_t messages = 0;
  int64_t logins = 0;
  // Conversations of the timeline up to and including this day.
  int64_t cumulative_conversations = 0;
};

struct ProjectDay {
  absl::CivilDay day;
  int64_t conversations = 0;
  double duration_seconds = 0;
};

// The days on which one project had conversations, in order.
struct ProjectTimeline {
  std::string project_id;
  std::string project_name;
  std::vector<ProjectDay> days;
};

// Activity in one calendar month; the conversation split follows
// ConversationMetrics.
struct MonthlyActivity {
  absl::CivilMonth month;
  int64_t conversations = 0;
  int64_t empty = 0;
  int64_t uploaded = 0;
  int64_t with_content = 0;
  int64_t recorded = 0;
  double duration_seconds = 0;
  int64_t chats = 0;  // chat sessions created
  int64_t messages = 0;
  int64_t user_messages = 0;
  int64_t logins = 0;
};

// The current period's activity over time.
struct Timeline {
  // Every day of the period, days without activity included. For all
  // time, every day from the first to the last conversation, chat, message
  // or login, at most the last 30 years of them (kMaxTimelineYears).
  std::vector<DailyActivity> days;
  // Projects with conversations in the period, in projects table order.
  std::vector<ProjectTimeline> projects;
  // Every month that overlaps `days`, in order.
  std::vector<MonthlyActivity> months;
};

// The figures of one selected user: their own projects and logins.
struct UserBreakdown {
  User user;
  PeriodMetrics metrics;
  FeatureAdoption features;
  Activity activity;
};

// Everything the metrics layer computes for one report.
struct UsageMetrics {
  PeriodMetrics current;
  std::optional<PeriodMetrics> previous;  // unset for all time
  std::vector<Trend> trends;              // empty for all time
  FeatureAdoption features;
  Activity activity;
  std::vector<ProjectRow> projects;
  DataQuality quality;
  // Days of the period; for all time, the days from the first to the last
  // event in the data (0 without events).
  int effective_days = 0;
  // The 50 most frequent topic words of user messages in the current
  // period, by count (descending), then word.
  std::vector<QueryTopic> query_topics;
  Timeline timeline;
  // One entry per selected user, in the order of `users`, when more than
  // one distinct user is selected; empty otherwise.
  std::vector<UserBreakdown> user_breakdowns;
};

// Computes every figure of `data` for `periods` in `zone`. `users` are the
// selected users, used for owner names and the per-user breakdowns; a user
// id given twice counts once. Rows of `data` that repeat the non-empty id of
// an earlier row of the same collection are ignored, so each project,
// conversation, chat, message, report and login counts once.
UsageMetrics ComputeUsage(const AccountData& data,
                          const std::vector<User>& users,
                          const ResolvedPeriods& periods, absl::TimeZone zone,
                          absl::Time as_of);

// Returns the duration of `conversation` in seconds and whether it was
// estimated: the recorded duration when above 0 and at most
// kMaxRecordedDurationSeconds, else the larger of 30 s per chunk and 60 s
// per 150 transcript words.
std::pair<double, bool> ConversationDuration(const Conversation& conversation);

// Returns the `percent`th percentile of `values` with linear interpolation
// between closest ranks (NumPy's default); 0 for an empty sample.
double Percentile(std::vector<double> values, double percent);

// Returns the band of a logins-per-week rate: above 8 power, from 5 high,
// from 1 medium, above 0 low, else none.
UsageBand BandForLoginsPerWeek(double per_week);

// Compares `current` with `previous`.
Trend MakeTrend(TrendMetric metric, double current, double previous);

}  // namespace usage

#endif  // USAGE_METRICS_METRICS_H_
