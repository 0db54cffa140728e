// Building blocks of Directus query JSON: filters, time bounds and the
// values of aggregate results.
#ifndef USAGE_DIRECTUS_QUERY_JSON_H_
#define USAGE_DIRECTUS_QUERY_JSON_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "boost/json/array.hpp"
#include "boost/json/object.hpp"
#include "boost/json/value.hpp"

namespace usage {

// Returns the condition {"a": {"b": {op: value}}} for the field path
// {"a", "b"}. Relational paths nest one key per level, so that no filter
// object has several keys at one level, a shape for which Directus 11.1.2
// has been seen to return 500 with broken SQL.
boost::json::object Condition(std::initializer_list<std::string_view> path,
                              std::string_view op, boost::json::value value);

// Returns {"_and": conditions} and {"_or": conditions}.
boost::json::object AllOf(boost::json::array conditions);
boost::json::object AnyOf(boost::json::array conditions);

// Returns a JSON array of strings.
boost::json::array StringArray(const std::vector<std::string>& values);

// Formats an instant as Directus writes it: "2026-03-31T22:00:00.000Z".
std::string FormatTimestamp(absl::Time time);

// Appends the conditions path >= start and path < end, leaving out a bound
// that is infinite.
void AppendWindow(boost::json::array& conditions,
                  std::initializer_list<std::string_view> path,
                  absl::Time start, absl::Time end);

// Appends the condition that the value at `path` lies in the window, as
// AppendWindow builds it, or is null:
// {"_or": [{"_and": [{path: {"_gte": start}}, {path: {"_lt": end}}]},
//          {path: {"_null": true}}]}.
// Appends nothing when both bounds are infinite.
void AppendWindowOrNull(boost::json::array& conditions,
                        std::initializer_list<std::string_view> path,
                        absl::Time start, absl::Time end);

// Reads an aggregate value from a result row. Directus returns
// {"count": {"id": "6"}} for `count: ["id"]` and {"count": "6"} for
// `count: "*"`, so `field` is followed only where the value is an object.
// Returns INVALID_ARGUMENT when the value is missing or not an integer.
absl::StatusOr<int64_t> ParseAggregateInteger(const boost::json::object& row,
                                              std::string_view operation,
                                              std::string_view field);

}  // namespace usage

#endif  // USAGE_DIRECTUS_QUERY_JSON_H_
