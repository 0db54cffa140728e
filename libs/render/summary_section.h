// The executive summary on page 1, with a note of who wrote it.
#ifndef USAGE_RENDER_SUMMARY_SECTION_H_
#define USAGE_RENDER_SUMMARY_SECTION_H_

#include <string>

#include "echo/usage/v1/usage_service.pb.h"
#include "render/page_canvas.h"

namespace usage::render {

// Returns the note of who wrote the summary: "Written from the figures" for
// the template, "Written by an AI model; every number checked against the
// figures" for an LLM summary with status GENERATED, "Written by an AI
// model" for any other LLM summary, or "" when the source is not set.
std::string SummarySourceText(const echo::usage::v1::UsageReport& report);

// Returns the warning shown under an LLM summary whose status is
// UNVERIFIED, or "" for every other summary.
std::string SummaryWarningText(const echo::usage::v1::UsageReport& report);

// Draws the "Executive summary" heading, the summary's Markdown, the note
// and the warning. Draws nothing when the summary's Markdown is empty.
void DrawExecutiveSummary(PageCanvas& canvas,
                          const echo::usage::v1::UsageReport& report);

}  // namespace usage::render

#endif  // USAGE_RENDER_SUMMARY_SECTION_H_
