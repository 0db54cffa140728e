// SearchUsers: validation, ranking and pagination over a data source.
#ifndef USAGE_SERVICE_USER_SEARCH_H_
#define USAGE_SERVICE_USER_SEARCH_H_

#include "absl/status/statusor.h"
#include "echo/usage/v1/usage_service.pb.h"
#include "source/call_context.h"
#include "source/data_source.h"

namespace usage {

// The longest accepted query, in characters.
inline constexpr int kMaxQueryCharacters = 200;
// Page sizes: the default and the maximum.
inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 200;

// Searches `source` for the users of `request`: every whitespace-separated term must match
// email, first or last name; exact email matches rank first, then prefix
// matches, then the rest, each group by email. Returns INVALID_ARGUMENT for
// an oversized query, a page size outside 0..200 or a page token that does
// not belong to this query.
absl::StatusOr<echo::usage::v1::SearchUsersResponse> SearchUsers(
    DataSource& source, const echo::usage::v1::SearchUsersRequest& request,
    const CallContext& context);

}  // namespace usage

#endif  // USAGE_SERVICE_USER_SEARCH_H_
