#include "render/text.h"

#include <string>

#include "render/bidi.h"
#include "render/markup.h"

namespace usage::render {
namespace {

struct FontDescriptionDeleter {
  void operator()(PangoFontDescription* description) const {
    pango_font_description_free(description);
  }
};

// Creates a layout with the font, width, wrapping and line limit of `style`,
// before any text is set.
LayoutPtr CreateEmptyLayout(cairo_t* cr, const TextStyle& style, double width) {
  LayoutPtr layout(pango_cairo_create_layout(cr));
  std::unique_ptr<PangoFontDescription, FontDescriptionDeleter> font(
      pango_font_description_from_string(kFontFamilies));
  // An absolute size is in device units, which are points on PDF surfaces,
  // so the size does not depend on Pango's resolution setting.
  pango_font_description_set_absolute_size(font.get(),
                                           style.size * PANGO_SCALE);
  pango_font_description_set_weight(
      font.get(), style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout.get(), font.get());

  pango_layout_set_width(layout.get(), pango_units_from_double(width));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout.get(), style.alignment);
  if (style.max_lines > 0) {
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    pango_layout_set_height(layout.get(), -style.max_lines);
  }
  return layout;
}

// Sets the language and the base direction from the layout's text and turns
// off the hyphens that Pango otherwise draws where it breaks inside a word.
// Pango's automatic direction would also swap left and right alignment for
// right-to-left text and move it to the other side of a table column. With
// the direction set here, the alignment stays as styled.
void FinishLayout(PangoLayout* layout) {
  PangoContext* context = pango_layout_get_context(layout);
  const char* text = pango_layout_get_text(layout);
  pango_context_set_language(context, LanguageForText(text));
  pango_context_set_base_dir(
      context, IsRightToLeft(text) ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
  pango_layout_set_auto_dir(layout, FALSE);
  pango_layout_context_changed(layout);

  PangoAttrList* existing = pango_layout_get_attributes(layout);
  PangoAttrList* attributes =
      existing ? pango_attr_list_copy(existing) : pango_attr_list_new();
  pango_attr_list_insert_before(attributes,
                                pango_attr_insert_hyphens_new(FALSE));
  pango_layout_set_attributes(layout, attributes);
  pango_attr_list_unref(attributes);
}

}  // namespace

PangoLanguage* LanguageForText(std::string_view text) {
  bool has_han = false;
  bool has_hangul = false;
  const std::string valid = MakeValidUtf8(text);
  for (const char* p = valid.c_str(); *p != '\0'; p = g_utf8_next_char(p)) {
    switch (g_unichar_get_script(g_utf8_get_char(p))) {
      case G_UNICODE_SCRIPT_HIRAGANA:
      case G_UNICODE_SCRIPT_KATAKANA:
        return pango_language_from_string("ja");
      case G_UNICODE_SCRIPT_HANGUL:
        has_hangul = true;
        break;
      case G_UNICODE_SCRIPT_HAN:
        has_han = true;
        break;
      default:
        break;
    }
  }
  if (has_hangul) return pango_language_from_string("ko");
  if (has_han) return pango_language_from_string("zh-cn");
  return pango_language_from_string("en");
}

LayoutPtr CreateTextLayout(cairo_t* cr, std::string_view text,
                           const TextStyle& style, double width) {
  LayoutPtr layout = CreateEmptyLayout(cr, style, width);
  const std::string valid = MakeValidUtf8(text);
  pango_layout_set_text(layout.get(), valid.c_str(),
                        static_cast<int>(valid.size()));
  FinishLayout(layout.get());
  return layout;
}

LayoutPtr CreateMarkupLayout(cairo_t* cr, std::string_view markup,
                             const TextStyle& style, double width) {
  LayoutPtr layout = CreateEmptyLayout(cr, style, width);
  const std::string valid = MakeValidUtf8(markup);
  pango_layout_set_markup(layout.get(), valid.c_str(),
                          static_cast<int>(valid.size()));
  FinishLayout(layout.get());
  return layout;
}

double LayoutHeight(PangoLayout* layout) {
  int width = 0;
  int height = 0;
  pango_layout_get_size(layout, &width, &height);
  return pango_units_to_double(height);
}

double LayoutWidth(PangoLayout* layout) {
  PangoRectangle logical;
  pango_layout_get_extents(layout, nullptr, &logical);
  return pango_units_to_double(logical.width);
}

void DrawLayout(cairo_t* cr, PangoLayout* layout, double x, double y,
                Color color) {
  cairo_save(cr);
  cairo_set_source_rgb(cr, color.red, color.green, color.blue);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
  cairo_restore(cr);
}

}  // namespace usage::render
