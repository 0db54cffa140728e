// Removes personal data from text before it goes to an LLM.
#ifndef USAGE_INSIGHTS_REDACTION_H_
#define USAGE_INSIGHTS_REDACTION_H_

#include <string>
#include <string_view>

namespace usage::insights {

// Returns `text` with every email address replaced by "[email]", every
// phone number by "[phone]" and every URL by "[url]".
//
// The text is first put in Unicode NFKC, so fullwidth and other
// compatibility forms ("０６１２３４５６７８", "anna＠example.com") are found
// too; the result is in NFKC.
//
// Phone numbers are runs of digits with spaces, dashes, dots, slashes or
// parentheses between them. International ones ("+31 6 12345678") have 8
// to 15 digits after the "+". Others have 9 to 15 digits and contain a
// separator or start with 0 ("(555) 123-4567", "020-1234567",
// "0612345678"). A label glued to the number ("tel:+316...", "Tel.06...")
// and punctuation after it ("06 1234 5678,") do not hide it. Dates
// ("2026-03-01"), years, times ("12:30"), counts ("3,910"), decimals
// ("55.6") and dotted IPv4-like groups are left alone.
// Email addresses include quoted local parts ("\"a b\"@example.com"),
// single-label domains ("anna@localhost") and address literals
// ("anna@[192.168.1.1]").
// URLs are anything with a scheme followed by "://" ("https://",
// "ftp://"), anything that starts with "www.", and bare domains followed by
// a path ("example.com/page"). A bare domain without a path is left alone.
//
// Invalid UTF-8 sequences become U+FFFD, so the result is valid UTF-8.
std::string RedactPrivateData(std::string_view text);

// Returns `text` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string ToValidUtf8(std::string_view text);

}  // namespace usage::insights

#endif  // USAGE_INSIGHTS_REDACTION_H_
