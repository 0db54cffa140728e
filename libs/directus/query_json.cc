#include "directus/query_json.h"

#include <iterator>
#include <utility>

#include "absl/strings/str_cat.h"
#include "source/rows.h"

namespace usage {
namespace {

boost::json::string_view JsonView(std::string_view text) {
  return boost::json::string_view(text.data(), text.size());
}

}  // namespace

boost::json::object Condition(std::initializer_list<std::string_view> path,
                              std::string_view op, boost::json::value value) {
  boost::json::object node;
  node[JsonView(op)] = std::move(value);
  for (auto it = std::rbegin(path); it != std::rend(path); ++it) {
    boost::json::object parent;
    parent[JsonView(*it)] = std::move(node);
    node = std::move(parent);
  }
  return node;
}

boost::json::object AllOf(boost::json::array conditions) {
  return boost::json::object{{"_and", std::move(conditions)}};
}

boost::json::object AnyOf(boost::json::array conditions) {
  return boost::json::object{{"_or", std::move(conditions)}};
}

boost::json::array StringArray(const std::vector<std::string>& values) {
  boost::json::array array;
  array.reserve(values.size());
  for (const std::string& value : values) {
    array.emplace_back(boost::json::string(value));
  }
  return array;
}

std::string FormatTimestamp(absl::Time time) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", time, absl::UTCTimeZone());
}

void AppendWindow(boost::json::array& conditions,
                  std::initializer_list<std::string_view> path,
                  absl::Time start, absl::Time end) {
  if (start != absl::InfinitePast()) {
    conditions.emplace_back(
        Condition(path, "_gte", boost::json::string(FormatTimestamp(start))));
  }
  if (end != absl::InfiniteFuture()) {
    conditions.emplace_back(
        Condition(path, "_lt", boost::json::string(FormatTimestamp(end))));
  }
}

void AppendWindowOrNull(boost::json::array& conditions,
                        std::initializer_list<std::string_view> path,
                        absl::Time start, absl::Time end) {
  boost::json::array window;
  AppendWindow(window, path, start, end);
  if (window.empty()) return;
  conditions.emplace_back(
      AnyOf({AllOf(std::move(window)), Condition(path, "_null", true)}));
}

absl::StatusOr<int64_t> ParseAggregateInteger(const boost::json::object& row,
                                              std::string_view operation,
                                              std::string_view field) {
  const boost::json::value* value = row.if_contains(JsonView(operation));
  if (value != nullptr && value->is_object()) {
    value = value->get_object().if_contains(JsonView(field));
  }
  const std::string name =
      absl::StrCat(std::string(operation), "(", std::string(field), ")");
  if (value == nullptr || value->is_null()) {
    return absl::InvalidArgumentError(
        absl::StrCat("aggregate ", name, " is missing from the result"));
  }
  return ParseInteger(*value, name);
}

}  // namespace usage
