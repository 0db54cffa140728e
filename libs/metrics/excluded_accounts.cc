#include "metrics/excluded_accounts.h"

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"

namespace usage {

ExcludedAccounts ExcludedAccounts::FromEntries(
    const std::vector<std::string>& entries) {
  ExcludedAccounts excluded;
  for (const std::string& entry : entries) {
    std::string lower =
        absl::AsciiStrToLower(absl::StripAsciiWhitespace(entry));
    if (lower.empty()) continue;
    if (lower.front() == '@') {
      excluded.domains_.insert(lower.substr(1));
    } else if (lower.find('@') != std::string::npos) {
      excluded.emails_.insert(std::move(lower));
    } else {
      excluded.user_ids_.insert(std::move(lower));
    }
  }
  return excluded;
}

bool ExcludedAccounts::Matches(const User& user) const {
  if (user_ids_.contains(absl::AsciiStrToLower(user.id))) return true;
  if (!user.email.has_value()) return false;
  const std::string email =
      absl::AsciiStrToLower(absl::StripAsciiWhitespace(*user.email));
  return emails_.contains(email) || domains_.contains(EmailDomain(email));
}

std::string EmailDomain(const std::string& email) {
  const size_t at = email.rfind('@');
  if (at == std::string::npos) return "";
  return absl::AsciiStrToLower(
      absl::StripAsciiWhitespace(absl::string_view(email).substr(at + 1)));
}

}  // namespace usage
