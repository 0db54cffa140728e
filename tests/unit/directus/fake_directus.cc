#include "fake_directus.h"

#include <algorithm>

#include "boost/json/parse.hpp"
#include "boost/json/serialize.hpp"

namespace usage::testing {
namespace {

DirectusCall ToCall(const ReceivedRequest& request) {
  DirectusCall call;
  call.method = request.method;
  call.path = request.target;
  call.authorization = request.Header("Authorization");
  boost::system::error_code error;
  boost::json::value body = boost::json::parse(request.body, error);
  if (!error && body.is_object()) {
    const boost::json::value* query = body.get_object().if_contains("query");
    if (query != nullptr && query->is_object())
      call.query = query->get_object();
  }
  return call;
}

int64_t IntegerOr(const boost::json::object& query, const char* key,
                  int64_t fallback) {
  const boost::json::value* value = query.if_contains(key);
  return value != nullptr && value->is_int64() ? value->get_int64() : fallback;
}

}  // namespace

FakeDirectus::FakeDirectus(Route route)
    : server_([route = std::move(route)](const ReceivedRequest& request) {
        return route(ToCall(request));
      }) {}

std::vector<DirectusCall> FakeDirectus::calls() const {
  std::vector<DirectusCall> calls;
  for (const ReceivedRequest& request : server_.requests()) {
    calls.push_back(ToCall(request));
  }
  return calls;
}

Reply JsonReply(
    int status, const boost::json::value& body,
    const std::vector<std::pair<std::string, std::string>>& headers) {
  auto all = headers;
  all.emplace_back("Content-Type", "application/json; charset=utf-8");
  return Reply{HttpReply(status, boost::json::serialize(body), all)};
}

boost::json::value ErrorBody(const std::string& message) {
  return {{"errors", boost::json::array{{{"message", message}}}}};
}

Reply PageOf(const Rows& rows, const boost::json::object& query,
             int max_limit) {
  const int64_t total = static_cast<int64_t>(rows.size());
  const int64_t offset = std::min(IntegerOr(query, "offset", 0), total);
  int64_t limit = IntegerOr(query, "limit", 100);
  if (limit < 0 || limit > max_limit) limit = max_limit;
  const int64_t end = std::min(total, offset + limit);

  boost::json::array data;
  for (int64_t i = offset; i < end; ++i) data.emplace_back(rows[i]);
  boost::json::object body{{"data", std::move(data)}};
  if (query.contains("meta")) {
    body["meta"] = {{"filter_count", total}};
  }
  return JsonReply(200, body);
}

boost::json::object Object(const char* json) {
  return boost::json::parse(json).as_object();
}

Rows RowsOf(const char* json_array) {
  Rows rows;
  const boost::json::value parsed = boost::json::parse(json_array);
  for (const auto& row : parsed.as_array()) {
    rows.push_back(row.as_object());
  }
  return rows;
}

}  // namespace usage::testing
