#include "directus/directus_source.h"

#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "directus/account_queries.h"
#include "directus/directus_client.h"
#include "source/rows.h"

namespace usage {
namespace {

const Collection kUsers{"directus_users", "/users"};

absl::Status CheckOptions(const DirectusOptions& options) {
  if (options.token.empty()) {
    return absl::InvalidArgumentError("the Directus token is empty");
  }
  if (options.concurrency < 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Directus concurrency must be at least 1, got ", options.concurrency));
  }
  if (options.page_size < 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Directus page size must be at least 1, got ", options.page_size));
  }
  if (options.max_attempts < 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Directus attempts must be at least 1, got ", options.max_attempts));
  }
  if (options.request_timeout <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError(
        "the Directus request timeout must be positive");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<User>> ParseUsers(
    const std::vector<boost::json::object>& rows) {
  std::vector<User> users;
  users.reserve(rows.size());
  for (const boost::json::object& row : rows) {
    absl::StatusOr<User> user = ParseUser(row);
    if (!user.ok()) return absl::InternalError(user.status().message());
    users.push_back(*std::move(user));
  }
  return users;
}

}  // namespace

absl::StatusOr<std::unique_ptr<DirectusSource>> DirectusSource::Create(
    DirectusOptions options) {
  if (absl::Status status = CheckOptions(options); !status.ok()) {
    return status;
  }
  absl::StatusOr<std::unique_ptr<HttpClient>> http =
      HttpClient::Create(options.base_url, options.http);
  if (!http.ok()) return http.status();
  auto client =
      std::make_unique<DirectusClient>(*std::move(http), std::move(options));
  return std::unique_ptr<DirectusSource>(new DirectusSource(std::move(client)));
}

DirectusSource::DirectusSource(std::unique_ptr<DirectusClient> client)
    : client_(std::move(client)) {}

DirectusSource::~DirectusSource() = default;

std::string DirectusSource::Name() const {
  return absl::StrCat("Directus at ", client_->base_url());
}

absl::StatusOr<std::vector<User>> DirectusSource::FindUsers(
    const std::vector<std::string>& terms, const CallContext& context) {
  // A blank term would match every user through `_icontains: ""`.
  std::vector<std::string> kept;
  for (const std::string& term : terms) {
    std::string trimmed(absl::StripAsciiWhitespace(term));
    if (!trimmed.empty()) kept.push_back(std::move(trimmed));
  }
  absl::StatusOr<std::vector<boost::json::object>> rows = client_->FetchRows(
      kUsers, FindUsersQuery(kept), context, client_->options().page_size);
  if (!rows.ok()) return rows.status();
  return ParseUsers(*rows);
}

absl::StatusOr<std::vector<User>> DirectusSource::GetUsersById(
    const std::vector<std::string>& ids, const CallContext& context) {
  // Directus returns 500 with SQL text for a malformed UUID in a filter.
  for (const std::string& id : ids) {
    if (!IsUuid(id)) {
      return absl::InvalidArgumentError(
          absl::StrCat("user id \"", id, "\" is not a UUID"));
    }
  }
  if (ids.empty()) return std::vector<User>();
  absl::StatusOr<std::vector<boost::json::object>> rows = client_->FetchRows(
      kUsers, UsersByIdQuery(ids), context, client_->options().page_size);
  if (!rows.ok()) return rows.status();
  return ParseUsers(*rows);
}

absl::StatusOr<std::vector<User>> DirectusSource::GetUsersByEmail(
    const std::vector<std::string>& emails, const CallContext& context) {
  // PostgreSQL compares `_eq` and `_in` case-sensitively, so the query
  // matches substrings case-insensitively and only exact matches are kept.
  std::vector<std::string> wanted;
  for (const std::string& email : emails) {
    std::string trimmed(absl::StripAsciiWhitespace(email));
    if (!trimmed.empty()) wanted.push_back(std::move(trimmed));
  }
  if (wanted.empty()) return std::vector<User>();
  absl::StatusOr<std::vector<boost::json::object>> rows = client_->FetchRows(
      kUsers, UsersByEmailQuery(wanted), context, client_->options().page_size);
  if (!rows.ok()) return rows.status();
  absl::StatusOr<std::vector<User>> users = ParseUsers(*rows);
  if (!users.ok()) return users.status();

  std::vector<User> matches;
  for (User& user : *users) {
    if (!user.email.has_value()) continue;
    for (const std::string& email : wanted) {
      // NOTE: ASCII case folding; PostgreSQL's LOWER() also folds other
      // letters, so such an email is fetched but compared exactly here.
      if (absl::EqualsIgnoreCase(*user.email, email)) {
        matches.push_back(std::move(user));
        break;
      }
    }
  }
  return matches;
}

}  // namespace usage
