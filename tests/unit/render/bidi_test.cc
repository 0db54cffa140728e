// Checks that joined user strings keep their own direction, and that a
// right-to-left text is laid out right to left without moving to the other
// side of its box.
#include "render/bidi.h"

#include <cairo.h>

#include <algorithm>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "image_surface_test.h"
#include "poppler.h"
#include "render/pdf_report.h"
#include "render/text.h"
#include "sample_report.h"

namespace usage::render {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// "Community dialogue project in the city" in Arabic.
constexpr char kArabicTag[] = "مشروع الحوار المجتمعي في المدينة";
// "Project" in Arabic: five letters of two bytes each.
constexpr char kArabicWord[] = "مشروع";

TEST(IsolateDirectionTest, WrapsTextInFirstStrongIsolate) {
  EXPECT_EQ(IsolateDirection("tag<b>"), "\xE2\x81\xA8tag<b>\xE2\x81\xA9");
}

TEST(JoinIsolatedTest, IsolatesEachItemButNotTheSeparators) {
  const std::vector<std::string> items = {"a", "b"};
  EXPECT_EQ(JoinIsolated(items, ", "),
            "\xE2\x81\xA8"
            "a\xE2\x81\xA9, \xE2\x81\xA8"
            "b\xE2\x81\xA9");
  EXPECT_EQ(JoinIsolated(std::vector<std::string>{}, ", "), "");
}

TEST(IsRightToLeftTest, FollowsTheFirstStrongCharacter) {
  EXPECT_TRUE(IsRightToLeft(kArabicWord));
  EXPECT_TRUE(IsRightToLeft("2024 שלום"));  // Digits are not strong.
  EXPECT_FALSE(IsRightToLeft("Projekt שלום"));
  EXPECT_FALSE(IsRightToLeft("2024"));
  EXPECT_FALSE(IsRightToLeft(""));
}

TEST(IsRightToLeftTest, SkipsIsolatedText) {
  EXPECT_FALSE(IsRightToLeft(
      JoinIsolated(std::vector<std::string>{kArabicTag, "tag<b>"}, ", ")));
  EXPECT_TRUE(IsRightToLeft(IsolateDirection("tag") + " " + kArabicWord));
}

class TextDirectionTest : public ImageSurfaceTest {
 protected:
  // Returns the x of the left edge of the character at byte `index`.
  static double CharacterX(PangoLayout* layout, int index) {
    PangoRectangle position;
    pango_layout_index_to_pos(layout, index, &position);
    return pango_units_to_double(
        std::min(position.x, position.x + position.width));
  }

  // Returns the left edge of the layout's text in points.
  static double TextLeft(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return pango_units_to_double(logical.x);
  }
};

TEST_F(TextDirectionTest, RightToLeftTextEndsOnTheLeft) {
  // The "!" follows the word in memory, at byte 10, so in a right-to-left
  // line it is drawn to the left of the word's first letter.
  LayoutPtr layout =
      CreateTextLayout(cr_, std::string(kArabicWord) + "!", TextStyle{}, 200);
  EXPECT_LT(CharacterX(layout.get(), 10), CharacterX(layout.get(), 0));
}

TEST_F(TextDirectionTest, RightToLeftTextKeepsLeftAlignment) {
  LayoutPtr layout = CreateTextLayout(cr_, kArabicWord, TextStyle{}, 200);
  EXPECT_NEAR(TextLeft(layout.get()), 0, 0.01);
}

TEST_F(TextDirectionTest, RightToLeftTextKeepsRightAlignment) {
  LayoutPtr layout = CreateTextLayout(
      cr_, kArabicWord, TextStyle{.alignment = PANGO_ALIGN_RIGHT}, 200);
  EXPECT_NEAR(TextLeft(layout.get()) + LayoutWidth(layout.get()), 200, 0.01);
}

TEST(BidiPdfTest, LatinTagKeepsItsOrder) {
  echo::usage::v1::UsageReport report = testing::SampleReport(0);
  echo::usage::v1::ProjectRow& project = *report.mutable_projects(0);
  project.clear_tags();
  project.add_tags(kArabicTag);
  project.add_tags("tag<b>");
  absl::StatusOr<RenderedPdf> pdf = RenderPdf(report, PdfOptions{});
  ASSERT_TRUE(pdf.ok()) << pdf.status();
  const testing::TempFile file("bidi_tags.pdf", pdf->bytes);

  absl::StatusOr<std::string> text =
      testing::RunCommand("pdftotext -raw '" + file.path() + "' -");
  ASSERT_TRUE(text.ok()) << text.status();
  // pdftotext may or may not write the isolate characters, so they are
  // removed. The tag must then read as written, not mirrored to "<tag<b".
  std::string plain = *text;
  for (const char* isolate : {kFirstStrongIsolate, kPopDirectionalIsolate}) {
    for (size_t at = plain.find(isolate); at != std::string::npos;
         at = plain.find(isolate)) {
      plain.erase(at, std::string(isolate).size());
    }
  }
  EXPECT_THAT(plain, HasSubstr("tag<b>"));
  EXPECT_THAT(plain, Not(HasSubstr("<tag<b")));
}

}  // namespace
}  // namespace usage::render
