// Usage reports built by hand for the renderer tests.
#ifndef USAGE_TESTS_UNIT_RENDER_SAMPLE_REPORT_H_
#define USAGE_TESTS_UNIT_RENDER_SAMPLE_REPORT_H_

#include <string>

#include "echo/usage/v1/usage_service.pb.h"

namespace usage::render::testing {

// A 300-character URL used as a project name.
std::string LongUrl();

// A 64-character hexadecimal id used as a project name.
std::string HexId();

// A German compound word, wider than any column, used as a project name.
// Pango draws hyphens where it breaks such a word unless they are turned off.
std::string LongWord();

// Name of the generic project number `index`, such as "Project 007".
std::string GenericProjectName(int index);

// Builds a report for the last 30 days up to 2026-03-30 in Europe/Amsterdam,
// generated at 2026-03-30T12:00:05Z. It has seven users, among them
// `R&D <Q3> "draft"`, 总计 and 日本語. Its projects are `&amp;`, 总计, 日本語,
// LongUrl(), HexId() and LongWord(), then `generic_projects` projects named
// by GenericProjectName(1..n). It has three data-quality notes. The figures
// are listed in sample_report.cc next to the values the tests expect.
echo::usage::v1::UsageReport SampleReport(int generic_projects);

// Builds a report over all time: no previous period, no trends, one user, two
// projects and no data-quality notes.
echo::usage::v1::UsageReport AllTimeReport();

}  // namespace usage::render::testing

#endif  // USAGE_TESTS_UNIT_RENDER_SAMPLE_REPORT_H_
