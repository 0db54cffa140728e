// Tests of the CONCENTRATION, EMPTY_CONVERSATIONS, CHAT_WITHOUT_REPORTS and
// REPORTS_WITHOUT_CHAT findings.
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "insights/findings.h"
#include "test_reports.h"

namespace usage::insights {
namespace {

using ::echo::usage::v1::FINDING_KIND_CHAT_WITHOUT_REPORTS;
using ::echo::usage::v1::FINDING_KIND_CONCENTRATION;
using ::echo::usage::v1::FINDING_KIND_EMPTY_CONVERSATIONS;
using ::echo::usage::v1::FINDING_KIND_REPORTS_WITHOUT_CHAT;
using ::echo::usage::v1::UsageReport;
using testing::AddProject;
using testing::Figure;
using testing::OfKind;
using testing::PeriodReport;

struct ConcentrationCase {
  std::string name;
  std::vector<std::pair<std::string, int64_t>> projects;  // In report order.
  std::string title;                                      // Empty: no finding.
};

// Prints the case name in failure messages.
void PrintTo(const ConcentrationCase& test_case, std::ostream* out) {
  *out << test_case.name;
}

class ConcentrationTest : public ::testing::TestWithParam<ConcentrationCase> {};

TEST_P(ConcentrationTest, GivesExpectedFinding) {
  const ConcentrationCase& test_case = GetParam();
  UsageReport report = PeriodReport();
  for (const auto& [name, conversations] : test_case.projects) {
    AddProject(report, name, conversations);
  }

  const auto findings =
      OfKind(DeriveFindings(report), FINDING_KIND_CONCENTRATION);

  if (test_case.title.empty()) {
    EXPECT_TRUE(findings.empty()) << findings[0].title();
    return;
  }
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity(), echo::usage::v1::FINDING_SEVERITY_INFO);
  EXPECT_EQ(findings[0].title(), test_case.title);
}

INSTANTIATE_TEST_SUITE_P(
    Shares, ConcentrationTest,
    ::testing::Values(
        // 8 / (8 + 1 + 1) = 80 %; the report orders by duration, not count.
        ConcentrationCase{"TopProjectAtThreshold",
                          {{"Beta", 1}, {"Alpha", 8}, {"Gamma", 1}},
                          "\"Alpha\" held 80 % of the conversations (8 of 10) "
                          "across 3 projects with conversations."},
        // 7 / 10 = 70 %, then (7 + 2) / 10 = 90 %.
        ConcentrationCase{"TopTwoProjects",
                          {{"Alpha", 7}, {"Beta", 2}, {"Gamma", 1}},
                          "\"Alpha\" and \"Beta\" held 90 % of the "
                          "conversations (9 of 10) across 3 projects with "
                          "conversations."},
        // (5 + 3) / 10 = 80 %, exactly the threshold.
        ConcentrationCase{"TopTwoAtThreshold",
                          {{"Alpha", 5}, {"Beta", 3}, {"Gamma", 2}},
                          "\"Alpha\" and \"Beta\" held 80 % of the "
                          "conversations (8 of 10) across 3 projects with "
                          "conversations."},
        // 4 / 10 = 40 %, (4 + 3) / 10 = 70 %.
        ConcentrationCase{
            "SpreadOut", {{"A", 4}, {"B", 3}, {"C", 2}, {"D", 1}}, ""},
        // Two projects always hold everything.
        ConcentrationCase{"TwoProjects", {{"A", 9}, {"B", 1}}, ""},
        // A project without conversations is not in use.
        ConcentrationCase{
            "IdleProjectsIgnored", {{"A", 9}, {"B", 1}, {"C", 0}}, ""},
        ConcentrationCase{"SingleProjectWithVolume",
                          {{"Alpha", 10}, {"Idle", 0}},
                          "All 10 conversations of the period were in one "
                          "project, \"Alpha\"."},
        ConcentrationCase{"SingleProjectBelowVolume", {{"Alpha", 9}}, ""},
        ConcentrationCase{"UnnamedProject",
                          {{"", 12}},
                          "All 12 conversations of the period were in one "
                          "project, an unnamed project."},
        ConcentrationCase{"NoProjects", {}, ""}),
    [](const ::testing::TestParamInfo<ConcentrationCase>& info) {
      return info.param.name;
    });

TEST(ConcentrationTest, FiguresGiveShareAndCounts) {
  UsageReport report = PeriodReport();
  AddProject(report, "Alpha", 17);
  AddProject(report, "Beta", 2);
  AddProject(report, "Gamma", 1);

  const auto findings =
      OfKind(DeriveFindings(report), FINDING_KIND_CONCENTRATION);

  ASSERT_EQ(findings.size(), 1u);
  // 17 / 20 = 85 %.
  EXPECT_DOUBLE_EQ(Figure(findings[0], "top_projects_share").value(), 85);
  EXPECT_EQ(Figure(findings[0], "top_projects_conversations").value(), 17);
  EXPECT_EQ(Figure(findings[0], "conversations").value(), 20);
  EXPECT_EQ(Figure(findings[0], "projects_with_conversations").value(), 3);
}

struct EmptyCase {
  std::string name;
  int64_t count;
  int64_t empty;
  bool expected;
};

// Prints the case name in failure messages.
void PrintTo(const EmptyCase& test_case, std::ostream* out) {
  *out << test_case.name;
}

class EmptyConversationsTest : public ::testing::TestWithParam<EmptyCase> {};

TEST_P(EmptyConversationsTest, GivesExpectedFinding) {
  const EmptyCase& test_case = GetParam();
  UsageReport report = PeriodReport();
  auto* conversations = report.mutable_metrics()->mutable_conversations();
  conversations->set_count(test_case.count);
  conversations->set_empty(test_case.empty);

  const auto findings =
      OfKind(DeriveFindings(report), FINDING_KIND_EMPTY_CONVERSATIONS);

  EXPECT_EQ(findings.size(), test_case.expected ? 1u : 0u);
}

INSTANTIATE_TEST_SUITE_P(
    Shares, EmptyConversationsTest,
    ::testing::Values(EmptyCase{"ShareAtThreshold", 10, 3, true},
                      EmptyCase{"ShareBelowThreshold", 10, 2, false},
                      EmptyCase{"CountAtMinimum", 5, 2, true},
                      EmptyCase{"CountBelowMinimum", 4, 4, false},
                      EmptyCase{"NoConversations", 0, 0, false}),
    [](const ::testing::TestParamInfo<EmptyCase>& info) {
      return info.param.name;
    });

TEST(EmptyConversationsTest, TitleAndFigures) {
  UsageReport report = PeriodReport();
  auto* conversations = report.mutable_metrics()->mutable_conversations();
  conversations->set_count(20);
  conversations->set_empty(8);

  const auto findings =
      OfKind(DeriveFindings(report), FINDING_KIND_EMPTY_CONVERSATIONS);

  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity(), echo::usage::v1::FINDING_SEVERITY_WARNING);
  // 8 / 20 = 40 %.
  EXPECT_EQ(findings[0].title(),
            "8 of 20 conversations (40 %) have no transcribed content.");
  EXPECT_EQ(Figure(findings[0], "empty_conversations").value(), 8);
  EXPECT_EQ(Figure(findings[0], "conversations").value(), 20);
  EXPECT_DOUBLE_EQ(Figure(findings[0], "empty_share").value(), 40);
}

