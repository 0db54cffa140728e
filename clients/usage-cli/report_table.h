// Human-readable text output of usage-cli.
#ifndef USAGE_CLI_REPORT_TABLE_H_
#define USAGE_CLI_REPORT_TABLE_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "echo/usage/v1/usage_service.pb.h"

namespace usage::cli {

// Formats a report as text tables for a terminal.
std::string FormatReportTable(const echo::usage::v1::UsageReport& report);

// Formats a page of search results as a table.
std::string FormatUsersTable(
    const echo::usage::v1::SearchUsersResponse& response);

// Returns `text` with control characters and Unicode direction overrides
// replaced by U+FFFD, for printing data to a terminal.
std::string Printable(absl::string_view text);

// Formats seconds as "2 h 05 min", "4 min 10 s" or "12 s".
std::string FormatDuration(double seconds);

// Renders rows as text columns padded to their terminal width, after
// passing every cell through Printable. `right` marks the columns aligned
// right.
std::string FormatColumns(std::vector<std::vector<std::string>> rows,
                          const std::vector<bool>& right);

}  // namespace usage::cli

#endif  // USAGE_CLI_REPORT_TABLE_H_
