// Page 1 figures: headline figures with trends, secondary figures, features
// in use and the last activity.
#ifndef USAGE_RENDER_SUMMARY_FIGURES_H_
#define USAGE_RENDER_SUMMARY_FIGURES_H_

#include <string>
#include <vector>

#include "echo/usage/v1/usage_service.pb.h"
#include "render/figure_card.h"
#include "render/page_canvas.h"
#include "render/report_context.h"

namespace usage::render {

// Returns the cards for conversations, audio duration and chat sessions,
// each with its trend against the previous period.
std::vector<FigureCard> HeroCards(const echo::usage::v1::UsageReport& report);

// Returns the cards for projects owned, active projects, messages, messages
// per session and logins with the usage band.
std::vector<FigureCard> SecondaryCards(
    const echo::usage::v1::UsageReport& report);

// Returns the label shown for the usage band, such as "High usage".
std::string UsageBandText(echo::usage::v1::UsageBand band);

// Draws the figures, features in use and last activity from canvas.y().
void DrawSummaryFigures(PageCanvas& canvas,
                        const echo::usage::v1::UsageReport& report,
                        const ReportContext& context);

}  // namespace usage::render

#endif  // USAGE_RENDER_SUMMARY_FIGURES_H_
