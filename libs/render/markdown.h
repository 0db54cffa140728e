// Converts the Markdown that an LLM writes into blocks of safe inline markup
// for the PDF (Pango markup) and the HTML report.
#ifndef USAGE_RENDER_MARKDOWN_H_
#define USAGE_RENDER_MARKDOWN_H_

#include <string>
#include <string_view>
#include <vector>

namespace usage::render {

enum class MarkdownBlockKind {
  kParagraph,
  kHeading,
  kBulletItem,
  kNumberedItem
};

struct MarkdownBlock {
  MarkdownBlockKind kind = MarkdownBlockKind::kParagraph;
  int level = 0;             // Heading level 1-3; list nesting depth from 0.
  int number = 0;            // The item's number, for kNumberedItem.
  std::string pango_markup;  // Inline content as Pango markup, escaped once.
  std::string html;          // Inline content as HTML, escaped once.
};

// Parses the Markdown an LLM writes (paragraphs, # to ### headings, - * + and
// 1. lists, **bold**, *italic* / _italic_, `code`, [text](url) shown as its
// text) into blocks whose inline content is safe: every other character is
// escaped, raw HTML/markup is shown as text, invalid UTF-8 becomes U+FFFD.
//
// Details of the subset:
// - Headings of four or more # become level 3. Lines of only - * or _ (a
//   thematic break) and fence lines (```) end the current block and are
//   dropped. A leading "> " of a quote is dropped.
// - A list item's depth grows each time an item is indented further than
//   the item above it, whatever the number of spaces (a tab counts as 4).
// - A line that starts no block continues the block above it, joined with a
//   space, unless a blank line came between.
// - Emphasis is applied only when its closing delimiter follows in the same
//   block; an unmatched ** or * is shown as text. _ marks italic only at
//   word boundaries, so snake_case stays as it is. A backslash before ASCII
//   punctuation shows that character as text.
// - The Pango tags used are <b>, <i> and <tt>; the HTML tags are <strong>,
//   <em> and <code>. Links keep only their text, so no URL reaches the
//   output. Tabs and other control characters inside a line become spaces.
std::vector<MarkdownBlock> ParseMarkdown(std::string_view markdown);

}  // namespace usage::render

#endif  // USAGE_RENDER_MARKDOWN_H_
