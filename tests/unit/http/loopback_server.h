// A small HTTP/1.1 server on 127.0.0.1 for tests, written on plain sockets
// (and OpenSSL for https) so that it shares no code with the client under
// test. Each connection runs on its own thread and serves requests until the
// client or a reply closes it.
#ifndef USAGE_TESTS_UNIT_HTTP_LOOPBACK_SERVER_H_
#define USAGE_TESTS_UNIT_HTTP_LOOPBACK_SERVER_H_

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "absl/time/time.h"

namespace usage::testing {

// A request as the server parsed it.
struct ReceivedRequest {
  std::string method;
  std::string target;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // 1 for the first accepted connection, 2 for the second, and so on.
  int connection = 0;

  // Returns the first header named `name`, compared case-insensitively, or
  // "" when there is none.
  std::string Header(std::string_view name) const;
};

// What the server does with one request.
struct Reply {
  // Bytes written back verbatim; see HttpReply().
  std::string raw;
  // Close the connection after writing `raw`.
  bool close = false;
  // Wait this long (or until the server stops) before writing anything.
  absl::Duration stall = absl::ZeroDuration();
};

// Formats a complete response with Content-Length. `extra_headers` are
// written as given.
std::string HttpReply(
    int status, std::string_view body,
    const std::vector<std::pair<std::string, std::string>>& extra_headers = {});

// Certificate and key of a TLS server, in PEM files.
struct TlsFiles {
  std::string cert_file;
  std::string key_file;
};

// Writes a self-signed certificate for `subject_alt_name` (such as
// "IP:127.0.0.1,DNS:localhost") with its key into `directory`, using the
// openssl command. Returns nullopt when the command fails.
std::optional<TlsFiles> MakeSelfSignedCertificate(
    const std::string& directory, const std::string& subject_alt_name);

// Returns a new empty directory under the system's temporary directory.
std::string MakeTempDirectory();

class LoopbackServer {
 public:
  using Handler = std::function<Reply(const ReceivedRequest&)>;

  // Starts listening on an ephemeral port of 127.0.0.1. `handler` runs on
  // the connection threads and must be thread-safe.
  explicit LoopbackServer(Handler handler,
                          std::optional<TlsFiles> tls = std::nullopt);
  // Stops accepting, closes every connection and joins the threads.
  ~LoopbackServer();

  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  int port() const { return port_; }
  // "http://127.0.0.1:<port>" or "https://127.0.0.1:<port>".
  std::string url() const;
  // Connections accepted so far (TLS handshakes that failed included).
  int connections() const { return connections_.load(); }
  // Requests received so far, in arrival order.
  std::vector<ReceivedRequest> requests() const;

 private:
  void AcceptLoop();
  void Serve(int fd, int connection);
  bool WaitForStop(absl::Duration duration);

  Handler handler_;
  void* tls_context_ = nullptr;  // SSL_CTX*, kept out of this header
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<int> connections_{0};
  std::atomic<bool> stopping_{false};

  mutable std::mutex mutex_;
  std::condition_variable stop_signal_;
  std::vector<ReceivedRequest> requests_;
  std::vector<int> open_fds_;
  std::vector<std::thread> threads_;
  std::thread acceptor_;
};

}  // namespace usage::testing

#endif  // USAGE_TESTS_UNIT_HTTP_LOOPBACK_SERVER_H_
