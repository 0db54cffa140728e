// Makes untrusted text safe for Pango and HTML: valid UTF-8, and escaped
// for markup.
#ifndef USAGE_RENDER_MARKUP_H_
#define USAGE_RENDER_MARKUP_H_

#include <string>
#include <string_view>

namespace usage::render {

// Returns `text` with every invalid UTF-8 sequence and every NUL byte
// replaced by U+FFFD. Valid text comes back unchanged.
std::string MakeValidUtf8(std::string_view text);

// Returns `text` made valid as by MakeValidUtf8, then escaped once for Pango
// markup: & < > " ' become &amp; &lt; &gt; &quot; &apos;, and control
// characters become character references (g_markup_escape_text). Every
// dynamic string that enters markup goes through this function.
std::string EscapeMarkup(std::string_view text);

// Returns `text` made valid as by MakeValidUtf8, then escaped once for HTML
// text and quoted attribute values: & < > " ' become &amp; &lt; &gt; &quot;
// &#39;.
std::string EscapeHtml(std::string_view text);

}  // namespace usage::render

#endif  // USAGE_RENDER_MARKUP_H_
