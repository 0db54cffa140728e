#include <vector>

#include "absl/time/civil_time.h"
#include "metrics/period_metrics.h"
#include "metrics/timeline.h"

namespace usage::metrics_internal {
namespace {

// Returns the entry of the month of `t` in `months`, which starts at the
// month of window.first_day, or nullptr when `t` is outside `window`.
MonthlyActivity* MonthEntry(const std::optional<absl::Time>& t,
                            const Period& window, absl::TimeZone zone,
                            std::vector<MonthlyActivity>& months) {
  if (!InPeriod(t, window)) return nullptr;
  const absl::civil_diff_t index =
      absl::CivilMonth(DayOf(*t, zone)) - absl::CivilMonth(window.first_day);
  if (index < 0 || index >= static_cast<absl::civil_diff_t>(months.size())) {
    return nullptr;
  }
  return &months[static_cast<size_t>(index)];
}

// Adds `conversation` to `month` with the split of ConversationMetrics.
void AddConversation(const Conversation& conversation, MonthlyActivity& month) {
  ++month.conversations;
  month.duration_seconds += ConversationDuration(conversation).first;
  if (conversation.nonblank_chunk_count > 0) {
    ++month.with_content;
    if (conversation.source == kUploadSource) {
      ++month.uploaded;
    } else {
      ++month.recorded;
    }
  } else {
    ++month.empty;
  }
}

}  // namespace

std::vector<MonthlyActivity> BuildMonthlyActivity(
    const RowSet& included, const std::vector<Login>& logins,
    const Period& window, absl::TimeZone zone) {
  const absl::CivilMonth first(window.first_day);
  const absl::CivilMonth last(window.last_day);
  std::vector<MonthlyActivity> months(static_cast<size_t>(last - first + 1));
  for (size_t i = 0; i < months.size(); ++i) {
    months[i].month = first + static_cast<absl::civil_diff_t>(i);
  }

  for (const Conversation* conversation : included.conversations) {
    MonthlyActivity* month =
        MonthEntry(conversation->created_at, window, zone, months);
    if (month != nullptr) AddConversation(*conversation, *month);
  }
  for (const Chat* chat : included.chats) {
    MonthlyActivity* month = MonthEntry(chat->created_at, window, zone, months);
    if (month != nullptr) ++month->chats;
  }
  for (const ProjectMessage& entry : included.messages) {
    MonthlyActivity* month =
        MonthEntry(entry.message->created_at, window, zone, months);
    if (month == nullptr) continue;
    ++month->messages;
    if (IsUserMessage(*entry.message)) ++month->user_messages;
  }
  for (const Login& login : logins) {
    MonthlyActivity* month = MonthEntry(login.timestamp, window, zone, months);
    if (month != nullptr) ++month->logins;
  }
  return months;
}

}  // namespace usage::metrics_internal
