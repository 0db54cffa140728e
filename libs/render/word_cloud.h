// Lays out a word cloud of query topics: font sizes from the counts, and
// positions found by a deterministic spiral search so that no two words
// overlap. Shared by the PDF and the HTML renderer.
#ifndef USAGE_RENDER_WORD_CLOUD_H_
#define USAGE_RENDER_WORD_CLOUD_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "echo/usage/v1/usage_service.pb.h"

namespace usage::render {

// Font sizes of the cloud in points: the most frequent word gets the
// maximum, the least frequent the minimum.
inline constexpr double kWordCloudMinSize = 9;
inline constexpr double kWordCloudMaxSize = 34;

// Wrapping width in points of the layouts that measure and draw a word. It
// is wider than any cloud, so every word that can fit stays on one line.
inline constexpr double kWordCloudLineWidth = 10000;

// Number of colors a cloud uses, so color_index is in [0, kWordCloudColors).
inline constexpr int kWordCloudColors = 5;

// A word of the cloud and its box. Positions are in points, with x to the
// right and y down from the cloud's top left corner.
struct PlacedWord {
  std::string text;
  int64_t count = 0;
  double font_size = 0;  // Points.
  double x = 0;  // Left edge of the word's box, points from the cloud's left.
  double y = 0;  // Top edge of the box, points from the cloud's top.
  double width = 0;  // Box size in points, as measured.
  double height = 0;
  double baseline = 0;  // Distance from the box's top to the text baseline.
  int color_index =
      0;  // 0-4, into the report palette; larger counts get lower indices.
};

struct WordCloudLayout {
  double width = 0, height = 0;
  std::vector<PlacedWord>
      words;  // Most frequent first; words that do not fit are left out.
};

// The size of a word's box as drawn, in points.
struct TextExtent {
  double width = 0, height = 0, baseline = 0;
};

// Measures `text` set in the cloud's font at `font_size` points.
using MeasureText =
    std::function<TextExtent(std::string_view text, double font_size)>;

// Places `topics` (most frequent first) inside width x height points: font
// sizes from the count (sqrt scale between a minimum and maximum size), no two
// boxes overlapping, all inside the area, and the same input always gives the
// same layout (no randomness, no clock, no hash order).
//
// Details of the contract:
// - Topics with an empty word or a count below 1 are left out. The others
//   are placed in order of count, highest first; equal counts keep their
//   order in `topics`.
// - With counts c_min..c_max, a word of count c gets the size
//   kWordCloudMinSize + (kWordCloudMaxSize - kWordCloudMinSize) * t, where
//   t = (sqrt(c) - sqrt(c_min)) / (sqrt(c_max) - sqrt(c_min)), and t = 1
//   when all counts are equal. color_index is floor(5 * (1 - t)), at most 4.
// - The first word is centred. Each later word takes the first position on
//   an elliptic spiral out of the centre where its box stays inside the
//   area and at least 2 pt away from every placed box.
//   A word that fits nowhere is left out; no size is ever reduced. At the
//   end, all words move together so that their bounding box is centred.
WordCloudLayout LayOutWordCloud(
    const std::vector<echo::usage::v1::QueryTopic>& topics, double width,
    double height, const MeasureText& measure);

// Measures with Pango and the PDF's fonts (render/text.h's kFontFamilies,
// bold). The metrics are those of a PDF surface, where the cloud is drawn with
// CreateTextLayout, TextStyle{.size = font_size, .bold = true} and
// kWordCloudLineWidth. The
// returned function is not thread-safe: use one per thread.
MeasureText PangoMeasure();

}  // namespace usage::render

#endif  // USAGE_RENDER_WORD_CLOUD_H_