struct FeatureCase {
  std::string name;
  int64_t messages;
  int64_t reports;
  bool chat_without_reports;
  bool reports_without_chat;
};

// Prints the case name in failure messages.
void PrintTo(const FeatureCase& test_case, std::ostream* out) {
  *out << test_case.name;
}

class FeatureGapTest : public ::testing::TestWithParam<FeatureCase> {};

TEST_P(FeatureGapTest, GivesExpectedFindings) {
  const FeatureCase& test_case = GetParam();
  UsageReport report = PeriodReport();
  report.mutable_metrics()->mutable_chat()->set_messages(test_case.messages);
  report.mutable_metrics()->mutable_reports()->set_created(test_case.reports);

  const auto findings = DeriveFindings(report);

  EXPECT_EQ(OfKind(findings, FINDING_KIND_CHAT_WITHOUT_REPORTS).size(),
            test_case.chat_without_reports ? 1u : 0u);
  EXPECT_EQ(OfKind(findings, FINDING_KIND_REPORTS_WITHOUT_CHAT).size(),
            test_case.reports_without_chat ? 1u : 0u);
}

INSTANTIATE_TEST_SUITE_P(
    Features, FeatureGapTest,
    ::testing::Values(FeatureCase{"ChatAtMinimum", 10, 0, true, false},
                      FeatureCase{"ChatBelowMinimum", 9, 0, false, false},
                      FeatureCase{"ChatAndReports", 10, 1, false, false},
                      FeatureCase{"ReportsOnly", 0, 1, false, true},
                      FeatureCase{"ReportsAndOneMessage", 1, 1, false, false},
                      FeatureCase{"Nothing", 0, 0, false, false}),
    [](const ::testing::TestParamInfo<FeatureCase>& info) {
      return info.param.name;
    });

TEST(FeatureGapTest, TitlesAndFigures) {
  UsageReport report = PeriodReport();
  report.mutable_metrics()->mutable_chat()->set_messages(42);
  auto chat = OfKind(DeriveFindings(report), FINDING_KIND_CHAT_WITHOUT_REPORTS);
  ASSERT_EQ(chat.size(), 1u);
  EXPECT_EQ(chat[0].severity(), echo::usage::v1::FINDING_SEVERITY_INFO);
  EXPECT_EQ(chat[0].title(),
            "42 chat messages were sent, but no reports were created.");
  EXPECT_EQ(Figure(chat[0], "chat_messages").value(), 42);
  EXPECT_EQ(Figure(chat[0], "reports").value(), 0);

  UsageReport reports_only = PeriodReport();
  reports_only.mutable_metrics()->mutable_reports()->set_created(1);
  auto reports =
      OfKind(DeriveFindings(reports_only), FINDING_KIND_REPORTS_WITHOUT_CHAT);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].title(),
            "1 report was created, but no chat messages were sent.");
  EXPECT_EQ(Figure(reports[0], "reports").value(), 1);
}

}  // namespace
}  // namespace usage::insights
