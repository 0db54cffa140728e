// Every Boost.Beast and Boost.Asio include of the project lives in this file
// because each translation unit that includes them takes seconds to compile.
#include "http/http_client.h"

#include <openssl/ssl.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>

#include "absl/base/thread_annotations.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "boost/asio/connect.hpp"
#include "boost/asio/io_context.hpp"
#include "boost/asio/ip/address.hpp"
#include "boost/asio/ip/tcp.hpp"
#include "boost/asio/ssl/context.hpp"
#include "boost/asio/ssl/error.hpp"
#include "boost/asio/ssl/host_name_verification.hpp"
#include "boost/asio/ssl/stream.hpp"
#include "boost/beast/core/error.hpp"
#include "boost/beast/core/flat_buffer.hpp"
#include "boost/beast/core/tcp_stream.hpp"
#include "boost/beast/http/error.hpp"
#include "boost/beast/http/field.hpp"
#include "boost/beast/http/message.hpp"
#include "boost/beast/http/parser.hpp"
#include "boost/beast/http/read.hpp"
#include "boost/beast/http/string_body.hpp"
#include "boost/beast/http/verb.hpp"
#include "boost/beast/http/write.hpp"
#include "boost/url/parse.hpp"
#include "boost/url/url_view.hpp"

namespace usage {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using ErrorCode = beast::error_code;

// How often a running operation checks for cancellation.
constexpr std::chrono::milliseconds kPollInterval{50};
// Largest response header block accepted.
constexpr uint32_t kMaxHeaderBytes = 64 * 1024;

// The parts of the base URL that requests use.
struct Endpoint {
  bool tls = false;
  std::string host;         // name or address, without IPv6 brackets
  std::string port;         // decimal
  std::string host_header;  // value of the Host header
  std::string base_path;    // without a trailing '/'
  bool host_is_address = false;
};

// Rejects base URLs that the client cannot use. Messages leave out a URL
// with user info, which may carry a password.
absl::Status CheckBaseUrl(const boost::urls::url_view& url,
                          std::string_view base_url) {
  if (url.has_userinfo()) {
    return absl::InvalidArgumentError(
        "base URL must not contain a user name or password");
  }
  const std::string quoted = absl::StrCat("base URL ", std::string(base_url));
  if (url.scheme() != "http" && url.scheme() != "https") {
    return absl::InvalidArgumentError(
        absl::StrCat(quoted, " must start with http:// or https://"));
  }
  if (url.has_query() || url.has_fragment()) {
    return absl::InvalidArgumentError(
        absl::StrCat(quoted, " must not have a query or fragment"));
  }
  if (url.host_address().empty()) {
    return absl::InvalidArgumentError(absl::StrCat(quoted, " has no host"));
  }
  return absl::OkStatus();
}

absl::StatusOr<Endpoint> ParseBaseUrl(std::string_view base_url) {
  auto parsed = boost::urls::parse_absolute_uri(base_url);
  if (!parsed) {
    return absl::InvalidArgumentError(absl::StrCat(
        "base URL is not an absolute URL: ", parsed.error().message()));
  }
  const boost::urls::url_view url = *parsed;
  if (absl::Status status = CheckBaseUrl(url, base_url); !status.ok()) {
    return status;
  }

  Endpoint endpoint;
  endpoint.tls = url.scheme() == "https";
  endpoint.host = url.host_address();
  endpoint.host_is_address = url.host_type() == boost::urls::host_type::ipv4 ||
                             url.host_type() == boost::urls::host_type::ipv6;
  endpoint.port = url.has_port() ? std::string(url.port())
                                 : std::string(endpoint.tls ? "443" : "80");
  endpoint.host_header = url.encoded_host_and_port();
  endpoint.base_path = std::string(url.encoded_path());
  if (!endpoint.base_path.empty() && endpoint.base_path.back() == '/') {
    endpoint.base_path.pop_back();
  }
  return endpoint;
}

// One keep-alive connection with the io_context that drives it. Each call
// runs the context on its own thread, so pooled connections need no locks.
struct Connection {
  asio::io_context io;
  std::optional<beast::tcp_stream> plain;
  std::optional<ssl::stream<beast::tcp_stream>> secure;
  beast::flat_buffer buffer;

