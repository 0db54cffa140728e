#include "caller_auth.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"

namespace usage {
namespace {

// Compares in time that depends only on the lengths, so that a caller
// cannot find a token byte by byte from response times.
bool ConstantTimeEquals(absl::string_view a, absl::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char difference = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    difference |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return difference == 0;
}

}  // namespace

absl::Status CallerAuth::Check(const grpc::ServerContext& context) const {
  if (tokens_.empty()) return absl::OkStatus();

  auto it = context.client_metadata().find("authorization");
  if (it == context.client_metadata().end()) {
    return absl::UnauthenticatedError(
        "missing caller token: send \"authorization: Bearer TOKEN\"");
  }
  absl::string_view header(it->second.data(), it->second.size());
  constexpr absl::string_view kScheme = "bearer ";
  if (header.size() <= kScheme.size() ||
      !absl::EqualsIgnoreCase(header.substr(0, kScheme.size()), kScheme)) {
    return absl::UnauthenticatedError(
        "invalid authorization metadata: expected \"Bearer TOKEN\"");
  }
  absl::string_view token =
      absl::StripAsciiWhitespace(header.substr(kScheme.size()));
  bool accepted = false;
  for (const std::string& known : tokens_) {
    accepted |= ConstantTimeEquals(token, known);
  }
  if (!accepted) {
    return absl::UnauthenticatedError("invalid caller token");
  }
  return absl::OkStatus();
}

}  // namespace usage
