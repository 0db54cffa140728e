#include "render/title_block.h"

#include <glib.h>

#include <algorithm>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "render/bidi.h"
#include "render/blocks.h"
#include "render/markup.h"
#include "render/style.h"
#include "render/text.h"

namespace usage::render {
namespace {

constexpr double kTitleGapBelow = 6;
constexpr double kLineGap = 4;
constexpr double kRuleGap = 14;
// Characters of a user name shown in the title before it is cut with an
// ellipsis, so that "+N more" stays visible after five long names.
constexpr long kMaxNameCharacters = 60;

// Returns "<muted label>  value" markup; `value` is plain text.
std::string LabeledValue(absl::string_view label, std::string_view value) {
  return absl::StrCat("<span foreground=\"", kMutedMarkup, "\">", label,
                      "</span>  ", EscapeMarkup(value));
}

// Returns `name` as valid UTF-8, cut to kMaxNameCharacters characters with
// "…" at the end when it is longer.
std::string ShortenName(std::string_view name) {
  const std::string valid = MakeValidUtf8(name);
  if (g_utf8_strlen(valid.c_str(), -1) <= kMaxNameCharacters) return valid;
  const char* cut = g_utf8_offset_to_pointer(valid.c_str(), kMaxNameCharacters);
  return absl::StrCat(
      absl::string_view(valid.c_str(),
                        static_cast<size_t>(cut - valid.c_str())),
      "…");
}

}  // namespace

std::string UserNamesMarkup(const echo::usage::v1::UsageReport& report) {
  const int user_count = report.users_size();
  if (user_count == 0) {
    return absl::StrCat("<span foreground=\"", kMutedMarkup,
                        "\">No users selected</span>");
  }
  std::vector<std::string> names;
  for (int i = 0; i < std::min(user_count, kNamedUsers); ++i) {
    names.push_back(absl::StrCat("<b>",
                                 IsolateDirection(EscapeMarkup(ShortenName(
                                     report.users(i).display_name()))),
                                 "</b>"));
  }
  std::string markup = absl::StrJoin(names, ", ");
  if (user_count > kNamedUsers) {
    absl::StrAppend(&markup, " <span foreground=\"", kMutedMarkup, "\">+",
                    user_count - kNamedUsers, " more</span>");
  }
  return markup;
}

std::string PeriodText(const echo::usage::v1::ResolvedPeriod& period) {
  if (period.preset() == echo::usage::v1::PERIOD_PRESET_ALL_TIME) {
    return "All time";
  }
  const char* unit = period.days() == 1 ? " day" : " days";
  return absl::StrCat(period.start_date(), " – ", period.end_date(), " (",
                      period.days(), unit, ")");
}

void DrawTitleBlock(PageCanvas& canvas,
                    const echo::usage::v1::UsageReport& report,
                    const ReportContext& context) {
  cairo_t* cr = canvas.cr();
  const double width = canvas.width();

  LayoutPtr title = CreateTextLayout(
      cr, "Usage report", TextStyle{.size = kTitleSize, .bold = true}, width);
  DrawBlock(canvas, title.get(), kInk);
  canvas.MoveDown(kTitleGapBelow);

  LayoutPtr names = CreateMarkupLayout(cr, UserNamesMarkup(report),
                                       TextStyle{.size = kSubtitleSize}, width);
  DrawBlock(canvas, names.get(), kInk);
  canvas.MoveDown(kLineGap * 2);

  const std::string facts =
      absl::StrCat(LabeledValue("Period", PeriodText(report.period())), "     ",
                   LabeledValue("Time zone", context.zone.name), "\n",
                   EscapeMarkup(context.generated_text));
  LayoutPtr facts_layout =
      CreateMarkupLayout(cr, facts, TextStyle{.size = kBodySize}, width);
  DrawBlock(canvas, facts_layout.get(), kInk);
  canvas.MoveDown(kRuleGap);

  DrawBodyRule(canvas);
  canvas.MoveDown(kRuleGap);
}

}  // namespace usage::render
