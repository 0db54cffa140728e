// The "at a glance" part of the HTML report: title, figures and executive
// summary. Each function returns an HTML fragment with every dynamic string
// escaped once.
#ifndef USAGE_HTML_SUMMARY_SECTIONS_H_
#define USAGE_HTML_SUMMARY_SECTIONS_H_

#include <string>

#include "echo/usage/v1/usage_service.pb.h"

namespace usage::html {

// Returns the users' display names: the first five, then "+N more".
std::string UserNamesHtml(const echo::usage::v1::UsageReport& report);

// Returns the page header: users, period, time zone and generation time.
std::string TitleSection(const echo::usage::v1::UsageReport& report);

// Returns the hero figures (conversations, audio duration, chat sessions)
// with trend arrows and previous values, the secondary figures, the login
// band line and the features in use.
std::string FiguresSection(const echo::usage::v1::UsageReport& report);

// Returns the executive summary, converted from Markdown.
std::string ExecutiveSummarySection(const echo::usage::v1::UsageReport& report);

// Returns `markdown` as safe HTML blocks: headings, paragraphs and lists.
std::string MarkdownHtml(const std::string& markdown);

}  // namespace usage::html

#endif  // USAGE_HTML_SUMMARY_SECTIONS_H_
