#include "render/pdf_report.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "render/bidi.h"
#include "render/cairo_status.h"
#include "render/format.h"
#include "render/markup.h"
#include "render/page_canvas.h"
#include "render/report_context.h"
#include "render/report_document.h"

namespace usage::render {
namespace {

struct SurfaceDeleter {
  void operator()(cairo_surface_t* surface) const {
    cairo_surface_destroy(surface);
  }
};
struct ContextDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};

// Appends cairo's output to the std::string in `closure`, or drops it when
// `closure` is null.
cairo_status_t AppendToString(void* closure, const unsigned char* data,
                              unsigned int length) {
  if (closure != nullptr) {
    static_cast<std::string*>(closure)->append(
        reinterpret_cast<const char*>(data), length);
  }
  return CAIRO_STATUS_SUCCESS;
}

std::string DocumentTitle(const echo::usage::v1::UsageReport& report) {
  std::vector<std::string> names;
  for (const echo::usage::v1::User& user : report.users()) {
    names.push_back(MakeValidUtf8(user.display_name()));
  }
  if (names.empty()) return "Usage report";
  return absl::StrCat("Usage report: ", JoinIsolated(names, ", "));
}

// Sets the document's metadata. Fixed dates keep cairo from writing the
// current time, which would make every rendering differ.
void SetMetadata(cairo_surface_t* surface,
                 const echo::usage::v1::UsageReport& report,
                 const ReportContext& context) {
  const std::string date = FormatIso8601Utc(context.document_time);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                 date.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE,
                                 date.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                 DocumentTitle(report).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR,
                                 "usage-service");
}

// Draws the whole document once and returns its page count. With `total_pages`
// 0 the footers carry no page numbers; with `output` null the bytes are
// dropped.
absl::StatusOr<int> RenderPass(const echo::usage::v1::UsageReport& report,
                               const ReportContext& context,
                               const PageGeometry& geometry, int total_pages,
                               std::string* output) {
  std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
      cairo_pdf_surface_create_for_stream(AppendToString, output,
                                          geometry.width, geometry.height));
  absl::Status status = CairoStatusToStatus(cairo_surface_status(surface.get()),
                                            "creating the PDF surface");
  if (!status.ok()) return status;
  SetMetadata(surface.get(), report, context);

  int page_count = 0;
  {
    std::unique_ptr<cairo_t, ContextDeleter> cr(cairo_create(surface.get()));
    PageCanvas canvas(cr.get(), geometry,
                      FooterText{context.generated_text, total_pages});
    DrawReport(canvas, report, context);
    canvas.Finish();
    page_count = canvas.page_number();
    status = CairoStatusToStatus(cairo_status(cr.get()), "drawing the report");
    if (!status.ok()) return status;
  }

  cairo_surface_finish(surface.get());
  status = CairoStatusToStatus(cairo_surface_status(surface.get()),
                               "finishing the PDF");
  if (!status.ok()) return status;
  return page_count;
}

}  // namespace

absl::StatusOr<RenderedPdf> RenderPdf(
    const echo::usage::v1::UsageReport& report, const PdfOptions& options) {
  const PageGeometry geometry = PageGeometry::ForPaper(options.paper_size);
  const ReportContext context = MakeReportContext(report);

  // The footers print the page count, which is known only once everything
  // is laid out, so a first pass counts the pages and drops its output.
  // Footers never change the layout, so both passes break pages alike.
  absl::StatusOr<int> counted =
      RenderPass(report, context, geometry, 0, nullptr);
  if (!counted.ok()) return counted.status();

  RenderedPdf pdf;
  absl::StatusOr<int> drawn =
      RenderPass(report, context, geometry, *counted, &pdf.bytes);
  if (!drawn.ok()) return drawn.status();
  if (*drawn != *counted) {
    return absl::InternalError(
        absl::StrCat("page count changed between layout passes: ", *counted,
                     " then ", *drawn));
  }
  pdf.page_count = *drawn;
  return pdf;
}

}  // namespace usage::render
