// Figure cards: a label, a large value and a detail line on a light panel,
// drawn side by side in a row.
#ifndef USAGE_RENDER_FIGURE_CARD_H_
#define USAGE_RENDER_FIGURE_CARD_H_

#include <string>
#include <vector>

#include "render/page_canvas.h"

namespace usage::render {

struct FigureCard {
  // Plain text, such as "Conversations".
  std::string label;
  // Plain text, such as "1,234".
  std::string value;
  // Pango markup below the value, such as the trend, or empty. Dynamic parts
  // must have gone through EscapeMarkup.
  std::string detail_markup;
};

enum class FigureCardSize {
  kHero,       // The headline figures.
  kSecondary,  // Smaller figures below them.
};

// Draws `cards` as one row of equal-width cards across the body width at
// canvas.y(), all as tall as the tallest, and moves the cursor below them.
// Starts a new page first when the row does not fit.
void DrawFigureCards(PageCanvas& canvas, const std::vector<FigureCard>& cards,
                     FigureCardSize size);

}  // namespace usage::render

#endif  // USAGE_RENDER_FIGURE_CARD_H_
