#include "insights/redaction.h"

#include <glib.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <vector>

namespace usage::insights {
namespace {

constexpr char kReplacementCharacter[] = "\xEF\xBF\xBD";  // U+FFFD

struct Range {
  size_t begin = 0;
  size_t end = 0;
  const char* placeholder = "";
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsAlnum(char c) { return IsDigit(c) || IsAlpha(c); }
bool IsNonAscii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

// Letters of a domain label; non-ASCII bytes count, so that internationalised
// domains are caught too.
bool IsLabelChar(char c) { return IsAlnum(c) || c == '-' || IsNonAscii(c); }

bool IsLocalPartChar(char c) {
  return IsAlnum(c) || IsNonAscii(c) || c == '.' || c == '_' || c == '%' ||
         c == '+' || c == '-' || c == '\'';
}

// Returns the length of the UTF-8 sequence at `text[i]`, or 0 when it is
// invalid (overlong, surrogate, above U+10FFFF or truncated).
size_t ValidSequenceLength(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(text[i + k]); };
  const uint8_t lead = byte(0);
  if (lead < 0x80) return 1;
  size_t length = 0;
  uint8_t low = 0x80, high = 0xBF;  // Allowed range of the second byte.
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // Overlong.
    if (lead == 0xED) high = 0x9F;  // Surrogates.
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // Overlong.
    if (lead == 0xF4) high = 0x8F;  // Above U+10FFFF.
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(1) < low || byte(1) > high) return 0;
  for (size_t k = 2; k < length; ++k) {
    if (byte(k) < 0x80 || byte(k) > 0xBF) return 0;
  }
  return length;
}

// Returns the end of a domain (labels joined by dots) starting at `begin`,
// or `begin` when there is none. A domain needs a dot and a last label of
// at least two letters.
size_t DomainEnd(std::string_view text, size_t begin) {
  size_t i = begin;
  size_t labels = 0;
  size_t last_label_start = begin;
  size_t end = begin;
  while (i < text.size() && IsLabelChar(text[i])) {
    last_label_start = i;
    while (i < text.size() && IsLabelChar(text[i])) ++i;
    ++labels;
    end = i;
    if (i + 1 < text.size() && text[i] == '.' && IsLabelChar(text[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  if (labels < 2) return begin;
  size_t letters = 0;
  for (size_t k = last_label_start; k < end; ++k) {
    if (!IsAlpha(text[k]) && !IsNonAscii(text[k])) return begin;
    ++letters;
  }
  return letters >= 2 ? end : begin;
}

// Returns the end of the rest of a URL starting at `i`: up to white space
// or a quote, without trailing punctuation.
size_t UrlRestEnd(std::string_view text, size_t i) {
  constexpr std::string_view kStops = " \t\r\n\"'<>`";
  while (i < text.size() && kStops.find(text[i]) == std::string_view::npos) {
    ++i;
  }
  constexpr std::string_view kTrailing = ".,;:!?)]}";
  while (i > 0 && kTrailing.find(text[i - 1]) != std::string_view::npos) --i;
  return i;
}

bool StartsWithIgnoringCase(std::string_view text, size_t i,
                            std::string_view prefix) {
  if (text.size() - i < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    char c = text[i + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[k]) return false;
  }
  return true;
}

// Returns the end of "scheme://" at `i`, such as "ftp://", or 0 when there
// is none. A scheme is a letter followed by letters, digits, '+', '-' or '.'.
size_t SchemeEnd(std::string_view text, size_t i) {
  if (i >= text.size() || !IsAlpha(text[i])) return 0;
  size_t end = i + 1;
  while (end < text.size() && (IsAlnum(text[end]) || text[end] == '+' ||
                               text[end] == '-' || text[end] == '.')) {
    ++end;
  }
  return text.substr(end, 3) == "://" ? end + 3 : 0;
}

void FindUrls(std::string_view text, std::vector<Range>& ranges) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && (IsAlnum(text[i - 1]) || text[i - 1] == '.')) continue;
    size_t after = SchemeEnd(text, i);
    if (StartsWithIgnoringCase(text, i, "www.")) after = i + 4;
    if (after == 0 || after >= text.size()) continue;
    size_t end = UrlRestEnd(text, after);
    if (end <= after) continue;
    ranges.push_back({i, end, "[url]"});
    i = end - 1;
  }
}

// Finds domains followed by a path, such as "example.com/page".
void FindBareUrls(std::string_view text, std::vector<Range>& ranges) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (!IsLabelChar(text[i])) continue;
    if (i > 0 && (IsLabelChar(text[i - 1]) || text[i - 1] == '.' ||
                  text[i - 1] == '@' || text[i - 1] == '/')) {
      continue;
    }
    size_t domain_end = DomainEnd(text, i);
    if (domain_end == i) continue;
    if (domain_end < text.size() && text[domain_end] == '/') {
      ranges.push_back(
          {i, std::max(UrlRestEnd(text, domain_end + 1), domain_end + 1),
           "[url]"});
    }
    i = domain_end;
  }
}

