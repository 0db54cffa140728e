#include "render/markdown.h"

#include <algorithm>
#include <cstddef>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "render/markdown_inline.h"
#include "render/markup.h"

namespace usage::render {
namespace {

constexpr int kMaxHeadingLevel = 3;
// Longer numbers are taken as text, so an item number always fits an int.
constexpr size_t kMaxNumberDigits = 9;

std::string_view TrimSpaces(std::string_view text) {
  const size_t first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  const size_t last = text.find_last_not_of(' ');
  return text.substr(first, last - first + 1);
}

// A line split into its indentation width (a tab counts as 4) and the rest,
// with tabs and other control characters in the rest turned into spaces.
struct Line {
  int indent = 0;
  std::string rest;
};

Line SplitIndent(absl::string_view raw) {
  Line line;
  size_t pos = 0;
  for (; pos < raw.size() && (raw[pos] == ' ' || raw[pos] == '\t'); ++pos) {
    line.indent += raw[pos] == '\t' ? 4 : 1;
  }
  line.rest = std::string(raw.substr(pos));
  for (char& c : line.rest) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return line;
}

bool IsFence(std::string_view rest) {
  return rest.substr(0, 3) == "```" || rest.substr(0, 3) == "~~~";
}

// True for three or more of one of - * _, optionally spaced: "---", "* * *".
bool IsThematicBreak(std::string_view rest) {
  const char marker = rest.empty() ? '\0' : rest[0];
  if (marker != '-' && marker != '*' && marker != '_') return false;
  int count = 0;
  for (const char c : rest) {
    if (c == marker) {
      ++count;
    } else if (c != ' ') {
      return false;
    }
  }
  return count >= 3;
}

struct BlockStart {
  MarkdownBlockKind kind = MarkdownBlockKind::kParagraph;
  int level = 0;
  int number = 0;
  std::string_view text;
};

std::optional<BlockStart> ParseHeading(std::string_view rest) {
  const size_t hashes = rest.find_first_not_of('#');
  const size_t count = hashes == std::string_view::npos ? rest.size() : hashes;
  if (count == 0 || count > 6) return std::nullopt;
  if (count < rest.size() && rest[count] != ' ') return std::nullopt;
  std::string_view text = TrimSpaces(rest.substr(count));
  // A closing run of # after a space is not part of the heading.
  const size_t closing = text.find_last_not_of('#');
  if (closing == std::string_view::npos) {
    text = {};
  } else if (closing + 1 < text.size() && text[closing] == ' ') {
    text = TrimSpaces(text.substr(0, closing));
  }
  return BlockStart{MarkdownBlockKind::kHeading,
                    std::min(static_cast<int>(count), kMaxHeadingLevel), 0,
                    text};
}

std::optional<BlockStart> ParseBullet(std::string_view rest) {
  if (rest.size() < 2 || rest[1] != ' ') return std::nullopt;
  if (rest[0] != '-' && rest[0] != '*' && rest[0] != '+') return std::nullopt;
  return BlockStart{MarkdownBlockKind::kBulletItem, 0, 0,
                    TrimSpaces(rest.substr(2))};
}

std::optional<BlockStart> ParseNumbered(std::string_view rest) {
  size_t digits = 0;
  int number = 0;
  while (digits < rest.size() && digits < kMaxNumberDigits &&
         absl::ascii_isdigit(static_cast<unsigned char>(rest[digits]))) {
    number = number * 10 + (rest[digits] - '0');
    ++digits;
  }
  if (digits == 0 || digits + 1 >= rest.size()) return std::nullopt;
  if (rest[digits] != '.' && rest[digits] != ')') return std::nullopt;
  if (rest[digits + 1] != ' ') return std::nullopt;
  return BlockStart{MarkdownBlockKind::kNumberedItem, 0, number,
                    TrimSpaces(rest.substr(digits + 2))};
}

// Collects the blocks line by line.
class BlockBuilder {
 public:
  void AddLine(absl::string_view raw) {
    Line line = SplitIndent(raw);
    std::string_view rest = line.rest;
    // A quote marker is dropped, but ">50%" without the space stays text.
    if (rest == ">" || rest.substr(0, 2) == "> ") rest = rest.substr(1);
    rest = TrimSpaces(rest);

    if (IsFence(rest)) {
      Flush();
      in_fence_ = !in_fence_;
      return;
    }
    if (in_fence_) {
      AddCodeLine(rest);
      return;
    }
    if (rest.empty()) {
      Flush();
      return;
    }
    if (IsThematicBreak(rest)) {
      Flush();
      list_indents_.clear();
      return;
    }
    if (std::optional<BlockStart> start = ParseLineStart(rest)) {
      Start(*start, line.indent);
      return;
    }
    Continue(rest);
  }

  std::vector<MarkdownBlock> Finish() {
    Flush();
    return std::move(blocks_);
  }

 private:
  static std::optional<BlockStart> ParseLineStart(std::string_view rest) {
    if (auto heading = ParseHeading(rest)) return heading;
    if (auto bullet = ParseBullet(rest)) return bullet;
    return ParseNumbered(rest);
  }

  // Returns the nesting depth of a list item indented by `indent`.
  int ListDepth(int indent) {
    while (!list_indents_.empty() && list_indents_.back() > indent) {
      list_indents_.pop_back();
    }
    if (list_indents_.empty() || indent > list_indents_.back()) {
      list_indents_.push_back(indent);
    }
    return static_cast<int>(list_indents_.size()) - 1;
  }

  void Start(const BlockStart& start, int indent) {
    Flush();
    pending_ = MarkdownBlock{};
    pending_->kind = start.kind;
    pending_->level = start.level;
    pending_->number = start.number;
    if (start.kind == MarkdownBlockKind::kHeading) {
      list_indents_.clear();
    } else {
      pending_->level = ListDepth(indent);
    }
    pending_text_ = std::string(start.text);
    // A heading is one line, so the next line starts a new block.
    if (start.kind == MarkdownBlockKind::kHeading) Flush();
  }

  void Continue(std::string_view rest) {
    if (!pending_.has_value()) {
      // A paragraph after a blank line ends any list above it.
      list_indents_.clear();
      pending_ = MarkdownBlock{};
      pending_text_ = std::string(rest);
      return;
    }
    pending_text_ += ' ';
    pending_text_ += rest;
  }

  void AddCodeLine(std::string_view rest) {
    Flush();
    if (rest.empty()) return;
    InlineMarkup code = ConvertCode(rest);
    MarkdownBlock block;
    block.pango_markup = std::move(code.pango_markup);
    block.html = std::move(code.html);
    blocks_.push_back(std::move(block));
  }

  void Flush() {
    if (!pending_.has_value()) return;
    if (!pending_text_.empty()) {
      InlineMarkup content = ConvertInline(pending_text_);
      pending_->pango_markup = std::move(content.pango_markup);
      pending_->html = std::move(content.html);
      blocks_.push_back(std::move(*pending_));
    }
    pending_.reset();
    pending_text_.clear();
  }

  std::vector<MarkdownBlock> blocks_;
  std::optional<MarkdownBlock> pending_;
  std::string pending_text_;
  // Indentation of the enclosing list items, outermost first.
  std::vector<int> list_indents_;
  bool in_fence_ = false;
};

}  // namespace

std::vector<MarkdownBlock> ParseMarkdown(std::string_view markdown) {
  const std::string valid = MakeValidUtf8(markdown);
  BlockBuilder builder;
  for (absl::string_view raw : absl::StrSplit(valid, '\n')) {
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    builder.AddLine(raw);
  }
  return builder.Finish();
}

}  // namespace usage::render
