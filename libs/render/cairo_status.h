// Converts cairo status codes to absl::Status.
#ifndef USAGE_RENDER_CAIRO_STATUS_H_
#define USAGE_RENDER_CAIRO_STATUS_H_

#include <cairo.h>

#include <string_view>

#include "absl/status/status.h"

namespace usage::render {

// Returns OK for CAIRO_STATUS_SUCCESS, else INTERNAL with `operation` and
// cairo's status text, such as "finishing the PDF failed: out of memory".
absl::Status CairoStatusToStatus(cairo_status_t status,
                                 std::string_view operation);

}  // namespace usage::render

#endif  // USAGE_RENDER_CAIRO_STATUS_H_
