#include "fake_llm_server.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "boost/json/parse.hpp"

namespace usage::testing {
namespace {

constexpr char kPython[] = "/usr/bin/python3";
constexpr absl::Duration kStartTimeout = absl::Seconds(15);
constexpr absl::Duration kControlTimeout = absl::Seconds(5);

absl::StatusOr<std::string> MakeTempDirectory() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "fake_llm_XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    return absl::InternalError("mkdtemp failed");
  }
  return pattern;
}

pid_t Spawn(const std::vector<std::string>& args) {
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  std::vector<char*> argv;
  for (const std::string& arg : args)
    argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  ::execv(argv[0], argv.data());
  ::_exit(127);
}

// Waits until the server writes its port, or fails when it exits first.
absl::StatusOr<int> WaitForPort(pid_t pid, const std::string& port_file) {
  const absl::Time give_up = absl::Now() + kStartTimeout;
  while (absl::Now() < give_up) {
    std::ifstream in(port_file);
    int port = 0;
    if (in >> port && port > 0) return port;
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      return absl::InternalError(
          absl::StrCat("the fake LLM server exited with status ", status));
    }
    absl::SleepFor(absl::Milliseconds(20));
  }
  return absl::DeadlineExceededError("the fake LLM server did not start");
}

}  // namespace

absl::StatusOr<std::unique_ptr<FakeLlmServer>> FakeLlmServer::Start(
    const std::string& tls_cert, const std::string& tls_key) {
  absl::StatusOr<std::string> directory = MakeTempDirectory();
  if (!directory.ok()) return directory.status();
  const std::string port_file = *directory + "/port";

  std::vector<std::string> args = {kPython, FAKE_LLM_SERVER_SCRIPT,
                                   "--port-file", port_file};
  if (!tls_cert.empty()) {
    args.insert(args.end(), {"--tls-cert", tls_cert, "--tls-key", tls_key});
  }
  const pid_t pid = Spawn(args);
  if (pid < 0) return absl::InternalError("fork failed");

  absl::StatusOr<int> port = WaitForPort(pid, port_file);
  if (!port.ok()) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    return port.status();
  }
  const std::string url =
      absl::StrCat(tls_cert.empty() ? "http" : "https", "://127.0.0.1:", *port);
  HttpClientOptions options;
  options.ca_file = tls_cert;
  absl::StatusOr<std::unique_ptr<HttpClient>> control =
      HttpClient::Create(url, options);
  if (!control.ok()) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    return control.status();
  }
  return std::unique_ptr<FakeLlmServer>(
      new FakeLlmServer(pid, url, *std::move(directory), *std::move(control)));
}

FakeLlmServer::FakeLlmServer(pid_t pid, std::string url, std::string directory,
                             std::unique_ptr<HttpClient> control)
    : pid_(pid),
      url_(std::move(url)),
      directory_(std::move(directory)),
      control_(std::move(control)) {}

FakeLlmServer::~FakeLlmServer() {
  control_.reset();
  ::kill(pid_, SIGTERM);
  ::waitpid(pid_, nullptr, 0);
  std::error_code ignored;
  std::filesystem::remove_all(directory_, ignored);
}

absl::StatusOr<HttpResponse> FakeLlmServer::Control(const std::string& method,
                                                    const std::string& target,
                                                    const std::string& body) {
  HttpRequest request;
  request.method = method;
  request.target = target;
  request.body = body;
  request.headers = {{"Content-Type", "application/json"}};
  absl::StatusOr<HttpResponse> response =
      control_->Send(request, absl::Now() + kControlTimeout);
  if (response.ok() && response->status != 200) {
    return absl::InternalError(absl::StrCat("fake LLM server returned HTTP ",
                                            response->status, ": ",
                                            response->body));
  }
  return response;
}

absl::Status FakeLlmServer::SetScript(const std::string& steps_json) {
  return Control("POST", "/_fake/script", steps_json).status();
}

absl::StatusOr<boost::json::array> FakeLlmServer::Requests() {
  absl::StatusOr<HttpResponse> response = Control("GET", "/_fake/requests", "");
  if (!response.ok()) return response.status();
  boost::system::error_code error;
  boost::json::value value = boost::json::parse(response->body, error);
  if (error || !value.is_array()) {
    return absl::InternalError("fake LLM server returned no JSON list");
  }
  return std::move(value.get_array());
}

}  // namespace usage::testing
