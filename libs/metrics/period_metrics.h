// Figures of one period (current or previous) over the included rows of an
// account, and the trends between two periods.
#ifndef USAGE_METRICS_PERIOD_METRICS_H_
#define USAGE_METRICS_PERIOD_METRICS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/time/time.h"
#include "metrics/included_rows.h"
#include "metrics/metrics.h"
#include "period/period.h"
#include "records/records.h"

namespace usage::metrics_internal {

// `source` of conversations uploaded from the dashboard.
inline constexpr std::string_view kUploadSource = "DASHBOARD_UPLOAD";

// Computes every per-period figure from the included rows and all logins.
PeriodMetrics ComputePeriodMetrics(const RowSet& included,
                                   const std::vector<Login>& logins,
                                   const Period& period, absl::TimeZone zone);

// Counts and durations of the conversations created in `period`.
ConversationMetrics ComputeConversationMetrics(const RowSet& included,
                                               const Period& period);

// Chat sessions and messages of `period`. A session is active when it has
// a message in `period`. User messages are banded by the code points of
// their text.
ChatMetrics ComputeChatMetrics(const RowSet& included, const Period& period);

// Owned, created and active projects and conversations per owned project.
ProjectMetrics ComputeProjectMetrics(const RowSet& included,
                                     const Period& period);

// Reports created in `period`, in total and per status as stored.
ReportMetrics ComputeReportMetrics(const RowSet& included,
                                   const Period& period);

// Logins in `period`, bucketed by calendar day and by hour of the day in
// `zone`, in total and per user. The rate per week uses the period's days,
// or for all time the days from the first to the last login, and at least
// one week.
LoginMetrics ComputeLoginMetrics(const std::vector<Login>& logins,
                                 const Period& period, absl::TimeZone zone);

// Returns the trends of projects created, conversations, duration, logins,
// active chat sessions, messages and reports, in that order.
std::vector<Trend> CompareTrends(const PeriodMetrics& current,
                                 const PeriodMetrics& previous);

// Returns true when `project` exists by the end of `period`: created before
// it ends or with no creation time. Every project exists for all time.
bool IsOwned(const Project& project, const Period& period);

// Returns true for a message from a person: `message_from` is "user" in any
// ASCII case.
bool IsUserMessage(const ChatMessage& message);

// Returns true for a message from the assistant: `message_from` is
// "assistant" or "dembrane" in any ASCII case.
bool IsAssistantMessage(const ChatMessage& message);

// Returns `a` + `b`, clamped to the range of int64_t instead of wrapping.
int64_t SaturatingAdd(int64_t a, int64_t b);

// Returns `total` / `count`, or 0 when `count` is 0.
double Ratio(double total, int64_t count);

}  // namespace usage::metrics_internal

#endif  // USAGE_METRICS_PERIOD_METRICS_H_
