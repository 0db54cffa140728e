#include "http/http_client.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <thread>

#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "loopback_server.h"

namespace usage {
namespace {

using ::testing::HasSubstr;
using ::usage::testing::HttpReply;
using ::usage::testing::LoopbackServer;
using ::usage::testing::ReceivedRequest;
using ::usage::testing::Reply;

absl::Time In(absl::Duration duration) { return absl::Now() + duration; }

std::unique_ptr<HttpClient> MakeClient(const std::string& url,
                                       HttpClientOptions options = {}) {
  absl::StatusOr<std::unique_ptr<HttpClient>> client =
      HttpClient::Create(url, options);
  EXPECT_TRUE(client.ok()) << client.status();
  return client.ok() ? *std::move(client) : nullptr;
}

Reply Ok(std::string_view body) { return Reply{HttpReply(200, body)}; }

// Returns a loopback port on which nothing listens.
int UnusedPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), length);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

TEST(HttpClientTest, GetRoundTrip) {
  LoopbackServer server([](const ReceivedRequest&) {
    return Reply{HttpReply(200, "hello", {{"X-Answer", "42"}})};
  });
  auto client = MakeClient(server.url() + "/api/");

  HttpRequest request;
  request.target = "/items/project?limit=1";
  request.headers = {{"Authorization", "Bearer secret"}};
  absl::StatusOr<HttpResponse> response =
      client->Send(request, In(absl::Seconds(5)));

  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "hello");
  EXPECT_EQ(response->Header("x-answer"), "42");
  const std::vector<ReceivedRequest> received = server.requests();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].method, "GET");
  EXPECT_EQ(received[0].target, "/api/items/project?limit=1");
  EXPECT_EQ(received[0].Header("Host"),
            "127.0.0.1:" + std::to_string(server.port()));
  EXPECT_EQ(received[0].Header("Authorization"), "Bearer secret");
}

TEST(HttpClientTest, SearchSendsMethodAndBody) {
  LoopbackServer server([](const ReceivedRequest&) { return Ok("{}"); });
  auto client = MakeClient(server.url());

  HttpRequest request{"SEARCH", "/items/project", {}, R"({"query":{}})"};
  ASSERT_TRUE(client->Send(request, In(absl::Seconds(5))).ok());

  const std::vector<ReceivedRequest> received = server.requests();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].method, "SEARCH");
  EXPECT_EQ(received[0].body, R"({"query":{}})");
  EXPECT_EQ(received[0].Header("Content-Length"), "12");
}

TEST(HttpClientTest, ErrorStatusIsAResponse) {
  LoopbackServer server([](const ReceivedRequest&) {
    return Reply{HttpReply(503, "Under pressure")};
  });
  auto client = MakeClient(server.url());

  absl::StatusOr<HttpResponse> response =
      client->Send(HttpRequest{"GET", "/"}, In(absl::Seconds(5)));

  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->status, 503);
  EXPECT_EQ(response->body, "Under pressure");
}

TEST(HttpClientTest, KeepAliveReusesConnection) {
  LoopbackServer server([](const ReceivedRequest&) { return Ok("x"); });
  auto client = MakeClient(server.url());

  ASSERT_TRUE(
      client->Send(HttpRequest{"GET", "/a"}, In(absl::Seconds(5))).ok());
  ASSERT_TRUE(
      client->Send(HttpRequest{"GET", "/b"}, In(absl::Seconds(5))).ok());

  EXPECT_EQ(server.connections(), 1);
  const std::vector<ReceivedRequest> received = server.requests();
  ASSERT_EQ(received.size(), 2u);
  EXPECT_EQ(received[0].connection, 1);
  EXPECT_EQ(received[1].connection, 1);
}

TEST(HttpClientTest, ConnectionCloseIsNotReused) {
  LoopbackServer server([](const ReceivedRequest&) {
    return Reply{HttpReply(200, "x", {{"Connection", "close"}}), true};
  });
  auto client = MakeClient(server.url());

  ASSERT_TRUE(
      client->Send(HttpRequest{"GET", "/a"}, In(absl::Seconds(5))).ok());
  ASSERT_TRUE(
      client->Send(HttpRequest{"GET", "/b"}, In(absl::Seconds(5))).ok());

  EXPECT_EQ(server.connections(), 2);
}

