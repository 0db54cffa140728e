// The users of a report ranked by logins, or the login figures of a single
// user.
#ifndef USAGE_RENDER_TOP_USERS_SECTION_H_
#define USAGE_RENDER_TOP_USERS_SECTION_H_

#include <string>
#include <vector>

#include "echo/usage/v1/usage_service.pb.h"
#include "render/page_canvas.h"
#include "render/report_context.h"

namespace usage::render {

// Returns one row per user breakdown, most logins first (ties: more
// conversations first, then the order of the report): display name,
// logins, conversations, duration, chat messages and the last activity
// date ("–" when there is none).
std::vector<std::vector<std::string>> TopUserRows(
    const echo::usage::v1::UsageReport& report, const ReportContext& context);

// Returns label and value rows of the login figures: logins, active days,
// logins per active day, logins per week, usage band and last login.
std::vector<std::vector<std::string>> LoginFigureRows(
    const echo::usage::v1::UsageReport& report, const ReportContext& context);

// Draws the "Top users" table when the report has user breakdowns, else
// the "Logins" table of the one user.
void DrawTopUsersSection(PageCanvas& canvas,
                         const echo::usage::v1::UsageReport& report,
                         const ReportContext& context);

}  // namespace usage::render

#endif  // USAGE_RENDER_TOP_USERS_SECTION_H_
