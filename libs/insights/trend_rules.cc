// TREND_BREAK and LOGIN_BAND_CHANGE: sharp changes against the previous
// period.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "insights/finding_rules.h"
#include "insights/number_text.h"
#include "insights/thresholds.h"

namespace usage::insights::insights_internal {
namespace {

using ::echo::usage::v1::Finding;
using ::echo::usage::v1::Trend;
using ::echo::usage::v1::UsageBand;

// Name, label and unit of a trend metric in findings.
struct TrendFigure {
  echo::usage::v1::TrendMetric metric;
  const char* name;
  const char* label;
  const char* unit;
  bool is_duration;
};

// The figures whose breaks are worth a finding. Projects and reports created
// are left out, because a few per period is normal and their swings are noise.
constexpr TrendFigure kTrendFigures[] = {
    {echo::usage::v1::TREND_METRIC_CONVERSATIONS, "conversations",
     "Conversations", "conversations", false},
    {echo::usage::v1::TREND_METRIC_DURATION, "duration_seconds",
     "Audio duration", "seconds", true},
    {echo::usage::v1::TREND_METRIC_LOGINS, "logins", "Logins", "logins", false},
    {echo::usage::v1::TREND_METRIC_CHAT_SESSIONS, "chat_sessions",
     "Chat sessions", "sessions", false},
    {echo::usage::v1::TREND_METRIC_MESSAGES, "chat_messages", "Chat messages",
     "messages", false},
};

const Trend* FindTrend(const echo::usage::v1::UsageReport& report,
                       echo::usage::v1::TrendMetric metric) {
  for (const Trend& trend : report.trends()) {
    if (trend.metric() == metric) return &trend;
  }
  return nullptr;
}

std::string ValueText(const TrendFigure& figure, double value) {
  return figure.is_duration ? FormatDuration(value) : FormatCount(value);
}

// Returns the finding for one trend, or a finding without a kind when the
// change is not a break.
Finding TrendBreak(const TrendFigure& figure, double current, double previous) {
  const double min_volume =
      figure.is_duration ? kTrendBreakMinDurationSeconds : kTrendBreakMinEvents;
  if (std::max(current, previous) < min_volume) return Finding();

  const std::string now = ValueText(figure, current);
  const std::string before = ValueText(figure, previous);
  Finding finding;
  if (previous == 0) {
    finding = MakeFinding(echo::usage::v1::FINDING_KIND_TREND_BREAK,
                          echo::usage::v1::FINDING_SEVERITY_POSITIVE,
                          absl::StrCat(figure.label, " rose to ", now,
                                       " from none in the previous period."));
  } else if (current == 0) {
    finding = MakeFinding(echo::usage::v1::FINDING_KIND_TREND_BREAK,
                          echo::usage::v1::FINDING_SEVERITY_CRITICAL,
                          absl::StrCat(figure.label, " fell to 0 from ", before,
                                       " in the previous period."));
  } else {
    const double percent = (current - previous) / previous * 100;
    if (percent > -kTrendBreakPercent && percent < kTrendBreakPercent) {
      return Finding();
    }
    const bool rose = percent > 0;
    finding = MakeFinding(
        echo::usage::v1::FINDING_KIND_TREND_BREAK,
        rose ? echo::usage::v1::FINDING_SEVERITY_POSITIVE
             : echo::usage::v1::FINDING_SEVERITY_WARNING,
        absl::StrCat(figure.label, rose ? " rose " : " fell ",
                     FormatPercent(percent), " to ", now, " against ", before,
                     " in the previous period."));
  }

  AddFigure(finding, figure.name, figure.label, current, figure.unit);
  AddFigure(finding, absl::StrCat("previous_", figure.name),
            absl::StrCat(figure.label, " in the previous period"), previous,
            figure.unit);
  if (previous != 0) {
    AddFigure(finding, absl::StrCat(figure.name, "_percent_change"),
              absl::StrCat(figure.label, " change"),
              (current - previous) / previous * 100, "percent");
  }
  return finding;
}

// Returns the band's rank for comparisons, or 0 for UNSPECIFIED.
int BandLevel(UsageBand band) {
  switch (band) {
    case echo::usage::v1::USAGE_BAND_NONE:
      return 1;
    case echo::usage::v1::USAGE_BAND_LOW:
      return 2;
    case echo::usage::v1::USAGE_BAND_MEDIUM:
      return 3;
    case echo::usage::v1::USAGE_BAND_HIGH:
      return 4;
    case echo::usage::v1::USAGE_BAND_POWER:
      return 5;
    default:
      return 0;
  }
}

const char* BandName(UsageBand band) {
  switch (band) {
    case echo::usage::v1::USAGE_BAND_NONE:
      return "none";
    case echo::usage::v1::USAGE_BAND_LOW:
      return "low";
    case echo::usage::v1::USAGE_BAND_MEDIUM:
      return "medium";
    case echo::usage::v1::USAGE_BAND_HIGH:
      return "high";
    case echo::usage::v1::USAGE_BAND_POWER:
      return "power";
    default:
      return "unknown";
  }
}

}  // namespace

void AddTrendBreaks(const echo::usage::v1::UsageReport& report,
                    std::vector<Finding>& findings) {
  if (!HasPreviousPeriod(report)) return;
  for (const TrendFigure& figure : kTrendFigures) {
    const Trend* trend = FindTrend(report, figure.metric);
    if (trend == nullptr) continue;
    Finding finding = TrendBreak(figure, trend->current(), trend->previous());
    if (finding.kind() != echo::usage::v1::FINDING_KIND_UNSPECIFIED) {
      findings.push_back(std::move(finding));
    }
  }
}

void AddLoginBandChange(const echo::usage::v1::UsageReport& report,
                        std::vector<Finding>& findings) {
  if (!HasPreviousPeriod(report)) return;
  const echo::usage::v1::LoginMetrics& now = report.metrics().logins();
  const echo::usage::v1::LoginMetrics& before =
      report.previous_metrics().logins();
  const int level = BandLevel(now.band());
  const int previous_level = BandLevel(before.band());
  if (level == 0 || previous_level == 0 || level == previous_level) return;

  const bool rose = level > previous_level;
  Finding finding = MakeFinding(
      echo::usage::v1::FINDING_KIND_LOGIN_BAND_CHANGE,
      rose ? echo::usage::v1::FINDING_SEVERITY_POSITIVE
           : echo::usage::v1::FINDING_SEVERITY_WARNING,
      absl::StrCat(
          "The login band ", rose ? "rose" : "fell", " from ",
          BandName(before.band()), " to ", BandName(now.band()), ", with ",
          FormatOneDecimal(now.per_week()), " logins per week against ",
          FormatOneDecimal(before.per_week()), " in the previous period."));
  AddFigure(finding, "logins_per_week", "Logins per week", now.per_week(),
            "logins per week");
  AddFigure(finding, "previous_logins_per_week",
            "Logins per week in the previous period", before.per_week(),
            "logins per week");
  findings.push_back(std::move(finding));
}

}  // namespace usage::insights::insights_internal
