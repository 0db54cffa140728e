#include "insights/answer.h"

#include "gtest/gtest.h"

namespace usage::insights {
namespace {

TEST(AnswerTest, SplitsAtBothHeadings) {
  InsightAnswer answer = SplitAnswer(
      "## Executive summary\nFirst.\n\nSecond.\n\n## Insights\n- One\n- Two\n");
  EXPECT_EQ(answer.summary, "First.\n\nSecond.");
  EXPECT_EQ(answer.narrative, "- One\n- Two");
}

TEST(AnswerTest, ToleratesLevelCaseAndColon) {
  InsightAnswer answer =
      SplitAnswer("# EXECUTIVE SUMMARY:\nText.\n### insights\n1. A");
  EXPECT_EQ(answer.summary, "Text.");
  EXPECT_EQ(answer.narrative, "1. A");
}

TEST(AnswerTest, AcceptsBoldHeadings) {
  InsightAnswer answer =
      SplitAnswer("**Executive summary**\nText.\n**Insights**\n- A");
  EXPECT_EQ(answer.summary, "Text.");
  EXPECT_EQ(answer.narrative, "- A");
}

TEST(AnswerTest, DropsTextBeforeFirstHeading) {
  InsightAnswer answer =
      SplitAnswer("Sure! Here it is.\n## Executive summary\nText.");
  EXPECT_EQ(answer.summary, "Text.");
  EXPECT_EQ(answer.narrative, "");
}

TEST(AnswerTest, MissingSecondPartGivesEmptyNarrative) {
  InsightAnswer answer = SplitAnswer("## Executive summary\nOnly this.");
  EXPECT_EQ(answer.summary, "Only this.");
  EXPECT_EQ(answer.narrative, "");
}

TEST(AnswerTest, NoHeadingIsAllSummary) {
  InsightAnswer answer = SplitAnswer("  Just a paragraph.\n\n- and a list\n");
  EXPECT_EQ(answer.summary, "Just a paragraph.\n\n- and a list");
  EXPECT_EQ(answer.narrative, "");
}

TEST(AnswerTest, OnlyInsightsHeadingKeepsTextBeforeAsSummary) {
  InsightAnswer answer = SplitAnswer("Summary text.\n## Insights\n- A");
  EXPECT_EQ(answer.summary, "Summary text.");
  EXPECT_EQ(answer.narrative, "- A");
}

TEST(AnswerTest, InsightsBeforeSummary) {
  InsightAnswer answer =
      SplitAnswer("## Insights\n- A\n## Executive summary\nText.");
  EXPECT_EQ(answer.summary, "Text.");
  EXPECT_EQ(answer.narrative, "- A");
}

TEST(AnswerTest, HeadingWordsInsideTextAreNotHeadings) {
  InsightAnswer answer = SplitAnswer(
      "## Executive summary\nThe insights below matter.\n## Insights\n- A");
  EXPECT_EQ(answer.summary, "The insights below matter.");
  EXPECT_EQ(answer.narrative, "- A");
}

}  // namespace
}  // namespace usage::insights
