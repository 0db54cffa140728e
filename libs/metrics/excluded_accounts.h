// Accounts that the leaderboard leaves out, such as internal and service
// accounts, named by user id, email or email domain.
#ifndef USAGE_METRICS_EXCLUDED_ACCOUNTS_H_
#define USAGE_METRICS_EXCLUDED_ACCOUNTS_H_

#include <set>
#include <string>
#include <vector>

#include "records/records.h"

namespace usage {

// A set of accounts. Matching ignores ASCII case. Thread-compatible.
class ExcludedAccounts {
 public:
  ExcludedAccounts() = default;

  // Builds the set from entries: "@example.com" names every user whose
  // email has that domain, an entry with "@" elsewhere names the user with
  // that email, and any other entry names a user id. Surrounding white
  // space is trimmed, and blank entries are ignored.
  static ExcludedAccounts FromEntries(const std::vector<std::string>& entries);

  // Returns true when `user` matches an entry by id, email or domain.
  bool Matches(const User& user) const;

  // Returns true when there are no entries.
  bool empty() const {
    return user_ids_.empty() && emails_.empty() && domains_.empty();
  }

 private:
  std::set<std::string> user_ids_;  // lower case
  std::set<std::string> emails_;    // lower case
  std::set<std::string> domains_;   // lower case, without the "@"
};

// Returns the lower-cased domain of `email`: the text after its last "@",
// or "" when there is none.
std::string EmailDomain(const std::string& email);

}  // namespace usage

#endif  // USAGE_METRICS_EXCLUDED_ACCOUNTS_H_
