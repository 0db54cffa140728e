// Facts about a report that several sections of the PDF print.
#ifndef USAGE_RENDER_REPORT_CONTEXT_H_
#define USAGE_RENDER_REPORT_CONTEXT_H_

#include <string>

#include "absl/time/time.h"
#include "echo/usage/v1/usage_service.pb.h"
#include "render/format.h"

namespace usage::render {

struct ReportContext {
  // The report's time zone, or UTC when it names none or an unknown one.
  NamedZone zone;
  // provenance.generated_at, else as_of, else the Unix epoch. The PDF dates
  // come from it, so the output never depends on the clock.
  absl::Time document_time;
  // Footer and header line, such as "Generated 2026-03-30 14:05 UTC".
  std::string generated_text;
};

ReportContext MakeReportContext(const echo::usage::v1::UsageReport& report);

}  // namespace usage::render

#endif  // USAGE_RENDER_REPORT_CONTEXT_H_
