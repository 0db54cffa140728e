#include "loopback_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace usage::testing {
namespace {

absl::string_view View(std::string_view text) {
  return absl::string_view(text.data(), text.size());
}

// A plain or TLS byte stream over an accepted socket.
class Channel {
 public:
  Channel(int fd, SSL* ssl) : fd_(fd), ssl_(ssl) {}
  ~Channel() {
    if (ssl_ != nullptr) SSL_free(ssl_);
  }

  // Returns the number of bytes read, 0 at end of stream or on error.
  size_t Read(char* data, size_t size) {
    if (ssl_ != nullptr) {
      const int n = SSL_read(ssl_, data, static_cast<int>(size));
      return n > 0 ? static_cast<size_t>(n) : 0;
    }
    const ssize_t n = ::recv(fd_, data, size, 0);
    return n > 0 ? static_cast<size_t>(n) : 0;
  }

  bool Write(std::string_view data) {
    while (!data.empty()) {
      const ssize_t n =
          ssl_ != nullptr
              ? SSL_write(ssl_, data.data(), static_cast<int>(data.size()))
              : ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      data.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }

 private:
  int fd_;
  SSL* ssl_;
};

// Reads one request from `channel`, keeping bytes past it in `pending`.
// Returns nullopt at end of stream.
std::optional<ReceivedRequest> ReadRequest(Channel& channel,
                                           std::string& pending) {
  char chunk[16384];
  size_t header_end = std::string::npos;
  while ((header_end = pending.find("\r\n\r\n")) == std::string::npos) {
    const size_t n = channel.Read(chunk, sizeof(chunk));
    if (n == 0) return std::nullopt;
    pending.append(chunk, n);
  }

  ReceivedRequest request;
  std::vector<std::string> lines = absl::StrSplit(
      View(std::string_view(pending).substr(0, header_end)), "\r\n");
  std::vector<std::string> request_line = absl::StrSplit(lines[0], ' ');
  if (request_line.size() < 2) return std::nullopt;
  request.method = request_line[0];
  request.target = request_line[1];
  size_t content_length = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    const size_t colon = lines[i].find(':');
    if (colon == std::string::npos) continue;
    std::string name = lines[i].substr(0, colon);
    std::string value(absl::StripAsciiWhitespace(lines[i].substr(colon + 1)));
    if (absl::EqualsIgnoreCase(name, "content-length")) {
      absl::SimpleAtoi(value, &content_length);
    }
    request.headers.emplace_back(std::move(name), std::move(value));
  }

  pending.erase(0, header_end + 4);
  while (pending.size() < content_length) {
    const size_t n = channel.Read(chunk, sizeof(chunk));
    if (n == 0) return std::nullopt;
    pending.append(chunk, n);
  }
  request.body = pending.substr(0, content_length);
  pending.erase(0, content_length);
  return request;
}

const char* ReasonPhrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Status";
  }
}

}  // namespace

std::string ReceivedRequest::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (absl::EqualsIgnoreCase(key, View(name))) return value;
  }
  return "";
}

std::string HttpReply(
    int status, std::string_view body,
    const std::vector<std::pair<std::string, std::string>>& extra_headers) {
  std::string raw = absl::StrCat("HTTP/1.1 ", status, " ", ReasonPhrase(status),
                                 "\r\nContent-Length: ", body.size(), "\r\n");
  for (const auto& [name, value] : extra_headers) {
    absl::StrAppend(&raw, name, ": ", value, "\r\n");
  }
  absl::StrAppend(&raw, "\r\n", View(body));
  return raw;
}

std::string MakeTempDirectory() {
  std::random_device random;
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      absl::StrCat("usage-test-", getpid(), "-", random());
  std::filesystem::create_directories(path);
  return path.string();
}

