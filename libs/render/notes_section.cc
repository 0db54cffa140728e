#include "render/notes_section.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "render/blocks.h"
#include "render/format.h"
#include "render/markup.h"
#include "render/style.h"
#include "render/text.h"

namespace usage::render {
namespace {

constexpr double kItemGap = 4;
constexpr double kBulletIndent = 12;
constexpr char kHeading[] = "Data quality";
// Lines a note keeps before it is cut with an ellipsis, so that one note
// never needs more than a page.
constexpr int kMaxNoteLines = 12;

std::string KindText(echo::usage::v1::DataQualityKind kind) {
  switch (kind) {
    case echo::usage::v1::DATA_QUALITY_KIND_ESTIMATED_DURATIONS:
      return "Estimated durations";
    case echo::usage::v1::DATA_QUALITY_KIND_CONVERSATIONS_WITHOUT_CHUNKS:
      return "Conversations without chunks";
    case echo::usage::v1::DATA_QUALITY_KIND_SOFT_DELETED_EXCLUDED:
      return "Deleted rows left out";
    case echo::usage::v1::DATA_QUALITY_KIND_MISSING_TIMESTAMPS:
      return "Missing timestamps";
    case echo::usage::v1::DATA_QUALITY_KIND_UNPARSABLE_VALUES:
      return "Unparsable values";
    case echo::usage::v1::DATA_QUALITY_KIND_PERIOD_ADJUSTED:
      return "Period adjusted";
    default:
      return "Note";
  }
}

}  // namespace

std::string DataQualityNoteMarkup(
    const echo::usage::v1::DataQualityNote& note) {
  std::string markup = absl::StrCat("<b>", KindText(note.kind()), "</b>");
  if (note.count() > 0) {
    absl::StrAppend(&markup, " <span foreground=\"", kMutedMarkup, "\">(",
                    FormatCount(note.count()), ")</span>");
  }
  if (!note.message().empty()) {
    absl::StrAppend(&markup, ": ", EscapeMarkup(note.message()));
  }
  return markup;
}

void DrawDataQualitySection(PageCanvas& canvas,
                            const echo::usage::v1::UsageReport& report) {
  cairo_t* cr = canvas.cr();
  if (report.data_quality().empty()) {
    LayoutPtr none =
        CreateTextLayout(cr, "No data-quality notes for this report.",
                         TextStyle{.size = kBodySize}, canvas.width());
    DrawHeading(canvas, kHeading, LayoutHeight(none.get()));
    DrawBlock(canvas, none.get(), kMuted);
    return;
  }

  const TextStyle style{.size = kBodySize, .max_lines = kMaxNoteLines};
  std::vector<LayoutPtr> items;
  for (const echo::usage::v1::DataQualityNote& note : report.data_quality()) {
    items.push_back(CreateMarkupLayout(cr, DataQualityNoteMarkup(note), style,
                                       canvas.width() - kBulletIndent));
  }
  DrawHeading(canvas, kHeading, LayoutHeight(items.front().get()));

  LayoutPtr bullet = CreateTextLayout(cr, "•", style, kBulletIndent);
  for (const LayoutPtr& item : items) {
    const double height = LayoutHeight(item.get());
    canvas.EnsureSpace(height);
    DrawLayout(cr, bullet.get(), canvas.left(), canvas.y(), kMuted);
    DrawLayout(cr, item.get(), canvas.left() + kBulletIndent, canvas.y(), kInk);
    canvas.MoveDown(height + kItemGap);
  }
}

}  // namespace usage::render
