// Draws Markdown, as converted by ParseMarkdown, down the page.
#ifndef USAGE_RENDER_MARKDOWN_LAYOUT_H_
#define USAGE_RENDER_MARKDOWN_LAYOUT_H_

#include <string_view>

#include "render/page_canvas.h"

namespace usage::render {

// Draws `markdown` from canvas.y() across the body width: headings in bold,
// paragraphs, and list items with a bullet or their number, indented by
// depth. A block never breaks across pages, and a heading stays on the page
// of the block after it. Draws nothing for empty Markdown.
void DrawMarkdown(PageCanvas& canvas, std::string_view markdown);

}  // namespace usage::render

#endif  // USAGE_RENDER_MARKDOWN_LAYOUT_H_
