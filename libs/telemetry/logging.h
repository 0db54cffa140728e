// Structured logging: one line per event with fixed keys, as text
// (`event key=value ...`) or as JSON objects. Thread-safe.
#ifndef USAGE_TELEMETRY_LOGGING_H_
#define USAGE_TELEMETRY_LOGGING_H_

#include <initializer_list>
#include <string>
#include <string_view>

#include "absl/strings/string_view.h"
#include "absl/strings/str_cat.h"

namespace usage::logging {

enum class Level { kDebug, kInfo, kWarn, kError };

// One key and its value. Values are data: never pass a secret.
struct Field {
  Field(absl::string_view key, absl::string_view value)
      : key(key), value(value) {}
  Field(absl::string_view key, const char* value) : key(key), value(value) {}
  Field(absl::string_view key, const std::string& value)
      : key(key), value(value) {}
  template <typename Number,
            typename = std::enable_if_t<std::is_arithmetic_v<Number>>>
  Field(absl::string_view key, Number value)
      : key(key), value(absl::StrCat(value)) {}

  absl::string_view key;
  std::string value;
};

// Sets the output format and the lowest level written ("debug", "info",
// "warn", "error"; others mean "info"). Call once at start; until then lines
// are text at level info.
void Init(bool json, absl::string_view level);

// Writes one event to stderr when `level` is enabled.
void Log(Level level, absl::string_view event,
         std::initializer_list<Field> fields = {});

inline void Info(absl::string_view event,
                 std::initializer_list<Field> fields = {}) {
  Log(Level::kInfo, event, fields);
}
inline void Warn(absl::string_view event,
                 std::initializer_list<Field> fields = {}) {
  Log(Level::kWarn, event, fields);
}
inline void Error(absl::string_view event,
                  std::initializer_list<Field> fields = {}) {
  Log(Level::kError, event, fields);
}

}  // namespace usage::logging

#endif  // USAGE_TELEMETRY_LOGGING_H_
