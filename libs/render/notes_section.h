// The data-quality notes as a short list.
#ifndef USAGE_RENDER_NOTES_SECTION_H_
#define USAGE_RENDER_NOTES_SECTION_H_

#include <string>

#include "echo/usage/v1/usage_service.pb.h"
#include "render/page_canvas.h"

namespace usage::render {

// Returns Pango markup for one note: a bullet, the kind in bold, the count
// when above 0, and the escaped message.
std::string DataQualityNoteMarkup(const echo::usage::v1::DataQualityNote& note);

// Draws the "Data quality" heading and one list item per note, or a line
// saying there are none.
void DrawDataQualitySection(PageCanvas& canvas,
                            const echo::usage::v1::UsageReport& report);

}  // namespace usage::render

#endif  // USAGE_RENDER_NOTES_SECTION_H_
