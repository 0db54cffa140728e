// usage-cli: searches users and prints or writes usage reports through a
// running usage-service.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "cli_args.h"
#include "echo/usage/v1/usage_service.grpc.pb.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/grpcpp.h"
#include "leaderboard_table.h"
#include "progress_bar.h"
#include "report_table.h"

namespace {

namespace v1 = echo::usage::v1;
using usage::cli::Command;
using usage::cli::CommandKind;
using usage::cli::OutputFormat;

// Exit statuses, as printed by --help.
constexpr int kExitLocalFailure = 1;
constexpr int kExitUsage = 2;
constexpr int kExitNotFound = 3;
constexpr int kExitServer = 4;
constexpr int kExitAuth = 5;

int ExitCodeFor(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::OUT_OF_RANGE:
      return kExitUsage;
    case grpc::StatusCode::NOT_FOUND:
      return kExitNotFound;
    case grpc::StatusCode::UNAUTHENTICATED:
    case grpc::StatusCode::PERMISSION_DENIED:
      return kExitAuth;
    default:
      return kExitServer;
  }
}

std::string CodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::INVALID_ARGUMENT:
      return "invalid argument";
    case grpc::StatusCode::NOT_FOUND:
      return "not found";
    case grpc::StatusCode::UNAVAILABLE:
      return "unavailable";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "deadline exceeded";
    case grpc::StatusCode::UNAUTHENTICATED:
      return "unauthenticated";
    case grpc::StatusCode::PERMISSION_DENIED:
      return "permission denied";
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return "resource exhausted";
    case grpc::StatusCode::FAILED_PRECONDITION:
      return "failed precondition";
    case grpc::StatusCode::INTERNAL:
      return "internal error";
    case grpc::StatusCode::CANCELLED:
      return "cancelled";
    case grpc::StatusCode::UNIMPLEMENTED:
      return "not implemented by this server";
    default:
      return absl::StrCat("error ", static_cast<int>(code));
  }
}

// Returns true when `status` shows that the client could not connect, as
// opposed to the service reporting that one of its own dependencies is down.
bool IsConnectionFailure(const grpc::Status& status) {
  if (status.error_code() != grpc::StatusCode::UNAVAILABLE) return false;
  const std::string& message = status.error_message();
  for (const char* sign :
       {"failed to connect", "Connection refused", "DNS resolution failed",
        "connections to all", "Socket closed", "Connection reset"}) {
    if (absl::StrContains(message, sign)) return true;
  }
  return false;
}

int ReportRpcError(const Command& command, const grpc::Status& status) {
  std::string message = status.error_message();
  if (IsConnectionFailure(status)) {
    message = absl::StrCat("cannot reach usage-service at ",
                           command.global.server, ": ", message);
  }
  std::cerr << "usage-cli: " << CodeName(status.error_code()) << ": " << message
            << "\n";
  return ExitCodeFor(status.error_code());
}

// Returns a channel to the service, or nullptr after printing why the TLS
// options cannot be used.
std::shared_ptr<grpc::Channel> MakeChannel(const Command& command) {
  std::shared_ptr<grpc::ChannelCredentials> credentials;
  if (command.global.tls) {
    grpc::SslCredentialsOptions options;
    if (!command.global.ca_file.empty()) {
      std::ifstream file(command.global.ca_file);
      options.pem_root_certs.assign(std::istreambuf_iterator<char>(file), {});
      if (!file.good() && !file.eof()) options.pem_root_certs.clear();
      if (options.pem_root_certs.empty()) {
        std::cerr << "usage-cli: cannot read --ca-file "
                  << command.global.ca_file << "\n";
        return nullptr;
      }
    }
    credentials = grpc::SslCredentials(options);
  } else {
    credentials = grpc::InsecureChannelCredentials();
  }
  grpc::ChannelArguments arguments;
  arguments.SetMaxReceiveMessageSize(64 << 20);
  return grpc::CreateCustomChannel(command.global.server, credentials,
                                   arguments);
}

void PrepareContext(const Command& command, grpc::ClientContext& context) {
  context.set_deadline(absl::ToChronoTime(
      absl::Now() + absl::Seconds(command.global.deadline_seconds)));
  if (!command.global.token.empty()) {
    context.AddMetadata("authorization",
                        absl::StrCat("Bearer ", command.global.token));
  }
}

// Prints `message` as proto3 JSON. Returns false, after printing the
// reason, when the message cannot be converted (for example a timestamp
// out of range).
bool PrintJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.always_print_primitive_fields = true;
  options.preserve_proto_field_names = true;
  std::string json;
  google::protobuf::util::Status status =
      google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) {
    std::cerr << "usage-cli: cannot print the response as JSON: "
              << status.message().as_string() << "\n";
    return false;
  }
  std::cout << json;
  return true;
}