  beast::tcp_stream& Transport() {
    return secure ? secure->next_layer() : *plain;
  }
};

// The limits of one Send call.
class CallLimits {
 public:
  CallLimits(absl::Time deadline, const CallContext* context)
      : deadline_(context == nullptr ? deadline
                                     : std::min(deadline, context->deadline())),
        context_(context) {}

  bool Cancelled() const { return context_ && context_->IsCancelled(); }
  bool Expired() const { return absl::Now() >= deadline_; }
  bool ShouldStop() const { return Cancelled() || Expired(); }

  // Sets the stream's timer to the deadline.
  void Arm(beast::tcp_stream& stream) const {
    if (deadline_ == absl::InfiniteFuture()) {
      stream.expires_never();
      return;
    }
    const absl::Duration left =
        std::max(deadline_ - absl::Now(), absl::ZeroDuration());
    stream.expires_after(absl::ToChronoMilliseconds(left) +
                         std::chrono::milliseconds(1));
  }

  // Turns an error of `step` into a status, giving precedence to
  // cancellation and the deadline, whose ops fail with varied codes.
  absl::Status ToStatus(const ErrorCode& error, absl::string_view step,
                        absl::string_view host) const {
    if (Cancelled()) {
      return absl::CancelledError(
          absl::StrCat("cancelled while ", step, " ", host));
    }
    if (Expired() || error == beast::error::timeout) {
      return absl::DeadlineExceededError(
          absl::StrCat("deadline exceeded while ", step, " ", host));
    }
    if (error == http::error::body_limit) {
      return absl::ResourceExhaustedError(absl::StrCat(
          "response from ", host, " is larger than the body size limit"));
    }
    return absl::UnavailableError(
        absl::StrCat(step, " ", host, " failed: ", error.message()));
  }

 private:
  absl::Time deadline_;
  const CallContext* context_;
};

// Starts one asynchronous operation through `start`, which receives the
// completion callback, and runs the io_context until it completes. When the
// call must stop, `cancel` aborts the operation, which then completes with
// an error.
ErrorCode Await(
    asio::io_context& io, const CallLimits& limits,
    const std::function<void()>& cancel,
    const std::function<void(std::function<void(ErrorCode)>)>& start) {
  std::optional<ErrorCode> result;
  start([&result](ErrorCode error) { result = error; });
  io.restart();
  bool cancelled = false;
  while (!result.has_value()) {
    io.run_one_for(kPollInterval);
    if (!result.has_value() && !cancelled && limits.ShouldStop()) {
      cancel();
      cancelled = true;
    }
  }
  return *result;
}

// True for errors that a server's close of an idle connection causes.
bool IsClosedByPeer(const ErrorCode& error) {
  return error == http::error::end_of_stream || error == asio::error::eof ||
         error == asio::error::connection_reset ||
         error == asio::error::broken_pipe ||
         error == ssl::error::stream_truncated;
}

// The result of one request/response exchange on a connection.
struct Exchange {
  absl::StatusOr<HttpResponse> response = absl::UnknownError("not sent");
  // The connection can carry another request.
  bool reusable = false;
  // The connection had been closed by the server before any response byte
  // arrived, so the request can go out again on a new connection.
  bool stale = false;
};

http::request<http::string_body> BuildRequest(const HttpRequest& request,
                                              const Endpoint& endpoint) {
  http::request<http::string_body> message;
  const http::verb verb = http::string_to_verb(request.method);
  if (verb == http::verb::unknown) {
    message.method_string(request.method);
  } else {
    message.method(verb);
  }
  message.target(absl::StrCat(endpoint.base_path, request.target));
  message.version(11);
  message.set(http::field::host, endpoint.host_header);
  message.set(http::field::user_agent, "usage-service");
  for (const auto& [name, value] : request.headers) message.set(name, value);
  message.body() = request.body;
  message.keep_alive(true);
  message.prepare_payload();
  return message;
}

HttpResponse ToResponse(http::response<http::string_body>&& message) {
  HttpResponse response;
  response.status = static_cast<int>(message.result_int());
  for (const auto& field : message) {
    response.headers.emplace_back(std::string(field.name_string()),
                                  std::string(field.value()));
  }
  response.body = std::move(message.body());
  return response;
}

}  // namespace

