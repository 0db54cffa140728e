// Inline Markdown (emphasis, code spans, links) converted to Pango markup
// and HTML at once. Used by ParseMarkdown in markdown.h.
#ifndef USAGE_RENDER_MARKDOWN_INLINE_H_
#define USAGE_RENDER_MARKDOWN_INLINE_H_

#include <string>
#include <string_view>

namespace usage::render {

// One run of inline content in both output forms.
struct InlineMarkup {
  std::string pango_markup;
  std::string html;
};

// Converts the inline Markdown `text`, which must be valid UTF-8, as
// described for ParseMarkdown: every character that is not part of a
// matched delimiter is escaped once, and every tag opened is closed.
InlineMarkup ConvertInline(std::string_view text);

// Returns `text`, which must be valid UTF-8, escaped once in both forms
// with no Markdown interpreted, inside <tt> and <code>.
InlineMarkup ConvertCode(std::string_view text);

}  // namespace usage::render

#endif  // USAGE_RENDER_MARKDOWN_INLINE_H_
