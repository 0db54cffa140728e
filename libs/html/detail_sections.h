// The detailed analytics of the HTML report, one function per section.
// Each returns a <section> with every dynamic string escaped once.
#ifndef USAGE_HTML_DETAIL_SECTIONS_H_
#define USAGE_HTML_DETAIL_SECTIONS_H_

#include <string>

#include "echo/usage/v1/usage_service.pb.h"

namespace usage::html {

// Conversation and chat figures as two tables side by side.
std::string ConversationAndChatSection(
    const echo::usage::v1::UsageReport& report);

// The 15 most frequent query topics with their counts.
std::string TopKeywordsSection(const echo::usage::v1::UsageReport& report);

// Logins per hour of the day and the login figures.
std::string LoginActivitySection(const echo::usage::v1::UsageReport& report);

// The selected users by logins, most first, when the report has per-user
// breakdowns.
std::string TopUsersSection(const echo::usage::v1::UsageReport& report);

// The projects table. Every header is a button the page's script sorts by;
// numeric cells carry their raw value in data-sort.
std::string ProjectsSection(const echo::usage::v1::UsageReport& report);

// Reports created, published, failed and per status.
std::string ReportActivitySection(const echo::usage::v1::UsageReport& report);

// The activity timeline with its range slider. The chart shows the whole
// period without JavaScript; the controls are hidden until the script runs.
std::string ActivityTimelineSection(const echo::usage::v1::UsageReport& report);

// The feature adoption chart.
std::string FeatureAdoptionSection(const echo::usage::v1::UsageReport& report);

// The data-quality notes with their counts.
std::string DataQualitySection(const echo::usage::v1::UsageReport& report);

// Rule findings, the LLM's narrative and the insight status.
std::string InsightsSection(const echo::usage::v1::UsageReport& report);

}  // namespace usage::html

#endif  // USAGE_HTML_DETAIL_SECTIONS_H_
