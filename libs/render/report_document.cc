#include "render/report_document.h"

#include "render/activity_timeline_chart.h"
#include "render/analytics_tables.h"
#include "render/daily_engagement_chart.h"
#include "render/feature_adoption_chart.h"
#include "render/insights_section.h"
#include "render/keywords_section.h"
#include "render/login_activity_chart.h"
#include "render/monthly_trends_chart.h"
#include "render/notes_section.h"
#include "render/projects_section.h"
#include "render/report_activity_section.h"
#include "render/summary_figures.h"
#include "render/summary_section.h"
#include "render/title_block.h"
#include "render/top_users_section.h"
#include "render/word_cloud_section.h"

namespace usage::render {

void DrawReport(PageCanvas& canvas, const echo::usage::v1::UsageReport& report,
                const ReportContext& context) {
  // Page 1, at a glance.
  DrawTitleBlock(canvas, report, context);
  DrawSummaryFigures(canvas, report, context);
  DrawExecutiveSummary(canvas, report);

  // Trends over time, from a new page.
  DrawMonthlyTrendsChart(canvas, report, context);
  DrawDailyEngagementChart(canvas, report, context);

  // Detailed analytics.
  DrawAnalyticsTables(canvas, report);
  DrawWordCloudSection(canvas, report, context);
  DrawTopKeywordsSection(canvas, report, context);
  DrawLoginActivityChart(canvas, report, context);
  DrawTopUsersSection(canvas, report, context);
  DrawProjectsSection(canvas, report, context);
  DrawReportActivitySection(canvas, report);
  DrawActivityTimelineChart(canvas, report, context);
  DrawFeatureAdoptionChart(canvas, report, context);
  DrawDataQualitySection(canvas, report);
  DrawInsightsSection(canvas, report);
}

}  // namespace usage::render
