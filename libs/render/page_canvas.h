// Page geometry and the drawing cursor that moves down a page and starts new
// pages, each with its footer.
#ifndef USAGE_RENDER_PAGE_CANVAS_H_
#define USAGE_RENDER_PAGE_CANVAS_H_

#include <cairo.h>

#include <string>

#include "render/pdf_report.h"

namespace usage::render {

// Paper size and margins, in points.
struct PageGeometry {
  double width = 0;
  double height = 0;
  double margin_x = 45;
  double margin_top = 50;
  // Space below the body, which contains the footer.
  double margin_bottom = 62;

  static PageGeometry ForPaper(PaperSize paper_size);

  double content_left() const { return margin_x; }
  double content_width() const { return width - 2 * margin_x; }
  double content_top() const { return margin_top; }
  double content_bottom() const { return height - margin_bottom; }
  double content_height() const { return content_bottom() - content_top(); }
};

// Text of the footer that every page carries.
struct FooterText {
  // Shown on the left, such as "Generated 2026-03-30 14:05 UTC".
  std::string note;
  // Page count shown as "Page X of Y". 0 while it is not known yet, and then
  // the footer shows the note only.
  int total_pages = 0;
};

// Draws into a cairo context on a PDF surface page by page. The cursor y()
// starts at the top of the body of page 1 and only moves down. Not
// thread-safe. One canvas draws one document.
class PageCanvas {
 public:
  PageCanvas(cairo_t* cr, const PageGeometry& geometry, FooterText footer);
  PageCanvas(const PageCanvas&) = delete;
  PageCanvas& operator=(const PageCanvas&) = delete;

  cairo_t* cr() const { return cr_; }
  const PageGeometry& geometry() const { return geometry_; }
  double left() const { return geometry_.content_left(); }
  double width() const { return geometry_.content_width(); }

  // The vertical position where the next block starts, in points.
  double y() const { return y_; }
  void MoveDown(double points) { y_ += points; }
  // Points left between y() and the bottom of the body.
  double remaining() const { return geometry_.content_bottom() - y_; }
  // True when nothing has been drawn in the body of the current page.
  bool at_page_top() const { return y_ <= geometry_.content_top(); }

  // Starts a new page unless `height` points fit below y() or the current
  // page is still empty. Returns true when it started a new page.
  bool EnsureSpace(double height);

  // Draws the footer, emits the current page and starts the next one.
  void NewPage();

  // Draws the footer of the last page and emits it. Call once, at the end.
  void Finish();

  // 1-based number of the current page.
  int page_number() const { return page_number_; }

 private:
  void DrawFooter();

  cairo_t* cr_;
  PageGeometry geometry_;
  FooterText footer_;
  double y_;
  int page_number_ = 1;
};

}  // namespace usage::render

#endif  // USAGE_RENDER_PAGE_CANVAS_H_
