// Headings and paragraphs that flow down the page.
#ifndef USAGE_RENDER_BLOCKS_H_
#define USAGE_RENDER_BLOCKS_H_

#include <string_view>

#include "render/page_canvas.h"
#include "render/style.h"
#include "render/text.h"

namespace usage::render {

// A section heading, laid out before it is drawn so that callers can keep
// it on one page with what follows.
class Heading {
 public:
  Heading(cairo_t* cr, std::string_view text, double width);

  // Height of the heading and the gap below it, in points.
  double height() const { return height_; }

  // Draws the heading at canvas.y() and moves below it.
  void Draw(PageCanvas& canvas) const;

 private:
  LayoutPtr layout_;
  double height_ = 0;
};

// Draws a section heading at canvas.y() and moves below it. Starts a new
// page first unless the heading and `keep_with_next` more points fit, so
// the heading stays with the start of its section.
void DrawHeading(PageCanvas& canvas, std::string_view text,
                 double keep_with_next);

// Draws `layout` at canvas.y() in `color`, starting a new page first when it
// does not fit, and moves below it.
void DrawBlock(PageCanvas& canvas, PangoLayout* layout, Color color);

// Draws a thin horizontal rule across the body at canvas.y().
void DrawBodyRule(PageCanvas& canvas);

}  // namespace usage::render

#endif  // USAGE_RENDER_BLOCKS_H_