// Longest quoted local part or address literal that is searched for.
constexpr size_t kMaxQuotedLength = 64;

// Returns the start of the local part that ends at `at`, or `at` when there
// is none. A quoted local part ("a b"@example.com) may contain spaces.
size_t LocalPartBegin(std::string_view text, size_t at) {
  if (at > 1 && text[at - 1] == '"') {
    size_t open = text.rfind('"', at - 2);
    if (open != std::string_view::npos && at - open <= kMaxQuotedLength &&
        text.substr(open, at - open).find('\n') == std::string_view::npos) {
      return open;
    }
  }
  size_t begin = at;
  while (begin > 0 && IsLocalPartChar(text[begin - 1])) --begin;
  while (begin < at && text[begin] == '.') ++begin;
  return begin;
}

// Returns the end of the domain of an address whose '@' is at `at`, or
// `at + 1` when there is none. Unlike DomainEnd, a single label
// ("localhost") and an address literal ("[192.168.1.1]") count.
size_t EmailDomainEnd(std::string_view text, size_t at) {
  const size_t begin = at + 1;
  if (begin < text.size() && text[begin] == '[') {
    size_t close = text.find(']', begin);
    if (close == std::string_view::npos || close - begin > kMaxQuotedLength) {
      return begin;
    }
    for (size_t i = begin + 1; i < close; ++i) {
      if (!IsAlnum(text[i]) && text[i] != '.' && text[i] != ':') return begin;
    }
    return close > begin + 1 ? close + 1 : begin;
  }
  size_t end = DomainEnd(text, begin);
  if (end > begin) return end;
  while (end < text.size() && IsLabelChar(text[end])) ++end;
  while (end > begin && text[end - 1] == '-') --end;
  return end;
}

void FindEmails(std::string_view text, std::vector<Range>& ranges) {
  for (size_t at = text.find('@'); at != std::string_view::npos;
       at = text.find('@', at + 1)) {
    size_t begin = LocalPartBegin(text, at);
    if (begin == at) continue;
    size_t end = EmailDomainEnd(text, at);
    if (end == at + 1) continue;
    ranges.push_back({begin, end, "[email]"});
  }
}

// Returns true when the digit groups of a run look like a date: a year
// (19xx or 20xx) next to a dash, slash or dot.
bool LooksLikeDate(std::string_view run) {
  for (size_t i = 0; i + 4 <= run.size(); ++i) {
    bool starts_group = i == 0 || !IsDigit(run[i - 1]);
    bool four_digits = IsDigit(run[i]) && IsDigit(run[i + 1]) &&
                       IsDigit(run[i + 2]) && IsDigit(run[i + 3]) &&
                       (i + 4 == run.size() || !IsDigit(run[i + 4]));
    if (!starts_group || !four_digits) continue;
    if (run.substr(i, 2) != "19" && run.substr(i, 2) != "20") continue;
    char before = i > 0 ? run[i - 1] : ' ';
    char after = i + 4 < run.size() ? run[i + 4] : ' ';
    for (char c : {before, after}) {
      if (c == '-' || c == '/' || c == '.') return true;
    }
  }
  return false;
}

// Decides whether a run of digits and separators is a phone number.
bool IsPhoneNumber(std::string_view run) {
  std::vector<size_t> groups;
  bool separated = false;
  bool only_dots = true;
  for (size_t i = 0; i < run.size();) {
    if (IsDigit(run[i])) {
      size_t start = i;
      while (i < run.size() && IsDigit(run[i])) ++i;
      groups.push_back(i - start);
      continue;
    }
    if (run[i] != '+') {
      separated = true;
      if (run[i] != '.') only_dots = false;
    }
    ++i;
  }
  size_t digits = 0;
  for (size_t group : groups) digits += group;
  if (run[0] == '+') return digits >= 8 && digits <= 15;
  if (digits < 9 || digits > 15) return false;
  if (!separated && run[0] != '0') return false;
  if (LooksLikeDate(run)) return false;
  bool all_four = std::all_of(groups.begin(), groups.end(),
                              [](size_t g) { return g == 4; });
  if (all_four && groups.size() > 1) return false;  // Years side by side.
  bool ip_like = only_dots && groups.size() == 4 &&
                 std::all_of(groups.begin(), groups.end(),
                             [](size_t g) { return g <= 3; });
  return !ip_like;
}

