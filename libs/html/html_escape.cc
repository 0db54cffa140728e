#include "html/html_escape.h"

#include "absl/strings/str_format.h"
#include "render/markup.h"

namespace usage::html {

std::string EscapeHtml(std::string_view text) {
  return render::EscapeHtml(text);
}

std::string JsonString(std::string_view text) {
  const std::string valid = render::MakeValidUtf8(text);
  std::string json = "\"";
  for (size_t i = 0; i < valid.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(valid[i]);
    // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
    if (c == 0xe2 && i + 2 < valid.size() &&
        static_cast<unsigned char>(valid[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(valid[i + 2]) == 0xa8 ||
         static_cast<unsigned char>(valid[i + 2]) == 0xa9)) {
      json += valid[i + 2] == static_cast<char>(0xa8) ? "\\u2028" : "\\u2029";
      i += 2;
    } else if (c == '"' || c == '\\') {
      json += '\\';
      json += static_cast<char>(c);
    } else if (c == '<' || c == '>' || c == '&' || c < 0x20) {
      json += absl::StrFormat("\\u%04x", c);
    } else {
      json += static_cast<char>(c);
    }
  }
  json += '"';
  return json;
}

}  // namespace usage::html
