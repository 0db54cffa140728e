// The interface between the service and where ECHO's data lives: a Directus
// server or a snapshot of its collections.
#ifndef USAGE_SOURCE_DATA_SOURCE_H_
#define USAGE_SOURCE_DATA_SOURCE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "records/records.h"
#include "source/call_context.h"
#include "source/platform_data.h"

namespace usage {

// The records to fetch for one report.
struct AccountQuery {
  // Ids of the selected users, validated UUIDs, each once.
  std::vector<std::string> user_ids;
  // Half-open window [start, end) of the events to fetch: the report's
  // period and the previous period together. absl::InfinitePast() and
  // absl::InfiniteFuture() mean no bound. Rows whose event time is null are
  // fetched whatever the window, so that the metrics can count them as
  // missing timestamps.
  absl::Time start = absl::InfinitePast();
  absl::Time end = absl::InfiniteFuture();
  // Activity bounds cover events before this instant.
  absl::Time as_of = absl::InfiniteFuture();
};

// A read-only source of ECHO records. Implementations are thread-safe.
// Errors use canonical codes: UNAVAILABLE when the source cannot be reached,
// PERMISSION_DENIED naming the collection that was refused, DEADLINE_EXCEEDED
// and CANCELLED from the context, INTERNAL for malformed data.
class DataSource {
 public:
  virtual ~DataSource() = default;

  // Returns the users for which every term matches, case-insensitively as a
  // substring, at least one of email, first name and last name. No terms
  // returns all users. The order is unspecified.
  virtual absl::StatusOr<std::vector<User>> FindUsers(
      const std::vector<std::string>& terms, const CallContext& context) = 0;

  // Returns the users with these ids. Ids that do not exist are absent from
  // the result, which is not an error. Ids must be valid UUIDs.
  virtual absl::StatusOr<std::vector<User>> GetUsersById(
      const std::vector<std::string>& ids, const CallContext& context) = 0;

  // Returns the users whose email equals one of `emails`, compared
  // case-insensitively. Emails that match nobody are absent from the result.
  virtual absl::StatusOr<std::vector<User>> GetUsersByEmail(
      const std::vector<std::string>& emails, const CallContext& context) = 0;

  // Returns every record the metrics need for `query`, or an error; never a
  // partial result. Each field of AccountData states whether the window
  // bounds it.
  virtual absl::StatusOr<AccountData> FetchAccount(
      const AccountQuery& query, const CallContext& context) = 0;

  // Returns the records of every account for the leaderboard in `query`'s
  // window, or an error; never a partial result.
  virtual absl::StatusOr<PlatformData> FetchPlatform(
      const PlatformQuery& query, const CallContext& context) = 0;

  // Describes the source for reports and logs, without secrets.
  virtual std::string Name() const = 0;
};

}  // namespace usage

#endif  // USAGE_SOURCE_DATA_SOURCE_H_
