// Conversion of library statuses into gRPC statuses at the service edge.
#ifndef USAGE_SERVICE_STATUS_MAPPING_H_
#define USAGE_SERVICE_STATUS_MAPPING_H_

#include "absl/status/status.h"
#include "grpcpp/support/status.h"

namespace usage {

// Returns the gRPC status with the same canonical code and message.
grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace usage

#endif  // USAGE_SERVICE_STATUS_MAPPING_H_
