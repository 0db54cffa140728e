#include "user_search.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "report_proto.h"

namespace usage {
namespace {

namespace v1 = echo::usage::v1;

int CountCharacters(absl::string_view utf8) {
  // Counts bytes that do not continue a UTF-8 sequence.
  return static_cast<int>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// Ranks a match: 0 for an exact email, 1 when the email, a name or the full
// name starts with the query, 2 otherwise.
int Rank(const User& user, const std::string& query) {
  if (query.empty()) return 2;
  std::string email = absl::AsciiStrToLower(user.email.value_or(""));
  if (email == query) return 0;
  std::string first = absl::AsciiStrToLower(user.first_name.value_or(""));
  std::string last = absl::AsciiStrToLower(user.last_name.value_or(""));
  for (const std::string& field :
       {email, first, last, absl::StrCat(first, " ", last)}) {
    if (absl::StartsWith(field, query)) return 1;
  }
  return 2;
}

// Fingerprints the query and page size with FNV-1a, so that a token is only
// accepted by the search that issued it, on any replica of the service.
std::string Fingerprint(const std::string& query, int page_size) {
  uint64_t hash = 14695981039346656037ull;
  for (char c : absl::StrCat(query, "|", page_size)) {
    hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  }
  return absl::StrCat(absl::Hex(hash));
}

std::string MakeToken(int offset, const std::string& fingerprint) {
  return absl::WebSafeBase64Escape(
      absl::StrCat("v1:", offset, ":", fingerprint));
}

absl::StatusOr<int> ParseToken(const std::string& token,
                               const std::string& fingerprint) {
  if (token.empty()) return 0;
  auto invalid = [&token] {
    return absl::InvalidArgumentError(absl::StrCat(
        "invalid page_token \"", token.substr(0, 64),
        "\": pass the next_page_token of a previous response to the same "
        "query and page size"));
  };
  std::string decoded;
  if (!absl::WebSafeBase64Unescape(token, &decoded)) return invalid();
  std::vector<std::string> parts = absl::StrSplit(decoded, ':');
  int offset = 0;
  if (parts.size() != 3 || parts[0] != "v1" ||
      !absl::SimpleAtoi(parts[1], &offset) || offset < 0 ||
      parts[2] != fingerprint || MakeToken(offset, fingerprint) != token) {
    return invalid();
  }
  return offset;
}

}  // namespace

absl::StatusOr<v1::SearchUsersResponse> SearchUsers(
    DataSource& source, const v1::SearchUsersRequest& request,
    const CallContext& context) {
  if (CountCharacters(request.query()) > kMaxQueryCharacters) {
    return absl::InvalidArgumentError(absl::StrCat(
        "query too long: ", CountCharacters(request.query()),
        " characters, at most ", kMaxQueryCharacters));
  }
  if (request.page_size() < 0 || request.page_size() > kMaxPageSize) {
    return absl::InvalidArgumentError(
        absl::StrCat("invalid page_size ", request.page_size(),
                     ": expected 1 to ", kMaxPageSize, " (0 means ",
                     kDefaultPageSize, ")"));
  }
  int page_size =
      request.page_size() == 0 ? kDefaultPageSize : request.page_size();

  std::vector<std::string> terms =
      absl::StrSplit(request.query(), absl::ByAnyChar(" \t\r\n"),
                     absl::SkipEmpty());
  std::string query = absl::AsciiStrToLower(absl::StrJoin(terms, " "));
  std::string fingerprint = Fingerprint(query, page_size);
  absl::StatusOr<int> offset = ParseToken(request.page_token(), fingerprint);
  if (!offset.ok()) return offset.status();

  absl::StatusOr<std::vector<User>> found = source.FindUsers(terms, context);
  if (!found.ok()) return found.status();

  std::vector<std::pair<int, const User*>> ranked;
  for (const User& user : *found) ranked.emplace_back(Rank(user, query), &user);
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    std::string email_a = absl::AsciiStrToLower(a.second->email.value_or(""));
    std::string email_b = absl::AsciiStrToLower(b.second->email.value_or(""));
    return std::tie(a.first, email_a, a.second->id) <
           std::tie(b.first, email_b, b.second->id);
  });

  if (*offset > static_cast<int>(ranked.size())) {
    return absl::InvalidArgumentError(absl::StrCat(
        "invalid page_token: it points past the ", ranked.size(),
        " matching users; start again without a token"));
  }

  v1::SearchUsersResponse response;
  response.set_total_size(static_cast<int32_t>(ranked.size()));
  int end = std::min<int>(ranked.size(), *offset + page_size);
  for (int i = *offset; i < end; ++i) {
    *response.add_users() = ToProto(*ranked[i].second);
  }
  if (end < static_cast<int>(ranked.size())) {
    response.set_next_page_token(MakeToken(end, fingerprint));
  }
  return response;
}

}  // namespace usage
