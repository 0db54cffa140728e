// Process configuration from the environment, with a `.env` file as the
// fallback for variables the real environment does not set.
#ifndef USAGE_CONFIG_ENVIRONMENT_H_
#define USAGE_CONFIG_ENVIRONMENT_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/string_view.h"
#include "absl/status/statusor.h"

namespace usage {

// A read-only view of configuration variables. The real environment wins
// over values from a `.env` file. Thread-compatible.
class Environment {
 public:
  // Reads the process environment and, when `dotenv_path` names an existing
  // file, its `KEY=VALUE` lines. Returns INVALID_ARGUMENT naming the file and
  // line when a line is malformed.
  static absl::StatusOr<Environment> Load(const std::string& dotenv_path);

  // Builds an environment from explicit values, for tests.
  explicit Environment(std::map<std::string, std::string> values)
      : values_(values.begin(), values.end()) {}

  // Returns the value of `name`; an empty value counts as unset.
  std::optional<std::string> Get(absl::string_view name) const;

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

// Parses the text of a `.env` file: `KEY=VALUE` lines, blank lines, `#`
// comments, an optional `export ` prefix, and values in single quotes
// (taken literally) or double quotes (with \n, \" and \\ escapes). `source`
// names the file in errors.
absl::StatusOr<std::map<std::string, std::string>> ParseDotenv(
    absl::string_view text, absl::string_view source);

}  // namespace usage

#endif  // USAGE_CONFIG_ENVIRONMENT_H_
