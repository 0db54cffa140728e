// Query topics: the frequent words of user chat messages that feed the word
// cloud, with English, Dutch, German, French and Spanish stop words left
// out.
#ifndef USAGE_METRICS_QUERY_TOPICS_H_
#define USAGE_METRICS_QUERY_TOPICS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "metrics/included_rows.h"
#include "metrics/metrics.h"
#include "period/period.h"

namespace usage::metrics_internal {

// Number of topics a report keeps.
inline constexpr size_t kMaxQueryTopics = 50;

// Splits `text` into topic words, in order, repeats included:
//  1. Invalid UTF-8 sequences become U+FFFD, and the text is lower-cased
//     (Unicode rules) and composed to NFC.
//  2. In each whitespace-separated token, a URL is dropped to the end of
//     the token. A URL is a scheme of ASCII letters or digits followed by
//     "://" (http, https, ftp, ...), or "www.", that starts the token or
//     follows an ASCII character other than a letter or digit, such as "(".
//     Then an email address is dropped the same way, from the start of its
//     local part (ASCII letters and digits, non-ASCII characters and
//     ._%+-'") to the end of the token. An '@' with nothing before or after
//     it in the token ("@anna") is no address.
//  3. Every character that is not a letter (any script) becomes a word
//     break, so digits, punctuation and apostrophes split words: "thema's"
//     gives "thema" and "s". Combining marks after a letter stay in the
//     word.
//  4. Words of 2 code points or fewer, words of more than 40, and stop
//     words are left out.
// Scripts written without spaces are not segmented: a run of Chinese or
// Japanese letters is one word.
std::vector<std::string> TopicWords(std::string_view text);

// Returns true when `word`, lower-case and NFC, is a common function word
// of English, Dutch, German, French or Spanish.
bool IsStopWord(std::string_view word);

// Counts the topic words of the user messages in `period` and returns the
// kMaxQueryTopics most frequent, by count (descending), then by word in
// code point order.
std::vector<QueryTopic> CountQueryTopics(const RowSet& included,
                                         const Period& period);

}  // namespace usage::metrics_internal

#endif  // USAGE_METRICS_QUERY_TOPICS_H_