// Writes `bytes` to `path`: "-" is standard output, a device or pipe is
// written in place, and a regular file (or the file a link points to) is
// replaced atomically, so that a failed write leaves no truncated file.
absl::Status WriteOutput(const std::string& path, const std::string& bytes) {
  if (path == "-") {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::cout.flush();
    return std::cout ? absl::OkStatus()
                     : absl::DataLossError("cannot write standard output");
  }

  std::error_code error;
  std::filesystem::file_status status = std::filesystem::status(path, error);
  if (std::filesystem::is_directory(status)) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot write ", path, ": it is a directory"));
  }
  bool replace = !std::filesystem::exists(status) ||
                 std::filesystem::is_regular_file(status);
  std::filesystem::path target = path;
  if (replace && std::filesystem::is_symlink(
                     std::filesystem::symlink_status(path, error))) {
    target = std::filesystem::canonical(path, error);
    if (error) target = path;
  }

  std::string temporary =
      replace ? absl::StrCat(target.string(), ".part-", getpid()) : path;
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    file.flush();
    if (!file) {
      std::string reason = std::strerror(errno);
      if (replace) std::remove(temporary.c_str());
      return absl::DataLossError(
          absl::StrCat("cannot write ", path, ": ", reason));
    }
  }
  if (replace && std::rename(temporary.c_str(), target.c_str()) != 0) {
    std::string reason = std::strerror(errno);
    std::remove(temporary.c_str());
    return absl::DataLossError(
        absl::StrCat("cannot write ", path, ": ", reason));
  }
  return absl::OkStatus();
}

int RunSearch(const Command& command, v1::UsageService::Stub& stub) {
  grpc::ClientContext context;
  PrepareContext(command, context);
  v1::SearchUsersResponse response;
  grpc::Status status = stub.SearchUsers(&context, command.search, &response);
  if (!status.ok()) return ReportRpcError(command, status);
  if (command.format == OutputFormat::kJson) {
    return PrintJson(response) ? 0 : kExitServer;
  }
  std::cout << usage::cli::FormatUsersTable(response);
  return 0;
}

// Fetches the report with GetUsageReport, for a service that has no
// StreamUsageReport.
grpc::Status GetReport(const Command& command, v1::UsageService::Stub& stub,
                       v1::UsageReport& report) {
  grpc::ClientContext context;
  PrepareContext(command, context);
  v1::GetUsageReportResponse response;
  grpc::Status status =
      stub.GetUsageReport(&context, command.report, &response);
  if (status.ok()) report = std::move(*response.mutable_report());
  return status;
}

// Fetches the report with StreamUsageReport and shows its progress on `bar`.
grpc::Status StreamReport(const Command& command, v1::UsageService::Stub& stub,
                          usage::cli::ProgressBar& bar,
                          v1::UsageReport& report) {
  bar.Update(0, "Requesting the report");
  grpc::ClientContext context;
  PrepareContext(command, context);
  std::unique_ptr<grpc::ClientReader<v1::StreamUsageReportResponse>> reader =
      stub.StreamUsageReport(&context, command.report);
  v1::StreamUsageReportResponse message;
  bool received = false;
  bool has_report = false;
  while (reader->Read(&message)) {
    received = true;
    if (message.has_progress()) {
      bar.Update(usage::cli::ReportFraction(message.progress()),
                 message.progress().message());
    } else if (message.has_report()) {
      report = std::move(*message.mutable_report());
      has_report = true;
    }
  }
  grpc::Status status = reader->Finish();
  if (status.error_code() == grpc::StatusCode::UNIMPLEMENTED && !received) {
    return GetReport(command, stub, report);
  }
  if (status.ok() && !has_report) {
    return grpc::Status(grpc::StatusCode::INTERNAL,
                        "the report stream ended without a report");
  }
  return status;
}

int RunReport(const Command& command, v1::UsageService::Stub& stub) {
  v1::UsageReport report;
  grpc::Status status;
  {
    usage::cli::ProgressBar bar(STDERR_FILENO, command.progress);
    status = StreamReport(command, stub, bar, report);
  }  // The bar is erased before anything else is printed.
  if (!status.ok()) return ReportRpcError(command, status);
  if (command.format == OutputFormat::kJson) {
    return PrintJson(report) ? 0 : kExitServer;
  }
  std::cout << usage::cli::FormatReportTable(report);
  return 0;
}

// Returns received / total, at most 1, or 0 while the size is not known.
double ReceivedFraction(size_t received, int64_t total) {
  if (total <= 0) return 0;
  return std::min(1.0, static_cast<double>(received) / total);
}

int RunLeaderboard(const Command& command, v1::UsageService::Stub& stub) {
  grpc::ClientContext context;
  PrepareContext(command, context);
  v1::GetLeaderboardResponse response;
  grpc::Status status =
      stub.GetLeaderboard(&context, command.leaderboard, &response);
  if (!status.ok()) return ReportRpcError(command, status);
  if (command.format == OutputFormat::kJson) {
    return PrintJson(response) ? 0 : kExitServer;
  }
  std::cout << usage::cli::FormatLeaderboardTable(response);
  return 0;
}

