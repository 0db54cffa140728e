#include "render/markdown_inline.h"

#include <cstddef>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "render/markup.h"

namespace usage::render {
namespace {

// Nesting of emphasis beyond this depth is shown as text. It bounds the
// recursion for inputs such as thousands of stacked asterisks.
constexpr int kMaxNesting = 8;

enum class Span { kBold, kItalic, kCode };

absl::string_view PangoTag(Span span) {
  switch (span) {
    case Span::kBold:
      return "b";
    case Span::kItalic:
      return "i";
    case Span::kCode:
      return "tt";
  }
  return "";
}

absl::string_view HtmlTag(Span span) {
  switch (span) {
    case Span::kBold:
      return "strong";
    case Span::kItalic:
      return "em";
    case Span::kCode:
      return "code";
  }
  return "";
}

// Appends to both outputs. Text and tags enter them only here, so every tag
// is one of the fixed ones and every text is escaped once.
class InlineWriter {
 public:
  void Text(std::string_view text) {
    if (text.empty()) return;
    out_.pango_markup += EscapeMarkup(text);
    out_.html += EscapeHtml(text);
  }
  void Open(Span span) {
    absl::StrAppend(&out_.pango_markup, "<", PangoTag(span), ">");
    absl::StrAppend(&out_.html, "<", HtmlTag(span), ">");
  }
  void Close(Span span) {
    absl::StrAppend(&out_.pango_markup, "</", PangoTag(span), ">");
    absl::StrAppend(&out_.html, "</", HtmlTag(span), ">");
  }
  InlineMarkup Take() { return std::move(out_); }

 private:
  InlineMarkup out_;
};

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// True for ASCII letters and digits and for any byte of a multi-byte UTF-8
// character, so that _ inside words of any script is not emphasis.
bool IsWordByte(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
         (static_cast<unsigned char>(c) & 0x80) != 0;
}

size_t RunLength(std::string_view text, size_t pos) {
  size_t end = pos;
  while (end < text.size() && text[end] == text[pos]) ++end;
  return end - pos;
}

// Returns where the closing delimiter of `width` `marker` characters starts,
// searching from `from`, or npos. A closer follows a non-space character. A
// run longer than `width` closes at its end, so "***x***" is bold italic.
// An italic search skips runs of two or more, which are bold inside italic.
size_t FindCloser(std::string_view text, size_t from, char marker,
                  size_t width) {
  size_t pos = from;
  while (pos < text.size()) {
    if (text[pos] != marker) {
      ++pos;
      continue;
    }
    const size_t run = RunLength(text, pos);
    const size_t end = pos + run;
    const bool after_text = pos > from && !IsSpace(text[pos - 1]);
    const bool word_end =
        marker != '_' || end >= text.size() || !IsWordByte(text[end]);
    const bool fits = width == 1 ? run == 1 : run >= width;
    if (after_text && word_end && fits) return end - width;
    pos = end;
  }
  return std::string_view::npos;
}

class InlineParser {
 public:
  explicit InlineParser(InlineWriter& out) : out_(out) {}

  void Parse(std::string_view text, int depth) {
    size_t pos = 0;
    while (pos < text.size()) {
      const size_t consumed = TrySyntax(text, pos, depth);
      if (consumed > 0) {
        pos += consumed;
        continue;
      }
      const size_t next = text.find_first_of("\\`*_[", pos + 1);
      const size_t end = next == std::string_view::npos ? text.size() : next;
      out_.Text(text.substr(pos, end - pos));
      pos = end;
    }
  }

 private:
  // Returns how many characters at `pos` formed Markdown syntax, written to
  // the output, or 0 when the character there is text.
  size_t TrySyntax(std::string_view text, size_t pos, int depth) {
    switch (text[pos]) {
      case '\\':
        return TryEscape(text, pos);
      case '`':
        return TryCode(text, pos);
      case '*':
      case '_':
        return TryEmphasis(text, pos, depth);
      case '[':
        return TryLink(text, pos, depth);
      default:
        return 0;
    }
  }

  size_t TryEscape(std::string_view text, size_t pos) {
    if (pos + 1 >= text.size()) return 0;
    if (!absl::ascii_ispunct(static_cast<unsigned char>(text[pos + 1]))) {
      return 0;
    }
    out_.Text(text.substr(pos + 1, 1));
    return 2;
  }

  // A code span ends at the next run of exactly as many backticks.
  size_t TryCode(std::string_view text, size_t pos) {
    const size_t width = RunLength(text, pos);
    size_t search = pos + width;
    while (search < text.size()) {
      const size_t close = text.find('`', search);
      if (close == std::string_view::npos) break;
      const size_t run = RunLength(text, close);
      if (run == width) {
        out_.Open(Span::kCode);
        out_.Text(text.substr(pos + width, close - pos - width));
        out_.Close(Span::kCode);
        return close + run - pos;
      }
      search = close + run;
    }
    out_.Text(text.substr(pos, width));
    return width;
  }

  size_t TryEmphasis(std::string_view text, size_t pos, int depth) {
    const char marker = text[pos];
    const size_t run = RunLength(text, pos);
    const bool word_start =
        marker != '_' || pos == 0 || !IsWordByte(text[pos - 1]);
    if (depth < kMaxNesting && word_start) {
      if (run >= 2 && TrySpan(text, pos, 2, Span::kBold, depth)) {
        return consumed_;
      }
      if (TrySpan(text, pos, 1, Span::kItalic, depth)) return consumed_;
    }
    out_.Text(text.substr(pos, run));
    return run;
  }

  // Writes the span opened by `width` markers at `pos` when it has a
  // closer, sets consumed_ and returns true.
  bool TrySpan(std::string_view text, size_t pos, size_t width, Span span,
               int depth) {
    const size_t start = pos + width;
    if (start >= text.size() || IsSpace(text[start])) return false;
    const size_t close = FindCloser(text, start, text[pos], width);
    if (close == std::string_view::npos) return false;
    out_.Open(span);
    Parse(text.substr(start, close - start), depth + 1);
    out_.Close(span);
    consumed_ = close + width - pos;
    return true;
  }

  // [label](target) shows the label only.
  size_t TryLink(std::string_view text, size_t pos, int depth) {
    const size_t label_end = text.find(']', pos + 1);
    if (label_end == std::string_view::npos || label_end + 1 >= text.size() ||
        text[label_end + 1] != '(') {
      return 0;
    }
    const size_t target_end = text.find(')', label_end + 2);
    if (target_end == std::string_view::npos) return 0;
    Parse(text.substr(pos + 1, label_end - pos - 1), depth + 1);
    return target_end + 1 - pos;
  }

  InlineWriter& out_;
  size_t consumed_ = 0;
};

}  // namespace

InlineMarkup ConvertInline(std::string_view text) {
  InlineWriter writer;
  InlineParser(writer).Parse(text, 0);
  return writer.Take();
}

InlineMarkup ConvertCode(std::string_view text) {
  InlineWriter writer;
  writer.Open(Span::kCode);
  writer.Text(text);
  writer.Close(Span::kCode);
  return writer.Take();
}

}  // namespace usage::render
