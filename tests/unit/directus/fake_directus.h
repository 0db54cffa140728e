// A fake Directus on loopback that speaks real HTTP: it parses each SEARCH
// body and lets the test choose the reply, to provoke what a real server does
// rarely (pressure, rate limits, stalls, truncated bodies, capped pages).
#ifndef USAGE_TESTS_UNIT_DIRECTUS_FAKE_DIRECTUS_H_
#define USAGE_TESTS_UNIT_DIRECTUS_FAKE_DIRECTUS_H_

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "boost/json/object.hpp"
#include "boost/json/value.hpp"
#include "loopback_server.h"

namespace usage::testing {

using Rows = std::vector<boost::json::object>;

// One request as the fake received it.
struct DirectusCall {
  std::string method;
  std::string path;
  std::string authorization;
  // The object inside {"query": ...}; empty when the body had none.
  boost::json::object query;
};

class FakeDirectus {
 public:
  // `route` returns the reply to each call; it runs on the server's threads.
  using Route = std::function<Reply(const DirectusCall&)>;

  explicit FakeDirectus(Route route);

  std::string url() const { return server_.url(); }
  std::vector<DirectusCall> calls() const;

 private:
  LoopbackServer server_;
};

// Formats a JSON response.
Reply JsonReply(
    int status, const boost::json::value& body,
    const std::vector<std::pair<std::string, std::string>>& headers = {});

// Returns the error body Directus sends: {"errors": [{"message": ...}]}.
boost::json::value ErrorBody(const std::string& message);

// Returns the reply to a list query from `rows` (already in id order) as
// Directus does: applies offset and limit (at most `max_limit` rows; limit -1
// means all) and adds meta.filter_count when the query asks for it.
Reply PageOf(const Rows& rows, const boost::json::object& query,
             int max_limit = 1 << 30);

// Parses a JSON object literal, for compact test data.
boost::json::object Object(const char* json);
Rows RowsOf(const char* json_array);

}  // namespace usage::testing

#endif  // USAGE_TESTS_UNIT_DIRECTUS_FAKE_DIRECTUS_H_
