#include "render/page_canvas.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "render/style.h"
#include "render/text.h"

namespace usage::render {
namespace {

// ISO 216 defines A4 as 210 × 297 mm; at 72 / 25.4 points per millimetre
// that is 595.276 × 841.89 pt. US Letter is 8.5 × 11 in, 612 × 792 pt.
constexpr double kPointsPerMillimetre = 72.0 / 25.4;

// Distance from the bottom edge of the page to the footer's rule.
constexpr double kFooterRuleFromBottom = 44;

}  // namespace

PageGeometry PageGeometry::ForPaper(PaperSize paper_size) {
  PageGeometry geometry;
  switch (paper_size) {
    case PaperSize::kA4:
      geometry.width = 210 * kPointsPerMillimetre;
      geometry.height = 297 * kPointsPerMillimetre;
      break;
    case PaperSize::kLetter:
      geometry.width = 612;
      geometry.height = 792;
      break;
  }
  return geometry;
}

PageCanvas::PageCanvas(cairo_t* cr, const PageGeometry& geometry,
                       FooterText footer)
    : cr_(cr),
      geometry_(geometry),
      footer_(std::move(footer)),
      y_(geometry.content_top()) {}

bool PageCanvas::EnsureSpace(double height) {
  if (height <= remaining() || at_page_top()) return false;
  NewPage();
  return true;
}

void PageCanvas::NewPage() {
  DrawFooter();
  cairo_show_page(cr_);
  ++page_number_;
  y_ = geometry_.content_top();
}

void PageCanvas::Finish() {
  DrawFooter();
  cairo_show_page(cr_);
}

void PageCanvas::DrawFooter() {
  const double rule_y = geometry_.height - kFooterRuleFromBottom;
  cairo_save(cr_);
  cairo_set_source_rgb(cr_, kRule.red, kRule.green, kRule.blue);
  cairo_set_line_width(cr_, 0.5);
  cairo_move_to(cr_, left(), rule_y);
  cairo_line_to(cr_, left() + width(), rule_y);
  cairo_stroke(cr_);
  cairo_restore(cr_);

  const TextStyle style{.size = kSmallSize};
  const double text_y = rule_y + 6;
  LayoutPtr note = CreateTextLayout(cr_, footer_.note, style, width() * 0.7);
  DrawLayout(cr_, note.get(), left(), text_y, kMuted);
  if (footer_.total_pages == 0) return;

  const TextStyle right{.size = kSmallSize, .alignment = PANGO_ALIGN_RIGHT};
  LayoutPtr page = CreateTextLayout(
      cr_, absl::StrCat("Page ", page_number_, " of ", footer_.total_pages),
      right, width() * 0.3);
  DrawLayout(cr_, page.get(), left() + width() * 0.7, text_y, kMuted);
}

}  // namespace usage::render
