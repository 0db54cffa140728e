#include "cli_args.h"

#include <map>
#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"

namespace usage::cli {
namespace {

namespace v1 = echo::usage::v1;

constexpr char kDefaultServer[] = "localhost:50051";

constexpr char kMainHelp[] = R"(usage-cli: usage reports of Dembrane ECHO accounts.

Usage:
  usage-cli [GLOBAL OPTIONS] users search [QUERY ...] [--page-size N]
            [--page-token TOKEN] [--format table|json]
  usage-cli [GLOBAL OPTIONS] report --user EMAIL_OR_ID [--user ...]
            [SELECTION OPTIONS] [--format table|json]
  usage-cli [GLOBAL OPTIONS] pdf --user EMAIL_OR_ID [--user ...]
            [SELECTION OPTIONS] -o FILE [--paper a4|letter]
  usage-cli [GLOBAL OPTIONS] html --user EMAIL_OR_ID [--user ...]
            [SELECTION OPTIONS] -o FILE
  usage-cli [GLOBAL OPTIONS] leaderboard [PERIOD OPTIONS] [--limit N]
            [--format table|json]

Run "usage-cli COMMAND --help" for the options of a command.

Global options:
  --server HOST:PORT   service address (default: $USAGE_SERVER, else
                       localhost:50051)
  --deadline SECONDS   time limit of the call (default 120)
  --tls                connect with TLS
  --ca-file FILE       PEM file with the CA certificates for --tls
  --token TOKEN        caller token (default: $USAGE_TOKEN)

Exit status: 0 success, 2 usage error or invalid argument, 3 user not found,
4 server unavailable or failed, 5 authentication or permission denied,
1 local failure such as an unwritable output file.
)";

constexpr char kSearchHelp[] = R"(usage-cli users search: find users.

Usage: usage-cli users search [QUERY ...] [--page-size N] [--page-token TOKEN]
                              [--format table|json]

Every term of QUERY must match the email, first name or last name, ignoring
case; no query lists all users. Exact email matches come first, then prefix
matches, then the rest.

  --page-size N        users per page, 1 to 200 (default 50)
  --page-token TOKEN   the next-page token printed by the previous page
  --format table|json  output format (default table)
)";

constexpr char kSelectionHelp[] = R"(
Selection options:
  --user EMAIL_OR_ID   a user by email or id; repeat for several (at most 50)
  --period NAME        last-30-days (default), last-90-days, month-to-date,
                       year-to-date, all-time or custom
  --from YYYY-MM-DD    first day of a custom period (implies custom)
  --to YYYY-MM-DD      last day of a custom period, included
  --tz ZONE            IANA time zone for days and hours (default UTC)
  --as-of TIME         compute as of this RFC 3339 instant (default now),
                       e.g. 2026-03-31T10:00:00Z
  --insights           ask the service's LLM, when one is configured, for an
                       executive summary and insights
)";

constexpr char kReportHelp[] = R"(usage-cli report: print a usage report.

Usage: usage-cli report --user EMAIL_OR_ID [--user ...] [SELECTION OPTIONS]
                        [--format table|json]

  --format table|json  output format (default table); json prints the
                       UsageReport message in proto3 JSON
)";

constexpr char kProgressHelp[] =
    "  --progress           draw a progress bar on standard error while the\n"
    "                       report is built, only when standard error is a\n"
    "                       terminal (default)\n"
    "  --no-progress        draw no progress bar\n";

constexpr char kPdfHelp[] = R"(usage-cli pdf: write a usage report as PDF.

Usage: usage-cli pdf --user EMAIL_OR_ID [--user ...] [SELECTION OPTIONS]
                     -o FILE [--paper a4|letter]

  -o, --output FILE    where to write the PDF; - writes to standard output
  --paper a4|letter    paper size (default a4)
)";

constexpr char kHtmlHelp[] =
    R"(usage-cli html: write a usage report as one self-contained HTML file
with an interactive activity timeline and a sortable projects table.

Usage: usage-cli html --user EMAIL_OR_ID [--user ...] [SELECTION OPTIONS]
                      -o FILE

  -o, --output FILE    where to write the HTML file; - writes to standard
                       output
)";

constexpr char kLeaderboardHelp[] =
    R"(usage-cli leaderboard: rank the users, organisations and projects of
the whole platform. Accounts that the service excludes (internal and service
accounts) are left out.

Usage: usage-cli leaderboard [PERIOD OPTIONS] [--limit N]
                             [--format table|json]

  --limit N            entries per ranking, 1 to 100 (default 10)
  --format table|json  output format (default table); json prints the
                       GetLeaderboardResponse message in proto3 JSON

