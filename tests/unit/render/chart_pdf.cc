#include "chart_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <cstdlib>
#include <fstream>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "gtest/gtest.h"
#include "poppler.h"

namespace usage::render::testing {
namespace {

cairo_status_t AppendToString(void* closure, const unsigned char* data,
                              unsigned int length) {
  static_cast<std::string*>(closure)->append(
      reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string RunOrEmpty(const std::string& command) {
  absl::StatusOr<std::string> output = RunCommand(command);
  EXPECT_TRUE(output.ok()) << output.status();
  return output.ok() ? *output : "";
}

std::string CollapseSpaces(const std::string& text) {
  std::string collapsed;
  for (char c : text) {
    if (c == ' ' && !collapsed.empty() && collapsed.back() == ' ') continue;
    collapsed.push_back(c);
  }
  return collapsed;
}

bool Overlap(const PdfWord& a, const PdfWord& b) {
  constexpr double kTolerance = 0.5;
  return a.x_min + kTolerance < b.x_max && b.x_min + kTolerance < a.x_max &&
         a.y_min + kTolerance < b.y_max && b.y_min + kTolerance < a.y_max;
}

void ReadWords(const std::string& path, ChartPdf& pdf) {
  absl::StatusOr<std::vector<PdfPageWords>> pages = ReadWordBoxes(path);
  ASSERT_TRUE(pages.ok()) << pages.status();
  for (const PdfPageWords& page : *pages) {
    for (size_t i = 0; i < page.words.size(); ++i) {
      pdf.words.insert(page.words[i].text);
      for (size_t j = i + 1; j < page.words.size(); ++j) {
        if (Overlap(page.words[i], page.words[j])) {
          absl::StrAppend(&pdf.overlapping_words, page.words[i].text, " / ",
                          page.words[j].text, "\n");
        }
      }
    }
  }
}

int CountImages(const std::string& listing) {
  int rows = 0;
  for (absl::string_view line : absl::StrSplit(listing, '\n')) {
    if (!line.empty()) ++rows;
  }
  // The header and the dashed line under it.
  return rows - 2;
}

}  // namespace

ChartPdf RenderChart(const std::string& name, const ChartFunction& chart,
                     const echo::usage::v1::UsageReport& report) {
  const PageGeometry geometry = PageGeometry::ForPaper(PaperSize::kA4);
  std::string bytes;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
      AppendToString, &bytes, geometry.width, geometry.height);
  cairo_t* cr = cairo_create(surface);
  ChartPdf pdf;
  {
    PageCanvas canvas(cr, geometry, FooterText{"Generated for a test", 0});
    chart(canvas, report, MakeReportContext(report));
    canvas.Finish();
    pdf.page_count = canvas.page_number();
  }
  EXPECT_EQ(cairo_status(cr), CAIRO_STATUS_SUCCESS);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);

  const TempFile file(name + ".pdf", bytes);
  if (const char* keep_dir = std::getenv("RENDER_TEST_KEEP_DIR")) {
    std::ofstream(absl::StrCat(keep_dir, "/", name, ".pdf"), std::ios::binary)
        << bytes;
  }
  pdf.text = CollapseSpaces(
      RunOrEmpty(absl::StrCat("pdftotext -layout '", file.path(), "' -")));
  pdf.text_without_spaces = absl::StrReplaceAll(pdf.text, {{" ", ""}});
  pdf.image_count = CountImages(
      RunOrEmpty(absl::StrCat("pdfimages -list '", file.path(), "'")));
  ReadWords(file.path(), pdf);
  return pdf;
}

void AddMonth(echo::usage::v1::UsageReport& report, const std::string& month,
              int64_t recorded, int64_t uploaded, int64_t empty, int64_t chats,
              double duration_hours) {
  echo::usage::v1::MonthlyActivity* row =
      report.mutable_timeline()->add_months();
  row->set_month(month);
  row->set_recorded(recorded);
  row->set_uploaded(uploaded);
  row->set_empty(empty);
  row->set_with_content(recorded + uploaded);
  row->set_conversations(recorded + uploaded + empty);
  row->set_chats(chats);
  row->set_duration_seconds(duration_hours * 3600);
}

void AddDays(echo::usage::v1::UsageReport& report, const std::string& first,
             int count, int64_t conversations, double duration_hours,
             int64_t messages, int64_t logins) {
  absl::CivilDay day;
  ASSERT_TRUE(absl::ParseCivilTime(first, &day)) << first;
  echo::usage::v1::Timeline* timeline = report.mutable_timeline();
  int64_t total = timeline->days().empty()
                      ? 0
                      : timeline->days().rbegin()->cumulative_conversations();
  for (int i = 0; i < count; ++i, ++day) {
    total += conversations;
    echo::usage::v1::DailyActivity* row = timeline->add_days();
    row->set_date(absl::FormatCivilTime(day));
    row->set_conversations(conversations);
    row->set_duration_seconds(duration_hours * 3600);
    row->set_messages(messages);
    row->set_logins(logins);
    row->set_cumulative_conversations(total);
  }
}

}  // namespace usage::render::testing