// Reads a stream of metadata followed by chunks, as RenderPdf and RenderHtml
// send it, drawing the share of the bytes received on `bar`.
template <typename Response, typename Metadata>
grpc::Status ReceiveFile(grpc::ClientReader<Response>& reader,
                         usage::cli::ProgressBar& bar, absl::string_view what,
                         Metadata& metadata, std::string& bytes) {
  const std::string message = absl::StrCat("Receiving the ", what);
  Response part;
  while (reader.Read(&part)) {
    if (part.has_metadata()) {
      metadata = part.metadata();
    } else {
      bytes += part.chunk();
    }
    bar.Update(ReceivedFraction(bytes.size(), metadata.size_bytes()), message);
  }
  grpc::Status status = reader.Finish();
  bar.Clear();
  return status;
}

// Writes a received file to the output after checking that all of its
// announced bytes arrived. Returns the exit status.
int SaveFile(const Command& command, absl::string_view what,
             const std::string& bytes, int64_t announced_size) {
  if (static_cast<int64_t>(bytes.size()) != announced_size) {
    std::cerr << "usage-cli: the " << what
              << " arrived incomplete: " << bytes.size() << " of "
              << announced_size << " bytes\n";
    return kExitServer;
  }
  if (absl::Status written = WriteOutput(command.output_path, bytes);
      !written.ok()) {
    std::cerr << "usage-cli: " << written.message() << "\n";
    return kExitLocalFailure;
  }
  return 0;
}

int RunPdf(const Command& command, v1::UsageService::Stub& stub) {
  grpc::ClientContext context;
  PrepareContext(command, context);
  v1::RenderPdfRequest request;
  *request.mutable_report() = command.report;
  request.set_paper_size(command.paper_size);

  // RenderPdf sends no progress: the bar shows the elapsed time until the
  // PDF arrives, then the share of its bytes received.
  usage::cli::ProgressBar bar(STDERR_FILENO, command.progress);
  bar.Update(-1, "Building and rendering the report");
  std::unique_ptr<grpc::ClientReader<v1::RenderPdfResponse>> reader =
      stub.RenderPdf(&context, request);
  v1::PdfMetadata metadata;
  std::string bytes;
  grpc::Status status = ReceiveFile(*reader, bar, "PDF", metadata, bytes);
  if (!status.ok()) return ReportRpcError(command, status);
  if (int saved = SaveFile(command, "PDF", bytes, metadata.size_bytes());
      saved != 0) {
    return saved;
  }
  std::cerr << "Wrote " << command.output_path << " (" << metadata.page_count()
            << (metadata.page_count() == 1 ? " page, " : " pages, ")
            << bytes.size() << " bytes)\n";
  return 0;
}

int RunHtml(const Command& command, v1::UsageService::Stub& stub) {
  grpc::ClientContext context;
  PrepareContext(command, context);
  v1::RenderHtmlRequest request;
  *request.mutable_report() = command.report;

  usage::cli::ProgressBar bar(STDERR_FILENO, command.progress);
  bar.Update(-1, "Building and rendering the report");
  std::unique_ptr<grpc::ClientReader<v1::RenderHtmlResponse>> reader =
      stub.RenderHtml(&context, request);
  v1::HtmlMetadata metadata;
  std::string bytes;
  grpc::Status status = ReceiveFile(*reader, bar, "HTML file", metadata, bytes);
  if (!status.ok()) return ReportRpcError(command, status);
  if (int saved = SaveFile(command, "HTML file", bytes, metadata.size_bytes());
      saved != 0) {
    return saved;
  }
  std::cerr << "Wrote " << command.output_path << " (" << bytes.size()
            << " bytes)\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  const char* env_server = std::getenv("USAGE_SERVER");
  const char* env_token = std::getenv("USAGE_TOKEN");
  absl::StatusOr<Command> command = usage::cli::ParseCommandLine(
      args, env_server ? env_server : "", env_token ? env_token : "");
  if (!command.ok()) {
    std::cerr << "usage-cli: " << command.status().message() << "\n";
    return kExitUsage;
  }
  if (command->kind == CommandKind::kHelp || args.empty()) {
    std::cout << command->help;
    return args.empty() ? kExitUsage : 0;
  }

  std::shared_ptr<grpc::Channel> channel = MakeChannel(*command);
  if (channel == nullptr) return kExitUsage;
  auto stub = v1::UsageService::NewStub(channel);
  switch (command->kind) {
    case CommandKind::kUsersSearch:
      return RunSearch(*command, *stub);
    case CommandKind::kReport:
      return RunReport(*command, *stub);
    case CommandKind::kPdf:
      return RunPdf(*command, *stub);
    case CommandKind::kHtml:
      return RunHtml(*command, *stub);
    case CommandKind::kLeaderboard:
      return RunLeaderboard(*command, *stub);
    case CommandKind::kHelp:
      break;
  }
  return 0;
}
