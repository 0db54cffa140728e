// Thresholds of the rule findings. ECHO usage is event-driven because hosts
// work in bursts around sessions, so the thresholds look for large changes
// and leave ordinary ups and downs alone.
#ifndef USAGE_INSIGHTS_THRESHOLDS_H_
#define USAGE_INSIGHTS_THRESHOLDS_H_

#include <cstdint>

namespace usage::insights {

// A change of at least half against the previous period is a trend break.
// Bursty accounts swing by a quarter or a third from one period to the next
// without anything changing in how they use the platform.
inline constexpr double kTrendBreakPercent = 50;

// The larger of the two periods needs at least this many events (logins,
// conversations, chat sessions or messages) for a trend break, because a move
// from 2 to 4 is 100 % but only noise.
inline constexpr double kTrendBreakMinEvents = 5;

// The duration counterpart of kTrendBreakMinEvents: one hour of audio on the
// larger side. The hour is a judgement, not a measured conversation length.
inline constexpr double kTrendBreakMinDurationSeconds = 3600;

// An account is dormant only after at least this many days without activity,
// so that accounts with a daily rhythm are not flagged after a short holiday.
inline constexpr double kDormancyMinDays = 14;

// An account is dormant when the days since its last activity exceed this
// multiple of its median gap between active days, so that a host who works
// twice a month is not flagged after ten quiet days.
inline constexpr double kDormancyGapMultiple = 3;

// A dormant account silent for more than this many days is treated as at
// risk, because two months without a login, conversation or chat is longer
// than a pause between two planned sessions usually is.
inline constexpr int64_t kDormancyCriticalDays = 60;

// The top project (or the top two) holding at least this share of the
// conversations means the account's use rests on very few projects.
inline constexpr double kConcentrationSharePercent = 80;

// Concentration among several projects needs at least this many projects with
// conversations, because two projects always hold everything.
inline constexpr int64_t kConcentrationMinProjects = 3;

// A single project with conversations counts as concentration from this many
// conversations on; fewer are a trial, not a dependence.
inline constexpr int64_t kConcentrationSingleProjectMinConversations = 10;

// At least this share of empty conversations points at recording or upload
// trouble rather than the odd test recording.
inline constexpr double kEmptyConversationsSharePercent = 30;

// The empty share is judged only from this many conversations on, because one
// empty test recording out of two is 50 %.
inline constexpr int64_t kEmptyConversationsMinCount = 5;

// Chat counts as adopted, for "chat without reports", from this many messages:
// a few messages are a try-out.
inline constexpr int64_t kChatWithoutReportsMinMessages = 10;

// Reports count as adopted, for "reports without chat", from one report.
inline constexpr int64_t kReportsWithoutChatMinReports = 1;

// At least this many logins per active day suggests that several people share
// one account. The margin above 1 leaves room for one person who logs in again
// on some days, for example after a session expired.
inline constexpr double kSharedAccountLoginsPerActiveDay = 1.5;

// The logins per active day are judged only from this many active days on, so
// that one busy day does not decide.
inline constexpr int64_t kSharedAccountMinActiveDays = 3;

}  // namespace usage::insights

#endif  // USAGE_INSIGHTS_THRESHOLDS_H_
