#include "directus/platform_queries.h"

#include <initializer_list>
#include <string_view>
#include <utility>

#include "directus/query_json.h"

namespace usage {
namespace {

using boost::json::array;
using boost::json::object;

array Fields(std::initializer_list<std::string_view> names) {
  array fields;
  for (std::string_view name : names) {
    fields.emplace_back(boost::json::string_view(name.data(), name.size()));
  }
  return fields;
}

// Conditions that `field` is set and lies in the window. The explicit
// `_nnull` keeps null timestamps out when the window has no bounds, so the
// result is the same with and without bounds.
array InWindow(std::string_view field, const PlatformQuery& platform) {
  array conditions{Condition({field}, "_nnull", true)};
  AppendWindow(conditions, {field}, platform.start, platform.end);
  return conditions;
}

object Query(array fields, array conditions) {
  return object{{"fields", std::move(fields)},
                {"filter", AllOf(std::move(conditions))}};
}

}  // namespace

object PlatformUsersQuery() {
  return object{{"fields", Fields({"id", "email", "first_name", "last_name"})}};
}

object PlatformProjectsQuery() {
  return object{
      {"fields", Fields({"id", "name", "directus_user_id", "deleted_at"})}};
}

object PlatformChatsQuery() {
  return object{{"fields", Fields({"id", "project_id", "deleted_at"})}};
}

object PlatformConversationsQuery(const PlatformQuery& platform) {
  return Query(Fields({"id", "project_id", "created_at", "deleted_at"}),
               InWindow("created_at", platform));
}

object PlatformMessagesQuery(const PlatformQuery& platform) {
  return Query(Fields({"id", "project_chat_id", "date_created"}),
               InWindow("date_created", platform));
}

object PlatformLoginsQuery(const PlatformQuery& platform) {
  array conditions = InWindow("timestamp", platform);
  conditions.emplace_back(Condition({"action"}, "_eq", "login"));
  return Query(Fields({"id", "user", "timestamp"}), std::move(conditions));
}

}  // namespace usage
