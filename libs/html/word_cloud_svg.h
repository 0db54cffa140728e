// The word cloud of query topics as inline SVG.
#ifndef USAGE_HTML_WORD_CLOUD_SVG_H_
#define USAGE_HTML_WORD_CLOUD_SVG_H_

#include <string>

#include "echo/usage/v1/usage_service.pb.h"
#include "render/word_cloud.h"

namespace usage::html {

// Returns a section with the cloud of report.query_topics(), laid out with
// `measure`. Each word is a <text> whose textLength is its measured width
// and whose lengthAdjust is spacingAndGlyphs, so a browser font of another
// width cannot make words overlap.
std::string WordCloudSection(const echo::usage::v1::UsageReport& report,
                             const render::MeasureText& measure);

}  // namespace usage::html

#endif  // USAGE_HTML_WORD_CLOUD_SVG_H_
