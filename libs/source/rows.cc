#include "source/rows.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "boost/json/serialize.hpp"

namespace usage {
namespace {

// Maximum length of a bad value quoted in an error message.
constexpr size_t kMaxQuotedValue = 60;

// Doubles in [-2^63, 2^63) convert to int64_t without overflow.
constexpr double kInt64Bound = 9223372036854775808.0;

std::string Quote(const boost::json::value& value) {
  std::string text = boost::json::serialize(value);
  if (text.size() > kMaxQuotedValue) {
    text.resize(kMaxQuotedValue);
    text += "...";
  }
  return text;
}

// Abseil 20220623 as built by Debian has its own string_view type, which
// std::string_view does not convert to implicitly.
absl::string_view View(std::string_view text) {
  return absl::string_view(text.data(), text.size());
}

absl::Status MalformedNumber(std::string_view field,
                             const boost::json::value& value) {
  return absl::InvalidArgumentError(absl::StrCat(
      "field ", View(field), " has the malformed number ", Quote(value)));
}

absl::StatusOr<int64_t> IntegerFromDouble(double number, std::string_view field,
                                          const boost::json::value& value) {
  if (!std::isfinite(number) || std::trunc(number) != number ||
      number < -kInt64Bound || number >= kInt64Bound) {
    return MalformedNumber(field, value);
  }
  return static_cast<int64_t>(number);
}

const boost::json::value* FindField(const boost::json::object& row,
                                    std::string_view field) {
  const boost::json::value* value = row.if_contains(field);
  if (value == nullptr || value->is_null()) return nullptr;
  return value;
}

// Decodes the UTF-8 sequence at `text[i]`, returning its code point and
// advancing `i`. A malformed byte decodes as itself.
char32_t NextCodePoint(std::string_view text, size_t& i) {
  const auto byte = static_cast<unsigned char>(text[i]);
  int length = 1;
  char32_t code = byte;
  if (byte >= 0xF0) {
    length = 4;
    code = byte & 0x07;
  } else if (byte >= 0xE0) {
    length = 3;
    code = byte & 0x0F;
  } else if (byte >= 0xC0) {
    length = 2;
    code = byte & 0x1F;
  }
  if (length == 1 || i + length > text.size()) {
    ++i;
    return byte;
  }
  for (int k = 1; k < length; ++k) {
    code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  }
  i += length;
  return code;
}

// White space as Python's str.isspace() defines it, because the predecessor
// tool counted words with str.split().
bool IsSpace(char32_t code) {
  if (code <= 0x20)
    return code == 0x20 || (code >= 0x09 && code <= 0x0D) ||
           (code >= 0x1C && code <= 0x1F);
  return code == 0x85 || code == 0xA0 || code == 0x1680 ||
         (code >= 0x2000 && code <= 0x200A) || code == 0x2028 ||
         code == 0x2029 || code == 0x202F || code == 0x205F || code == 0x3000;
}

absl::StatusOr<std::string> RequiredId(const boost::json::object& row,
                                       std::string_view collection) {
  std::string id = ParseForeignKey(row, "id");
  if (id.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        View(collection), " row has no id: ", Quote(boost::json::value(row))));
  }
  return id;
}

absl::Status InRow(const absl::Status& status, std::string_view collection,
                   std::string_view id) {
  return absl::InvalidArgumentError(absl::StrCat(
      View(collection), " row ", View(id), ": ", status.message()));
}

}  // namespace

absl::StatusOr<int64_t> ParseInteger(const boost::json::value& value,
                                     std::string_view field) {
  if (value.is_int64()) return value.get_int64();
  if (value.is_uint64()) {
    if (value.get_uint64() >
        static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      return MalformedNumber(field, value);
    }
    return static_cast<int64_t>(value.get_uint64());
  }
  if (value.is_double()) {
    return IntegerFromDouble(value.get_double(), field, value);
  }
  if (!value.is_string()) return MalformedNumber(field, value);

  const absl::string_view text = View(value.get_string());
  int64_t integer = 0;
  if (absl::SimpleAtoi(text, &integer)) return integer;
  // Text such as "42.0" or "4.2e1" is an integer written as a decimal.
  double number = 0;
  if (!absl::SimpleAtod(text, &number)) return MalformedNumber(field, value);
  return IntegerFromDouble(number, field, value);
}

