#include "html/word_cloud_svg.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "html/html_escape.h"
#include "html/svg.h"
#include "render/text.h"

namespace usage::html {
namespace {

// Size of the cloud in points, the width of the PDF's text column.
constexpr double kCloudWidth = 515;
constexpr double kCloudHeight = 260;

// Colors by PlacedWord::color_index: the most frequent words in the accent,
// the rarest in the muted grey, all readable on white.
constexpr render::Color kCloudColors[render::kWordCloudColors] = {
    render::kAccent, render::Rgb(0x4a7bab), render::Rgb(0xd08a2e),
    render::Rgb(0x2f7d55), render::kMuted};

}  // namespace

std::string WordCloudSection(const echo::usage::v1::UsageReport& report,
                             const render::MeasureText& measure) {
  std::vector<echo::usage::v1::QueryTopic> topics(report.query_topics().begin(),
                                                  report.query_topics().end());
  const render::WordCloudLayout layout =
      render::LayOutWordCloud(topics, kCloudWidth, kCloudHeight, measure);
  std::string body;
  if (layout.words.empty()) {
    body = "<p class=\"muted\">No user chat messages.</p>";
  } else {
    const PlotArea area{.width = kCloudWidth, .height = kCloudHeight};
    body = OpenSvg(area, "Word cloud of query topics", "chart cloud");
    for (const render::PlacedWord& word : layout.words) {
      const int color = word.color_index % render::kWordCloudColors;
      absl::StrAppend(
          &body, "<g>", Tooltip(absl::StrCat(word.text, ": ", word.count)),
          "<text class=\"word\" x=\"", Number(word.x), "\" y=\"",
          Number(word.y + word.baseline), "\" font-family=\"",
          render::kFontFamilies, ",sans-serif\" font-weight=\"bold\"",
          " font-size=\"", Number(word.font_size), "\" textLength=\"",
          Number(word.width), "\" lengthAdjust=\"spacingAndGlyphs\" fill=\"",
          ColorHex(kCloudColors[color]), "\">", EscapeHtml(word.text),
          "</text></g>");
    }
    absl::StrAppend(&body, "</svg>");
  }
  return absl::StrCat("<section id=\"word-cloud\"><h2>Query topics</h2>", body,
                      "</section>");
}

}  // namespace usage::html
