// Command-line parsing of usage-cli.
#ifndef USAGE_CLI_CLI_ARGS_H_
#define USAGE_CLI_CLI_ARGS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "echo/usage/v1/usage_service.pb.h"

namespace usage::cli {

enum class CommandKind {
  kHelp,
  kUsersSearch,
  kReport,
  kPdf,
  kHtml,
  kLeaderboard
};
enum class OutputFormat { kTable, kJson };

// Options that every command takes.
struct GlobalOptions {
  std::string server;          // HOST:PORT
  double deadline_seconds = 120;
  bool tls = false;
  std::string ca_file;         // PEM roots for --tls; empty: system roots
  std::string token;           // caller token, sent as a bearer token
};

// One parsed command line.
struct Command {
  CommandKind kind = CommandKind::kHelp;
  GlobalOptions global;
  OutputFormat format = OutputFormat::kTable;
  // users search
  echo::usage::v1::SearchUsersRequest search;
  // report, pdf and html
  echo::usage::v1::GetUsageReportRequest report;
  // pdf and html
  std::string output_path;
  echo::usage::v1::PaperSize paper_size = echo::usage::v1::PAPER_SIZE_A4;
  // leaderboard: the period, time zone and as_of come from the selection
  // options, the limit from --limit.
  echo::usage::v1::GetLeaderboardRequest leaderboard;
  // report and pdf: whether to draw a progress bar on standard error when
  // it is a terminal. --no-progress turns it off.
  bool progress = true;
  // Help text to print for kHelp.
  std::string help;
};

// Parses `args` (without the program name). `env_server` and `env_token`
// are the values of USAGE_SERVER and USAGE_TOKEN, used when no flag is
// given. Returns INVALID_ARGUMENT with a message naming the bad argument.
absl::StatusOr<Command> ParseCommandLine(const std::vector<std::string>& args,
                                         const std::string& env_server,
                                         const std::string& env_token);

}  // namespace usage::cli

#endif  // USAGE_CLI_CLI_ARGS_H_
