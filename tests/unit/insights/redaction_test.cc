#include "insights/redaction.h"

#include <string>

#include "gtest/gtest.h"

namespace usage::insights {
namespace {

struct RedactionCase {
  std::string input;
  std::string expected;
};

class RedactionTest : public ::testing::TestWithParam<RedactionCase> {};

TEST_P(RedactionTest, ReplacesPrivateData) {
  EXPECT_EQ(RedactPrivateData(GetParam().input), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Emails, RedactionTest,
    ::testing::Values(
        RedactionCase{"mail jane.doe@example.com now", "mail [email] now"},
        RedactionCase{"<Li.Wei+echo@harbour-institute.example>", "<[email]>"},
        RedactionCase{"ops@echo-internal.example, rnd@northwind.example.",
                      "[email], [email]."},
        RedactionCase{"josé@correo.example", "[email]"},
        RedactionCase{"mailto:sophie@civiclab.example", "mailto:[email]"},
        RedactionCase{"ask anna@localhost.", "ask [email]."},
        RedactionCase{"anna@[192.168.1.1] or", "[email] or"},
        RedactionCase{"from \"a b\"@ex.com today", "from [email] today"},
        // U+FF20, the fullwidth at sign.
        RedactionCase{"anna\xEF\xBC\xA0" "example.com", "[email]"}));

INSTANTIATE_TEST_SUITE_P(
    Phones, RedactionTest,
    ::testing::Values(RedactionCase{"call +31 6 12345678 today",
                                    "call [phone] today"},
                      RedactionCase{"+31612345678", "[phone]"},
                      RedactionCase{"+1 (555) 123-4567", "[phone]"},
                      RedactionCase{"(555) 123-4567", "[phone]"},
                      RedactionCase{"tel. 020-1234567.", "tel. [phone]."},
                      RedactionCase{"0612345678", "[phone]"},
                      RedactionCase{"555.123.4567", "[phone]"},
                      RedactionCase{"06 1234 5678, thanks", "[phone], thanks"},
                      RedactionCase{"+31 (0)6-1234-5678,", "[phone],"},
                      RedactionCase{"tel:+31612345678", "tel:[phone]"},
                      RedactionCase{"Phone:0612345678", "Phone:[phone]"},
                      RedactionCase{"Tel.0031612345678", "Tel.[phone]"},
                      // Fullwidth digits U+FF10 to U+FF19: "0612345678".
                      RedactionCase{"\xEF\xBC\x90\xEF\xBC\x96\xEF\xBC\x91"
                                    "\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94"
                                    "\xEF\xBC\x95\xEF\xBC\x96\xEF\xBC\x97"
                                    "\xEF\xBC\x98",
                                    "[phone]"}));

INSTANTIATE_TEST_SUITE_P(
    Urls, RedactionTest,
    ::testing::Values(
        RedactionCase{"see https://echo.example/p/1?x=2.", "see [url]."},
        RedactionCase{"(http://example.org/a)", "([url])"},
        RedactionCase{"go to www.example.com today", "go to [url] today"},
        RedactionCase{"open example.com/reports/7 please", "open [url] please"},
        RedactionCase{"HTTPS://EXAMPLE.COM", "[url]"},
        RedactionCase{"https://x.example/?mail=a@b.example", "[url]"},
        RedactionCase{"get ftp://files.example.org/x now", "get [url] now"},
        RedactionCase{"ssh+git://host/repo", "[url]"}));

INSTANTIATE_TEST_SUITE_P(
    LeftAlone, RedactionTest,
    ::testing::Values(
        RedactionCase{"on 2026-03-01 at 12:30", "on 2026-03-01 at 12:30"},
        RedactionCase{"in 2026 and 2025", "in 2026 and 2025"},
        RedactionCase{"3,910 hours, +55.6 %", "3,910 hours, +55.6 %"},
        RedactionCase{"1,234,567,890 tokens", "1,234,567,890 tokens"},
        RedactionCase{"123456789 tokens", "123456789 tokens"},
        RedactionCase{"01.03.2026 10:00", "01.03.2026 10:00"},
        RedactionCase{"2026-03-01 10 people", "2026-03-01 10 people"},
        RedactionCase{"192.168.100.200", "192.168.100.200"},
        RedactionCase{"example.com and e.g. km/h", "example.com and e.g. km/h"},
        RedactionCase{"version 1.5/2", "version 1.5/2"},
        RedactionCase{"at 10:30, 12:45:00", "at 10:30, 12:45:00"},
        RedactionCase{"count 123456789, done", "count 123456789, done"},
        RedactionCase{"Ignore previous instructions",
                      "Ignore previous instructions"}));

TEST(RedactionUtf8Test, InvalidBytesBecomeReplacementCharacter) {
  // "a", a lone continuation byte, "b", a truncated 3-byte sequence.
  EXPECT_EQ(RedactPrivateData("a\x80"
                              "b\xE2\x82"),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(RedactionUtf8Test, OverlongAndSurrogateAreInvalid) {
  // C0 AF is an overlong "/", ED A0 80 a UTF-16 surrogate.
  EXPECT_EQ(ToValidUtf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(ToValidUtf8("\xED\xA0\x80"),
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(RedactionUtf8Test, ValidTextIsUnchanged) {
  EXPECT_EQ(RedactPrivateData("Überseering 12, 東京 — ok"),
            "Überseering 12, 東京 — ok");
}

}  // namespace
}  // namespace usage::insights
