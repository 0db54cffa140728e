// Renders one chart of the PDF on its own, and reads back what poppler
// finds in it, for the chart tests.
#ifndef USAGE_TESTS_UNIT_RENDER_CHART_PDF_H_
#define USAGE_TESTS_UNIT_RENDER_CHART_PDF_H_

#include <functional>
#include <set>
#include <string>

#include "echo/usage/v1/usage_service.pb.h"
#include "render/page_canvas.h"
#include "render/report_context.h"

namespace usage::render::testing {

using ChartFunction = std::function<void(
    PageCanvas&, const echo::usage::v1::UsageReport&, const ReportContext&)>;

// What poppler reads from a chart rendered on its own.
struct ChartPdf {
  int page_count = 0;
  // pdftotext -layout output with runs of spaces collapsed to one.
  std::string text;
  // The same text without any spaces, for labels such as "8 h" that
  // pdftotext may write without their space.
  std::string text_without_spaces;
  // Every word pdftotext -bbox finds.
  std::multiset<std::string> words;
  // Rows listed by pdfimages -list below its two header lines.
  int image_count = -1;
  // Pairs of word boxes on one page that overlap by more than 0.5 pt, as
  // "a / b" lines, or empty.
  std::string overlapping_words;
};

// Draws `chart` for `report` on A4 pages, starting at the top of page 1,
// and reads the result with pdftotext and pdfimages. `name` keeps the
// temporary files of tests apart. When the environment variable
// RENDER_TEST_KEEP_DIR names a directory, a copy is kept there as
// `name`.pdf, for looking at the pages.
ChartPdf RenderChart(const std::string& name, const ChartFunction& chart,
                     const echo::usage::v1::UsageReport& report);

// Appends month "YYYY-MM" to `report`'s timeline with the given counts.
void AddMonth(echo::usage::v1::UsageReport& report, const std::string& month,
              int64_t recorded, int64_t uploaded, int64_t empty, int64_t chats,
              double duration_hours);

// Appends `count` days from `first` (YYYY-MM-DD) to `report`'s timeline,
// each with the given figures and the cumulative count running on.
void AddDays(echo::usage::v1::UsageReport& report, const std::string& first,
             int count, int64_t conversations, double duration_hours,
             int64_t messages, int64_t logins);

}  // namespace usage::render::testing

#endif  // USAGE_TESTS_UNIT_RENDER_CHART_PDF_H_
