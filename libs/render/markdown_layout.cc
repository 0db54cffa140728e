#include "render/markdown_layout.h"

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "render/markdown.h"
#include "render/style.h"
#include "render/text.h"

namespace usage::render {
namespace {

constexpr double kBlockGap = 5;
constexpr double kHeadingGapAbove = 4;
constexpr double kListIndent = 14;
// The marker column of a list item, wide enough for "99.".
constexpr double kMarkerWidth = 16;
// Deeper lists are drawn at this depth, so text keeps a usable width.
constexpr int kMaxDrawnDepth = 4;
// Lines a block keeps before it is cut with an ellipsis: 60 lines of 9 pt
// text take about 630 pt, less than the body of an A4 or Letter page, so a
// block always fits on one page.
constexpr int kMaxBlockLines = 60;

double HeadingSize(int level) {
  if (level <= 1) return kHeadingSize;
  if (level == 2) return kSubtitleSize - 0.5;
  return kBodySize + 0.5;
}

bool IsListItem(const MarkdownBlock& block) {
  return block.kind == MarkdownBlockKind::kBulletItem ||
         block.kind == MarkdownBlockKind::kNumberedItem;
}

// One block laid out: the text, the list marker when it is an item, and the
// indentation of both from the body's left edge.
struct LaidOutBlock {
  LayoutPtr text;
  LayoutPtr marker;
  double indent = 0;
  double gap_above = 0;
  bool heading = false;
  double height() const { return LayoutHeight(text.get()); }
};

LaidOutBlock LayOutBlock(cairo_t* cr, const MarkdownBlock& block,
                         double width) {
  LaidOutBlock laid_out;
  if (block.kind == MarkdownBlockKind::kHeading) {
    laid_out.heading = true;
    laid_out.gap_above = kHeadingGapAbove;
    laid_out.text = CreateMarkupLayout(
        cr, block.pango_markup,
        TextStyle{.size = HeadingSize(block.level), .bold = true}, width);
    return laid_out;
  }

  const TextStyle style{.size = kBodySize, .max_lines = kMaxBlockLines};
  if (!IsListItem(block)) {
    laid_out.text = CreateMarkupLayout(cr, block.pango_markup, style, width);
    return laid_out;
  }
  const int depth = std::min(block.level, kMaxDrawnDepth);
  laid_out.indent = depth * kListIndent;
  const std::string marker = block.kind == MarkdownBlockKind::kNumberedItem
                                 ? absl::StrCat(block.number, ".")
                                 : (depth % 2 == 0 ? "•" : "◦");
  laid_out.marker = CreateTextLayout(cr, marker, style, kMarkerWidth);
  laid_out.text = CreateMarkupLayout(cr, block.pango_markup, style,
                                     width - laid_out.indent - kMarkerWidth);
  return laid_out;
}

}  // namespace

void DrawMarkdown(PageCanvas& canvas, std::string_view markdown) {
  cairo_t* cr = canvas.cr();
  std::vector<LaidOutBlock> blocks;
  for (const MarkdownBlock& block : ParseMarkdown(markdown)) {
    blocks.push_back(LayOutBlock(cr, block, canvas.width()));
  }

  for (size_t i = 0; i < blocks.size(); ++i) {
    const LaidOutBlock& block = blocks[i];
    double needed = block.gap_above + block.height();
    // A heading keeps the block after it on its page.
    if (block.heading && i + 1 < blocks.size()) {
      needed += kBlockGap + blocks[i + 1].height();
    }
    if (!canvas.EnsureSpace(needed) && i > 0) canvas.MoveDown(block.gap_above);

    const double x = canvas.left() + block.indent;
    if (block.marker != nullptr) {
      DrawLayout(cr, block.marker.get(), x, canvas.y(), kMuted);
      DrawLayout(cr, block.text.get(), x + kMarkerWidth, canvas.y(), kInk);
    } else {
      DrawLayout(cr, block.text.get(), x, canvas.y(), kInk);
    }
    canvas.MoveDown(block.height() + kBlockGap);
  }
}

}  // namespace usage::render
