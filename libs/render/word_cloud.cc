#include "render/word_cloud.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>

#include "render/text.h"

namespace usage::render {
namespace {

using ::echo::usage::v1::QueryTopic;

// Minimum distance in points between two word boxes.
constexpr double kGap = 2;
// The spiral moves this many points outwards per turn, measured on the
// vertical axis, and about this many points along its arc per candidate.
// Small steps pack words tightly and cost only time.
constexpr double kGrowthPerTurn = 3;
constexpr double kArcStep = 2;
constexpr double kMaxAngleStep = 0.25;

struct Box {
  double left = 0;
  double top = 0;
  double right = 0;
  double bottom = 0;
};

bool TooClose(const Box& a, const Box& b) {
  return a.left < b.right + kGap && b.left < a.right + kGap &&
         a.top < b.bottom + kGap && b.top < a.bottom + kGap;
}

// Returns the topics worth drawing, highest count first. stable_sort keeps
// equal counts in their input order, so the order never depends on the
// sorting algorithm.
std::vector<const QueryTopic*> SortedTopics(
    const std::vector<QueryTopic>& topics) {
  std::vector<const QueryTopic*> sorted;
  for (const QueryTopic& topic : topics) {
    if (!topic.word().empty() && topic.count() >= 1) sorted.push_back(&topic);
  }
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const QueryTopic* a, const QueryTopic* b) {
                     return a->count() > b->count();
                   });
  return sorted;
}

// Returns where `count` lies between the smallest and largest count on a
// square-root scale, from 0 to 1. Equal counts all give 1.
double ScalePosition(int64_t count, int64_t min_count, int64_t max_count) {
  const double low = std::sqrt(static_cast<double>(min_count));
  const double high = std::sqrt(static_cast<double>(max_count));
  if (high <= low) return 1;
  return (std::sqrt(static_cast<double>(count)) - low) / (high - low);
}

int ColorIndex(double scale_position) {
  const int index =
      static_cast<int>(std::floor(kWordCloudColors * (1 - scale_position)));
  return std::clamp(index, 0, kWordCloudColors - 1);
}

// Walks an Archimedean spiral out of the centre of a width x height area,
// stretched horizontally by width / height so that it fills the area
// evenly. Each call of Next() gives the next centre point to try.
class Spiral {
 public:
  Spiral(double width, double height)
      : center_x_(width / 2),
        center_y_(height / 2),
        stretch_(width / height),
        growth_(kGrowthPerTurn / (2 * std::numbers::pi)),
        // Past this radius, every point of the spiral lies outside the area.
        max_radius_(std::hypot(width / 2 / stretch_, height / 2) + 1) {}

  // Sets (*x, *y) to the next point. Returns false once the spiral has
  // left the area.
  bool Next(double* x, double* y) {
    const double radius = growth_ * angle_;
    if (radius > max_radius_) return false;
    *x = center_x_ + radius * std::cos(angle_) * stretch_;
    *y = center_y_ + radius * std::sin(angle_);
    const double arc_per_radian =
        std::max(radius * std::max(stretch_, 1.0), 1.0);
    angle_ += std::min(kMaxAngleStep, kArcStep / arc_per_radian);
    return true;
  }

 private:
  double center_x_;
  double center_y_;
  double stretch_;
  double growth_;
  double max_radius_;
  double angle_ = 0;
};

// Returns the first box of `width` x `height` centred on a point of the
// spiral that is inside the area and keeps clear of `placed`, or false.
bool FindPlace(double width, double height, double area_width,
               double area_height, const std::vector<Box>& placed, Box* found) {
  Spiral spiral(area_width, area_height);
  double x = 0;
  double y = 0;
  while (spiral.Next(&x, &y)) {
    const Box box{x - width / 2, y - height / 2, x + width / 2, y + height / 2};
    if (box.left < 0 || box.top < 0 || box.right > area_width ||
        box.bottom > area_height) {
      continue;
    }
    const bool clear =
        std::none_of(placed.begin(), placed.end(),
                     [&box](const Box& other) { return TooClose(box, other); });
    if (clear) {
      *found = box;
      return true;
    }
  }
  return false;
}

// Moves every word by the same offset so that their bounding box is centred
// in the area. The box stays inside the area because it was inside before.
void CenterWords(WordCloudLayout& layout) {
  if (layout.words.empty()) return;
  Box bounds{layout.width, layout.height, 0, 0};
  for (const PlacedWord& word : layout.words) {
    bounds.left = std::min(bounds.left, word.x);
    bounds.top = std::min(bounds.top, word.y);
    bounds.right = std::max(bounds.right, word.x + word.width);
    bounds.bottom = std::max(bounds.bottom, word.y + word.height);
  }
  const double dx = (layout.width - bounds.left - bounds.right) / 2;
  const double dy = (layout.height - bounds.top - bounds.bottom) / 2;
  for (PlacedWord& word : layout.words) {
    word.x += dx;
    word.y += dy;
  }
}

}  // namespace

WordCloudLayout LayOutWordCloud(const std::vector<QueryTopic>& topics,
                                double width, double height,
                                const MeasureText& measure) {
  WordCloudLayout layout{.width = width, .height = height};
  const std::vector<const QueryTopic*> sorted = SortedTopics(topics);
  if (sorted.empty() || !(width > 0) || !(height > 0)) return layout;

  const int64_t max_count = sorted.front()->count();
  const int64_t min_count = sorted.back()->count();
  std::vector<Box> placed;
  // Boxes that found no place. The placed boxes only grow in number, so a
  // box at least as wide and as tall as one of these cannot fit either.
  std::vector<TextExtent> rejected;
  for (const QueryTopic* topic : sorted) {
    const double t = ScalePosition(topic->count(), min_count, max_count);
    const double size =
        kWordCloudMinSize + (kWordCloudMaxSize - kWordCloudMinSize) * t;
    const TextExtent extent = measure(topic->word(), size);
    const bool hopeless = std::any_of(
        rejected.begin(), rejected.end(), [&extent](const TextExtent& other) {
          return extent.width >= other.width && extent.height >= other.height;
        });
    Box box;
    if (hopeless ||
        !FindPlace(extent.width, extent.height, width, height, placed, &box)) {
      rejected.push_back(extent);
      continue;
    }
    placed.push_back(box);
    layout.words.push_back(PlacedWord{.text = topic->word(),
                                      .count = topic->count(),
                                      .font_size = size,
                                      .x = box.left,
                                      .y = box.top,
                                      .width = extent.width,
                                      .height = extent.height,
                                      .baseline = extent.baseline,
                                      .color_index = ColorIndex(t)});
  }
  CenterWords(layout);
  return layout;
}

MeasureText PangoMeasure() {
  // A PDF surface that discards its output gives the same font metrics as
  // the report's surface: unhinted, in points.
  std::shared_ptr<cairo_surface_t> surface(
      cairo_pdf_surface_create_for_stream(nullptr, nullptr, 100, 100),
      cairo_surface_destroy);
  std::shared_ptr<cairo_t> cr(cairo_create(surface.get()), cairo_destroy);
  return [surface, cr](std::string_view text, double font_size) {
    LayoutPtr layout = CreateTextLayout(
        cr.get(), text, TextStyle{.size = font_size, .bold = true},
        kWordCloudLineWidth);
    return TextExtent{
        .width = LayoutWidth(layout.get()),
        .height = LayoutHeight(layout.get()),
        .baseline =
            pango_units_to_double(pango_layout_get_baseline(layout.get())),
    };
  };
}

}  // namespace usage::render
