#include "render/text.h"

#include <cairo.h>

#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "image_surface_test.h"

namespace usage::render {
namespace {

class TextTest : public ImageSurfaceTest {};

TEST_F(TextTest, NoGlyphMissingForCjkAndAccents) {
  for (const std::string text :
       {"总计", "日本語", "ひらがな カタカナ", "한국어", "Zoë Ångström",
        "façade naïve Øresund Łódź", "Ελληνικά Кириллица", "↑ ↓ → ✓ – • \uFFFD",
        "R&D <Q3> \"draft\" &amp;"}) {
    LayoutPtr layout = CreateTextLayout(cr_, text, TextStyle{}, 200);
    EXPECT_EQ(pango_layout_get_unknown_glyphs_count(layout.get()), 0) << text;
  }
}

TEST_F(TextTest, NoGlyphMissingInBoldMarkup) {
  LayoutPtr layout =
      CreateMarkupLayout(cr_, "<b>总计</b> <b>日本語</b> <b>Zoë</b>",
                         TextStyle{.bold = true}, 200);
  EXPECT_EQ(pango_layout_get_unknown_glyphs_count(layout.get()), 0);
}

TEST_F(TextTest, LongWordWrapsWithinWidth) {
  const std::string hex(64, 'f');
  LayoutPtr layout = CreateTextLayout(cr_, hex, TextStyle{.size = 7.5}, 80);
  EXPECT_GT(pango_layout_get_line_count(layout.get()), 1);
  EXPECT_LE(LayoutWidth(layout.get()), 80);
}

TEST_F(TextTest, MaxLinesCutsLongText) {
  const std::string text(2000, 'x');
  LayoutPtr layout =
      CreateTextLayout(cr_, text, TextStyle{.size = 7.5, .max_lines = 3}, 80);
  EXPECT_EQ(pango_layout_get_line_count(layout.get()), 3);
  EXPECT_TRUE(pango_layout_is_ellipsized(layout.get()));
}

TEST(LanguageForTextTest, PicksLanguageFromScript) {
  EXPECT_STREQ(pango_language_to_string(LanguageForText("Jane Doe")), "en");
  EXPECT_STREQ(pango_language_to_string(LanguageForText("总计")), "zh-cn");
  EXPECT_STREQ(pango_language_to_string(LanguageForText("日本語です")), "ja");
  EXPECT_STREQ(pango_language_to_string(LanguageForText("한국어")), "ko");
}

}  // namespace
}  // namespace usage::render
