// The report's charts as inline SVG, drawn from the report's figures so that
// they show without JavaScript.
#ifndef USAGE_HTML_CHARTS_H_
#define USAGE_HTML_CHARTS_H_

#include <string>

#include "echo/usage/v1/usage_service.pb.h"

namespace usage::html {

// Monthly conversations as stacked bars (recorded, uploaded, empty), chat
// sessions as a line on the same axis, and duration in hours as a line on
// a second axis at the right.
std::string MonthlyTrendsChart(const echo::usage::v1::UsageReport& report);

// Conversations (bars) and chat messages (line) per day for the last 30
// days of the period.
std::string DailyEngagementChart(const echo::usage::v1::UsageReport& report);

// Logins per hour of the day.
std::string LoginHoursChart(const echo::usage::v1::UsageReport& report);

// One horizontal bar per feature with its count; unused features are grey.
std::string FeatureAdoptionChart(const echo::usage::v1::UsageReport& report);

// Conversations per day over the whole period as a line with one circle per
// day (class "point", data-date set), and chat messages as a second line.
// The page's script redraws the same drawing for the window its range
// slider selects.
std::string TimelineChart(const echo::usage::v1::UsageReport& report);

}  // namespace usage::html

#endif  // USAGE_HTML_CHARTS_H_
