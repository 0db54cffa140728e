#include "config/environment.h"

#include <fstream>
#include <sstream>

#include "absl/strings/string_view.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

extern char** environ;

namespace usage {
namespace {

bool IsValidKey(absl::string_view key) {
  if (key.empty() || absl::ascii_isdigit(key.front())) return false;
  for (char c : key) {
    if (!absl::ascii_isalnum(c) && c != '_') return false;
  }
  return true;
}

// Decodes a double-quoted value without its quotes.
std::string UnescapeDoubleQuoted(absl::string_view value) {
  std::string out;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) {
      char next = value[++i];
      out += next == 'n' ? '\n' : next == 't' ? '\t' : next;
    } else {
      out += value[i];
    }
  }
  return out;
}

absl::StatusOr<std::string> ParseValue(absl::string_view raw,
                                       absl::string_view where) {
  absl::string_view value = absl::StripAsciiWhitespace(raw);
  if (value.empty()) return std::string();

  char quote = value.front();
  if (quote == '\'' || quote == '"') {
    size_t close = value.find(quote, 1);
    while (quote == '"' && close != absl::string_view::npos &&
           value[close - 1] == '\\') {
      close = value.find(quote, close + 1);
    }
    if (close == absl::string_view::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": missing closing quote"));
    }
    absl::string_view inner = value.substr(1, close - 1);
    return quote == '"' ? UnescapeDoubleQuoted(inner) : std::string(inner);
  }

  // An unquoted value ends at a comment that follows white space.
  size_t comment = value.find(" #");
  if (comment != absl::string_view::npos) value = value.substr(0, comment);
  return std::string(absl::StripTrailingAsciiWhitespace(value));
}

}  // namespace

absl::StatusOr<std::map<std::string, std::string>> ParseDotenv(
    absl::string_view text, absl::string_view source) {
  std::map<std::string, std::string> values;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    std::string where = absl::StrCat(source, ":", line_number);
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line.front() == '#') continue;
    absl::ConsumePrefix(&line, "export ");

    size_t equals = line.find('=');
    if (equals == absl::string_view::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": expected KEY=VALUE"));
    }
    std::string key(absl::StripAsciiWhitespace(line.substr(0, equals)));
    if (!IsValidKey(key)) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": invalid variable name \"", key, "\""));
    }
    absl::StatusOr<std::string> value =
        ParseValue(line.substr(equals + 1), where);
    if (!value.ok()) return value.status();
    values[key] = *std::move(value);
  }
  return values;
}

absl::StatusOr<Environment> Environment::Load(const std::string& dotenv_path) {
  std::map<std::string, std::string> values;
  std::ifstream file(dotenv_path);
  if (file) {
    std::stringstream text;
    text << file.rdbuf();
    absl::StatusOr<std::map<std::string, std::string>> parsed =
        ParseDotenv(text.str(), dotenv_path);
    if (!parsed.ok()) return parsed.status();
    values = *std::move(parsed);
  }

  for (char** entry = environ; entry != nullptr && *entry != nullptr;
       ++entry) {
    absl::string_view pair(*entry);
    size_t equals = pair.find('=');
    if (equals == absl::string_view::npos) continue;
    values[std::string(pair.substr(0, equals))] =
        std::string(pair.substr(equals + 1));
  }
  return Environment(std::move(values));
}

std::optional<std::string> Environment::Get(absl::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

}  // namespace usage
