#include "render/summary_section.h"

#include "absl/strings/str_cat.h"
#include "render/blocks.h"
#include "render/markdown_layout.h"
#include "render/markup.h"
#include "render/style.h"
#include "render/text.h"

namespace usage::render {
namespace {

using ::echo::usage::v1::UsageReport;

constexpr char kHeading[] = "Executive summary";
constexpr double kNoteGap = 2;
// The heading keeps this much of the summary on its page: about three
// lines of body text.
constexpr double kKeepWithHeading = 36;

bool IsLlmSummary(const UsageReport& report) {
  return report.insights().executive_summary().source() ==
         echo::usage::v1::SUMMARY_SOURCE_LLM;
}

}  // namespace

std::string SummarySourceText(const UsageReport& report) {
  switch (report.insights().executive_summary().source()) {
    case echo::usage::v1::SUMMARY_SOURCE_TEMPLATE:
      return "Written from the figures";
    case echo::usage::v1::SUMMARY_SOURCE_LLM:
      if (report.provenance().insight_status() ==
          echo::usage::v1::INSIGHT_STATUS_GENERATED) {
        return "Written by an AI model; every number checked against the "
               "figures";
      }
      return "Written by an AI model";
    default:
      return "";
  }
}

std::string SummaryWarningText(const UsageReport& report) {
  if (!IsLlmSummary(report) || report.provenance().insight_status() !=
                                   echo::usage::v1::INSIGHT_STATUS_UNVERIFIED) {
    return "";
  }
  return "Some numbers in this summary match no figure of the report; they "
         "are marked (unverified). Check them before relying on them.";
}

void DrawExecutiveSummary(PageCanvas& canvas, const UsageReport& report) {
  const std::string& markdown =
      report.insights().executive_summary().markdown();
  if (markdown.empty()) return;

  DrawHeading(canvas, kHeading, kKeepWithHeading);
  DrawMarkdown(canvas, markdown);

  const std::string source = SummarySourceText(report);
  if (!source.empty()) {
    LayoutPtr note = CreateMarkupLayout(
        canvas.cr(), absl::StrCat("<i>", EscapeMarkup(source), "</i>"),
        TextStyle{.size = kSmallSize}, canvas.width());
    DrawBlock(canvas, note.get(), kMuted);
  }
  const std::string warning = SummaryWarningText(report);
  if (!warning.empty()) {
    canvas.MoveDown(kNoteGap);
    LayoutPtr line = CreateMarkupLayout(
        canvas.cr(),
        absl::StrCat("<span foreground=\"", kDownMarkup, "\">⚠ ",
                     EscapeMarkup(warning), "</span>"),
        TextStyle{.size = kBodySize, .bold = true}, canvas.width());
    DrawBlock(canvas, line.get(), kInk);
  }
  canvas.MoveDown(kSectionGap);
}

}  // namespace usage::render
