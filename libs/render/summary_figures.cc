#include "render/summary_figures.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "render/blocks.h"
#include "render/format.h"
#include "render/markup.h"
#include "render/style.h"
#include "render/text.h"
#include "render/trend_text.h"

namespace usage::render {
namespace {

using ::echo::usage::v1::UsageReport;

constexpr double kCardRowGap = 10;
constexpr double kLineGap = 8;

std::string FormatRoundedCount(double value) {
  return FormatCount(std::llround(value));
}

std::string MutedMarkup(absl::string_view text) {
  return absl::StrCat("<span foreground=\"", kMutedMarkup, "\">",
                      EscapeMarkup(std::string(text)), "</span>");
}

// Returns the trend markup for `metric`, or a note that there is no
// previous period to compare with.
std::string TrendDetail(const UsageReport& report,
                        echo::usage::v1::TrendMetric metric,
                        const std::function<std::string(double)>& format) {
  const echo::usage::v1::Trend* trend = FindTrend(report, metric);
  if (trend == nullptr) return MutedMarkup("No previous period");
  return TrendMarkup(*trend, format);
}

// Returns one feature as "✓ Name (count)" when used, else "– Name" muted.
std::string FeatureMarkup(absl::string_view name, bool used, int64_t count,
                          absl::string_view unit) {
  if (!used) return MutedMarkup(absl::StrCat("– ", name));
  return absl::StrCat("<span foreground=\"", kUpMarkup, "\">✓</span> ",
                      EscapeMarkup(std::string(name)), " ",
                      MutedMarkup(absl::StrCat(FormatCount(count), unit)));
}

std::string FeaturesMarkup(const echo::usage::v1::FeatureAdoption& features) {
  const std::vector<std::string> items = {
      FeatureMarkup("Conversations", features.uses_conversations(),
                    features.conversations(), ""),
      FeatureMarkup("Chat", features.uses_chat(), features.chat_messages(),
                    " messages"),
      FeatureMarkup("Reports", features.uses_reports(), features.reports(), ""),
      FeatureMarkup("Tags", features.uses_tags(), features.tags(), ""),
  };
  return absl::StrJoin(items, "        ");
}

std::string LastActivityText(const echo::usage::v1::Activity& activity,
                             const ReportContext& context) {
  if (!activity.has_days_since_last_activity() ||
      !activity.has_last_activity()) {
    return "No activity recorded.";
  }
  const int days = activity.days_since_last_activity();
  const std::string date =
      FormatDate(ToAbslTime(activity.last_activity()), context.zone);
  if (days == 0) return absl::StrCat("Last activity today, ", date, ".");
  return absl::StrCat("Last activity ", days, days == 1 ? " day" : " days",
                      " ago, on ", date, ".");
}

// Returns the login band line, such as "<b>Login band</b>  High usage:
// 7.9 logins per week, 34 logins on 12 active days".
std::string LoginBandMarkup(const echo::usage::v1::LoginMetrics& logins) {
  const char* day_unit =
      logins.active_days() == 1 ? " active day" : " active days";
  return absl::StrCat("<b>Login band</b>  ",
                      EscapeMarkup(UsageBandText(logins.band())), ": ",
                      FormatDecimal(logins.per_week(), 1), " logins per week, ",
                      FormatCount(logins.total()), " logins on ",
                      FormatCount(logins.active_days()), day_unit);
}

}  // namespace

std::string UsageBandText(echo::usage::v1::UsageBand band) {
  switch (band) {
    case echo::usage::v1::USAGE_BAND_NONE:
      return "No logins";
    case echo::usage::v1::USAGE_BAND_LOW:
      return "Low usage";
    case echo::usage::v1::USAGE_BAND_MEDIUM:
      return "Medium usage";
    case echo::usage::v1::USAGE_BAND_HIGH:
      return "High usage";
    case echo::usage::v1::USAGE_BAND_POWER:
      return "Power usage";
    default:
      return "Usage band unknown";
  }
}

std::vector<FigureCard> HeroCards(const UsageReport& report) {
  const echo::usage::v1::PeriodMetrics& metrics = report.metrics();
  return {
      FigureCard{
          "Conversations", FormatCount(metrics.conversations().count()),
          TrendDetail(report, echo::usage::v1::TREND_METRIC_CONVERSATIONS,
                      FormatRoundedCount)},
      FigureCard{
          "Audio duration",
          FormatDuration(metrics.conversations().total_duration_seconds()),
          TrendDetail(report, echo::usage::v1::TREND_METRIC_DURATION,
                      FormatDuration)},
      FigureCard{
          "Chat sessions", FormatCount(metrics.chat().active_sessions()),
          TrendDetail(report, echo::usage::v1::TREND_METRIC_CHAT_SESSIONS,
                      FormatRoundedCount)},
  };
}

std::vector<FigureCard> SecondaryCards(const UsageReport& report) {
  const echo::usage::v1::PeriodMetrics& metrics = report.metrics();
  const echo::usage::v1::LoginMetrics& logins = metrics.logins();
  const std::string band_detail = MutedMarkup(
      absl::StrCat(UsageBandText(logins.band()), ", ",
                   FormatDecimal(logins.per_week(), 1), " per week"));
  return {
      FigureCard{
          "Projects owned", FormatCount(metrics.projects().owned()),
          MutedMarkup(absl::StrCat(FormatCount(metrics.projects().created()),
                                   " created in the period"))},
      FigureCard{"Active projects", FormatCount(metrics.projects().active()),
                 MutedMarkup("with activity in the period")},
      FigureCard{"Messages", FormatCount(metrics.chat().messages()),
                 TrendDetail(report, echo::usage::v1::TREND_METRIC_MESSAGES,
                             FormatRoundedCount)},
      FigureCard{"Messages per session",
                 FormatDecimal(metrics.chat().mean_messages_per_session(), 1),
                 MutedMarkup("mean of active sessions")},
      FigureCard{"Logins", FormatCount(logins.total()), band_detail},
  };
}

void DrawSummaryFigures(PageCanvas& canvas, const UsageReport& report,
                        const ReportContext& context) {
  DrawFigureCards(canvas, HeroCards(report), FigureCardSize::kHero);
  canvas.MoveDown(kCardRowGap);
  DrawFigureCards(canvas, SecondaryCards(report), FigureCardSize::kSecondary);
  canvas.MoveDown(kSectionGap);

  LayoutPtr features =
      CreateMarkupLayout(canvas.cr(), FeaturesMarkup(report.features()),
                         TextStyle{.size = kBodySize}, canvas.width());
  DrawHeading(canvas, "Features in use", LayoutHeight(features.get()));
  DrawBlock(canvas, features.get(), kInk);
  canvas.MoveDown(kLineGap);

  LayoutPtr activity = CreateMarkupLayout(
      canvas.cr(),
      absl::StrCat(LoginBandMarkup(report.metrics().logins()), "\n",
                   EscapeMarkup(LastActivityText(report.activity(), context))),
      TextStyle{.size = kBodySize}, canvas.width());
  DrawBlock(canvas, activity.get(), kInk);
  canvas.MoveDown(kSectionGap);
}

}  // namespace usage::render
