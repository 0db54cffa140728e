#include "render/bidi.h"

#include <glib.h>

#include "absl/strings/str_cat.h"
#include "render/markup.h"

namespace usage::render {
namespace {

constexpr gunichar kLeftToRightIsolate = 0x2066;
constexpr gunichar kPopIsolate = 0x2069;

// Scripts written right to left. Characters of the common and inherited
// scripts (digits, punctuation, marks) are not strong and carry no
// direction of their own.
bool IsRightToLeftScript(GUnicodeScript script) {
  switch (script) {
    case G_UNICODE_SCRIPT_ARABIC:
    case G_UNICODE_SCRIPT_HEBREW:
    case G_UNICODE_SCRIPT_SYRIAC:
    case G_UNICODE_SCRIPT_THAANA:
    case G_UNICODE_SCRIPT_NKO:
    case G_UNICODE_SCRIPT_SAMARITAN:
    case G_UNICODE_SCRIPT_MANDAIC:
      return true;
    default:
      return false;
  }
}

bool IsStrong(gunichar c, GUnicodeScript script) {
  return g_unichar_isalpha(c) && script != G_UNICODE_SCRIPT_COMMON &&
         script != G_UNICODE_SCRIPT_INHERITED;
}

}  // namespace

std::string IsolateDirection(std::string_view text) {
  return absl::StrCat(kFirstStrongIsolate,
                      absl::string_view(text.data(), text.size()),
                      kPopDirectionalIsolate);
}

bool IsRightToLeft(std::string_view text) {
  const std::string valid = MakeValidUtf8(text);
  int isolate_depth = 0;
  for (const char* p = valid.c_str(); *p != '\0'; p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    if (c >= kLeftToRightIsolate && c < kPopIsolate) {
      ++isolate_depth;
      continue;
    }
    if (c == kPopIsolate) {
      if (isolate_depth > 0) --isolate_depth;
      continue;
    }
    const GUnicodeScript script = g_unichar_get_script(c);
    if (isolate_depth == 0 && IsStrong(c, script)) {
      return IsRightToLeftScript(script);
    }
  }
  return false;
}

}  // namespace usage::render