class HttpClient::Impl {
 public:
  Impl(std::string base_url, Endpoint endpoint, HttpClientOptions options,
       std::optional<ssl::context> tls)
      : base_url_(std::move(base_url)),
        endpoint_(std::move(endpoint)),
        options_(std::move(options)),
        tls_(std::move(tls)) {}

  const std::string& base_url() const { return base_url_; }

  absl::StatusOr<HttpResponse> Send(const HttpRequest& request,
                                    const CallLimits& limits) {
    if (limits.Cancelled()) {
      return absl::CancelledError(
          absl::StrCat("cancelled before sending to ", endpoint_.host));
    }
    if (limits.Expired()) {
      return absl::DeadlineExceededError(
          absl::StrCat("deadline exceeded before sending to ", endpoint_.host));
    }
    const http::request<http::string_body> message =
        BuildRequest(request, endpoint_);

    // A pooled connection first; a stale one is replaced once.
    if (std::unique_ptr<Connection> pooled = TakeIdle()) {
      Exchange exchange = Run(*pooled, message, limits);
      if (!exchange.stale) return Finish(std::move(pooled), exchange);
    }
    absl::StatusOr<std::unique_ptr<Connection>> fresh = Connect(limits);
    if (!fresh.ok()) return fresh.status();
    Exchange exchange = Run(**fresh, message, limits);
    return Finish(*std::move(fresh), exchange);
  }

 private:
  std::unique_ptr<Connection> TakeIdle() {
    absl::MutexLock lock(&mutex_);
    if (idle_.empty()) return nullptr;
    std::unique_ptr<Connection> connection = std::move(idle_.back());
    idle_.pop_back();
    return connection;
  }

  absl::StatusOr<HttpResponse> Finish(std::unique_ptr<Connection> connection,
                                      Exchange& exchange) {
    if (exchange.reusable) {
      connection->Transport().expires_never();
      absl::MutexLock lock(&mutex_);
      if (static_cast<int>(idle_.size()) < options_.max_idle_connections) {
        idle_.push_back(std::move(connection));
      }
    }
    return std::move(exchange.response);
  }

  absl::StatusOr<std::unique_ptr<Connection>> Connect(
      const CallLimits& limits) {
    auto connection = std::make_unique<Connection>();
    const std::string where = absl::StrCat(endpoint_.host, ":", endpoint_.port);

    // Resolve the host.
    tcp::resolver resolver(connection->io);
    tcp::resolver::results_type endpoints;
    ErrorCode error = Await(
        connection->io, limits, [&resolver] { resolver.cancel(); },
        [&](std::function<void(ErrorCode)> done) {
          resolver.async_resolve(
              endpoint_.host, endpoint_.port,
              [&endpoints, done](ErrorCode e,
                                 tcp::resolver::results_type results) {
                endpoints = std::move(results);
                done(e);
              });
        });
    if (error) return limits.ToStatus(error, "resolving", where);

    // Open the TCP connection.
    beast::tcp_stream& transport =
        tls_ ? connection->secure.emplace(connection->io, *tls_).next_layer()
             : connection->plain.emplace(connection->io);
    limits.Arm(transport);
    error = Await(
        connection->io, limits, [&transport] { transport.cancel(); },
        [&](std::function<void(ErrorCode)> done) {
          transport.async_connect(
              endpoints,
              [done](ErrorCode e, const tcp::endpoint&) { done(e); });
        });
    if (error) return limits.ToStatus(error, "connecting to", where);

    if (tls_) {
      absl::Status status = Handshake(*connection, limits, where);
      if (!status.ok()) return status;
    }
    return connection;
  }

  absl::Status Handshake(Connection& connection, const CallLimits& limits,
                         const std::string& where) {
    ssl::stream<beast::tcp_stream>& stream = *connection.secure;
    // SNI carries names only, never addresses.
    if (!endpoint_.host_is_address &&
        !SSL_set_tlsext_host_name(stream.native_handle(),
                                  endpoint_.host.c_str())) {
      return absl::UnavailableError(
          absl::StrCat("setting the TLS server name for ", where, " failed"));
    }
    if (options_.verify_tls) {
      stream.set_verify_mode(ssl::verify_peer);
      stream.set_verify_callback(ssl::host_name_verification(endpoint_.host));
    } else {
      stream.set_verify_mode(ssl::verify_none);
    }
    limits.Arm(stream.next_layer());
    const ErrorCode error = Await(
        connection.io, limits, [&stream] { stream.next_layer().cancel(); },
        [&](std::function<void(ErrorCode)> done) {
          stream.async_handshake(ssl::stream_base::client, done);
        });
    if (error) return limits.ToStatus(error, "TLS handshake with", where);
    return absl::OkStatus();
  }

