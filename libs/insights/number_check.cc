#include "insights/number_check.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace usage::insights {
namespace {

enum class Kind { kNumber, kDate, kMonth, kDayMonth, kYear, kTime };

// One number found in the text, before matching.
struct Mention {
  Kind kind = Kind::kNumber;
  size_t begin = 0;
  size_t end = 0;
  double value = 0;  // kNumber, kYear, without the sign.
  int sign = 0;      // +1 or -1 for an explicit sign, else 0.
  double scale = 1;  // From "k", "million", "e5" and the like.
  int decimals = 0;  // Digits after the decimal point, kNumber.
  int trailing_zeros = 0;
  int significant = 0;  // Digits before the trailing zeros, kNumber.
  bool percent = false;
  bool ordinal = false;
  bool list_marker = false;   // "2. " or "2) " that starts a line.
  bool used_as_year = false;  // "in 2026", "2026." but not "2026 users".
  // The kind of figure the unit or noun after the number names, if any.
  std::optional<FigureKind> noun;
  int direction = 0;    // +1 after "rose" or "up", -1 after "fell" or "down".
  bool hedged = false;  // After "about", "around" and the like.
  int year = 0, month = 0, day = 0, hour = 0;
};

// The text with non-ASCII digits, signs and spaces replaced by their ASCII
// forms, and the offset in the original text of each byte.
struct AsciiText {
  std::string text;
  // origin[i] is the original offset of text[i]; origin[text.size()] is the
  // original size.
  std::vector<size_t> origin;
};

// Returns the ASCII form of the UTF-8 character at `text[i]` and its length
// in bytes, or {0, 0} when it has none. Covers the digits of the fullwidth
// forms, Arabic-Indic, Eastern Arabic-Indic and Devanagari, fullwidth and
// Arabic signs and separators, the minus sign U+2212 and no-break spaces.
std::pair<char, size_t> AsciiFormAt(absl::string_view text, size_t i) {
  auto byte = [&](size_t k) {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
  };
  const unsigned char b0 = byte(0), b1 = byte(1), b2 = byte(2);
  if (b0 == 0xEF && b1 == 0xBC) {  // U+FF00..U+FF3F
    if (b2 >= 0x90 && b2 <= 0x99) return {char('0' + (b2 - 0x90)), 3};
    switch (b2) {
      case 0x85:
        return {'%', 3};
      case 0x8B:
        return {'+', 3};
      case 0x8C:
        return {',', 3};
      case 0x8D:
        return {'-', 3};
      case 0x8E:
        return {'.', 3};
    }
  }
  if (b0 == 0xD9 && b1 >= 0xA0 && b1 <= 0xA9) return {char('0' + b1 - 0xA0), 2};
  if (b0 == 0xD9 && b1 == 0xAA) return {'%', 2};
  if (b0 == 0xD9 && b1 == 0xAB) return {'.', 2};
  if (b0 == 0xD9 && b1 == 0xAC) return {',', 2};
  if (b0 == 0xDB && b1 >= 0xB0 && b1 <= 0xB9) return {char('0' + b1 - 0xB0), 2};
  if (b0 == 0xE0 && b1 == 0xA5 && b2 >= 0xA6 && b2 <= 0xAF) {
    return {char('0' + (b2 - 0xA6)), 3};
  }
  if (b0 == 0xE2 && b1 == 0x88 && b2 == 0x92) return {'-', 3};  // U+2212
  if (b0 == 0xC2 && b1 == 0xA0) return {' ', 2};                // U+00A0
  if (b0 == 0xE2 && b1 == 0x80 && (b2 == 0xAF || b2 == 0x89)) {
    return {' ', 3};  // U+202F, U+2009
  }
  return {0, 0};
}

AsciiText ToAscii(absl::string_view text) {
  AsciiText ascii;
  for (size_t i = 0; i < text.size();) {
    auto [form, length] = AsciiFormAt(text, i);
    ascii.origin.push_back(i);
    if (length == 0) {
      ascii.text.push_back(text[i]);
      ++i;
    } else {
      ascii.text.push_back(form);
      i += length;
    }
  }
  ascii.origin.push_back(text.size());
  return ascii;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) {
  return absl::ascii_isalpha(static_cast<unsigned char>(c));
}

// Returns the month (1-12) of an English month name or its three-letter
// abbreviation, else 0.
int MonthOf(absl::string_view word) {
  static constexpr const char* kMonths[] = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  for (int m = 0; m < 12; ++m) {
    absl::string_view name = kMonths[m];
    if (absl::EqualsIgnoreCase(word, name)) return m + 1;
    if (word.size() == 3 && absl::EqualsIgnoreCase(word, name.substr(0, 3))) {
      return m + 1;
    }
  }
  return 0;
}

size_t WordEnd(absl::string_view text, size_t i) {
  while (i < text.size() && IsAlpha(text[i])) ++i;
  return i;
}

size_t DigitsEnd(absl::string_view text, size_t i) {
  while (i < text.size() && IsDigit(text[i])) ++i;
  return i;
}

// Reads the whole number of `count` digits at `i`, or returns nullopt.
std::optional<int> FixedDigits(absl::string_view text, size_t i, size_t count) {
  if (DigitsEnd(text, i) != i + count) return std::nullopt;
  int value = 0;
  if (!absl::SimpleAtoi(text.substr(i, count), &value)) return std::nullopt;
  return value;
}

// Reads a year of four digits after one space at `i`: " 2026" or ", 2026".
std::optional<std::pair<int, size_t>> YearAfter(absl::string_view text,
                                                size_t i) {
  if (i < text.size() && text[i] == ',') ++i;
  if (i >= text.size() || text[i] != ' ') return std::nullopt;
  ++i;
  std::optional<int> year = FixedDigits(text, i, 4);
  if (!year) return std::nullopt;
  return std::make_pair(*year, i + 4);
}

// Reads the unit after a number at `i` and returns its end, or `i`.
size_t UnitEnd(absl::string_view text, size_t i, Mention& mention) {
  size_t start = i;
  if (start < text.size() && text[start] == '%') {
    mention.percent = true;
    mention.noun = FigureKind::kPercent;
    return start + 1;
  }
  if (start < text.size() && text[start] == ' ') ++start;
  if (start < text.size() && text[start] == '%') {
    mention.percent = true;
    mention.noun = FigureKind::kPercent;
    return start + 1;
  }
  size_t end = WordEnd(text, start);
  absl::string_view word = text.substr(start, end - start);
  if (absl::EqualsIgnoreCase(word, "percent")) {
    mention.percent = true;
    mention.noun = FigureKind::kPercent;
    return end;
  }
  static constexpr const char* kUnits[] = {
      "hours",  "hour", "hrs",  "hr",      "h",      "minutes",
      "minute", "mins", "min",  "seconds", "second", "secs",
      "sec",    "s",    "days", "day",     "x"};
  for (absl::string_view unit : kUnits) {
    if (!absl::EqualsIgnoreCase(word, unit)) continue;
    if (unit == "days" || unit == "day") {
      mention.noun = FigureKind::kDays;
    } else if (unit != "x") {
      mention.noun = FigureKind::kDuration;
    }
    return end;
  }
  return i;
}

// Returns the kind of figure that a count noun such as "conversations"
// counts, or nullopt for another word.
std::optional<FigureKind> KindOfNoun(absl::string_view word) {
  struct Noun {
    absl::string_view singular;
    FigureKind kind;
  };
  static constexpr Noun kNouns[] = {
      {"conversation", FigureKind::kConversations},
      {"login", FigureKind::kLogins},
      {"message", FigureKind::kMessages},
      {"session", FigureKind::kSessions},
      {"chat", FigureKind::kSessions},
      {"project", FigureKind::kProjects},
      {"report", FigureKind::kReports},
      {"user", FigureKind::kUsers},
      {"tag", FigureKind::kOther},
      {"hour", FigureKind::kDuration},
      {"minute", FigureKind::kDuration},
      {"day", FigureKind::kDays},
      {"week", FigureKind::kDays}};
  for (const Noun& noun : kNouns) {
    if (absl::EqualsIgnoreCase(word, noun.singular) ||
        (word.size() == noun.singular.size() + 1 &&
         absl::EqualsIgnoreCase(word.substr(0, noun.singular.size()),
                                noun.singular) &&
         (word.back() == 's' || word.back() == 'S'))) {
      return noun.kind;
    }
  }
  return std::nullopt;
}

// Returns the word that starts after the spaces at `i`, and its end.
std::pair<absl::string_view, size_t> WordAfter(absl::string_view text,
                                               size_t i) {
  while (i < text.size() && text[i] == ' ') ++i;
  const size_t end = WordEnd(text, i);
  return {text.substr(i, end - i), end};
}

// Returns the kind counted by the noun right after `i` ("35 conversations"),
// after adjectives ("12 new projects", "2 unique users"), or by the last of
// nouns in a row ("26 login days" counts days, "9 chat messages" messages).
std::optional<FigureKind> NounAfter(absl::string_view text, size_t i) {
  static constexpr absl::string_view kAdjectives[] = {
      "new",    "recorded",   "active",    "empty",  "user",      "uploaded",
      "unique", "distinct",   "separate",  "total",  "more",      "fewer",
      "owned",  "additional", "published", "failed", "assistant", "other"};
  auto is_adjective = [](absl::string_view word) {
    return std::any_of(std::begin(kAdjectives), std::end(kAdjectives),
                       [&](absl::string_view adjective) {
                         return absl::EqualsIgnoreCase(word, adjective);
                       });
  };
  constexpr int kMaxWords = 3;
  std::optional<FigureKind> kind;
  size_t position = i;
  for (int n = 0; n < kMaxWords; ++n) {
    auto [word, end] = WordAfter(text, position);
    if (auto noun = KindOfNoun(word)) {
      kind = noun;
    } else if (kind.has_value() || !is_adjective(word)) {
      break;
    }
    position = end;
  }
  return kind;
}

// Returns the word that ends before the spaces before `i`.
absl::string_view WordBefore(absl::string_view text, size_t i) {
  size_t end = i;
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t begin = end;
  while (begin > 0 && IsAlpha(text[begin - 1])) --begin;
  return text.substr(begin, end - begin);
}

bool IsOneOf(absl::string_view word,
             std::initializer_list<absl::string_view> words) {
  for (absl::string_view w : words) {
    if (absl::EqualsIgnoreCase(word, w)) return true;
  }
  return false;
}

// Reads the direction word ("rose", "down") and the hedge ("about") right
// before the number at `i`, skipping a "by" between them.
void ReadWordsBefore(absl::string_view text, size_t i, Mention& mention) {
  absl::string_view word = WordBefore(text, i);
  if (IsOneOf(word, {"about", "around", "roughly", "nearly", "almost", "over",
                     "some", "approximately"})) {
    mention.hedged = true;
  }
  if (absl::EqualsIgnoreCase(word, "by")) {
    word = WordBefore(text, static_cast<size_t>(word.data() - text.data()));
  }
  if (IsOneOf(word, {"rose", "grew", "up", "increased", "climbed", "jumped",
                     "rising", "growing"})) {
    mention.direction = 1;
  } else if (IsOneOf(word, {"fell", "dropped", "down", "decreased", "declined",
                            "falling", "dropping"})) {
    mention.direction = -1;
  }
}

// Reads the exponent of scientific notation ("e5", "E-3") at `i` into
// `mention.scale`; returns its end, or `i` when there is none.
size_t ExponentEnd(absl::string_view text, size_t i, Mention& mention) {
  if (i >= text.size() || (text[i] != 'e' && text[i] != 'E')) return i;
  size_t start = i + 1;
  if (start < text.size() && (text[start] == '+' || text[start] == '-')) {
    ++start;
  }
  size_t end = DigitsEnd(text, start);
  if (end == start || end - start > 3 ||
      (end < text.size() && IsAlpha(text[end]))) {
    return i;
  }
  int exponent = 0;
  absl::SimpleAtoi(text.substr(i + 1, end - i - 1), &exponent);
  mention.scale *= std::pow(10.0, exponent);
  return end;
}

// Reads a magnitude after a number at `i` into `mention.scale`: "k", "m",
// "bn" right after the digits, or "thousand", "million", "mln", "billion", "bn"
// after a space. Returns its end, or `i` when there is none.
// NOTE: "5m" is read as five million, never as five minutes.
size_t MagnitudeEnd(absl::string_view text, size_t i, Mention& mention) {
  struct Magnitude {
    absl::string_view word;
    double scale;
  };
  static constexpr Magnitude kGlued[] = {
      {"k", 1e3}, {"K", 1e3}, {"m", 1e6}, {"M", 1e6}, {"bn", 1e9}};
  static constexpr Magnitude kWords[] = {{"thousand", 1e3},
                                         {"million", 1e6},
                                         {"mln", 1e6},
                                         {"billion", 1e9},
                                         {"bn", 1e9}};
  size_t end = WordEnd(text, i);
  absl::string_view glued = text.substr(i, end - i);
  for (const Magnitude& magnitude : kGlued) {
    if (glued == magnitude.word) {
      mention.scale *= magnitude.scale;
      return end;
    }
  }
  if (i >= text.size() || text[i] != ' ') return i;
  end = WordEnd(text, i + 1);
  absl::string_view word = text.substr(i + 1, end - i - 1);
  for (const Magnitude& magnitude : kWords) {
    if (absl::EqualsIgnoreCase(word, magnitude.word)) {
      mention.scale *= magnitude.scale;
      return end;
    }
  }
  return i;
}

// Reads a plain number ("3,910", "55.6", "1e5") at `i` into `mention`;
// returns its end.
size_t ReadNumber(absl::string_view text, size_t i, Mention& mention) {
  std::string digits;
  size_t end = DigitsEnd(text, i);
  absl::StrAppend(&digits, text.substr(i, end - i));
  // Thousands separators: a comma followed by exactly three digits.
  while (end + 4 <= text.size() && text[end] == ',' &&
         DigitsEnd(text, end + 1) == end + 4) {
    absl::StrAppend(&digits, text.substr(end + 1, 3));
    end += 4;
  }
  size_t integer_digits = digits.size();
  if (end + 1 < text.size() && text[end] == '.' && IsDigit(text[end + 1])) {
    size_t fraction_end = DigitsEnd(text, end + 1);
    mention.decimals = static_cast<int>(fraction_end - end - 1);
    absl::StrAppend(&digits, ".", text.substr(end + 1, fraction_end - end - 1));
    end = fraction_end;
  }
  absl::SimpleAtod(digits, &mention.value);
  end = ExponentEnd(text, end, mention);
  if (mention.decimals == 0) {
    size_t zeros = 0;
    while (zeros < integer_digits &&
           digits[integer_digits - 1 - zeros] == '0') {
      ++zeros;
    }
    mention.trailing_zeros = static_cast<int>(zeros);
    mention.significant = static_cast<int>(integer_digits - zeros);
  }
  return end;
}

// Returns whether the word before `i` is one that introduces a year.
bool FollowsYearWord(absl::string_view text, size_t i) {
  size_t end = i;
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t begin = end;
  while (begin > 0 && IsAlpha(text[begin - 1])) --begin;
  absl::string_view word = text.substr(begin, end - begin);
  static constexpr absl::string_view kYearWords[] = {
      "in",    "since", "of",      "during", "from",       "until",
      "till",  "to",    "through", "by",     "before",     "after",
      "early", "late",  "mid",     "for",    "throughout", "year"};
  for (absl::string_view year_word : kYearWords) {
    if (absl::EqualsIgnoreCase(word, year_word)) return true;
  }
  return false;
}

// Returns whether the four digits in [begin, end) are used as a year: after
// a word such as "in" or "since", or not followed by a count noun, so that
// "The 2026 activity" names a year and "2026 conversations" counts.
bool IsUsedAsYear(absl::string_view text, size_t begin, size_t end) {
  if (FollowsYearWord(text, begin)) return true;
  return !NounAfter(text, end).has_value();
}

// Returns whether the number in [begin, end) numbers a list item: only
// spaces before it on its line, then "." or ")" and a space.
bool IsListMarker(absl::string_view text, size_t begin, size_t end) {
  size_t line = begin;
  while (line > 0 && text[line - 1] == ' ') --line;
  if (line > 0 && text[line - 1] != '\n') return false;
  return end + 1 < text.size() && (text[end] == '.' || text[end] == ')') &&
         text[end + 1] == ' ';
}

// Reads " November", " of November" and an optional year after the day in
// `m` into `m`, making it a date.
void ReadMonthAfterDay(absl::string_view text, Mention& m) {
  if (m.value < 1 || m.value > 31) return;
  auto [word, end] = WordAfter(text, m.end);
  if (absl::EqualsIgnoreCase(word, "of")) {
    std::tie(word, end) = WordAfter(text, end);
  }
  const int month = MonthOf(word);
  if (month == 0) return;
  m.kind = Kind::kDayMonth;
  m.ordinal = false;
  m.day = static_cast<int>(m.value), m.month = month;
  m.end = end;
  if (auto year = YearAfter(text, end)) {
    m.kind = Kind::kDate;
    m.year = year->first;
    m.end = year->second;
  }
}

// Reads "29/11" or "29/11/2026" (day first) at `i` into `m`.
bool ReadSlashDate(absl::string_view text, size_t i, Mention& m) {
  const size_t day_end = DigitsEnd(text, i);
  if (day_end - i > 2 || day_end >= text.size() || text[day_end] != '/') {
    return false;
  }
  const size_t month_end = DigitsEnd(text, day_end + 1);
  if (month_end - day_end - 1 == 0 || month_end - day_end - 1 > 2) {
    return false;
  }
  int day = 0, month = 0;
  absl::SimpleAtoi(text.substr(i, day_end - i), &day);
  absl::SimpleAtoi(text.substr(day_end + 1, month_end - day_end - 1), &month);
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  m.kind = Kind::kDayMonth;
  m.day = day, m.month = month;
  m.end = month_end;
  if (month_end < text.size() && text[month_end] == '/') {
    if (auto year = FixedDigits(text, month_end + 1, 4)) {
      m.kind = Kind::kDate;
      m.year = *year;
      m.end = month_end + 5;
    }
  }
  return true;
}

// Reads the number, date or time that starts with a digit at `i`.
Mention ReadFromDigit(absl::string_view text, size_t i) {
  Mention m;
  m.begin = i;
  // 2026-03-01
  if (auto year = FixedDigits(text, i, 4); year && i + 10 <= text.size() &&
                                           text[i + 4] == '-' &&
                                           text[i + 7] == '-') {
    auto month = FixedDigits(text, i + 5, 2);
    auto day = FixedDigits(text, i + 8, 2);
    if (month && day) {
      m.kind = Kind::kDate;
      m.year = *year, m.month = *month, m.day = *day;
      m.end = i + 10;
      return m;
    }
  }
  // 14:00
  size_t digits_end = DigitsEnd(text, i);
  if (digits_end - i <= 2 && digits_end < text.size() &&
      text[digits_end] == ':' && FixedDigits(text, digits_end + 1, 2)) {
    m.kind = Kind::kTime;
    absl::SimpleAtoi(text.substr(i, digits_end - i), &m.hour);
    m.end = digits_end + 3;
    return m;
  }
  if (ReadSlashDate(text, i, m)) return m;
  m.end = ReadNumber(text, i, m);
  // 90th, 1st, 2nd, 3rd; "17th November", "the 17th of November"
  size_t word_end = WordEnd(text, m.end);
  absl::string_view suffix = text.substr(m.end, word_end - m.end);
  for (absl::string_view ordinal : {"st", "nd", "rd", "th"}) {
    if (m.decimals == 0 && absl::EqualsIgnoreCase(suffix, ordinal)) {
      m.ordinal = true;
      m.end = word_end;
      ReadMonthAfterDay(text, m);
      return m;
    }
  }
  // 1 March, 1 March 2026
  if (m.decimals == 0 && m.value >= 1 && m.value <= 31 && m.end < text.size() &&
      text[m.end] == ' ') {
    size_t month_end = WordEnd(text, m.end + 1);
    if (int month = MonthOf(text.substr(m.end + 1, month_end - m.end - 1))) {
      m.kind = Kind::kDayMonth;
      m.day = static_cast<int>(m.value), m.month = month;
      m.end = month_end;
      if (auto year = YearAfter(text, month_end)) {
        m.kind = Kind::kDate;
        m.year = year->first;
        m.end = year->second;
      }
      return m;
    }
  }
  m.end = MagnitudeEnd(text, m.end, m);
  const bool plain = m.decimals == 0 && digits_end == m.end;
  if (plain && m.value >= 1900 && m.value <= 2100 && digits_end - i == 4) {
    m.kind = Kind::kYear;
    m.year = static_cast<int>(m.value);
    m.used_as_year = IsUsedAsYear(text, i, m.end);
    m.noun = NounAfter(text, m.end);
    return m;
  }
  m.list_marker =
      m.decimals == 0 && m.scale == 1 && IsListMarker(text, i, m.end);
  m.end = UnitEnd(text, m.end, m);
  if (!m.noun) m.noun = NounAfter(text, m.end);
  return m;
}

// Reads "March 2026", "March 1" or "March 1, 2026" at the month name that
// spans [i, word_end); returns nullopt for a month name alone.
std::optional<Mention> ReadFromMonth(absl::string_view text, size_t i,
                                     size_t word_end, int month) {
  if (word_end >= text.size() || text[word_end] != ' ') return std::nullopt;
  size_t start = word_end + 1;
  size_t digits_end = DigitsEnd(text, start);
  // "November 17th"
  size_t suffix_end = WordEnd(text, digits_end);
  const bool ordinal = digits_end - start > 0 && digits_end - start <= 2 &&
                       IsOneOf(text.substr(digits_end, suffix_end - digits_end),
                               {"st", "nd", "rd", "th"});
  if (!ordinal && digits_end < text.size() && IsAlpha(text[digits_end])) {
    return std::nullopt;
  }
  Mention m;
  m.begin = i;
  m.month = month;
  if (digits_end - start == 4) {
    m.kind = Kind::kMonth;
    absl::SimpleAtoi(text.substr(start, 4), &m.year);
    m.end = digits_end;
    return m;
  }
  if (digits_end - start == 0 || digits_end - start > 2) return std::nullopt;
  m.kind = Kind::kDayMonth;
  absl::SimpleAtoi(text.substr(start, digits_end - start), &m.day);
  if (ordinal) digits_end = suffix_end;
  m.end = digits_end;
  if (auto year = YearAfter(text, digits_end)) {
    m.kind = Kind::kDate;
    m.year = year->first;
    m.end = year->second;
  }
  return m;
}

// Returns the length of a sign at `i` that starts a number, or 0.
size_t SignLength(absl::string_view text, size_t i) {
  if (i > 0 && (absl::ascii_isalnum(static_cast<unsigned char>(text[i - 1])))) {
    return 0;
  }
  if (text[i] != '+' && text[i] != '-') return 0;
  return i + 1 < text.size() && IsDigit(text[i + 1]) ? 1 : 0;
}

std::vector<Mention> FindMentions(absl::string_view text) {
  std::vector<Mention> mentions;
  for (size_t i = 0; i < text.size();) {
    if (IsAlpha(text[i])) {
      size_t word_end = WordEnd(text, i);
      absl::string_view word = text.substr(i, word_end - i);
      if (int month = MonthOf(word)) {
        if (auto m = ReadFromMonth(text, i, word_end, month)) {
          mentions.push_back(*m);
          i = m->end;
          continue;
        }
      }
      // Digits glued to a word ("p90") are part of it; "User 2" is a name.
      i = word_end;
      while (i < text.size() &&
             (absl::ascii_isalnum(static_cast<unsigned char>(text[i])) ||
              text[i] == '_')) {
        ++i;
      }
      if (absl::EqualsIgnoreCase(word, "user") && i + 1 < text.size() &&
          text[i] == ' ' && IsDigit(text[i + 1])) {
        i = DigitsEnd(text, i + 1);
      }
      continue;
    }
    size_t sign = SignLength(text, i);
    if (IsDigit(text[i]) || sign > 0) {
      Mention m = ReadFromDigit(text, i + sign);
      m.begin = i;
      ReadWordsBefore(text, i, m);
      if (sign > 0) m.sign = text[i] == '-' ? -1 : 1;
      mentions.push_back(m);
      i = m.end;
      // Skip the rest of a token such as "4o" or "1.2.3".
      while (
          i < text.size() &&
          (absl::ascii_isalnum(static_cast<unsigned char>(text[i])) ||
           (text[i] == '.' && i + 1 < text.size() && IsDigit(text[i + 1])))) {
        ++i;
      }
      continue;
    }
    ++i;
  }
  return mentions;
}

// Returns whether `figure` is of the kind the number's unit or noun names;
// a number without one may quote any figure.
bool KindAgrees(const Mention& m, const Figure& figure) {
  return !m.noun || figure.kind == *m.noun || figure.kind == FigureKind::kAny;
}

// Returns whether the sign of `value` agrees with a direction word before a
// percentage ("fell 21 %" quotes a negative change).
bool DirectionAgrees(const Mention& m, double value) {
  if (!m.percent || m.direction == 0) return true;
  return m.direction > 0 ? value >= 0 : value <= 0;
}

bool MatchesValue(const Mention& m, const std::vector<Figure>& values) {
  // A figure matches when it rounds to the number at the precision shown.
  double tolerance = 0.5 * std::pow(10.0, -m.decimals);
  // "3,900" may round 3,912; "about 200" may round 249 too.
  if (m.trailing_zeros > 0 && (m.significant >= 2 || m.hedged)) {
    tolerance = 0.5 * std::pow(10.0, m.trailing_zeros);
  }
  tolerance *= m.scale;
  const double number = m.value * m.scale * (m.sign < 0 ? -1 : 1);
  for (const Figure& f : values) {
    if (!KindAgrees(m, f) || !DirectionAgrees(m, f.value)) continue;
    // "fell by 12 %" quotes the change -12 without its sign, but an explicit
    // sign must agree with the figure's.
    const double figure = m.sign == 0 ? std::fabs(f.value) : f.value;
    if (std::fabs(figure - number) <= tolerance * (1 + 1e-9)) return true;
  }
  return false;
}

bool Matches(const Mention& m, const ReportFigures& figures) {
  switch (m.kind) {
    case Kind::kNumber:
      if (m.ordinal || m.list_marker) return true;
      return MatchesValue(m, figures.values);
    case Kind::kDate:
      return figures.dates.count({m.year, m.month, m.day}) > 0;
    case Kind::kDayMonth:
      for (const CalendarDate& date : figures.dates) {
        if (std::get<1>(date) == m.month && std::get<2>(date) == m.day) {
          return true;
        }
      }
      return false;
    case Kind::kMonth:
      return figures.months.count({m.year, m.month}) > 0;
    case Kind::kYear:
      for (const auto& [year, month] : figures.months) {
        if (m.used_as_year && year == m.year) return true;
      }
      return MatchesValue(m, figures.values);
    case Kind::kTime:
      return figures.login_hours.count(m.hour) > 0;
  }
  return false;
}

// Replaces each of `names` in `text`, ignoring case, longest first, by
// letters of the same length, so that "Panel 2026" reads as one word.
void MaskNames(const std::vector<std::string>& names, std::string& text) {
  std::vector<std::string> sorted = names;
  std::sort(sorted.begin(), sorted.end(),
            [](const std::string& a, const std::string& b) {
              return a.size() > b.size();
            });
  std::string lower = absl::AsciiStrToLower(text);
  for (const std::string& name : sorted) {
    const std::string needle = absl::AsciiStrToLower(name);
    for (size_t at = lower.find(needle); at != std::string::npos;
         at = lower.find(needle, at + needle.size())) {
      const size_t end = at + needle.size();
      const bool word_start = at == 0 || !IsAlpha(lower[at - 1]);
      const bool word_end = end >= lower.size() || !IsAlpha(lower[end]);
      if (!word_start || !word_end) continue;
      std::fill(text.begin() + at, text.begin() + end, 'x');
      std::fill(lower.begin() + at, lower.begin() + end, 'x');
    }
  }
}

}  // namespace

std::vector<NumberMention> FindUnmatchedNumbers(std::string_view text,
                                                const ReportFigures& figures) {
  absl::string_view view(text.data(), text.size());
  AsciiText ascii = ToAscii(view);
  MaskNames(figures.names, ascii.text);
  std::vector<NumberMention> unmatched;
  for (const Mention& m : FindMentions(ascii.text)) {
    if (Matches(m, figures)) continue;
    const size_t begin = ascii.origin[m.begin];
    const size_t end = ascii.origin[m.end];
    unmatched.push_back({std::string(view.substr(begin, end - begin)), begin});
  }
  return unmatched;
}

std::string MarkUnverified(std::string_view text,
                           const std::vector<NumberMention>& unmatched) {
  std::string out;
  size_t copied = 0;
  for (const NumberMention& mention : unmatched) {
    size_t end = mention.offset + mention.text.size();
    if (mention.offset < copied || end > text.size()) continue;
    out.append(text.substr(copied, end - copied));
    out += " (unverified)";
    copied = end;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace usage::insights
