// Makes untrusted text safe inside HTML and inside an inline JSON block.
#ifndef USAGE_HTML_HTML_ESCAPE_H_
#define USAGE_HTML_HTML_ESCAPE_H_

#include <string>
#include <string_view>

namespace usage::html {

// Returns `text` with invalid UTF-8 and NUL bytes replaced by U+FFFD, then
// escaped once for HTML text and quoted attribute values: & < > " ' become
// &amp; &lt; &gt; &quot; &#39;. The renderer passes every string from the
// report through it once; only Markdown takes another path, because
// render::ParseMarkdown returns it escaped already.
std::string EscapeHtml(std::string_view text);

// Returns `text` as a quoted JSON string that is safe inside
// <script type="application/json">: invalid UTF-8 becomes U+FFFD, and
// besides JSON's own escapes, < > & U+2028 and U+2029 are written as \u
// escapes, so the text can neither close the script element nor start an
// HTML comment.
std::string JsonString(std::string_view text);

}  // namespace usage::html

#endif  // USAGE_HTML_HTML_ESCAPE_H_
