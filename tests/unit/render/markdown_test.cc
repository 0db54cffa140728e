#include "render/markdown.h"

#include <pango/pango.h>

#include <ostream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage::render {

// Shows a block in failure messages; gtest finds it next to the type.
void PrintTo(const MarkdownBlock& block, std::ostream* os) {
  *os << "{kind " << static_cast<int>(block.kind) << ", level " << block.level
      << ", number " << block.number << ", \"" << block.pango_markup << "\"}";
}

namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::SizeIs;

// Returns the text that Pango shows for `markup`, or "<invalid markup>".
std::string PangoText(const std::string& markup) {
  char* text = nullptr;
  if (!pango_parse_markup(markup.c_str(), -1, 0, nullptr, &text, nullptr,
                          nullptr)) {
    return "<invalid markup>";
  }
  std::string result(text);
  g_free(text);
  return result;
}

// Parses `markdown`, which must give exactly one block, and returns it.
MarkdownBlock OnlyBlock(const std::string& markdown) {
  std::vector<MarkdownBlock> blocks = ParseMarkdown(markdown);
  EXPECT_THAT(blocks, SizeIs(1)) << markdown;
  return blocks.empty() ? MarkdownBlock{} : blocks.front();
}

TEST(MarkdownTest, EscapesSpecialCharactersOnce) {
  const MarkdownBlock block = OnlyBlock("R&D <Q3> \"draft\"");
  EXPECT_EQ(block.kind, MarkdownBlockKind::kParagraph);
  EXPECT_EQ(block.pango_markup, "R&amp;D &lt;Q3&gt; &quot;draft&quot;");
  EXPECT_EQ(block.html, "R&amp;D &lt;Q3&gt; &quot;draft&quot;");
  EXPECT_EQ(PangoText(block.pango_markup), "R&D <Q3> \"draft\"");
}

TEST(MarkdownTest, EntityTextStaysFiveCharacters) {
  const MarkdownBlock block = OnlyBlock("&amp;");
  EXPECT_EQ(block.pango_markup, "&amp;amp;");
  EXPECT_EQ(block.html, "&amp;amp;");
  EXPECT_EQ(PangoText(block.pango_markup), "&amp;");
}

TEST(MarkdownTest, ApostropheEscapedInBothForms) {
  const MarkdownBlock block = OnlyBlock("it's");
  EXPECT_EQ(block.pango_markup, "it&apos;s");
  EXPECT_EQ(block.html, "it&#39;s");
}

