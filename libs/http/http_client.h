// An HTTP/1.1 client for one server (http:// or https://) with a pool of
// keep-alive connections. The interface uses plain types so that only
// http_client.cc compiles Boost.Beast and Boost.Asio.
#ifndef USAGE_HTTP_HTTP_CLIENT_H_
#define USAGE_HTTP_HTTP_CLIENT_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "source/call_context.h"

namespace usage {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

// One request. `target` is a path with an optional query, such as
// "/items/project"; the client prefixes it with the base URL's path.
struct HttpRequest {
  std::string method = "GET";
  std::string target;
  HttpHeaders headers;
  std::string body;
};

// A complete response of any status.
struct HttpResponse {
  int status = 0;
  HttpHeaders headers;
  std::string body;

  // Returns the value of the first header named `name` (compared
  // case-insensitively), or "" when there is none.
  std::string Header(std::string_view name) const;
};

struct HttpClientOptions {
  // Verifies the server's certificate chain and host name on https://.
  bool verify_tls = true;
  // PEM file of trusted CA certificates; empty uses the system store.
  std::string ca_file;
  // Idle keep-alive connections kept for reuse; more are closed.
  int max_idle_connections = 8;
  // Largest response body accepted; a larger one fails the request.
  size_t max_body_bytes = size_t{256} << 20;
};

// Sends requests to the server of one base URL. Thread-safe: concurrent
// Send calls use separate connections, and a connection returns to the pool
// after a complete response unless the server asked to close it.
class HttpClient {
 public:
  // Creates a client for `base_url`, such as "https://cms.example.org/api".
  // Returns INVALID_ARGUMENT when the URL is not an http:// or https:// URL
  // with a host, or when `options.ca_file` cannot be loaded. Connects
  // lazily, so an unreachable server is not an error here.
  static absl::StatusOr<std::unique_ptr<HttpClient>> Create(
      std::string base_url, HttpClientOptions options);

  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // Sends `request` and reads the whole response, which may have any
  // status. The call ends by the earlier of `deadline` and the context's
  // deadline. Errors:
  // - DEADLINE_EXCEEDED when the deadline passes first;
  // - CANCELLED when `context` is cancelled;
  // - UNAVAILABLE when the host cannot be resolved or reached, TLS fails,
  //   or the connection breaks (the message names the host and the error,
  //   never header values);
  // - RESOURCE_EXHAUSTED when the body exceeds `max_body_bytes`.
  // A request on a reused connection that the server had already closed is
  // sent again once on a new connection.
  absl::StatusOr<HttpResponse> Send(const HttpRequest& request,
                                    absl::Time deadline,
                                    const CallContext* context = nullptr);

  // Returns the base URL, for logs and messages.
  const std::string& base_url() const;

 private:
  class Impl;
  explicit HttpClient(std::unique_ptr<Impl> impl);

  std::unique_ptr<Impl> impl_;
};

}  // namespace usage

#endif  // USAGE_HTTP_HTTP_CLIENT_H_
