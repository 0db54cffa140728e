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

}  // namespace usage::insights
