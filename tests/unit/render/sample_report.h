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

// Adds 40 query topics to `report`, with counts from 120 down to 1. Most
// are English words, and among them are 会议, 日本語, 한국어, встреча,
// συνάντηση and the 33-letter "gesprächsprotokollzusammenfassung". The
// words and counts are listed in sample_report.cc.
void AddQueryTopics(echo::usage::v1::UsageReport& report);

// Builds SampleReport(20) with query topics from AddQueryTopics and three more
// projects whose names and owners are Korean, Cyrillic and Greek: 한국어
// owned by 한국어, "Проект Альфа" owned by "Пётр Иванов", and "Έργο Βήτα"
// owned by "Άννα Ρήγα".
echo::usage::v1::UsageReport TextSafetyReport();

// Builds a report over all time: no previous period, no trends, one user, two
// projects and no data-quality notes.
echo::usage::v1::UsageReport AllTimeReport();

// Adds a previous period to `report`: previous conversations 1,000 with
// 36,000 s, previous chat messages 2,500, and report figures (created 4,
// published 1, error 0, status "draft" 3 now and 2 before). The current
// report figures become created 5, published 2, error 1, "draft" 3 and
// "<archived>" 2.
void AddPreviousPeriod(echo::usage::v1::UsageReport& report);

// Adds breakdowns for three users: "Jane Doe" (12 logins, 30 conversations),
// "R&D <Q3> \"draft\"" (20 logins) and 总计 (2 logins).
void AddUserBreakdowns(echo::usage::v1::UsageReport& report);

// Sets insights: a template executive summary in Markdown, two findings
// (a critical one titled `Dormant <b>account</b> & "R&D"` with 45 days, and
// a positive one), a narrative with `<script>` and `&amp;` in it, and
// insight status NOT_CONFIGURED with a detail.
void AddSampleInsights(echo::usage::v1::UsageReport& report);

}  // namespace usage::render::testing

#endif  // USAGE_TESTS_UNIT_RENDER_SAMPLE_REPORT_H_
