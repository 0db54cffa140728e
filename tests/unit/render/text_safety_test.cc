// Checks that untrusted names and topics reach the PDF's text escaped
// exactly once, in every script, and that no word leaves the body.
#include <cairo.h>

#include <regex>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "image_surface_test.h"
#include "poppler.h"
#include "render/page_canvas.h"
#include "render/pdf_report.h"
#include "render/text.h"
#include "render/word_cloud.h"
#include "sample_report.h"

namespace usage::render {
namespace {

using testing::CountOccurrences;
using ::testing::HasSubstr;
using testing::HexId;
using testing::LongUrl;
using ::testing::Not;
using testing::ReadWordBoxes;
using testing::RunCommand;
using testing::SplitPages;
using testing::TempFile;
using testing::TextSafetyReport;

RenderedPdf RenderOrDie(const echo::usage::v1::UsageReport& report,
                        PaperSize paper_size = PaperSize::kA4) {
  absl::StatusOr<RenderedPdf> pdf =
      RenderPdf(report, PdfOptions{.paper_size = paper_size});
  EXPECT_TRUE(pdf.ok()) << pdf.status();
  return pdf.ok() ? *std::move(pdf) : RenderedPdf{};
}

// Returns the output of `pdftotext ARGUMENTS PATH -`.
std::string PdfToText(const std::string& arguments, const std::string& path) {
  absl::StatusOr<std::string> text =
      RunCommand(absl::StrCat("pdftotext ", arguments, " '", path, "' -"));
  EXPECT_TRUE(text.ok()) << text.status();
  return text.ok() ? *std::move(text) : "";
}

// Returns `text` without any whitespace, so that a string which the PDF
// breaks across lines reads as one again.
std::string RemoveWhitespace(const std::string& text) {
  return std::regex_replace(text, std::regex(R"(\s+)"), "");
}

// Checks that every word of the PDF at `path` lies inside the body of its
// page, or wholly inside the footer band below the body.
void ExpectWordsInsideContentArea(const std::string& path,
                                  const PageGeometry& geometry) {
  absl::StatusOr<std::vector<testing::PdfPageWords>> pages =
      ReadWordBoxes(path);
  ASSERT_TRUE(pages.ok()) << pages.status();
  ASSERT_FALSE(pages->empty());
  // pdftotext rounds its boxes, so allow half a point.
  constexpr double kSlack = 0.5;
  const double left = geometry.content_left() - kSlack;
  const double right =
      geometry.content_left() + geometry.content_width() + kSlack;
  for (size_t p = 0; p < pages->size(); ++p) {
    for (const testing::PdfWord& word : (*pages)[p].words) {
      const std::string where =
          absl::StrCat("\"", word.text, "\" page ", p + 1);
      EXPECT_GE(word.x_min, left) << where;
      EXPECT_LE(word.x_max, right) << where;
      const bool in_body = word.y_min >= geometry.content_top() - kSlack &&
                           word.y_max <= geometry.content_bottom() + kSlack;
      const bool in_footer = word.y_min >= geometry.content_bottom() &&
                             word.y_max <= geometry.height;
      EXPECT_TRUE(in_body || in_footer)
          << where << " spans y " << word.y_min << " to " << word.y_max;
    }
  }
}

// Renders TextSafetyReport() on A4 once for all tests.
class TextSafetyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pdf_ = new RenderedPdf(RenderOrDie(TextSafetyReport()));
    file_ = new TempFile("text_safety.pdf", pdf_->bytes);
    text_ = new std::string(PdfToText("-layout", file_->path()));
  }
  static void TearDownTestSuite() {
    delete pdf_;
    delete file_;
    delete text_;
  }

  static RenderedPdf* pdf_;
  static TempFile* file_;
  static std::string* text_;
};

RenderedPdf* TextSafetyTest::pdf_ = nullptr;
TempFile* TextSafetyTest::file_ = nullptr;
std::string* TextSafetyTest::text_ = nullptr;

TEST_F(TextSafetyTest, MarkupCharactersEscapedOnce) {
  EXPECT_THAT(*text_, HasSubstr("R&D <Q3> \"draft\""));
  EXPECT_THAT(*text_, Not(HasSubstr("R&amp;D")));
  EXPECT_THAT(*text_, Not(HasSubstr("&lt;")));
  EXPECT_THAT(*text_, Not(HasSubstr("&gt;")));
  EXPECT_THAT(*text_, Not(HasSubstr("&quot;")));
  EXPECT_THAT(*text_, Not(HasSubstr("&amp;amp;")));
  // The project named "&amp;" is the only place with that text.
  EXPECT_EQ(CountOccurrences(*text_, "&amp;"), 1);
}

