#include "html/html_escape.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage::html {
namespace {

TEST(EscapeHtmlTest, EscapesMarkupCharacters) {
  EXPECT_EQ(EscapeHtml(R"(R&D <Q3> "draft")"),
            "R&amp;D &lt;Q3&gt; &quot;draft&quot;");
  EXPECT_EQ(EscapeHtml("it's"), "it&#39;s");
}

TEST(EscapeHtmlTest, EscapesAnEntityAgain) {
  // The text "&amp;" is data, so it shows as "&amp;" in the browser.
  EXPECT_EQ(EscapeHtml("&amp;"), "&amp;amp;");
}

TEST(EscapeHtmlTest, ClosingScriptTagBecomesText) {
  EXPECT_EQ(EscapeHtml("</script>"), "&lt;/script&gt;");
}

TEST(EscapeHtmlTest, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(EscapeHtml("a\xff"
                       "b"),
            "a\xEF\xBF\xBD"
            "b");
}

TEST(EscapeHtmlTest, KeepsNonLatinText) {
  EXPECT_EQ(EscapeHtml("总计 日本語"), "总计 日本語");
}

TEST(JsonStringTest, EscapesScriptEndAndComments) {
  EXPECT_EQ(JsonString("</script><!--"), R"("\u003c/script\u003e\u003c!--")");
  EXPECT_EQ(JsonString("R&D"), R"("R\u0026D")");
}

TEST(JsonStringTest, EscapesLineAndParagraphSeparators) {
  EXPECT_EQ(JsonString("a\u2028b\u2029c"), R"("a\u2028b\u2029c")");
}

TEST(JsonStringTest, EscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(JsonString("say \"hi\"\\\n"), R"("say \"hi\"\\\u000a")");
}

TEST(JsonStringTest, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(JsonString("a\xc3"), "\"a\xEF\xBF\xBD\"");
}

}  // namespace
}  // namespace usage::html
