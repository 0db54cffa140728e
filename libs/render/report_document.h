// The order of the sections in the PDF.
#ifndef USAGE_RENDER_REPORT_DOCUMENT_H_
#define USAGE_RENDER_REPORT_DOCUMENT_H_

#include "echo/usage/v1/usage_service.pb.h"
#include "render/page_canvas.h"
#include "render/report_context.h"

namespace usage::render {

// Draws every section of the report from the top of the canvas's first page.
// Leaves the last page open, so the caller calls canvas.Finish() afterwards.
void DrawReport(PageCanvas& canvas, const echo::usage::v1::UsageReport& report,
                const ReportContext& context);

}  // namespace usage::render

#endif  // USAGE_RENDER_REPORT_DOCUMENT_H_
