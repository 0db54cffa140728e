#include "render/blocks.h"

namespace usage::render {
namespace {

constexpr double kHeadingGapBelow = 6;

}  // namespace

Heading::Heading(cairo_t* cr, std::string_view text, double width)
    : layout_(CreateTextLayout(
          cr, text, TextStyle{.size = kHeadingSize, .bold = true}, width)),
      height_(LayoutHeight(layout_.get()) + kHeadingGapBelow) {}

void Heading::Draw(PageCanvas& canvas) const {
  DrawLayout(canvas.cr(), layout_.get(), canvas.left(), canvas.y(), kAccent);
  canvas.MoveDown(height_);
}

void DrawHeading(PageCanvas& canvas, std::string_view text,
                 double keep_with_next) {
  const Heading heading(canvas.cr(), text, canvas.width());
  canvas.EnsureSpace(heading.height() + keep_with_next);
  heading.Draw(canvas);
}

void DrawBlock(PageCanvas& canvas, PangoLayout* layout, Color color) {
  const double height = LayoutHeight(layout);
  canvas.EnsureSpace(height);
  DrawLayout(canvas.cr(), layout, canvas.left(), canvas.y(), color);
  canvas.MoveDown(height);
}

void DrawBodyRule(PageCanvas& canvas) {
  cairo_t* cr = canvas.cr();
  cairo_save(cr);
  cairo_set_source_rgb(cr, kRule.red, kRule.green, kRule.blue);
  cairo_set_line_width(cr, 0.5);
  cairo_move_to(cr, canvas.left(), canvas.y());
  cairo_line_to(cr, canvas.left() + canvas.width(), canvas.y());
  cairo_stroke(cr);
  cairo_restore(cr);
}

}  // namespace usage::render