// Returns true when the character before `i` lets a phone number start at
// `i`. A digit, letter or separator right before it means `i` is inside a
// number or a word, except after a label such as "tel:" or "Tel.".
bool MayStartPhoneNumber(std::string_view text, size_t i) {
  const char before = text[i - 1];
  if ((before == ':' || before == '.') && i > 1 && IsAlpha(text[i - 2])) {
    return true;
  }
  return !(IsAlnum(before) || before == ',' || before == '.' || before == ':' ||
           before == '-' || before == '/' || before == '+');
}

// Returns true when the character at `end` makes a run of digits part of
// something else: a word ("5678abc"), a percentage, a count ("3,910") or a
// time ("12:30"). A comma or colon followed by a space or the end of the
// text is punctuation.
bool IsGluedAfter(std::string_view text, size_t end) {
  const char after = text[end];
  if (IsAlpha(after) || after == '%') return true;
  if (after != ',' && after != ':') return false;
  return end + 1 < text.size() && IsDigit(text[end + 1]);
}

void FindPhoneNumbers(std::string_view text, std::vector<Range>& ranges) {
  constexpr std::string_view kSeparators = " -./()";
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (!IsDigit(c) && c != '+' && c != '(') continue;
    if (i > 0 && !MayStartPhoneNumber(text, i)) continue;
    size_t end = i + 1;
    while (end < text.size() &&
           (IsDigit(text[end]) ||
            kSeparators.find(text[end]) != std::string_view::npos)) {
      ++end;
    }
    // A run ends with its last digit, or a closing parenthesis.
    while (end > i && !IsDigit(text[end - 1])) --end;
    if (end == i) continue;
    bool glued = end < text.size() && IsGluedAfter(text, end);
    if (!glued && IsPhoneNumber(text.substr(i, end - i))) {
      ranges.push_back({i, end, "[phone]"});
    }
    i = end;
  }
}

// Returns valid UTF-8 `text` in NFKC, so that fullwidth and other
// compatibility forms ("０６", "＠") become the ASCII ones the finders
// match. NUL characters are kept; GLib stops at them, so the text is
// normalised piece by piece.
std::string NormalizeCompatibility(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  size_t start = 0;
  while (true) {
    size_t nul = text.find('\0', start);
    size_t end = nul == std::string::npos ? text.size() : nul;
    std::unique_ptr<gchar, decltype(&g_free)> normalized(
        g_utf8_normalize(text.data() + start, static_cast<gssize>(end - start),
                         G_NORMALIZE_NFKC),
        g_free);
    if (normalized != nullptr) {
      out += normalized.get();
    } else {
      out.append(text, start, end - start);
    }
    if (nul == std::string::npos) return out;
    out += '\0';
    start = nul + 1;
  }
}

}  // namespace

std::string ToValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t length = ValidSequenceLength(text, i);
    if (length == 0) {
      out += kReplacementCharacter;
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

std::string RedactPrivateData(std::string_view text) {
  const std::string valid = NormalizeCompatibility(ToValidUtf8(text));
  std::vector<Range> ranges;
  FindUrls(valid, ranges);
  FindBareUrls(valid, ranges);
  FindEmails(valid, ranges);
  FindPhoneNumbers(valid, ranges);

  // Where ranges overlap, the earliest (then the longest) wins, so a URL
  // that contains an email is replaced as one URL.
  std::sort(ranges.begin(), ranges.end(), [](const Range& a, const Range& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::string out;
  size_t copied = 0;
  for (const Range& range : ranges) {
    if (range.begin < copied) {
      copied = std::max(copied, range.end);
      continue;
    }
    out.append(valid, copied, range.begin - copied);
    out += range.placeholder;
    copied = range.end;
  }
  out.append(valid, copied, std::string::npos);
  return out;
}

}  // namespace usage::insights