absl::StatusOr<double> ParseNumber(const boost::json::value& value,
                                   std::string_view field) {
  double number = 0;
  if (value.is_number()) {
    // The JSON parser stores a number beyond the range of a double, such as
    // 1e400, as infinity.
    number = value.to_number<double>();
  } else if (!value.is_string() ||
             !absl::SimpleAtod(View(value.get_string()), &number)) {
    return MalformedNumber(field, value);
  }
  if (!std::isfinite(number)) return MalformedNumber(field, value);
  return number;
}

absl::StatusOr<std::optional<double>> ParseOptionalNumber(
    const boost::json::object& row, std::string_view field) {
  const boost::json::value* value = FindField(row, field);
  if (value == nullptr) return std::nullopt;
  absl::StatusOr<double> number = ParseNumber(*value, field);
  if (!number.ok()) return number.status();
  return *number;
}

absl::StatusOr<std::optional<int64_t>> ParseOptionalInteger(
    const boost::json::object& row, std::string_view field) {
  const boost::json::value* value = FindField(row, field);
  if (value == nullptr) return std::nullopt;
  absl::StatusOr<int64_t> integer = ParseInteger(*value, field);
  if (!integer.ok()) return integer.status();
  return *integer;
}

std::optional<absl::Time> ParseTimestamp(const boost::json::object& row,
                                         std::string_view field,
                                         ParseStats& stats) {
  const boost::json::value* value = FindField(row, field);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    ++stats.unparsable_values;
    return std::nullopt;
  }
  std::string text(value->get_string());
  // PostgreSQL's text form separates date and time with a space.
  if (text.size() > 10 && text[10] == ' ') text[10] = 'T';

  absl::Time time;
  std::string error;
  if (absl::ParseTime(absl::RFC3339_full, text, &time, &error)) return time;
  // Directus returns `dateTime` columns (timestamp without time zone)
  // without an offset; ECHO stores them in UTC.
  if (absl::ParseTime("%Y-%m-%d%ET%H:%M:%E*S", text, absl::UTCTimeZone(), &time,
                      &error)) {
    return time;
  }
  ++stats.unparsable_values;
  return std::nullopt;
}

std::string ParseForeignKey(const boost::json::object& row,
                            std::string_view field) {
  const boost::json::value* value = FindField(row, field);
  if (value == nullptr) return "";
  if (value->is_string()) return std::string(value->get_string());
  if (value->is_int64()) return absl::StrCat(value->get_int64());
  if (value->is_uint64()) return absl::StrCat(value->get_uint64());
  if (value->is_double()) return absl::StrCat(value->get_double());
  if (value->is_object()) return ParseForeignKey(value->get_object(), "id");
  return "";
}

std::string ParseString(const boost::json::object& row,
                        std::string_view field) {
  return ParseOptionalString(row, field).value_or("");
}

std::optional<std::string> ParseOptionalString(const boost::json::object& row,
                                               std::string_view field) {
  const boost::json::value* value = FindField(row, field);
  if (value == nullptr) return std::nullopt;
  if (value->is_string()) return std::string(value->get_string());
  return boost::json::serialize(*value);
}

absl::StatusOr<User> ParseUser(const boost::json::object& row) {
  absl::StatusOr<std::string> id = RequiredId(row, "directus_users");
  if (!id.ok()) return id.status();
  User user;
  user.id = *id;
  user.email = ParseOptionalString(row, "email");
  user.first_name = ParseOptionalString(row, "first_name");
  user.last_name = ParseOptionalString(row, "last_name");
  return user;
}

absl::StatusOr<Project> ParseProject(const boost::json::object& row,
                                     ParseStats& stats) {
  absl::StatusOr<std::string> id = RequiredId(row, "project");
  if (!id.ok()) return id.status();
  Project project;
  project.id = *id;
  project.name = ParseString(row, "name");
  project.owner_id = ParseForeignKey(row, "directus_user_id");
  project.created_at = ParseTimestamp(row, "created_at", stats);
  project.deleted_at = ParseTimestamp(row, "deleted_at", stats);

  const boost::json::value* allowed = FindField(row, "is_conversation_allowed");
  if (allowed != nullptr) {
    if (!allowed->is_bool()) {
      return absl::InvalidArgumentError(
          absl::StrCat("project row ", *id,
                       ": field is_conversation_allowed is not a boolean: ",
                       Quote(*allowed)));
    }
    project.conversations_allowed = allowed->get_bool();
  }
  return project;
}