TEST(HttpClientTest, ConnectionClosedWhileIdleIsReplaced) {
  // The server closes every connection after its reply without saying so,
  // as a server does whose keep-alive timeout passed.
  LoopbackServer server([](const ReceivedRequest&) {
    return Reply{HttpReply(200, "x"), true};
  });
  auto client = MakeClient(server.url());

  ASSERT_TRUE(
      client->Send(HttpRequest{"GET", "/a"}, In(absl::Seconds(5))).ok());
  absl::SleepFor(absl::Milliseconds(50));
  absl::StatusOr<HttpResponse> second =
      client->Send(HttpRequest{"GET", "/b"}, In(absl::Seconds(5)));

  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(server.connections(), 2);
}

TEST(HttpClientTest, StalledServerHitsDeadline) {
  LoopbackServer server([](const ReceivedRequest&) {
    return Reply{HttpReply(200, "late"), false, absl::Seconds(30)};
  });
  auto client = MakeClient(server.url());

  const absl::Time start = absl::Now();
  absl::StatusOr<HttpResponse> response =
      client->Send(HttpRequest{"GET", "/"}, start + absl::Milliseconds(300));
  const absl::Duration elapsed = absl::Now() - start;

  EXPECT_EQ(response.status().code(), absl::StatusCode::kDeadlineExceeded)
      << response.status();
  EXPECT_GE(elapsed, absl::Milliseconds(300));
  // The call ends within one cancellation poll (50 ms) of the deadline;
  // 500 ms leaves room for a loaded machine.
  EXPECT_LT(elapsed, absl::Milliseconds(800));
}

TEST(HttpClientTest, ContextDeadlineWinsOverLaterDeadline) {
  LoopbackServer server([](const ReceivedRequest&) {
    return Reply{HttpReply(200, "late"), false, absl::Seconds(30)};
  });
  auto client = MakeClient(server.url());
  CallContext context(In(absl::Milliseconds(200)), nullptr);

  absl::StatusOr<HttpResponse> response =
      client->Send(HttpRequest{"GET", "/"}, In(absl::Seconds(30)), &context);

  EXPECT_EQ(response.status().code(), absl::StatusCode::kDeadlineExceeded);
}

TEST(HttpClientTest, CancelledContextStopsCall) {
  LoopbackServer server([](const ReceivedRequest&) {
    return Reply{HttpReply(200, "late"), false, absl::Seconds(30)};
  });
  auto client = MakeClient(server.url());
  std::atomic<bool> cancelled{false};
  CallContext context(In(absl::Seconds(30)), [&] { return cancelled.load(); });
  std::thread canceller([&] {
    absl::SleepFor(absl::Milliseconds(200));
    cancelled = true;
  });

  const absl::Time start = absl::Now();
  absl::StatusOr<HttpResponse> response =
      client->Send(HttpRequest{"GET", "/"}, In(absl::Seconds(30)), &context);
  canceller.join();

  EXPECT_EQ(response.status().code(), absl::StatusCode::kCancelled);
  EXPECT_LT(absl::Now() - start, absl::Seconds(5));
}

