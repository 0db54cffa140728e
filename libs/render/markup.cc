#include "render/markup.h"

#include <glib.h>

#include <memory>

namespace usage::render {
namespace {

struct GFreeDeleter {
  void operator()(char* text) const { g_free(text); }
};
using GlibCharPtr = std::unique_ptr<char, GFreeDeleter>;

}  // namespace

std::string MakeValidUtf8(std::string_view text) {
  // An empty std::string_view may have a null data(), which glib rejects.
  if (text.empty()) return "";
  // g_utf8_make_valid also turns NUL bytes into U+FFFD, which keeps the
  // result usable as a C string for Pango.
  GlibCharPtr valid(
      g_utf8_make_valid(text.data(), static_cast<gssize>(text.size())));
  return std::string(valid.get());
}

std::string EscapeMarkup(std::string_view text) {
  const std::string valid = MakeValidUtf8(text);
  GlibCharPtr escaped(
      g_markup_escape_text(valid.c_str(), static_cast<gssize>(valid.size())));
  return std::string(escaped.get());
}

std::string EscapeHtml(std::string_view text) {
  const std::string valid = MakeValidUtf8(text);
  std::string escaped;
  escaped.reserve(valid.size());
  for (const char c : valid) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

}  // namespace usage::render
