#include "render/insights_section.h"

#include <cmath>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "render/blocks.h"
#include "render/format.h"
#include "render/markdown_layout.h"
#include "render/markup.h"
#include "render/style.h"
#include "render/text.h"

namespace usage::render {
namespace {

using ::echo::usage::v1::Finding;
using ::echo::usage::v1::FindingSeverity;
using ::echo::usage::v1::UsageReport;

constexpr double kItemGap = 7;
constexpr double kMarkerWidth = 14;
constexpr double kSubheadingGap = 4;
// Lines a finding keeps before it is cut with an ellipsis, so that one
// finding never needs more than a page.
constexpr int kMaxFindingLines = 12;
constexpr char kWarningMarkup[] = "#b7791f";
// A heading keeps this much of what follows on its page: about three lines
// of body text.
constexpr double kKeepWithHeading = 36;

const char* SeverityColor(FindingSeverity severity) {
  switch (severity) {
    case echo::usage::v1::FINDING_SEVERITY_CRITICAL:
      return kDownMarkup;
    case echo::usage::v1::FINDING_SEVERITY_WARNING:
      return kWarningMarkup;
    case echo::usage::v1::FINDING_SEVERITY_POSITIVE:
      return kUpMarkup;
    case echo::usage::v1::FINDING_SEVERITY_INFO:
      return kAccentMarkup;
    default:
      return kMutedMarkup;
  }
}

std::string FormatFigureValue(double value, const std::string& unit) {
  if (unit == "percent" || unit == "%") {
    return absl::StrCat(FormatDecimal(value, 1), " %");
  }
  const bool whole = std::isfinite(value) && value == std::round(value) &&
                     std::fabs(value) < 1e15;
  const std::string number =
      whole ? FormatCount(std::llround(value)) : FormatDecimal(value, 1);
  return unit.empty() ? number : absl::StrCat(number, " ", unit);
}

std::string StatusSentence(echo::usage::v1::InsightStatus status) {
  switch (status) {
    case echo::usage::v1::INSIGHT_STATUS_NOT_REQUESTED:
      return "AI insights were not requested for this report.";
    case echo::usage::v1::INSIGHT_STATUS_NOT_CONFIGURED:
      return "No AI model is configured, so the summary was written from "
             "the figures.";
    case echo::usage::v1::INSIGHT_STATUS_GENERATED:
      return "An AI model wrote the summary and the narrative, and every "
             "number in them matches a figure of this report.";
    case echo::usage::v1::INSIGHT_STATUS_UNAVAILABLE:
      return "The AI model was unavailable, so the summary was written from "
             "the figures.";
    case echo::usage::v1::INSIGHT_STATUS_FILTERED:
      return "The AI model's content filter rejected the request, so the "
             "summary was written from the figures.";
    case echo::usage::v1::INSIGHT_STATUS_UNVERIFIED:
      return "An AI model wrote the summary and the narrative, but some of "
             "their numbers match no figure of this report.";
    default:
      return "The insight status was not recorded.";
  }
}

void DrawSubheading(PageCanvas& canvas, absl::string_view text,
                    double keep_with_next) {
  LayoutPtr layout = CreateTextLayout(
      canvas.cr(), std::string(text),
      TextStyle{.size = kSubtitleSize - 0.5, .bold = true}, canvas.width());
  canvas.EnsureSpace(LayoutHeight(layout.get()) + kSubheadingGap +
                     keep_with_next);
  DrawBlock(canvas, layout.get(), kInk);
  canvas.MoveDown(kSubheadingGap);
}

void DrawFindings(PageCanvas& canvas, const UsageReport& report) {
  cairo_t* cr = canvas.cr();
  const TextStyle style{.size = kBodySize, .max_lines = kMaxFindingLines};
  if (report.insights().findings().empty()) {
    LayoutPtr none = CreateTextLayout(
        cr, "No rule found anything worth noting in this period.", style,
        canvas.width());
    DrawSubheading(canvas, "Findings", LayoutHeight(none.get()));
    DrawBlock(canvas, none.get(), kMuted);
    canvas.MoveDown(kItemGap);
    return;
  }

  std::vector<LayoutPtr> items;
  for (const Finding& finding : report.insights().findings()) {
    items.push_back(CreateMarkupLayout(cr, FindingMarkup(finding), style,
                                       canvas.width() - kMarkerWidth));
  }
  DrawSubheading(canvas, "Findings", LayoutHeight(items.front().get()));
  for (int i = 0; i < report.insights().findings_size(); ++i) {
    const FindingSeverity severity = report.insights().findings(i).severity();
    LayoutPtr marker =
        CreateMarkupLayout(cr,
                           absl::StrCat("<span foreground=\"",
                                        SeverityColor(severity), "\">●</span>"),
                           style, kMarkerWidth);
    const double height = LayoutHeight(items[i].get());
    canvas.EnsureSpace(height);
    DrawLayout(cr, marker.get(), canvas.left(), canvas.y(), kInk);
    DrawLayout(cr, items[i].get(), canvas.left() + kMarkerWidth, canvas.y(),
               kInk);
    canvas.MoveDown(height + kItemGap);
  }
}

}  // namespace

std::string SeverityText(FindingSeverity severity) {
  switch (severity) {
    case echo::usage::v1::FINDING_SEVERITY_CRITICAL:
      return "Critical";
    case echo::usage::v1::FINDING_SEVERITY_WARNING:
      return "Warning";
    case echo::usage::v1::FINDING_SEVERITY_INFO:
      return "Info";
    case echo::usage::v1::FINDING_SEVERITY_POSITIVE:
      return "Positive";
    default:
      return "Note";
  }
}

std::string FindingFigureText(const echo::usage::v1::FindingFigure& figure) {
  const std::string& label =
      figure.label().empty() ? figure.name() : figure.label();
  return absl::StrCat(label, ": ",
                      FormatFigureValue(figure.value(), figure.unit()));
}

std::string FindingMarkup(const Finding& finding) {
  std::vector<std::string> details = {SeverityText(finding.severity())};
  for (const echo::usage::v1::FindingFigure& figure : finding.figures()) {
    details.push_back(FindingFigureText(figure));
  }
  return absl::StrCat("<b>", EscapeMarkup(finding.title()), "</b>\n",
                      "<span foreground=\"", kMutedMarkup, "\" size=\"small\">",
                      EscapeMarkup(absl::StrJoin(details, "  ·  ")), "</span>");
}

std::string InsightStatusText(const UsageReport& report) {
  std::string text = StatusSentence(report.provenance().insight_status());
  if (report.provenance().insight_status() ==
          echo::usage::v1::INSIGHT_STATUS_UNVERIFIED &&
      !report.insights().unverified_numbers().empty()) {
    absl::StrAppend(&text, " Unverified: ",
                    absl::StrJoin(report.insights().unverified_numbers(), ", "),
                    ".");
  }
  const std::string& detail = report.provenance().insight_status_detail();
  if (!detail.empty()) absl::StrAppend(&text, " Detail: ", detail);
  return text;
}

void DrawInsightsSection(PageCanvas& canvas, const UsageReport& report) {
  // The section above may end without a gap.
  if (!canvas.at_page_top()) canvas.MoveDown(kSectionGap);
  Heading heading(canvas.cr(), "Insights", canvas.width());
  canvas.EnsureSpace(heading.height() + kKeepWithHeading);
  heading.Draw(canvas);
  DrawFindings(canvas, report);

  const std::string& narrative = report.insights().narrative_markdown();
  if (!narrative.empty()) {
    canvas.MoveDown(kItemGap);
    DrawSubheading(canvas, "What the figures suggest", kKeepWithHeading);
    DrawMarkdown(canvas, narrative);
  }

  canvas.MoveDown(kItemGap);
  LayoutPtr status = CreateTextLayout(
      canvas.cr(), InsightStatusText(report),
      TextStyle{.size = kSmallSize, .max_lines = kMaxFindingLines},
      canvas.width());
  DrawBlock(canvas, status.get(), kMuted);
  canvas.MoveDown(kSectionGap);
}

}  // namespace usage::render
