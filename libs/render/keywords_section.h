// The most frequent query topics as a ranked list with counts and bars.
#ifndef USAGE_RENDER_KEYWORDS_SECTION_H_
#define USAGE_RENDER_KEYWORDS_SECTION_H_

#include <vector>

#include "echo/usage/v1/usage_service.pb.h"
#include "render/page_canvas.h"
#include "render/report_context.h"

namespace usage::render {

// Number of topics the "Top keywords" list shows at most.
inline constexpr int kTopKeywords = 15;

// Returns up to kTopKeywords topics of `report` with a non-empty word and a
// count of at least 1, highest count first. Equal counts keep their order
// in the report.
std::vector<echo::usage::v1::QueryTopic> TopKeywords(
    const echo::usage::v1::UsageReport& report);

// Draws the "Top keywords" heading and TopKeywords(report) in two columns,
// ranked down the left column first, each row with its rank, the word, a
// bar whose length is the count divided by the highest count, and the
// count. The list stays on one page with its heading. Draws nothing when
// there are no topics, because the word cloud section already states it.
void DrawTopKeywordsSection(PageCanvas& canvas,
                            const echo::usage::v1::UsageReport& report,
                            const ReportContext& context);

}  // namespace usage::render

#endif  // USAGE_RENDER_KEYWORDS_SECTION_H_
