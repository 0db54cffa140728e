// The top of page 1: title, users, period, time zone and generation time.
#ifndef USAGE_RENDER_TITLE_BLOCK_H_
#define USAGE_RENDER_TITLE_BLOCK_H_

#include <string>

#include "echo/usage/v1/usage_service.pb.h"
#include "render/page_canvas.h"
#include "render/report_context.h"

namespace usage::render {

// Users named in the title before the rest are counted as "+N more".
inline constexpr int kNamedUsers = 5;

// Returns Pango markup of the users' display names: the first kNamedUsers in
// bold, separated by commas, then "+N more" for the rest. Names are escaped,
// and names longer than 60 characters are cut with "…".
std::string UserNamesMarkup(const echo::usage::v1::UsageReport& report);

// Returns the period as "2026-03-01 – 2026-03-30 (30 days)", or "All time"
// for PERIOD_PRESET_ALL_TIME.
std::string PeriodText(const echo::usage::v1::ResolvedPeriod& period);

// Draws the title block at the top of the current page.
void DrawTitleBlock(PageCanvas& canvas,
                    const echo::usage::v1::UsageReport& report,
                    const ReportContext& context);

}  // namespace usage::render

#endif  // USAGE_RENDER_TITLE_BLOCK_H_
