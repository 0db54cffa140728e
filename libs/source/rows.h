// Conversion of Directus JSON rows into typed records. Directus returns
// numbers as JSON numbers or as strings ("42"), and foreign keys as id
// strings or, when expanded, as objects with an "id"; both forms are
// accepted. The Directus and snapshot sources share these functions.
#ifndef USAGE_SOURCE_ROWS_H_
#define USAGE_SOURCE_ROWS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "boost/json/value.hpp"
#include "records/records.h"

namespace usage {

// Counts of optional values that were present but could not be parsed.
struct ParseStats {
  int64_t unparsable_values = 0;
};

// Parses an integer from a JSON number or a decimal string. Returns
// INVALID_ARGUMENT naming `field` and the value when it is neither, has a
// fraction, or overflows; "3a" is an error, never 0.
absl::StatusOr<int64_t> ParseInteger(const boost::json::value& value,
                                     std::string_view field);

// Parses a finite number from a JSON number or a decimal string. Returns
// INVALID_ARGUMENT naming `field` and the value when it is neither, or when
// it is not finite (1e400, "inf", "nan").
absl::StatusOr<double> ParseNumber(const boost::json::value& value,
                                   std::string_view field);

// Parses an optional number: null or absent is nullopt, else as ParseNumber.
absl::StatusOr<std::optional<double>> ParseOptionalNumber(
    const boost::json::object& row, std::string_view field);

// Parses an optional integer: null or absent is nullopt, else as
// ParseInteger.
absl::StatusOr<std::optional<int64_t>> ParseOptionalInteger(
    const boost::json::object& row, std::string_view field);

// Parses an RFC 3339 timestamp such as "2026-03-31T23:59:59.500Z" or one
// with an offset. Null or absent is nullopt; text that does not parse is
// nullopt and counts in `stats`.
std::optional<absl::Time> ParseTimestamp(const boost::json::object& row,
                                         std::string_view field,
                                         ParseStats& stats);

// Returns the id of a foreign key: the string itself, the decimal text of a
// number, or the "id" of an expanded object. Null or absent is "".
std::string ParseForeignKey(const boost::json::object& row,
                            std::string_view field);

// Returns a string field; null or absent is "".
std::string ParseString(const boost::json::object& row, std::string_view field);

// Returns a string field; null or absent is nullopt.
std::optional<std::string> ParseOptionalString(const boost::json::object& row,
                                               std::string_view field);

// Parsers of whole rows. Each returns INVALID_ARGUMENT naming the collection,
// the row id and the field when a required value is missing or malformed.
absl::StatusOr<User> ParseUser(const boost::json::object& row);
absl::StatusOr<Project> ParseProject(const boost::json::object& row,
                                     ParseStats& stats);
// Reads `duration` and `source`; chunk counts and words are filled by the
// caller.
absl::StatusOr<Conversation> ParseConversation(const boost::json::object& row,
                                               ParseStats& stats);
absl::StatusOr<Chat> ParseChat(const boost::json::object& row,
                               ParseStats& stats);
// Reads `text` only when `message_from` is "user" in any case, so the text
// of other messages stays empty even when the row has one.
absl::StatusOr<ChatMessage> ParseChatMessage(const boost::json::object& row,
                                             ParseStats& stats);
absl::StatusOr<ProjectReport> ParseProjectReport(const boost::json::object& row,
                                                 ParseStats& stats);
absl::StatusOr<Login> ParseLogin(const boost::json::object& row,
                                 ParseStats& stats);

// Counts whitespace-separated words.
int64_t CountWords(std::string_view text);

// Returns true when `text` is empty or only white space.
bool IsBlank(std::string_view text);

// Returns true when `id` is a UUID in its 8-4-4-4-12 hexadecimal form.
bool IsUuid(std::string_view id);

}  // namespace usage

#endif  // USAGE_SOURCE_ROWS_H_
