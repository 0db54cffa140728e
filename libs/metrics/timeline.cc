#include "metrics/timeline.h"

#include <algorithm>

#include "absl/time/civil_time.h"

namespace usage::metrics_internal {
namespace {

// Earliest and latest calendar day of the instants added to it.
class DaySpan {
 public:
  explicit DaySpan(absl::TimeZone zone) : zone_(zone) {}

  void Add(const std::optional<absl::Time>& t) {
    if (!t.has_value()) return;
    const absl::CivilDay day = DayOf(*t, zone_);
    if (!first_.has_value() || day < *first_) first_ = day;
    if (!last_.has_value() || day > *last_) last_ = day;
  }

  const std::optional<absl::CivilDay>& first() const { return first_; }
  const std::optional<absl::CivilDay>& last() const { return last_; }

 private:
  absl::TimeZone zone_;
  std::optional<absl::CivilDay> first_;
  std::optional<absl::CivilDay> last_;
};

Period MakeWindow(absl::CivilDay first, absl::CivilDay last,
                  absl::TimeZone zone) {
  Period window;
  window.preset = PeriodPreset::kCustom;
  window.first_day = first;
  window.last_day = last;
  window.start = StartOfDay(first, zone);
  window.end = StartOfDay(last + 1, zone);
  window.days = static_cast<int>(last - first + 1);
  return window;
}

// Returns the entry of the day of `t` in `days`, which starts at
// window.first_day, or nullptr when `t` is outside `window`.
DailyActivity* DayEntry(const std::optional<absl::Time>& t,
                        const Period& window, absl::TimeZone zone,
                        std::vector<DailyActivity>& days) {
  if (!InPeriod(t, window)) return nullptr;
  const absl::civil_diff_t index = DayOf(*t, zone) - window.first_day;
  if (index < 0 || index >= static_cast<absl::civil_diff_t>(days.size())) {
    return nullptr;
  }
  return &days[static_cast<size_t>(index)];
}

}  // namespace

std::optional<Period> TimelineWindow(const RowSet& included,
                                     const std::vector<Login>& logins,
                                     const Period& period,
                                     absl::TimeZone zone) {
  if (!period.all_time()) return period;

  DaySpan span(zone);
  for (const Project* row : included.projects) span.Add(row->created_at);
  for (const Conversation* row : included.conversations) {
    span.Add(row->created_at);
  }
  for (const Chat* row : included.chats) span.Add(row->created_at);
  for (const ProjectMessage& row : included.messages) {
    span.Add(row.message->created_at);
  }
  for (const ProjectReport* row : included.reports) span.Add(row->created_at);
  for (const Login& row : logins) span.Add(row.timestamp);
  if (!span.first().has_value()) return std::nullopt;

  // NOTE: one timestamp centuries off, such as year 1, would otherwise
  // make the timeline hundreds of thousands of days long and the report
  // larger than gRPC's default 4 MiB message limit. Spans of more than
  // kMaxTimelineYears years therefore lose their earliest days (30 years
  // of days and months take about 0.5 MB).
  const absl::CivilDay last = *span.last();
  const absl::CivilDay earliest(last.year() - kMaxTimelineYears, last.month(),
                                last.day());
  return MakeWindow(std::max(*span.first(), earliest), last, zone);
}

std::vector<DailyActivity> BuildDailyActivity(const RowSet& included,
                                              const std::vector<Login>& logins,
                                              const Period& window,
                                              absl::TimeZone zone) {
  std::vector<DailyActivity> days(static_cast<size_t>(window.days));
  for (size_t i = 0; i < days.size(); ++i) {
    days[i].day = window.first_day + static_cast<absl::civil_diff_t>(i);
  }

  for (const Conversation* conversation : included.conversations) {
    DailyActivity* day = DayEntry(conversation->created_at, window, zone, days);
    if (day == nullptr) continue;
    ++day->conversations;
    day->duration_seconds += ConversationDuration(*conversation).first;
  }
  for (const Chat* chat : included.chats) {
    DailyActivity* day = DayEntry(chat->created_at, window, zone, days);
    if (day != nullptr) ++day->chat_sessions_started;
  }
  for (const ProjectMessage& entry : included.messages) {
    DailyActivity* day =
        DayEntry(entry.message->created_at, window, zone, days);
    if (day != nullptr) ++day->messages;
  }
  for (const Login& login : logins) {
    DailyActivity* day = DayEntry(login.timestamp, window, zone, days);
    if (day != nullptr) ++day->logins;
  }

  int64_t cumulative = 0;
  for (DailyActivity& day : days) {
    cumulative += day.conversations;
    day.cumulative_conversations = cumulative;
  }
  return days;
}

Timeline BuildTimeline(const RowSet& included, const std::vector<Login>& logins,
                       const std::vector<ProjectRow>& table,
                       const Period& period, absl::TimeZone zone) {
  Timeline timeline;
  const std::optional<Period> window =
      TimelineWindow(included, logins, period, zone);
  if (!window.has_value()) return timeline;

  timeline.days = BuildDailyActivity(included, logins, *window, zone);
  timeline.projects = BuildProjectTimelines(included, table, *window, zone);
  timeline.months = BuildMonthlyActivity(included, logins, *window, zone);
  return timeline;
}

}  // namespace usage::metrics_internal
