// The executive summary written from a template, for reports without an
// LLM-written one.
#ifndef USAGE_INSIGHTS_TEMPLATE_SUMMARY_H_
#define USAGE_INSIGHTS_TEMPLATE_SUMMARY_H_

#include "echo/usage/v1/usage_service.pb.h"

namespace usage::insights {

// Writes the two-paragraph executive summary (what happened; what it means)
// from the report's figures and report.insights().findings(); source
// SUMMARY_SOURCE_TEMPLATE. The first paragraph gives the main figures with
// their trends and the busiest project's name as plain text (the renderers
// escape it). The second draws on the two most severe findings and, where
// logins or quiet stretches are involved, reminds the reader that ECHO usage
// comes in bursts around sessions. A report without activity gives "No
// activity in this period." as the first paragraph. The same report always
// gives the same text. Pure and thread-safe.
echo::usage::v1::ExecutiveSummary TemplateSummary(
    const echo::usage::v1::UsageReport& report);

}  // namespace usage::insights

#endif  // USAGE_INSIGHTS_TEMPLATE_SUMMARY_H_