Period options:
  --period NAME        last-30-days (default), last-90-days, month-to-date,
                       year-to-date, all-time or custom
  --from YYYY-MM-DD    first day of a custom period (implies custom)
  --to YYYY-MM-DD      last day of a custom period, included
  --tz ZONE            IANA time zone for days (default UTC)
  --as-of TIME         compute as of this RFC 3339 instant (default now),
                       e.g. 2026-03-31T10:00:00Z
)";

absl::Status UsageError(std::string message) {
  return absl::InvalidArgumentError(std::move(message));
}

// Walks the arguments, handing out flag values.
class ArgReader {
 public:
  explicit ArgReader(const std::vector<std::string>& args) : args_(args) {}

  bool Done() const { return index_ >= args_.size(); }
  const std::string& Next() { return args_[index_++]; }

  // Returns the value of `flag`: the text after "=" or the next argument.
  absl::StatusOr<std::string> Value(const std::string& flag,
                                    std::optional<std::string> inline_value) {
    if (inline_value.has_value()) return *inline_value;
    if (Done()) return UsageError(absl::StrCat(flag, " needs a value"));
    return Next();
  }

 private:
  const std::vector<std::string>& args_;
  size_t index_ = 0;
};

absl::Status ParsePeriod(const std::string& name, v1::PeriodSelection& out) {
  static const auto* presets = new std::map<std::string, v1::PeriodPreset>{
      {"last-30-days", v1::PERIOD_PRESET_LAST_30_DAYS},
      {"last-90-days", v1::PERIOD_PRESET_LAST_90_DAYS},
      {"month-to-date", v1::PERIOD_PRESET_MONTH_TO_DATE},
      {"year-to-date", v1::PERIOD_PRESET_YEAR_TO_DATE},
      {"all-time", v1::PERIOD_PRESET_ALL_TIME},
      {"custom", v1::PERIOD_PRESET_CUSTOM},
  };
  auto it = presets->find(absl::AsciiStrToLower(name));
  if (it == presets->end()) {
    return UsageError(absl::StrCat(
        "invalid --period \"", name,
        "\": expected last-30-days, last-90-days, month-to-date, "
        "year-to-date, all-time or custom"));
  }
  out.set_preset(it->second);
  return absl::OkStatus();
}

absl::Status ParseAsOf(const std::string& text, google::protobuf::Timestamp& out) {
  absl::Time t;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, text, &t, &error)) {
    return UsageError(absl::StrCat("invalid --as-of \"", text,
                                   "\": expected an RFC 3339 time such as "
                                   "2026-03-31T10:00:00Z"));
  }
  int64_t seconds = absl::ToUnixSeconds(t);
  out.set_seconds(seconds);
  out.set_nanos(static_cast<int32_t>(
      absl::ToInt64Nanoseconds(t - absl::FromUnixSeconds(seconds))));
  return absl::OkStatus();
}

absl::Status ParseFormat(const std::string& text, OutputFormat& out) {
  if (text == "table") {
    out = OutputFormat::kTable;
  } else if (text == "json") {
    out = OutputFormat::kJson;
  } else {
    return UsageError(absl::StrCat("invalid --format \"", text,
                                   "\": expected table or json"));
  }
  return absl::OkStatus();
}

// Parses one option of the global set; returns false when `flag` is not
// one of them.
absl::StatusOr<bool> ParseGlobal(const std::string& flag,
                                 std::optional<std::string> inline_value,
                                 ArgReader& reader, GlobalOptions& out) {
  if (flag == "--server") {
    absl::StatusOr<std::string> value = reader.Value(flag, inline_value);
    if (!value.ok()) return value.status();
    if (value->empty()) {
      return UsageError("invalid --server \"\": expected HOST:PORT");
    }
    out.server = *value;
  } else if (flag == "--deadline") {
    absl::StatusOr<std::string> value = reader.Value(flag, inline_value);
    if (!value.ok()) return value.status();
    if (!absl::SimpleAtod(*value, &out.deadline_seconds) ||
        !(out.deadline_seconds > 0 && out.deadline_seconds <= 86400)) {
      return UsageError(absl::StrCat("invalid --deadline \"", *value,
                                     "\": expected seconds above 0"));
    }
  } else if (flag == "--tls") {
    out.tls = true;
  } else if (flag == "--ca-file") {
    absl::StatusOr<std::string> value = reader.Value(flag, inline_value);
    if (!value.ok()) return value.status();
    out.ca_file = *value;
  } else if (flag == "--token") {
    absl::StatusOr<std::string> value = reader.Value(flag, inline_value);
    if (!value.ok()) return value.status();
    out.token = *value;
  } else {
    return false;
  }
  return true;
}

