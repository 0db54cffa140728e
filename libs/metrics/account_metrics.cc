#include "metrics/account_metrics.h"

#include <algorithm>
#include <optional>

#include "metrics/period_metrics.h"

namespace usage::metrics_internal {
namespace {

// Returns the earlier of two instants, ignoring an unset one.
std::optional<absl::Time> Earlier(std::optional<absl::Time> a,
                                  std::optional<absl::Time> b) {
  if (!a.has_value()) return b;
  if (!b.has_value()) return a;
  return std::min(*a, *b);
}

// Returns the later of two instants, ignoring an unset one.
std::optional<absl::Time> Later(std::optional<absl::Time> a,
                                std::optional<absl::Time> b) {
  if (!a.has_value()) return b;
  if (!b.has_value()) return a;
  return std::max(*a, *b);
}

// Earliest and latest of the instants added to it.
struct Span {
  std::optional<absl::Time> first;
  std::optional<absl::Time> last;

  void Add(const std::optional<absl::Time>& t) {
    first = Earlier(first, t);
    last = Later(last, t);
  }
};

}  // namespace

FeatureAdoption ComputeFeatureAdoption(const PeriodMetrics& current,
                                       const RowSet& included,
                                       const Period& period) {
  FeatureAdoption features;
  features.conversations = current.conversations.count;
  features.uses_conversations = features.conversations > 0;
  features.chat_messages = current.chat.messages;
  features.uses_chat = features.chat_messages > 0;
  features.reports = current.reports.created;
  features.uses_reports = features.reports > 0;
  for (const Project* project : included.projects) {
    if (IsOwned(*project, period)) {
      features.tags += static_cast<int64_t>(project->tags.size());
    }
  }
  features.uses_tags = features.tags > 0;
  return features;
}

Activity ComputeActivity(const ActivityBounds& bounds, absl::TimeZone zone,
                         absl::Time as_of) {
  Activity activity;
  activity.bounds = bounds;
  for (const TimeBounds* kind : {&bounds.projects, &bounds.conversations,
                                 &bounds.chats, &bounds.logins}) {
    activity.first_activity = Earlier(activity.first_activity, kind->first);
    activity.last_activity = Later(activity.last_activity, kind->last);
  }
  if (activity.last_activity.has_value()) {
    activity.days_since_last_activity = static_cast<int>(
        DayOf(as_of, zone) - DayOf(*activity.last_activity, zone));
  }
  return activity;
}

int CountEffectiveDays(const RowSet& included, const std::vector<Login>& logins,
                       const Period& period, absl::TimeZone zone) {
  if (!period.all_time()) return period.days;

  Span span;
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

  if (!span.first.has_value()) return 0;
  return static_cast<int>(DayOf(*span.last, zone) - DayOf(*span.first, zone) +
                          1);
}

}  // namespace usage::metrics_internal
