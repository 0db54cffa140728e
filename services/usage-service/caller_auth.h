// Bearer-token authentication of the service's callers.
#ifndef USAGE_SERVICE_CALLER_AUTH_H_
#define USAGE_SERVICE_CALLER_AUTH_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "grpcpp/server_context.h"

namespace usage {

// Checks the "authorization: Bearer TOKEN" metadata of calls against a set
// of accepted tokens. With no tokens configured every call is accepted.
// Thread-safe.
class CallerAuth {
 public:
  explicit CallerAuth(std::vector<std::string> tokens)
      : tokens_(std::move(tokens)) {}

  // Returns OK for an accepted caller, else UNAUTHENTICATED saying whether
  // the token was missing or wrong (never echoing it).
  absl::Status Check(const grpc::ServerContext& context) const;

 private:
  std::vector<std::string> tokens_;
};

}  // namespace usage

#endif  // USAGE_SERVICE_CALLER_AUTH_H_
