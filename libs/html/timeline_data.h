// The data the page's script needs, as the JSON of an inline
// <script type="application/json"> block.
#ifndef USAGE_HTML_TIMELINE_DATA_H_
#define USAGE_HTML_TIMELINE_DATA_H_

#include <string>

#include "echo/usage/v1/usage_service.pb.h"

namespace usage::html {

// Returns {"days":[{"date","conversations","messages","projects"}]} with
// one entry per day of report.timeline().days and, per day, the
// [project name, conversations] pairs of the projects with conversations
// that day. Every string goes through JsonString, so the result is safe
// inside a script element.
std::string TimelineJson(const echo::usage::v1::UsageReport& report);

}  // namespace usage::html

#endif  // USAGE_HTML_TIMELINE_DATA_H_
