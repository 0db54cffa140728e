// Usage metrics of an account: pure functions from typed records and a
// resolved period to typed figures. Nothing here knows about HTTP or gRPC.
#ifndef USAGE_METRICS_METRICS_H_
#define USAGE_METRICS_METRICS_H_

#include <cstdint>
#include <optional>
#include <string>
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

struct LoginMetrics {
  int64_t total = 0;
  int64_t active_days = 0;
  int64_t unique_users = 0;
  double mean_per_active_day = 0;
  double mean_per_user = 0;
  double per_week = 0;
  UsageBand band = UsageBand::kNone;
  std::vector<DailyCount> daily;  // days with logins, in order
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
};

// Computes every figure of `data` for `periods` in `zone`. `users` are the
// selected users, used for owner names.
UsageMetrics ComputeUsage(const AccountData& data,
                          const std::vector<User>& users,
                          const ResolvedPeriods& periods, absl::TimeZone zone,
                          absl::Time as_of);

// Returns the duration of `conversation` in seconds and whether it was
// estimated: the recorded duration when above 0, else the larger of 30 s per
// chunk and 60 s per 150 transcript words.
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
