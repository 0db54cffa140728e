// Human-readable text output of `usage-cli leaderboard`.
#ifndef USAGE_CLI_LEADERBOARD_TABLE_H_
#define USAGE_CLI_LEADERBOARD_TABLE_H_

#include <string>

#include "echo/usage/v1/usage_service.pb.h"

namespace usage::cli {

// Formats a leaderboard as text tables for a terminal: the headline
// figures, then the top users, organisations and projects. Data from the
// server passes through Printable.
std::string FormatLeaderboardTable(
    const echo::usage::v1::GetLeaderboardResponse& leaderboard);

}  // namespace usage::cli

#endif  // USAGE_CLI_LEADERBOARD_TABLE_H_
