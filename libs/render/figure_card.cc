#include "render/figure_card.h"

#include <algorithm>

#include "render/style.h"
#include "render/text.h"

namespace usage::render {
namespace {

constexpr double kCardGap = 10;
constexpr double kCardPadding = 10;
constexpr double kLineGap = 3;

struct CardLayouts {
  LayoutPtr label;
  LayoutPtr value;
  LayoutPtr detail;  // Null without a detail line.
  double height = 0;
};

CardLayouts LayOutCard(cairo_t* cr, const FigureCard& card, FigureCardSize size,
                       double text_width) {
  const bool hero = size == FigureCardSize::kHero;
  CardLayouts layouts;
  layouts.label = CreateTextLayout(
      cr, card.label, TextStyle{.size = hero ? kBodySize : kSmallSize},
      text_width);
  layouts.value = CreateTextLayout(
      cr, card.value,
      TextStyle{.size = hero ? kHeroValueSize : kFigureValueSize, .bold = true},
      text_width);
  layouts.height = LayoutHeight(layouts.label.get()) + kLineGap +
                   LayoutHeight(layouts.value.get());
  if (!card.detail_markup.empty()) {
    layouts.detail = CreateMarkupLayout(
        cr, card.detail_markup, TextStyle{.size = kSmallSize}, text_width);
    layouts.height += kLineGap + LayoutHeight(layouts.detail.get());
  }
  return layouts;
}

void DrawCard(cairo_t* cr, const CardLayouts& layouts, double x, double y,
              double width, double height) {
  cairo_save(cr);
  cairo_set_source_rgb(cr, kPanel.red, kPanel.green, kPanel.blue);
  cairo_rectangle(cr, x, y, width, height);
  cairo_fill(cr);
  cairo_restore(cr);

  double text_y = y + kCardPadding;
  const double text_x = x + kCardPadding;
  DrawLayout(cr, layouts.label.get(), text_x, text_y, kMuted);
  text_y += LayoutHeight(layouts.label.get()) + kLineGap;
  DrawLayout(cr, layouts.value.get(), text_x, text_y, kInk);
  text_y += LayoutHeight(layouts.value.get()) + kLineGap;
  if (layouts.detail) {
    DrawLayout(cr, layouts.detail.get(), text_x, text_y, kInk);
  }
}

}  // namespace

void DrawFigureCards(PageCanvas& canvas, const std::vector<FigureCard>& cards,
                     FigureCardSize size) {
  if (cards.empty()) return;
  const double count = static_cast<double>(cards.size());
  const double card_width = (canvas.width() - kCardGap * (count - 1)) / count;
  const double text_width = card_width - 2 * kCardPadding;

  std::vector<CardLayouts> layouts;
  double tallest = 0;
  for (const FigureCard& card : cards) {
    layouts.push_back(LayOutCard(canvas.cr(), card, size, text_width));
    tallest = std::max(tallest, layouts.back().height);
  }
  const double card_height = tallest + 2 * kCardPadding;

  canvas.EnsureSpace(card_height);
  for (size_t i = 0; i < layouts.size(); ++i) {
    const double x = canvas.left() + i * (card_width + kCardGap);
    DrawCard(canvas.cr(), layouts[i], x, canvas.y(), card_width, card_height);
  }
  canvas.MoveDown(card_height);
}

}  // namespace usage::render
