#include "telemetry/logging.h"

#include <atomic>
#include <memory>

#include "absl/strings/string_view.h"
#include "absl/strings/ascii.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "boost/json/serialize.hpp"
#include "boost/json/string.hpp"
#include "spdlog/sinks/stdout_sinks.h"
#include "spdlog/spdlog.h"

namespace usage::logging {
namespace {

std::atomic<bool> json_output{false};

std::shared_ptr<spdlog::logger> Logger() {
  static std::shared_ptr<spdlog::logger> logger = [] {
    auto created = spdlog::stderr_logger_mt("usage");
    created->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %v",
                         spdlog::pattern_time_type::utc);
    created->set_level(spdlog::level::info);
    created->flush_on(spdlog::level::debug);
    return created;
  }();
  return logger;
}

spdlog::level::level_enum ToSpdlog(Level level) {
  switch (level) {
    case Level::kDebug:
      return spdlog::level::debug;
    case Level::kInfo:
      return spdlog::level::info;
    case Level::kWarn:
      return spdlog::level::warn;
    case Level::kError:
      return spdlog::level::err;
  }
  return spdlog::level::info;
}

absl::string_view LevelName(Level level) {
  switch (level) {
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarn:
      return "warn";
    case Level::kError:
      return "error";
  }
  return "info";
}

std::string JsonString(absl::string_view text) {
  return boost::json::serialize(
      boost::json::string(boost::json::string_view(text.data(), text.size())));
}

// Quotes a text value when it is empty or contains white space, quotes or
// an equals sign, so that each line splits back into its fields.
std::string TextValue(absl::string_view value) {
  bool plain = !value.empty();
  for (char c : value) {
    if (absl::ascii_isspace(c) || c == '"' || c == '=') plain = false;
  }
  return plain ? std::string(value) : JsonString(value);
}

}  // namespace

void Init(bool json, absl::string_view level) {
  json_output = json;
  auto logger = Logger();
  logger->set_level(spdlog::level::from_str(std::string(level)));
  if (json) logger->set_pattern("%v");
}

void Log(Level level, absl::string_view event,
         std::initializer_list<Field> fields) {
  auto logger = Logger();
  if (!logger->should_log(ToSpdlog(level))) return;

  std::string line;
  if (json_output) {
    absl::StrAppend(&line, "{\"time\":",
                    JsonString(absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ",
                                                absl::Now(),
                                                absl::UTCTimeZone())),
                    ",\"level\":\"", LevelName(level),
                    "\",\"event\":", JsonString(event));
    for (const Field& field : fields) {
      absl::StrAppend(&line, ",", JsonString(field.key), ":",
                      JsonString(field.value));
    }
    line += "}";
  } else {
    // The level is written here rather than by spdlog, whose name for
    // warnings ("warning") differs from the JSON lines ("warn").
    line = absl::StrCat(LevelName(level), " ", event);
    for (const Field& field : fields) {
      absl::StrAppend(&line, " ", field.key, "=", TextValue(field.value));
    }
  }
  logger->log(ToSpdlog(level), "{}", line);
}

}  // namespace usage::logging
