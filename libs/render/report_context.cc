#include "render/report_context.h"

#include "absl/strings/str_cat.h"

namespace usage::render {

ReportContext MakeReportContext(const echo::usage::v1::UsageReport& report) {
  ReportContext context;
  context.zone = LoadZoneOrUtc(report.time_zone());

  const bool has_generated_at = report.provenance().has_generated_at();
  if (has_generated_at) {
    context.document_time = ToAbslTime(report.provenance().generated_at());
  } else if (report.has_as_of()) {
    context.document_time = ToAbslTime(report.as_of());
  } else {
    context.document_time = absl::UnixEpoch();
  }

  context.generated_text =
      has_generated_at
          ? absl::StrCat("Generated ",
                         FormatDateTime(context.document_time, context.zone))
          : "Generation time not recorded";
  return context;
}

}  // namespace usage::render