// Parses one selection option of report and pdf; returns false when `flag`
// is not one of them.
absl::StatusOr<bool> ParseSelection(const std::string& flag,
                                    std::optional<std::string> inline_value,
                                    ArgReader& reader,
                                    v1::GetUsageReportRequest& out) {
  if (flag == "--insights") {
    if (inline_value.has_value()) {
      return UsageError("--insights takes no value");
    }
    out.set_include_insights(true);
    return true;
  }
  static const char* kValueFlags[] = {"--user", "--period", "--from",
                                      "--to",   "--tz",     "--as-of"};
  bool known = false;
  for (const char* name : kValueFlags) known = known || flag == name;
  if (!known) return false;

  absl::StatusOr<std::string> value = reader.Value(flag, inline_value);
  if (!value.ok()) return value.status();
  v1::PeriodSelection& period = *out.mutable_period();
  if (flag == "--user") {
    v1::UserSelector& user = *out.add_users();
    if (absl::StrContains(*value, "@")) {
      user.set_email(*value);
    } else {
      user.set_id(*value);
    }
  } else if (flag == "--period") {
    if (absl::Status s = ParsePeriod(*value, period); !s.ok()) return s;
  } else if (flag == "--from") {
    period.set_start_date(*value);
  } else if (flag == "--to") {
    period.set_end_date(*value);
  } else if (flag == "--tz") {
    out.set_time_zone(*value);
  } else if (flag == "--as-of") {
    if (absl::Status s = ParseAsOf(*value, *out.mutable_as_of()); !s.ok()) {
      return s;
    }
  }
  return true;
}

// Sets the custom preset when only dates were given, and checks that dates
// and preset agree.
absl::Status CheckPeriod(v1::PeriodSelection& period) {
  bool has_dates = !period.start_date().empty() || !period.end_date().empty();
  if (has_dates && period.preset() == v1::PERIOD_PRESET_UNSPECIFIED) {
    period.set_preset(v1::PERIOD_PRESET_CUSTOM);
  }
  if (has_dates && period.preset() != v1::PERIOD_PRESET_CUSTOM) {
    return UsageError("--from and --to need --period custom");
  }
  if (period.preset() == v1::PERIOD_PRESET_CUSTOM &&
      (period.start_date().empty() || period.end_date().empty())) {
    return UsageError("a custom period needs both --from and --to");
  }
  return absl::OkStatus();
}

absl::Status CheckSelection(v1::GetUsageReportRequest& report) {
  if (report.users().empty()) {
    return UsageError("name at least one user with --user EMAIL_OR_ID");
  }
  return CheckPeriod(*report.mutable_period());
}

