#include "metrics/query_topics.h"

#include <glib.h>

#include <algorithm>
#include <memory>

#include "absl/container/flat_hash_map.h"
#include "metrics/period_metrics.h"

namespace usage::metrics_internal {
namespace {

using GlibText = std::unique_ptr<gchar, decltype(&g_free)>;

// A URL starts with a scheme followed by this, or with "www.".
constexpr std::string_view kSchemeSeparator = "://";
constexpr std::string_view kWebPrefix = "www.";

// Maximum length of a kept word, in characters. Longer letter runs are not words people
// ask about (a pasted base64 blob, say), and dropping them keeps one message
// from making the report megabytes large.
constexpr glong kMaxWordCharacters = 40;

// Returns `text` as valid UTF-8, lower-cased and composed to NFC. NUL
// characters become spaces, because the GLib calls below stop at the first
// NUL. Case mapping can produce decomposed sequences (U+0130 lowers to "i"
// and a combining dot), so composition comes last.
std::string NormalizeText(std::string_view text) {
  std::string copy(text);
  std::replace(copy.begin(), copy.end(), '\0', ' ');
  GlibText valid(g_utf8_make_valid(copy.c_str(), -1), g_free);
  GlibText lower(g_utf8_strdown(valid.get(), -1), g_free);
  GlibText composed(g_utf8_normalize(lower.get(), -1, G_NORMALIZE_NFC), g_free);
  return composed ? std::string(composed.get()) : std::string(lower.get());
}

bool IsAsciiAlphanumeric(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

// Returns the part of `token` before a URL in it. A URL prefix inside a
// word, as in "awww.", is not a URL. A prefix after a non-ASCII byte counts
// as inside a word, because that byte may belong to a letter.
std::string_view StripUrl(std::string_view token) {
  for (size_t i = 0; i < token.size(); ++i) {
    if (i > 0 && (IsAsciiAlphanumeric(token[i - 1]) ||
                  static_cast<unsigned char>(token[i - 1]) >= 0x80)) {
      continue;
    }
    // A scheme such as "ftp" or "https" is letters followed by "://".
    size_t scheme_end = i;
    while (scheme_end < token.size() &&
           IsAsciiAlphanumeric(token[scheme_end])) {
      ++scheme_end;
    }
    if (scheme_end > i &&
        token.substr(scheme_end, kSchemeSeparator.size()) == kSchemeSeparator) {
      return token.substr(0, i);
    }
    if (token.substr(i, kWebPrefix.size()) == kWebPrefix) {
      return token.substr(0, i);
    }
  }
  return token;
}

bool IsLocalPartByte(char c) {
  return IsAsciiAlphanumeric(c) || static_cast<unsigned char>(c) >= 0x80 ||
         std::string_view("._%+-'\"").find(c) != std::string_view::npos;
}

// Returns the part of `token` before an email address in it, so that no
// part of the address ("bob", "corp") becomes a topic. An address is a
// local part and a domain around an '@'; a lone "@name" is not one.
std::string_view StripEmail(std::string_view token) {
  for (size_t at = token.find('@'); at != std::string_view::npos;
       at = token.find('@', at + 1)) {
    if (at == 0 || at + 1 == token.size() || !IsLocalPartByte(token[at - 1])) {
      continue;
    }
    size_t begin = at;
    while (begin > 0 && IsLocalPartByte(token[begin - 1])) --begin;
    return token.substr(0, begin);
  }
  return token;
}

// Adds `word` to `words` when it is long enough and not a stop word.
void KeepWord(std::string& word, std::vector<std::string>& words) {
  const glong length =
      g_utf8_strlen(word.data(), static_cast<gssize>(word.size()));
  if (length > 2 && length <= kMaxWordCharacters && !IsStopWord(word)) {
    words.push_back(word);
  }
  word.clear();
}

// Appends the letter runs of `token`, which is valid UTF-8, to `words`.
void SplitLetters(std::string_view token, std::vector<std::string>& words) {
  std::string word;
  const char* end = token.data() + token.size();
  for (const char* p = token.data(); p < end; p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    if (g_unichar_isalpha(c) || (!word.empty() && g_unichar_ismark(c))) {
      word.append(p, g_utf8_next_char(p) - p);
    } else {
      KeepWord(word, words);
    }
  }
  KeepWord(word, words);
}

// Calls `visit` with each run of non-space characters of valid UTF-8
// `text`. Unicode spaces separate tokens like ASCII ones.
template <typename Visit>
void ForEachToken(std::string_view text, Visit visit) {
  const char* end = text.data() + text.size();
  const char* start = nullptr;
  for (const char* p = text.data(); p < end; p = g_utf8_next_char(p)) {
    const bool space = g_unichar_isspace(g_utf8_get_char(p));
    if (space && start != nullptr) {
      visit(std::string_view(start, p - start));
      start = nullptr;
    } else if (!space && start == nullptr) {
      start = p;
    }
  }
  if (start != nullptr) visit(std::string_view(start, end - start));
}

bool ComesBefore(const QueryTopic& a, const QueryTopic& b) {
  if (a.count != b.count) return a.count > b.count;
  return a.word < b.word;
}

}  // namespace

std::vector<std::string> TopicWords(std::string_view text) {
  const std::string normalized = NormalizeText(text);
  std::vector<std::string> words;
  ForEachToken(normalized, [&words](std::string_view token) {
    SplitLetters(StripEmail(StripUrl(token)), words);
  });
  return words;
}

std::vector<QueryTopic> CountQueryTopics(const RowSet& included,
                                         const Period& period) {
  absl::flat_hash_map<std::string, int64_t> counts;
  for (const ProjectMessage& entry : included.messages) {
    const ChatMessage& message = *entry.message;
    if (!InPeriod(message.created_at, period) || !IsUserMessage(message)) {
      continue;
    }
    for (std::string& word : TopicWords(message.text)) {
      ++counts[std::move(word)];
    }
  }

  std::vector<QueryTopic> topics;
  topics.reserve(counts.size());
  for (auto& [word, count] : counts) topics.push_back({word, count});
  const size_t topic_count = std::min(topics.size(), kMaxQueryTopics);
  std::partial_sort(topics.begin(), topics.begin() + topic_count, topics.end(),
                    ComesBefore);
  topics.resize(topic_count);
  return topics;
}

}  // namespace usage::metrics_internal
