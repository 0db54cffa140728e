// Renders a usage report as one self-contained, interactive HTML file.
#ifndef USAGE_HTML_HTML_REPORT_H_
#define USAGE_HTML_HTML_REPORT_H_

#include <string>

#include "absl/status/statusor.h"
#include "echo/usage/v1/usage_service.pb.h"

namespace usage::html {

// Renders `report` as a UTF-8 HTML document with the PDF's content: title,
// figures, executive summary, charts as inline SVG, tables, word cloud,
// data-quality notes and insights. The file makes no network request: CSS,
// script and charts are inline, and a Content-Security-Policy forbids every
// other source. Without JavaScript all content is readable; with it, the
// activity timeline gets a range slider and the projects table sorts by any
// column. Every string from the report is escaped once and invalid UTF-8
// becomes U+FFFD. The output depends only on `report`, not on the clock.
// Thread-safe. Every report renders today, so the status is always OK; it
// is a StatusOr so that callers treat it like render::RenderPdf.
absl::StatusOr<std::string> RenderHtml(
    const echo::usage::v1::UsageReport& report);

}  // namespace usage::html

#endif  // USAGE_HTML_HTML_REPORT_H_