// Moves the period options into the leaderboard request, which takes no
// users.
absl::Status CheckLeaderboard(Command& command) {
  if (!command.report.users().empty()) {
    return UsageError("leaderboard covers every account and takes no --user");
  }
  if (command.report.include_insights()) {
    return UsageError("leaderboard has no insights and takes no --insights");
  }
  if (absl::Status s = CheckPeriod(*command.report.mutable_period()); !s.ok()) {
    return s;
  }
  v1::GetLeaderboardRequest& request = command.leaderboard;
  *request.mutable_period() = command.report.period();
  request.set_time_zone(command.report.time_zone());
  if (command.report.has_as_of()) {
    *request.mutable_as_of() = command.report.as_of();
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Command> ParseCommandLine(const std::vector<std::string>& args,
                                         const std::string& env_server,
                                         const std::string& env_token) {
  Command command;
  command.global.server = env_server.empty() ? kDefaultServer : env_server;
  command.global.token = env_token;
  command.help = kMainHelp;

  std::vector<std::string> words;
  bool help = false;
  bool format_given = false;
  bool paper_given = false;
  ArgReader reader(args);
  while (!reader.Done()) {
    std::string arg = reader.Next();
    if (arg == "-h" || arg == "--help") {
      help = true;
      continue;
    }
    if (!absl::StartsWith(arg, "-") || arg == "-") {
      words.push_back(arg);
      continue;
    }
    std::optional<std::string> inline_value;
    std::string flag = arg;
    if (size_t equals = arg.find('='); equals != std::string::npos) {
      flag = arg.substr(0, equals);
      inline_value = arg.substr(equals + 1);
    }

    absl::StatusOr<bool> parsed =
        ParseGlobal(flag, inline_value, reader, command.global);
    if (!parsed.ok()) return parsed.status();
    if (*parsed) continue;
    parsed = ParseSelection(flag, inline_value, reader, command.report);
    if (!parsed.ok()) return parsed.status();
    if (*parsed) continue;

    absl::StatusOr<std::string> value;
    if (flag == "--format") {
      format_given = true;
      value = reader.Value(flag, inline_value);
      if (!value.ok()) return value.status();
      if (absl::Status s = ParseFormat(*value, command.format); !s.ok()) {
        return s;
      }
    } else if (flag == "--page-size") {
      value = reader.Value(flag, inline_value);
      if (!value.ok()) return value.status();
      int size = 0;
      if (!absl::SimpleAtoi(*value, &size) || size < 1 || size > 200) {
        return UsageError(absl::StrCat("invalid --page-size \"", *value,
                                       "\": expected 1 to 200"));
      }
      command.search.set_page_size(size);
    } else if (flag == "--page-token") {
      value = reader.Value(flag, inline_value);
      if (!value.ok()) return value.status();
      command.search.set_page_token(*value);
    } else if (flag == "-o" || flag == "--output") {
      value = reader.Value(flag, inline_value);
      if (!value.ok()) return value.status();
      command.output_path = *value;
    } else if (flag == "--progress" || flag == "--no-progress") {
      if (inline_value.has_value()) {
        return UsageError(absl::StrCat(flag, " takes no value"));
      }
      command.progress = flag == "--progress";
    } else if (flag == "--limit") {
      value = reader.Value(flag, inline_value);
      if (!value.ok()) return value.status();
      int limit = 0;
      if (!absl::SimpleAtoi(*value, &limit) || limit < 1 || limit > 100) {
        return UsageError(absl::StrCat("invalid --limit \"", *value,
                                       "\": expected 1 to 100"));
      }
      command.leaderboard.set_limit(limit);
    } else if (flag == "--paper") {
      paper_given = true;
      value = reader.Value(flag, inline_value);
      if (!value.ok()) return value.status();
      std::string paper = absl::AsciiStrToLower(*value);
      if (paper == "a4") {
        command.paper_size = v1::PAPER_SIZE_A4;
      } else if (paper == "letter") {
        command.paper_size = v1::PAPER_SIZE_LETTER;
      } else {
        return UsageError(absl::StrCat("invalid --paper \"", *value,
                                       "\": expected a4 or letter"));
      }
    } else {
      return UsageError(absl::StrCat("unknown option ", flag,
                                     "; run usage-cli --help"));
    }
  }

  if (words.empty()) {
    if (help) return command;
    return UsageError("missing command; run usage-cli --help");
  }
  const std::string& name = words[0];
  if (name == "users") {
    command.help = kSearchHelp;
    if (help) return command;
    if (words.size() < 2 || words[1] != "search") {
      return UsageError("expected \"users search\"; run usage-cli --help");
    }
    command.kind = CommandKind::kUsersSearch;
    std::vector<std::string> terms(words.begin() + 2, words.end());
    command.search.set_query(absl::StrJoin(terms, " "));
    return command;
  }
  if (name == "report" || name == "pdf") {
    bool pdf = name == "pdf";
    command.help = absl::StrCat(pdf ? kPdfHelp : kReportHelp, kProgressHelp,
                                kSelectionHelp);
    if (help) return command;
    if (words.size() > 1) {
      return UsageError(absl::StrCat("unexpected argument \"", words[1],
                                     "\"; name users with --user"));
    }
    command.kind = pdf ? CommandKind::kPdf : CommandKind::kReport;
    if (absl::Status s = CheckSelection(command.report); !s.ok()) return s;
    if (pdf && command.output_path.empty()) {
      return UsageError("pdf needs -o FILE");
    }
    if (pdf && format_given) {
      return UsageError("pdf writes a PDF and takes no --format");
    }
    return command;
  }
  if (name == "html") {
    command.help = absl::StrCat(kHtmlHelp, kProgressHelp, kSelectionHelp);
    if (help) return command;
    if (words.size() > 1) {
      return UsageError(absl::StrCat("unexpected argument \"", words[1],
                                     "\"; name users with --user"));
    }
    command.kind = CommandKind::kHtml;
    if (absl::Status s = CheckSelection(command.report); !s.ok()) return s;
    if (command.output_path.empty()) return UsageError("html needs -o FILE");
    if (format_given) {
      return UsageError("html writes an HTML file and takes no --format");
    }
    if (paper_given) return UsageError("html takes no --paper");
    return command;
  }
  if (name == "leaderboard") {
    command.help = kLeaderboardHelp;
    if (help) return command;
    if (words.size() > 1) {
      return UsageError(absl::StrCat("unexpected argument \"", words[1],
                                     "\"; leaderboard takes only options"));
    }
    command.kind = CommandKind::kLeaderboard;
    if (absl::Status s = CheckLeaderboard(command); !s.ok()) return s;
    return command;
  }
  return UsageError(absl::StrCat("unknown command \"", name,
                                 "\"; run usage-cli --help"));
}

}  // namespace usage::cli
