// The detailed conversation and chat figures, each beside the previous
// period's value.
#ifndef USAGE_RENDER_ANALYTICS_TABLES_H_
#define USAGE_RENDER_ANALYTICS_TABLES_H_

#include <vector>

#include "echo/usage/v1/usage_service.pb.h"
#include "render/figure_table.h"
#include "render/page_canvas.h"

namespace usage::render {

// Returns the conversation figures of `report`: count, durations (total,
// measured, estimated, mean, p50, p90), chunks, with content, empty,
// recorded and uploaded. Previous values are set when the report has a
// previous period.
std::vector<FigureRow> ConversationRows(
    const echo::usage::v1::UsageReport& report);

// Returns the chat figures of `report`: sessions, messages by sender,
// tokens, messages per session (mean, p50, p90), queries per session and
// the user message length bands.
std::vector<FigureRow> ChatRows(const echo::usage::v1::UsageReport& report);

// Draws the "Conversations in detail" and "Chat in detail" tables.
void DrawAnalyticsTables(PageCanvas& canvas,
                         const echo::usage::v1::UsageReport& report);

}  // namespace usage::render

#endif  // USAGE_RENDER_ANALYTICS_TABLES_H_
