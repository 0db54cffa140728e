// Renders a usage report as a PDF with Cairo and Pango.
#ifndef USAGE_RENDER_PDF_REPORT_H_
#define USAGE_RENDER_PDF_REPORT_H_

#include <string>

#include "absl/status/statusor.h"
#include "echo/usage/v1/usage_service.pb.h"

namespace usage::render {

enum class PaperSize {
  kA4,      // ISO A4, 595.276 × 841.89 pt.
  kLetter,  // US Letter, 612 × 792 pt.
};

struct PdfOptions {
  PaperSize paper_size = PaperSize::kA4;
};

struct RenderedPdf {
  std::string bytes;
  int page_count = 0;
};

// Renders `report` as a PDF: a summary page, the projects table (its header
// repeated on every page it spans), the data-quality notes, and a footer with
// "Page X of Y" and the generation time on every page. Fonts are embedded and
// text is extractable. No wall-clock time enters the output, so with the same
// fonts and library versions the same input gives the same bytes. The PDF
// dates come from provenance.generated_at, else as_of, else the Unix epoch.
//
// Returns INTERNAL with cairo's status text when cairo fails. Safe to call
// from several threads at once.
absl::StatusOr<RenderedPdf> RenderPdf(
    const echo::usage::v1::UsageReport& report, const PdfOptions& options);

}  // namespace usage::render

#endif  // USAGE_RENDER_PDF_REPORT_H_
