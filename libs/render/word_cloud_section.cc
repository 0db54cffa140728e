#include "render/word_cloud_section.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "render/blocks.h"
#include "render/style.h"
#include "render/text.h"
#include "render/word_cloud.h"

namespace usage::render {
namespace {

static_assert(std::size(kCloudColors) == kWordCloudColors);

constexpr char kHeading[] = "What users ask about";
constexpr double kCaptionGap = 4;

std::string CaptionText(size_t shown, int total) {
  std::string caption =
      "Larger words occur more often in the users' chat messages.";
  if (static_cast<int>(shown) < total) {
    absl::StrAppend(&caption, " ", shown, " of ", total,
                    " words fit and are shown.");
  }
  return caption;
}

// Draws every word of `cloud` with its top left corner at (left, top).
void DrawCloud(cairo_t* cr, const WordCloudLayout& cloud, double left,
               double top) {
  for (const PlacedWord& word : cloud.words) {
    LayoutPtr layout = CreateTextLayout(
        cr, word.text, TextStyle{.size = word.font_size, .bold = true},
        kWordCloudLineWidth);
    const int color = std::clamp(word.color_index, 0, kWordCloudColors - 1);
    DrawLayout(cr, layout.get(), left + word.x, top + word.y,
               kCloudColors[color]);
  }
}

}  // namespace

double WordCloudHeight(size_t topic_count) {
  // 90 pt hold two lines of the largest words. Each topic adds 6 pt, which
  // leaves room to spare at the sizes LayOutWordCloud picks, up to 240 pt
  // for 30 or more topics.
  const double height = 60 + 6 * static_cast<double>(topic_count);
  return std::clamp(height, 90.0, 240.0);
}

void DrawWordCloudSection(PageCanvas& canvas,
                          const echo::usage::v1::UsageReport& report,
                          const ReportContext& context) {
  cairo_t* cr = canvas.cr();
  if (report.query_topics().empty()) {
    LayoutPtr none =
        CreateTextLayout(cr, "No chat questions in this period.",
                         TextStyle{.size = kBodySize}, canvas.width());
    DrawHeading(canvas, kHeading, LayoutHeight(none.get()));
    DrawBlock(canvas, none.get(), kMuted);
    canvas.MoveDown(kSectionGap);
    return;
  }

  const std::vector<echo::usage::v1::QueryTopic> topics(
      report.query_topics().begin(), report.query_topics().end());
  const WordCloudLayout cloud = LayOutWordCloud(
      topics, canvas.width(), WordCloudHeight(topics.size()), PangoMeasure());
  LayoutPtr caption = CreateTextLayout(
      cr, CaptionText(cloud.words.size(), report.query_topics_size()),
      TextStyle{.size = kSmallSize}, canvas.width());
  const double caption_height = LayoutHeight(caption.get());

  DrawHeading(canvas, kHeading, cloud.height + kCaptionGap + caption_height);
  DrawCloud(cr, cloud, canvas.left(), canvas.y());
  canvas.MoveDown(cloud.height + kCaptionGap);
  DrawBlock(canvas, caption.get(), kMuted);
  canvas.MoveDown(kSectionGap);
}

}  // namespace usage::render