TEST(HttpClientTest, ConnectionRefusedIsUnavailable) {
  const int port = UnusedPort();
  auto client = MakeClient("http://127.0.0.1:" + std::to_string(port));

  absl::StatusOr<HttpResponse> response =
      client->Send(HttpRequest{"GET", "/"}, In(absl::Seconds(5)));

  EXPECT_EQ(response.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(response.status().message(),
              HasSubstr("127.0.0.1:" + std::to_string(port)));
}

TEST(HttpClientTest, BodyOverLimitFails) {
  LoopbackServer server(
      [](const ReceivedRequest&) { return Ok(std::string(1000, 'a')); });
  HttpClientOptions options;
  options.max_body_bytes = 100;
  auto client = MakeClient(server.url(), options);

  absl::StatusOr<HttpResponse> response =
      client->Send(HttpRequest{"GET", "/"}, In(absl::Seconds(5)));

  EXPECT_EQ(response.status().code(), absl::StatusCode::kResourceExhausted)
      << response.status();
}

TEST(HttpClientTest, TruncatedBodyIsUnavailable) {
  LoopbackServer server([](const ReceivedRequest&) {
    // Content-Length promises 100 bytes; 5 arrive before the close.
    return Reply{"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nhello", true};
  });
  auto client = MakeClient(server.url());

  absl::StatusOr<HttpResponse> response =
      client->Send(HttpRequest{"GET", "/"}, In(absl::Seconds(5)));

  EXPECT_EQ(response.status().code(), absl::StatusCode::kUnavailable)
      << response.status();
}

TEST(HttpClientTest, RejectsInvalidBaseUrls) {
  for (const char* url :
       {"ftp://127.0.0.1/", "127.0.0.1:8055", "http://",
        "http://user:password@127.0.0.1/", "http://127.0.0.1/?query=1"}) {
    EXPECT_EQ(HttpClient::Create(url, {}).status().code(),
              absl::StatusCode::kInvalidArgument)
        << url;
  }
}

TEST(HttpClientTest, RejectsMissingCaFile) {
  HttpClientOptions options;
  options.ca_file = "/nonexistent/ca.pem";
  EXPECT_EQ(HttpClient::Create("https://127.0.0.1/", options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

class HttpClientTlsTest : public ::testing::Test {
 protected:
  void SetUp() override { directory_ = testing::MakeTempDirectory(); }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  std::optional<testing::TlsFiles> Certificate(const std::string& names) {
    auto files = testing::MakeSelfSignedCertificate(directory_, names);
    EXPECT_TRUE(files.has_value()) << "openssl req failed";
    return files;
  }

  std::string directory_;
};

TEST_F(HttpClientTlsTest, SelfSignedRejectedByDefault) {
  auto files = Certificate("IP:127.0.0.1,DNS:localhost");
  ASSERT_TRUE(files.has_value());
  LoopbackServer server([](const ReceivedRequest&) { return Ok("tls"); },
                        files);
  auto client = MakeClient(server.url());

  absl::StatusOr<HttpResponse> response =
      client->Send(HttpRequest{"GET", "/"}, In(absl::Seconds(5)));

  EXPECT_EQ(response.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(response.status().message(), HasSubstr("certificate"));
  EXPECT_TRUE(server.requests().empty());
}

TEST_F(HttpClientTlsTest, TrustedCaFileAccepted) {
  auto files = Certificate("IP:127.0.0.1,DNS:localhost");
  ASSERT_TRUE(files.has_value());
  LoopbackServer server([](const ReceivedRequest&) { return Ok("tls"); },
                        files);
  HttpClientOptions options;
  options.ca_file = files->cert_file;
  auto client = MakeClient(server.url(), options);

  absl::StatusOr<HttpResponse> first =
      client->Send(HttpRequest{"GET", "/"}, In(absl::Seconds(5)));
  absl::StatusOr<HttpResponse> second =
      client->Send(HttpRequest{"GET", "/"}, In(absl::Seconds(5)));

  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(first->body, "tls");
  EXPECT_EQ(server.connections(), 1);
}

TEST_F(HttpClientTlsTest, WrongHostNameRejected) {
  // Trusted, but issued for another name than the address connected to.
  auto files = Certificate("DNS:cms.example.org");
  ASSERT_TRUE(files.has_value());
  LoopbackServer server([](const ReceivedRequest&) { return Ok("tls"); },
                        files);
  HttpClientOptions options;
  options.ca_file = files->cert_file;
  auto client = MakeClient(server.url(), options);

  absl::StatusOr<HttpResponse> response =
      client->Send(HttpRequest{"GET", "/"}, In(absl::Seconds(5)));

  EXPECT_EQ(response.status().code(), absl::StatusCode::kUnavailable);
}

TEST_F(HttpClientTlsTest, VerificationCanBeTurnedOff) {
  auto files = Certificate("DNS:cms.example.org");
  ASSERT_TRUE(files.has_value());
  LoopbackServer server([](const ReceivedRequest&) { return Ok("tls"); },
                        files);
  HttpClientOptions options;
  options.verify_tls = false;
  auto client = MakeClient(server.url(), options);

  absl::StatusOr<HttpResponse> response =
      client->Send(HttpRequest{"GET", "/"}, In(absl::Seconds(5)));

  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->body, "tls");
}

}  // namespace
}  // namespace usage
