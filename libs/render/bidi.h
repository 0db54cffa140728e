// Unicode bidirectional isolation for texts that join several user strings,
// so that a right-to-left item cannot reorder its left-to-right neighbours
// or the separators between them, and the other way round.
#ifndef USAGE_RENDER_BIDI_H_
#define USAGE_RENDER_BIDI_H_

#include <string>
#include <string_view>

namespace usage::render {

// U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE in UTF-8.
inline constexpr char kFirstStrongIsolate[] = "\u2068";
inline constexpr char kPopDirectionalIsolate[] = "\u2069";

// Returns `text` between U+2068 and U+2069: a unit laid out in the
// direction of its first strong character, and to its surroundings a
// neutral character.
std::string IsolateDirection(std::string_view text);

// Returns the items of `items` (strings) each wrapped by IsolateDirection,
// with `separator` between them. Empty when `items` is empty.
template <typename Range>
std::string JoinIsolated(const Range& items, std::string_view separator) {
  std::string joined;
  bool first = true;
  for (const auto& item : items) {
    if (!first) joined.append(separator);
    joined.append(IsolateDirection(item));
    first = false;
  }
  return joined;
}

// Returns true when the first strong character of `text` that is not inside
// an isolate (U+2066 to U+2069) belongs to a right-to-left script, as in
// rule P2 of the Unicode Bidirectional Algorithm. Text without a strong
// character is left-to-right.
bool IsRightToLeft(std::string_view text);

}  // namespace usage::render

#endif  // USAGE_RENDER_BIDI_H_
