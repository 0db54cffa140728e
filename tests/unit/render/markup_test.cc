#include "render/markup.h"

#include <pango/pango.h>

#include <string>
#include <string_view>

#include "gtest/gtest.h"

namespace usage::render {
namespace {

// Returns the text that Pango shows for `markup`, or "<invalid markup>".
std::string ParseMarkup(const std::string& markup) {
  char* text = nullptr;
  if (!pango_parse_markup(markup.c_str(), -1, 0, nullptr, &text, nullptr,
                          nullptr)) {
    return "<invalid markup>";
  }
  std::string result(text);
  g_free(text);
  return result;
}

TEST(MarkupTest, EscapesEachSpecialCharacter) {
  EXPECT_EQ(EscapeMarkup("R&D <Q3> \"draft\""),
            "R&amp;D &lt;Q3&gt; &quot;draft&quot;");
  EXPECT_EQ(EscapeMarkup("it's"), "it&apos;s");
}

TEST(MarkupTest, EscapesEntityTextOnce) {
  EXPECT_EQ(EscapeMarkup("&amp;"), "&amp;amp;");
}

TEST(MarkupTest, LeavesPlainTextAlone) {
  EXPECT_EQ(EscapeMarkup("Zoë 总计 日本語"), "Zoë 总计 日本語");
  EXPECT_EQ(EscapeMarkup(""), "");
}

TEST(MarkupTest, PangoShowsOriginalText) {
  for (const std::string text :
       {"R&D <Q3> \"draft\"", "&amp;", "<b>bold</b>", "a\x01z", "'x'"}) {
    EXPECT_EQ(ParseMarkup(EscapeMarkup(text)), text) << text;
  }
}

TEST(MarkupTest, ReplacesInvalidUtf8) {
  EXPECT_EQ(EscapeMarkup("a\xff<"), "a\uFFFD&lt;");
  EXPECT_EQ(MakeValidUtf8("a\xffz"), "a\uFFFDz");
}

TEST(MarkupTest, ReplacesTruncatedSequence) {
  // "\xe6\x80" is the start of a three-byte sequence with its last byte
  // missing.
  const std::string valid = MakeValidUtf8(std::string("x\xe6\x80", 3));
  EXPECT_TRUE(g_utf8_validate(valid.c_str(), -1, nullptr));
  EXPECT_EQ(valid.substr(0, 4), "x\uFFFD");
}

TEST(MarkupTest, AcceptsNullStringView) {
  EXPECT_EQ(MakeValidUtf8(std::string_view()), "");
  EXPECT_EQ(EscapeMarkup(std::string_view()), "");
}

TEST(MarkupTest, ReplacesNulByte) {
  EXPECT_EQ(MakeValidUtf8(std::string("a\0b", 3)), "a\uFFFDb");
}

}  // namespace
}  // namespace usage::render
