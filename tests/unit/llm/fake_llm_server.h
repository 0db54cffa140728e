// Runs tests/fake_llm/fake_llm_server.py as a child process on a free
// loopback port, and talks to its control endpoints.
#ifndef USAGE_TESTS_UNIT_LLM_FAKE_LLM_SERVER_H_
#define USAGE_TESTS_UNIT_LLM_FAKE_LLM_SERVER_H_

#include <sys/types.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "boost/json/value.hpp"
#include "http/http_client.h"

namespace usage::testing {

class FakeLlmServer {
 public:
  // Starts the server and waits until it listens. With a certificate and
  // key it serves HTTPS, and `url()` starts with https://.
  static absl::StatusOr<std::unique_ptr<FakeLlmServer>> Start(
      const std::string& tls_cert = "", const std::string& tls_key = "");

  // Stops the server with SIGTERM and reaps it.
  ~FakeLlmServer();
  FakeLlmServer(const FakeLlmServer&) = delete;
  FakeLlmServer& operator=(const FakeLlmServer&) = delete;

  // "http://127.0.0.1:PORT" or "https://127.0.0.1:PORT".
  const std::string& url() const { return url_; }

  // Replaces the script with `steps_json`, a JSON list of steps as
  // tests/fake_llm/README.md describes.
  absl::Status SetScript(const std::string& steps_json);

  // Returns the recorded completion requests, oldest first.
  absl::StatusOr<boost::json::array> Requests();

 private:
  FakeLlmServer(pid_t pid, std::string url, std::string directory,
                std::unique_ptr<HttpClient> control);

  absl::StatusOr<HttpResponse> Control(const std::string& method,
                                       const std::string& target,
                                       const std::string& body);

  pid_t pid_;
  std::string url_;
  std::string directory_;
  std::unique_ptr<HttpClient> control_;
};

}  // namespace usage::testing

#endif  // USAGE_TESTS_UNIT_LLM_FAKE_LLM_SERVER_H_