absl::StatusOr<Conversation> ParseConversation(const boost::json::object& row,
                                               ParseStats& stats) {
  absl::StatusOr<std::string> id = RequiredId(row, "conversation");
  if (!id.ok()) return id.status();
  Conversation conversation;
  conversation.id = *id;
  conversation.project_id = ParseForeignKey(row, "project_id");
  conversation.created_at = ParseTimestamp(row, "created_at", stats);
  conversation.deleted_at = ParseTimestamp(row, "deleted_at", stats);
  conversation.source = ParseString(row, "source");

  absl::StatusOr<std::optional<double>> duration =
      ParseOptionalNumber(row, "duration");
  if (!duration.ok()) return InRow(duration.status(), "conversation", *id);
  conversation.duration_seconds = *duration;
  return conversation;
}

absl::StatusOr<Chat> ParseChat(const boost::json::object& row,
                               ParseStats& stats) {
  absl::StatusOr<std::string> id = RequiredId(row, "project_chat");
  if (!id.ok()) return id.status();
  Chat chat;
  chat.id = *id;
  chat.project_id = ParseForeignKey(row, "project_id");
  chat.created_at = ParseTimestamp(row, "date_created", stats);
  chat.deleted_at = ParseTimestamp(row, "deleted_at", stats);
  return chat;
}

absl::StatusOr<ChatMessage> ParseChatMessage(const boost::json::object& row,
                                             ParseStats& stats) {
  absl::StatusOr<std::string> id = RequiredId(row, "project_chat_message");
  if (!id.ok()) return id.status();
  ChatMessage message;
  message.id = *id;
  message.chat_id = ParseForeignKey(row, "project_chat_id");
  message.message_from = ParseString(row, "message_from");
  message.created_at = ParseTimestamp(row, "date_created", stats);
  if (absl::EqualsIgnoreCase(message.message_from, "user")) {
    message.text = ParseString(row, "text");
  }

  absl::StatusOr<std::optional<int64_t>> tokens =
      ParseOptionalInteger(row, "tokens_count");
  if (!tokens.ok()) {
    return InRow(tokens.status(), "project_chat_message", *id);
  }
  message.tokens = *tokens;
  return message;
}

absl::StatusOr<ProjectReport> ParseProjectReport(const boost::json::object& row,
                                                 ParseStats& stats) {
  absl::StatusOr<std::string> id = RequiredId(row, "project_report");
  if (!id.ok()) return id.status();
  ProjectReport report;
  report.id = *id;
  report.project_id = ParseForeignKey(row, "project_id");
  report.status = ParseString(row, "status");
  report.created_at = ParseTimestamp(row, "date_created", stats);
  report.deleted_at = ParseTimestamp(row, "deleted_at", stats);
  return report;
}

absl::StatusOr<Login> ParseLogin(const boost::json::object& row,
                                 ParseStats& stats) {
  absl::StatusOr<std::string> id = RequiredId(row, "directus_activity");
  if (!id.ok()) return id.status();
  Login login;
  login.id = *id;
  login.user_id = ParseForeignKey(row, "user");
  login.timestamp = ParseTimestamp(row, "timestamp", stats);
  return login;
}

int64_t CountWords(std::string_view text) {
  int64_t words = 0;
  bool in_word = false;
  size_t i = 0;
  while (i < text.size()) {
    const bool space = IsSpace(NextCodePoint(text, i));
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool IsBlank(std::string_view text) { return CountWords(text) == 0; }

bool IsUuid(std::string_view id) {
  constexpr size_t kLength = 36;
  if (id.size() != kLength) return false;
  for (size_t i = 0; i < kLength; ++i) {
    const bool dash_position = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash_position ? id[i] != '-' : !absl::ascii_isxdigit(id[i])) {
      return false;
    }
  }
  return true;
}

}  // namespace usage
