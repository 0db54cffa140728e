// The word cloud of the words users ask about in chat.
#ifndef USAGE_RENDER_WORD_CLOUD_SECTION_H_
#define USAGE_RENDER_WORD_CLOUD_SECTION_H_

#include <cstddef>

#include "echo/usage/v1/usage_service.pb.h"
#include "render/page_canvas.h"
#include "render/report_context.h"

namespace usage::render {

// Returns the height in points of the cloud for `topic_count` topics:
// 60 + 6 pt per topic, at least 90 pt and at most 240 pt.
double WordCloudHeight(size_t topic_count);

// Draws the "What users ask about" heading and a word cloud of
// report.query_topics() across the body, laid out by LayOutWordCloud and
// kept on one page with the heading. A caption explains the word sizes and,
// when some words did not fit, how many are shown. Without topics it draws
// a line saying there were no chat questions.
void DrawWordCloudSection(PageCanvas& canvas,
                          const echo::usage::v1::UsageReport& report,
                          const ReportContext& context);

}  // namespace usage::render

#endif  // USAGE_RENDER_WORD_CLOUD_SECTION_H_