  Exchange Run(Connection& connection,
               const http::request<http::string_body>& message,
               const CallLimits& limits) {
    if (connection.secure)
      return Run(*connection.secure, connection, message, limits);
    return Run(*connection.plain, connection, message, limits);
  }

  template <typename Stream>
  Exchange Run(Stream& stream, Connection& connection,
               const http::request<http::string_body>& message,
               const CallLimits& limits) {
    Exchange exchange;
    beast::tcp_stream& transport = connection.Transport();
    const std::string where = absl::StrCat(endpoint_.host, ":", endpoint_.port);
    const auto cancel = [&transport] { transport.cancel(); };

    // Send the request.
    limits.Arm(transport);
    ErrorCode error =
        Await(connection.io, limits, cancel,
              [&](std::function<void(ErrorCode)> done) {
                http::async_write(stream, message,
                                  [done](ErrorCode e, size_t) { done(e); });
              });
    if (error) {
      exchange.stale = IsClosedByPeer(error) && !limits.ShouldStop();
      exchange.response = limits.ToStatus(error, "sending to", where);
      return exchange;
    }

    // Read the response.
    http::response_parser<http::string_body> parser;
    parser.body_limit(options_.max_body_bytes);
    parser.header_limit(kMaxHeaderBytes);
    limits.Arm(transport);
    error = Await(connection.io, limits, cancel,
                  [&](std::function<void(ErrorCode)> done) {
                    http::async_read(stream, connection.buffer, parser,
                                     [done](ErrorCode e, size_t) { done(e); });
                  });
    if (error) {
      exchange.stale =
          IsClosedByPeer(error) && !parser.got_some() && !limits.ShouldStop();
      exchange.response = limits.ToStatus(error, "reading from", where);
      return exchange;
    }
    exchange.reusable = parser.get().keep_alive();
    exchange.response = ToResponse(parser.release());
    return exchange;
  }

  const std::string base_url_;
  const Endpoint endpoint_;
  const HttpClientOptions options_;
  std::optional<ssl::context> tls_;
  absl::Mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_ ABSL_GUARDED_BY(mutex_);
};

std::string HttpResponse::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (absl::EqualsIgnoreCase(key,
                               absl::string_view(name.data(), name.size()))) {
      return value;
    }
  }
  return "";
}

absl::StatusOr<std::unique_ptr<HttpClient>> HttpClient::Create(
    std::string base_url, HttpClientOptions options) {
  absl::StatusOr<Endpoint> endpoint = ParseBaseUrl(base_url);
  if (!endpoint.ok()) return endpoint.status();

  std::optional<ssl::context> tls;
  if (endpoint->tls) {
    tls.emplace(ssl::context::tls_client);
    tls->set_options(ssl::context::default_workarounds |
                     ssl::context::no_sslv2 | ssl::context::no_sslv3);
    ErrorCode error;
    if (options.ca_file.empty()) {
      tls->set_default_verify_paths(error);
    } else {
      tls->load_verify_file(options.ca_file, error);
    }
    if (error) {
      return absl::InvalidArgumentError(
          absl::StrCat("loading trusted certificates",
                       options.ca_file.empty() ? "" : " from ", options.ca_file,
                       " failed: ", error.message()));
    }
  }
  auto impl = std::make_unique<Impl>(std::move(base_url), *std::move(endpoint),
                                     std::move(options), std::move(tls));
  return std::unique_ptr<HttpClient>(new HttpClient(std::move(impl)));
}

HttpClient::HttpClient(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

HttpClient::~HttpClient() = default;

absl::StatusOr<HttpResponse> HttpClient::Send(const HttpRequest& request,
                                              absl::Time deadline,
                                              const CallContext* context) {
  return impl_->Send(request, CallLimits(deadline, context));
}

const std::string& HttpClient::base_url() const { return impl_->base_url(); }

}  // namespace usage
