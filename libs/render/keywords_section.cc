#include "render/keywords_section.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "render/blocks.h"
#include "render/format.h"
#include "render/style.h"
#include "render/text.h"

namespace usage::render {
namespace {

using ::echo::usage::v1::QueryTopic;

constexpr char kHeading[] = "Top keywords";
// Horizontal layout of one column, in points.
constexpr double kColumnGap = 24;
constexpr double kRankWidth = 18;
constexpr double kCountWidth = 42;
constexpr double kCellGap = 6;
// The word takes this share of what rank and count leave, the bar the rest.
constexpr double kWordShare = 0.5;
constexpr double kBarHeight = 4;
constexpr double kRowGap = 5;
// A word longer than its cell wraps onto a second line, then is cut.
constexpr int kMaxWordLines = 2;

// The laid-out texts of one row.
struct KeywordRow {
  LayoutPtr rank;
  LayoutPtr word;
  LayoutPtr count;
  double fraction = 0;  // Count divided by the highest count.
  double height = 0;
  int line_count = 1;
};

struct ColumnGeometry {
  double width = 0;
  double word_width = 0;
  double bar_width = 0;
};

ColumnGeometry MakeColumnGeometry(double body_width) {
  ColumnGeometry geometry;
  geometry.width = (body_width - kColumnGap) / 2;
  const double free = geometry.width - kRankWidth - kCountWidth - 2 * kCellGap;
  geometry.word_width = free * kWordShare;
  geometry.bar_width = free - geometry.word_width;
  return geometry;
}

KeywordRow LayOutRow(cairo_t* cr, const QueryTopic& topic, int rank,
                     int64_t max_count, const ColumnGeometry& geometry) {
  const TextStyle body{.size = kBodySize};
  KeywordRow row;
  row.rank = CreateTextLayout(cr, absl::StrCat(rank, "."), body, kRankWidth);
  row.word =
      CreateTextLayout(cr, topic.word(),
                       TextStyle{.size = kBodySize, .max_lines = kMaxWordLines},
                       geometry.word_width);
  row.count = CreateTextLayout(
      cr, FormatCount(topic.count()),
      TextStyle{.size = kBodySize, .alignment = PANGO_ALIGN_RIGHT},
      kCountWidth);
  row.fraction = static_cast<double>(topic.count()) / max_count;
  row.height = LayoutHeight(row.word.get());
  row.line_count = std::max(1, pango_layout_get_line_count(row.word.get()));
  return row;
}

// Draws a bar of `fraction` of `width` on a light track, centred on the
// first text line of a row, which spans `line_height` points from `top`.
void DrawBar(cairo_t* cr, double left, double top, double width,
             double line_height, double fraction) {
  const double bar_top = top + (line_height - kBarHeight) / 2;
  cairo_save(cr);
  cairo_set_source_rgb(cr, kHairline.red, kHairline.green, kHairline.blue);
  cairo_rectangle(cr, left, bar_top, width, kBarHeight);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, kAccent.red, kAccent.green, kAccent.blue);
  cairo_rectangle(cr, left, bar_top, width * fraction, kBarHeight);
  cairo_fill(cr);
  cairo_restore(cr);
}

void DrawRow(cairo_t* cr, const KeywordRow& row, double left, double top,
             const ColumnGeometry& geometry) {
  DrawLayout(cr, row.rank.get(), left, top, kMuted);
  double x = left + kRankWidth;
  DrawLayout(cr, row.word.get(), x, top, kInk);
  x += geometry.word_width + kCellGap;
  DrawBar(cr, x, top, geometry.bar_width, LayoutHeight(row.rank.get()),
          row.fraction);
  x += geometry.bar_width + kCellGap;
  DrawLayout(cr, row.count.get(), x, top, kInk);
}

}  // namespace

std::vector<QueryTopic> TopKeywords(
    const echo::usage::v1::UsageReport& report) {
  std::vector<QueryTopic> topics;
  for (const QueryTopic& topic : report.query_topics()) {
    if (!topic.word().empty() && topic.count() >= 1) topics.push_back(topic);
  }
  std::stable_sort(topics.begin(), topics.end(),
                   [](const QueryTopic& a, const QueryTopic& b) {
                     return a.count() > b.count();
                   });
  if (topics.size() > kTopKeywords) topics.resize(kTopKeywords);
  return topics;
}

void DrawTopKeywordsSection(PageCanvas& canvas,
                            const echo::usage::v1::UsageReport& report,
                            const ReportContext& context) {
  const std::vector<QueryTopic> topics = TopKeywords(report);
  if (topics.empty()) return;

  const ColumnGeometry geometry = MakeColumnGeometry(canvas.width());
  std::vector<KeywordRow> rows;
  for (size_t i = 0; i < topics.size(); ++i) {
    rows.push_back(LayOutRow(canvas.cr(), topics[i], static_cast<int>(i) + 1,
                             topics.front().count(), geometry));
  }
  // Every line of the list is at least as tall as the tallest one-line row,
  // because a CJK word sets a taller line than a Latin word and uneven rows
  // look ragged. A word that wraps makes its line taller still.
  double one_line_height = 0;
  for (const KeywordRow& row : rows) {
    one_line_height = std::max(one_line_height, row.height / row.line_count);
  }
  const size_t per_column = (rows.size() + 1) / 2;
  std::vector<double> line_heights(per_column, one_line_height);
  for (size_t i = 0; i < rows.size(); ++i) {
    double& height = line_heights[i % per_column];
    height = std::max(height, rows[i].height);
  }
  double total_height = 0;
  for (double height : line_heights) total_height += height + kRowGap;

  DrawHeading(canvas, kHeading, total_height);
  double top = canvas.y();
  for (size_t line = 0; line < per_column; ++line) {
    DrawRow(canvas.cr(), rows[line], canvas.left(), top, geometry);
    if (line + per_column < rows.size()) {
      DrawRow(canvas.cr(), rows[line + per_column],
              canvas.left() + geometry.width + kColumnGap, top, geometry);
    }
    top += line_heights[line] + kRowGap;
  }
  canvas.MoveDown(total_height + kSectionGap);
}

}  // namespace usage::render