TEST(MarkdownTest, ScriptTagShownAsText) {
  const MarkdownBlock block = OnlyBlock("<script>alert(1)</script>");
  EXPECT_EQ(block.html, "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(PangoText(block.pango_markup), "<script>alert(1)</script>");
}

TEST(MarkdownTest, PangoSpanShownAsText) {
  const std::string input = "<span foreground=\"red\">x</span>";
  const MarkdownBlock block = OnlyBlock(input);
  EXPECT_EQ(PangoText(block.pango_markup), input);
  EXPECT_EQ(block.pango_markup.find("<span"), std::string::npos);
  EXPECT_EQ(block.html.find("<span"), std::string::npos);
}

TEST(MarkdownTest, BoldItalicAndCode) {
  const MarkdownBlock block =
      OnlyBlock("**Growth** was *steady*, _mostly_ in `chat`.");
  EXPECT_EQ(block.pango_markup,
            "<b>Growth</b> was <i>steady</i>, <i>mostly</i> in <tt>chat</tt>.");
  EXPECT_EQ(block.html,
            "<strong>Growth</strong> was <em>steady</em>, <em>mostly</em> in "
            "<code>chat</code>.");
}

TEST(MarkdownTest, EscapesInsideEmphasis) {
  const MarkdownBlock block = OnlyBlock("**R&D <b>**");
  EXPECT_EQ(block.pango_markup, "<b>R&amp;D &lt;b&gt;</b>");
  EXPECT_EQ(block.html, "<strong>R&amp;D &lt;b&gt;</strong>");
}

TEST(MarkdownTest, NestedEmphasis) {
  EXPECT_EQ(OnlyBlock("**bold *both* bold**").pango_markup,
            "<b>bold <i>both</i> bold</b>");
  EXPECT_EQ(OnlyBlock("***x***").pango_markup, "<b><i>x</i></b>");
}

TEST(MarkdownTest, UnbalancedBoldShownAsText) {
  const MarkdownBlock block = OnlyBlock("**open but never closed");
  EXPECT_EQ(block.pango_markup, "**open but never closed");
  EXPECT_EQ(block.html, "**open but never closed");
}

TEST(MarkdownTest, UnbalancedMarkersStayValidMarkup) {
  for (const std::string input :
       {"**a *b**", "*a **b*", "a ** b ** c", "`code", "**", "*", "_x",
        "x **y** **z", "**a**b**", "[link](", "[x]"}) {
    const MarkdownBlock block = OnlyBlock(input);
    EXPECT_NE(PangoText(block.pango_markup), "<invalid markup>") << input;
  }
}

TEST(MarkdownTest, UnbalancedKeepsEveryCharacter) {
  // "a ** b ** c": the markers are followed by spaces, so neither opens.
  EXPECT_EQ(OnlyBlock("a ** b ** c").pango_markup, "a ** b ** c");
  EXPECT_EQ(OnlyBlock("2 * 3 * 4").pango_markup, "2 * 3 * 4");
}

TEST(MarkdownTest, SnakeCaseIsNotItalic) {
  EXPECT_EQ(OnlyBlock("see user_id_field here").pango_markup,
            "see user_id_field here");
}

TEST(MarkdownTest, CodeSpanKeepsMarkersAndEscapes) {
  EXPECT_EQ(OnlyBlock("`**x** <y>`").pango_markup, "<tt>**x** &lt;y&gt;</tt>");
}

TEST(MarkdownTest, LinkShowsItsTextOnly) {
  const MarkdownBlock block =
      OnlyBlock("See [the **docs**](https://example.com/a?b=1&c=2) now");
  EXPECT_EQ(block.pango_markup, "See the <b>docs</b> now");
  EXPECT_EQ(block.html, "See the <strong>docs</strong> now");
}

TEST(MarkdownTest, BackslashShowsPunctuation) {
  EXPECT_EQ(OnlyBlock("\\*not italic\\*").pango_markup, "*not italic*");
}

TEST(MarkdownTest, Headings) {
  const std::vector<MarkdownBlock> blocks =
      ParseMarkdown("# One\n## Two ##\n### Three\n#### Four\n#NoSpace");
  ASSERT_THAT(blocks, SizeIs(5));
  EXPECT_EQ(blocks[0].kind, MarkdownBlockKind::kHeading);
  EXPECT_EQ(blocks[0].level, 1);
  EXPECT_EQ(blocks[0].pango_markup, "One");
  EXPECT_EQ(blocks[1].level, 2);
  EXPECT_EQ(blocks[1].pango_markup, "Two");
  EXPECT_EQ(blocks[2].level, 3);
  // Four # and more become level 3.
  EXPECT_EQ(blocks[3].level, 3);
  EXPECT_EQ(blocks[3].pango_markup, "Four");
  EXPECT_EQ(blocks[4].kind, MarkdownBlockKind::kParagraph);
  EXPECT_EQ(blocks[4].pango_markup, "#NoSpace");
}

TEST(MarkdownTest, ParagraphsSplitAtBlankLines) {
  const std::vector<MarkdownBlock> blocks =
      ParseMarkdown("First line\ncontinues here.\n\r\nSecond **para**\r\n");
  ASSERT_THAT(blocks, SizeIs(2));
  EXPECT_EQ(blocks[0].pango_markup, "First line continues here.");
  EXPECT_EQ(blocks[1].pango_markup, "Second <b>para</b>");
}

TEST(MarkdownTest, BoldAcrossLinesOfOneParagraph) {
  EXPECT_EQ(OnlyBlock("**two\nlines**").pango_markup, "<b>two lines</b>");
}

TEST(MarkdownTest, BulletMarkers) {
  const std::vector<MarkdownBlock> blocks =
      ParseMarkdown("- dash\n* star\n+ plus");
  ASSERT_THAT(blocks, SizeIs(3));
  for (const MarkdownBlock& block : blocks) {
    EXPECT_EQ(block.kind, MarkdownBlockKind::kBulletItem);
    EXPECT_EQ(block.level, 0);
  }
  EXPECT_EQ(blocks[0].pango_markup, "dash");
  EXPECT_EQ(blocks[1].pango_markup, "star");
  EXPECT_EQ(blocks[2].pango_markup, "plus");
}

TEST(MarkdownTest, NestedLists) {
  const std::vector<MarkdownBlock> blocks = ParseMarkdown(
      "1. first\n   - inner a\n     - deeper\n   - inner b\n2. second\n"
      "\tafter tab");
  ASSERT_THAT(blocks, SizeIs(5));
  EXPECT_EQ(blocks[0].kind, MarkdownBlockKind::kNumberedItem);
  EXPECT_EQ(blocks[0].number, 1);
  EXPECT_EQ(blocks[0].level, 0);
  EXPECT_EQ(blocks[1].kind, MarkdownBlockKind::kBulletItem);
  EXPECT_EQ(blocks[1].level, 1);
  EXPECT_EQ(blocks[2].level, 2);
  EXPECT_EQ(blocks[3].level, 1);
  EXPECT_EQ(blocks[3].pango_markup, "inner b");
  EXPECT_EQ(blocks[4].kind, MarkdownBlockKind::kNumberedItem);
  EXPECT_EQ(blocks[4].number, 2);
  EXPECT_EQ(blocks[4].level, 0);
  // The tab-indented line continues the item above it.
  EXPECT_EQ(blocks[4].pango_markup, "second after tab");
}

TEST(MarkdownTest, NumberedItemsKeepTheirNumbers) {
  const std::vector<MarkdownBlock> blocks =
      ParseMarkdown("3. three\n10) ten\n1234567890. long");
  ASSERT_THAT(blocks, SizeIs(2));
  EXPECT_EQ(blocks[0].number, 3);
  EXPECT_EQ(blocks[1].number, 10);
  // Ten digits are more than an item number may have: the line is text.
  EXPECT_EQ(blocks[1].pango_markup, "ten 1234567890. long");
}

TEST(MarkdownTest, ParagraphAfterListEndsIt) {
  const std::vector<MarkdownBlock> blocks =
      ParseMarkdown("- a\n  - b\n\nText\n\n  - c");
  ASSERT_THAT(blocks, SizeIs(4));
  EXPECT_EQ(blocks[2].kind, MarkdownBlockKind::kParagraph);
  // The list ended at the paragraph, so this item starts a new one.
  EXPECT_EQ(blocks[3].level, 0);
}

TEST(MarkdownTest, ThematicBreakAndQuotes) {
  const std::vector<MarkdownBlock> blocks =
      ParseMarkdown("Above\n---\n> quoted\n>50% stays");
  ASSERT_THAT(blocks, SizeIs(2));
  EXPECT_EQ(blocks[0].pango_markup, "Above");
  EXPECT_EQ(blocks[1].pango_markup, "quoted &gt;50% stays");
}

TEST(MarkdownTest, FencedCodeLinesAreLiteral) {
  const std::vector<MarkdownBlock> blocks =
      ParseMarkdown("```\n**x** <y>\n```\nafter");
  ASSERT_THAT(blocks, SizeIs(2));
  EXPECT_EQ(blocks[0].pango_markup, "<tt>**x** &lt;y&gt;</tt>");
  EXPECT_EQ(blocks[0].html, "<code>**x** &lt;y&gt;</code>");
  EXPECT_EQ(blocks[1].pango_markup, "after");
}

TEST(MarkdownTest, InvalidUtf8BecomesReplacementCharacter) {
  const MarkdownBlock block = OnlyBlock("a\xff**b\xc3**");
  EXPECT_EQ(block.pango_markup, "a\uFFFD<b>b\uFFFD</b>");
  EXPECT_TRUE(g_utf8_validate(block.html.c_str(), -1, nullptr));
}

TEST(MarkdownTest, NulAndControlCharacters) {
  const std::string input(
      "a\0b\x01"
      "c",
      5);
  const MarkdownBlock block = OnlyBlock(input);
  // NUL becomes U+FFFD and \x01 a space.
  EXPECT_EQ(block.pango_markup, "a\uFFFDb c");
}

TEST(MarkdownTest, EmptyInputGivesNoBlocks) {
  EXPECT_THAT(ParseMarkdown(""), SizeIs(0));
  // Blank lines, a heading without text and an empty fence give nothing.
  EXPECT_THAT(ParseMarkdown("\n\n  \n#\n```\n```\n"), SizeIs(0));
}

TEST(MarkdownTest, NonLatinTextUnchanged) {
  EXPECT_EQ(OnlyBlock("总计 **日本語** Zoë").pango_markup,
            "总计 <b>日本語</b> Zoë");
}

TEST(MarkdownTest, DeepNestingStaysValid) {
  std::string input;
  for (int i = 0; i < 2000; ++i) input += "**a *";
  const MarkdownBlock block = OnlyBlock(input);
  EXPECT_NE(PangoText(block.pango_markup), "<invalid markup>");
}

TEST(MarkdownTest, TypicalSummaryParses) {
  const std::vector<MarkdownBlock> blocks = ParseMarkdown(
      "## What happened\n\nThe team ran **42 conversations** (up 12 %).\n\n"
      "## What it means\n\n- Chat is used *weekly*\n- Reports are rare\n");
  EXPECT_THAT(
      blocks,
      ElementsAre(Field(&MarkdownBlock::kind, MarkdownBlockKind::kHeading),
                  Field(&MarkdownBlock::kind, MarkdownBlockKind::kParagraph),
                  Field(&MarkdownBlock::kind, MarkdownBlockKind::kHeading),
                  Field(&MarkdownBlock::kind, MarkdownBlockKind::kBulletItem),
                  Field(&MarkdownBlock::kind, MarkdownBlockKind::kBulletItem)));
}

}  // namespace
}  // namespace usage::render
