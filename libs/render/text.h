// Pango layouts set up the way every text in the PDF needs them: fonts found
// through fontconfig, sizes in points, a language picked from the text, and
// wrapping inside a fixed width.
#ifndef USAGE_RENDER_TEXT_H_
#define USAGE_RENDER_TEXT_H_

#include <cairo.h>
#include <glib-object.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string_view>

#include "render/style.h"

namespace usage::render {

// The font families, in fallback order: DejaVu Sans for Latin, Greek and
// Cyrillic text, Noto Sans CJK SC for Chinese, Japanese and Korean. Other
// scripts and emoji fall back through fontconfig to the Noto fonts that
// .ci/install-deps installs.
inline constexpr char kFontFamilies[] = "DejaVu Sans,Noto Sans CJK SC";

struct GObjectDeleter {
  void operator()(gpointer object) const { g_object_unref(object); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectDeleter>;

struct TextStyle {
  double size = kBodySize;  // Points.
  bool bold = false;
  PangoAlignment alignment = PANGO_ALIGN_LEFT;
  // Lines kept before the text is cut with an ellipsis, or 0 for all lines.
  int max_lines = 0;
};

// Returns the Pango language for `text`: "ja" when it contains kana, "ko"
// when it contains Hangul, "zh-cn" when it contains other Han characters,
// else "en". The language selects the regional glyph forms of CJK fonts, and
// setting it keeps those forms independent of the process locale.
// NOTE: Japanese written only in kanji, such as 日本語, is taken as Chinese
// and gets Simplified Chinese glyph forms.
PangoLanguage* LanguageForText(std::string_view text);

// Creates a layout of plain `text` for `cr`, wrapped at word boundaries or,
// inside long words, between characters, so that no line is wider than
// `width` points. The base direction is that of the text's first strong
// character (IsRightToLeft), and the alignment of `style` is on the page:
// left stays left for right-to-left text. Invalid UTF-8 is shown as U+FFFD. No
// hyphen is drawn where a word breaks, because inside a URL or an id it would
// read as part of it.
LayoutPtr CreateTextLayout(cairo_t* cr, std::string_view text,
                           const TextStyle& style, double width);

// Like CreateTextLayout, for Pango markup. Every dynamic part of `markup`
// must have gone through EscapeMarkup.
LayoutPtr CreateMarkupLayout(cairo_t* cr, std::string_view markup,
                             const TextStyle& style, double width);

// Returns the height of `layout` in points.
double LayoutHeight(PangoLayout* layout);

// Returns the width of the widest line of `layout` in points.
double LayoutWidth(PangoLayout* layout);

// Draws `layout` with its top left corner at (x, y), in `color`.
void DrawLayout(cairo_t* cr, PangoLayout* layout, double x, double y,
                Color color);

}  // namespace usage::render

#endif  // USAGE_RENDER_TEXT_H_