std::optional<TlsFiles> MakeSelfSignedCertificate(
    const std::string& directory, const std::string& subject_alt_name) {
  TlsFiles files{directory + "/cert.pem", directory + "/key.pem"};
  const std::string command = absl::StrCat(
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 "
      "-nodes -days 1 -subj /CN=usage-test -addext subjectAltName=",
      subject_alt_name, " -keyout ", files.key_file, " -out ", files.cert_file,
      " >/dev/null 2>&1");
  if (std::system(command.c_str()) != 0) return std::nullopt;
  return files;
}

LoopbackServer::LoopbackServer(Handler handler, std::optional<TlsFiles> tls)
    : handler_(std::move(handler)) {
  // OpenSSL writes to the socket with write(), which raises SIGPIPE when the
  // client has gone.
  std::signal(SIGPIPE, SIG_IGN);
  if (tls.has_value()) {
    SSL_CTX* context = SSL_CTX_new(TLS_server_method());
    if (SSL_CTX_use_certificate_chain_file(context, tls->cert_file.c_str()) !=
            1 ||
        SSL_CTX_use_PrivateKey_file(context, tls->key_file.c_str(),
                                    SSL_FILETYPE_PEM) != 1) {
      SSL_CTX_free(context);
      throw std::runtime_error("loading the test certificate failed");
    }
    tls_context_ = context;
  }

  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
      ::listen(listen_fd_, 64) != 0 ||
      ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address),
                    &length) != 0) {
    throw std::runtime_error("listening on 127.0.0.1 failed");
  }
  port_ = ntohs(address.sin_port);
  acceptor_ = std::thread([this] { AcceptLoop(); });
}

LoopbackServer::~LoopbackServer() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    for (int fd : open_fds_) ::shutdown(fd, SHUT_RDWR);
  }
  stop_signal_.notify_all();
  ::shutdown(listen_fd_, SHUT_RDWR);
  ::close(listen_fd_);
  acceptor_.join();
  for (std::thread& thread : threads_) thread.join();
  for (int fd : open_fds_) ::close(fd);
  if (tls_context_ != nullptr) {
    SSL_CTX_free(static_cast<SSL_CTX*>(tls_context_));
  }
}

std::string LoopbackServer::url() const {
  return absl::StrCat(tls_context_ != nullptr ? "https" : "http",
                      "://127.0.0.1:", port_);
}

std::vector<ReceivedRequest> LoopbackServer::requests() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return requests_;
}

void LoopbackServer::AcceptLoop() {
  while (true) {
    const int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) return;
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) {
      ::close(fd);
      return;
    }
    const int connection = ++connections_;
    open_fds_.push_back(fd);
    threads_.emplace_back([this, fd, connection] { Serve(fd, connection); });
  }
}

bool LoopbackServer::WaitForStop(absl::Duration duration) {
  std::unique_lock<std::mutex> lock(mutex_);
  return stop_signal_.wait_for(lock, absl::ToChronoMilliseconds(duration),
                               [this] { return stopping_.load(); });
}

void LoopbackServer::Serve(int fd, int connection) {
  SSL* ssl = nullptr;
  if (tls_context_ != nullptr) {
    ssl = SSL_new(static_cast<SSL_CTX*>(tls_context_));
    SSL_set_fd(ssl, fd);
    if (SSL_accept(ssl) != 1) {
      SSL_free(ssl);
      ssl = nullptr;
      ::shutdown(fd, SHUT_RDWR);
      return;
    }
  }
  Channel channel(fd, ssl);
  std::string pending;
  while (!stopping_) {
    std::optional<ReceivedRequest> request = ReadRequest(channel, pending);
    if (!request.has_value()) break;
    request->connection = connection;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      requests_.push_back(*request);
    }
    const Reply reply = handler_(*request);
    if (reply.stall > absl::ZeroDuration() && WaitForStop(reply.stall)) break;
    if (!channel.Write(reply.raw) || reply.close) break;
  }
  ::shutdown(fd, SHUT_RDWR);
}

}  // namespace usage::testing
