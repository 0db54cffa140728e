#include "insights/answer.h"

#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"

namespace usage::insights {
namespace {

enum class Heading { kSummary, kInsights };

// Returns which heading `line` is, if any.
std::optional<Heading> HeadingOf(absl::string_view line) {
  line = absl::StripAsciiWhitespace(line);
  bool marked = false;
  size_t hashes = 0;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if (hashes >= 1 && hashes <= 6) {
    line.remove_prefix(hashes);
    marked = true;
  }
  line = absl::StripAsciiWhitespace(line);
  for (absl::string_view emphasis : {"**", "__"}) {
    if (line.size() > 4 && absl::StartsWith(line, emphasis) &&
        absl::EndsWith(line, emphasis)) {
      line = line.substr(2, line.size() - 4);
      marked = true;
    }
  }
  if (!marked) return std::nullopt;
  line = absl::StripAsciiWhitespace(line);
  absl::ConsumeSuffix(&line, ":");
  line = absl::StripAsciiWhitespace(line);
  if (absl::EqualsIgnoreCase(line, "executive summary")) {
    return Heading::kSummary;
  }
  if (absl::EqualsIgnoreCase(line, "insights")) return Heading::kInsights;
  return std::nullopt;
}

// Returns the index of the ')' that closes the '(' at `open`, or npos when
// the line ends first. Parentheses inside a link target nest.
size_t ClosingParenthesis(std::string_view text, size_t open) {
  int depth = 0;
  for (size_t i = open; i < text.size() && text[i] != '\n'; ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

// Returns the index of the ']' that ends the link text starting at `open`,
// or npos when the line ends first.
size_t ClosingBracket(std::string_view text, size_t open) {
  for (size_t i = open + 1; i < text.size() && text[i] != '\n'; ++i) {
    if (text[i] == ']') return i;
  }
  return std::string_view::npos;
}

std::string Trimmed(absl::string_view text) {
  return std::string(absl::StripAsciiWhitespace(text));
}

}  // namespace

InsightAnswer SplitAnswer(std::string_view markdown) {
  absl::string_view text(markdown.data(), markdown.size());
  // Offsets of the first line after each heading, and of the heading.
  std::optional<size_t> summary_start, insights_start;
  size_t summary_heading = 0, insights_heading = 0;
  for (size_t begin = 0; begin < text.size();) {
    size_t end = text.find('\n', begin);
    if (end == absl::string_view::npos) end = text.size();
    std::optional<Heading> heading = HeadingOf(text.substr(begin, end - begin));
    size_t next = end < text.size() ? end + 1 : end;
    if (heading == Heading::kSummary && !summary_start) {
      summary_start = next;
      summary_heading = begin;
    } else if (heading == Heading::kInsights && !insights_start) {
      insights_start = next;
      insights_heading = begin;
    }
    begin = next;
  }

  InsightAnswer answer;
  if (!summary_start && !insights_start) {
    answer.summary = Trimmed(text);
    return answer;
  }
  if (!summary_start) {
    answer.summary = Trimmed(text.substr(0, insights_heading));
    answer.narrative = Trimmed(text.substr(*insights_start));
    return answer;
  }
  if (!insights_start) {
    answer.summary = Trimmed(text.substr(*summary_start));
    return answer;
  }
  // Each part runs to the other's heading when that comes later.
  size_t summary_end =
      insights_heading > summary_heading ? insights_heading : text.size();
  size_t insights_end =
      summary_heading > insights_heading ? summary_heading : text.size();
  answer.summary =
      Trimmed(text.substr(*summary_start, summary_end - *summary_start));
  answer.narrative =
      Trimmed(text.substr(*insights_start, insights_end - *insights_start));
  return answer;
}

std::string StripLinkTargets(std::string_view markdown) {
  std::string out;
  out.reserve(markdown.size());
  for (size_t i = 0; i < markdown.size(); ++i) {
    if (markdown.substr(i, 2) == "![") {
      size_t bracket = ClosingBracket(markdown, i + 1);
      if (bracket != std::string_view::npos &&
          markdown.substr(bracket + 1, 1) == "(") {
        size_t close = ClosingParenthesis(markdown, bracket + 1);
        if (close != std::string_view::npos) {
          i = close;
          continue;
        }
      }
    }
    if (markdown.substr(i, 2) == "](") {
      size_t close = ClosingParenthesis(markdown, i + 1);
      if (close != std::string_view::npos) {
        out += ']';
        i = close;
        continue;
      }
    }
    out += markdown[i];
  }
  return out;
}

}  // namespace usage::insights
