// The style sheet and script embedded in every HTML report.
#ifndef USAGE_HTML_PAGE_ASSETS_H_
#define USAGE_HTML_PAGE_ASSETS_H_

#include <string>

namespace usage::html {

// Returns the CSS: the PDF's palette (render/style.h), a centred column,
// tables, cards, and print rules that hide the interactive controls.
std::string PageStyle();

// Returns the script. It reads the JSON block with id "report-data"
// (TimelineJson), shows the activity timeline's range slider and redraws
// the timeline for the selected days, and makes the projects table sortable
// by every column: numbers by their data-sort value, text by locale.
std::string PageScript();

}  // namespace usage::html

#endif  // USAGE_HTML_PAGE_ASSETS_H_