TEST_F(TextSafetyTest, LongUnbrokenNamesAppearWhole) {
  // -raw keeps the content stream's order, where the lines of one table
  // cell follow each other, so removing the line breaks joins them again.
  const std::string joined = RemoveWhitespace(PdfToText("-raw", file_->path()));
  EXPECT_EQ(CountOccurrences(joined, LongUrl()), 1);
  EXPECT_EQ(CountOccurrences(joined, HexId()), 1);
}

TEST_F(TextSafetyTest, EveryScriptAppears) {
  // Each name is a project and its owner in the table.
  EXPECT_GE(CountOccurrences(*text_, "한국어"), 2);
  EXPECT_THAT(*text_, HasSubstr("Проект Альфа"));
  EXPECT_THAT(*text_, HasSubstr("Пётр Иванов"));
  EXPECT_THAT(*text_, HasSubstr("Έργο Βήτα"));
  EXPECT_THAT(*text_, HasSubstr("Άννα Ρήγα"));
  EXPECT_GE(CountOccurrences(*text_, "总计"), 3);
  EXPECT_GE(CountOccurrences(*text_, "日本語"), 3);
  EXPECT_THAT(*text_, HasSubstr("Zoë Ångström"));
}

TEST_F(TextSafetyTest, WordsStayInsideContentArea) {
  ExpectWordsInsideContentArea(file_->path(),
                               PageGeometry::ForPaper(PaperSize::kA4));
}

TEST(TextSafetyLetterTest, WordsStayInsideContentArea) {
  const RenderedPdf pdf = RenderOrDie(TextSafetyReport(), PaperSize::kLetter);
  const TempFile file("text_safety_letter.pdf", pdf.bytes);
  ExpectWordsInsideContentArea(file.path(),
                               PageGeometry::ForPaper(PaperSize::kLetter));
}

class GlyphCoverageTest : public ImageSurfaceTest {};

TEST_F(GlyphCoverageTest, NoUnknownGlyphInAnyScript) {
  struct Sample {
    const char* script;
    const char* text;
  };
  const Sample kSamples[] = {
      {"Latin", "Interview résumé Øresund Łódź façade"},
      {"Cyrillic", "Встреча с жителями, Пётр Иванов"},
      {"Greek", "Συνάντηση με κατοίκους, Ελένη Παπαδοπούλου"},
      {"Chinese", "总计 会议 社区反馈"},
      {"Japanese", "日本語 ひらがな カタカナ 会議の記録"},
      {"Korean", "한국어 회의 주민 의견"},
      {"Thai", "ไทย การประชุมชุมชน"},
      {"Devanagari", "हिन्दी सामुदायिक बैठक"},
      {"Arabic", "مشروع الحوار المجتمعي في المدينة"},
      {"Hebrew", "פגישה עם התושבים"},
      {"Vietnamese", "Tiếng Việt cuộc họp cộng đồng"},
      {"Emoji", "🎉 👍 ❤️"},
      {"Isolated", "\u2068tag<b>\u2069, \u2068مشروع\u2069"},
  };
  for (const Sample& sample : kSamples) {
    for (const bool bold : {false, true}) {
      for (const double size : {kWordCloudMinSize, kWordCloudMaxSize}) {
        LayoutPtr layout = CreateTextLayout(
            cr_, sample.text, TextStyle{.size = size, .bold = bold}, 2000);
        EXPECT_EQ(pango_layout_get_unknown_glyphs_count(layout.get()), 0)
            << sample.script << " bold " << bold << " size " << size;
      }
    }
  }
}

TEST_F(GlyphCoverageTest, LatinGreekAndCyrillicUseDejaVuSans) {
  LayoutPtr layout =
      CreateTextLayout(cr_, "Interview Ελληνικά Кириллица", TextStyle{}, 2000);
  PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
  int runs = 0;
  do {
    PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
    if (run == nullptr) continue;
    ++runs;
    PangoFontDescription* font = pango_font_describe(run->item->analysis.font);
    EXPECT_STREQ(pango_font_description_get_family(font), "DejaVu Sans");
    pango_font_description_free(font);
  } while (pango_layout_iter_next_run(iter));
  pango_layout_iter_free(iter);
  EXPECT_GT(runs, 0);
}

}  // namespace
}  // namespace usage::render
