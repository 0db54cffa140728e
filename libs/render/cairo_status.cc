#include "render/cairo_status.h"

#include "absl/strings/str_cat.h"

namespace usage::render {

absl::Status CairoStatusToStatus(cairo_status_t status,
                                 std::string_view operation) {
  if (status == CAIRO_STATUS_SUCCESS) return absl::OkStatus();
  return absl::InternalError(
      absl::StrCat(absl::string_view(operation.data(), operation.size()),
                   " failed: ", cairo_status_to_string(status)));
}

}  // namespace usage::render
