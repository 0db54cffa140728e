#include "render/feature_adoption_chart.h"

#include "chart_pdf.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage::render {
namespace {

using ::echo::usage::v1::UsageReport;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using testing::RenderChart;

TEST(FeatureAdoptionChartTest, LabelsEachFeature) {
  UsageReport report;
  echo::usage::v1::FeatureAdoption& features = *report.mutable_features();
  features.set_uses_conversations(true);
  features.set_conversations(1234);
  features.set_uses_chat(true);
  features.set_chat_messages(2345);
  features.set_uses_tags(true);
  features.set_tags(9);
  const testing::ChartPdf pdf =
      RenderChart("features", DrawFeatureAdoptionChart, report);

  EXPECT_THAT(pdf.text, HasSubstr("Feature adoption"));
  EXPECT_THAT(pdf.text, HasSubstr("Conversations 1,234 · in use"));
  EXPECT_THAT(pdf.text, HasSubstr("Chat messages 2,345 · in use"));
  EXPECT_THAT(pdf.text, HasSubstr("Reports 0 · not used"));
  EXPECT_THAT(pdf.text, HasSubstr("Tags 9 · in use"));
  EXPECT_EQ(pdf.image_count, 0);
  EXPECT_THAT(pdf.overlapping_words, IsEmpty());
}

TEST(FeatureAdoptionChartTest, NothingUsedDrawsSentence) {
  const testing::ChartPdf pdf =
      RenderChart("features_none", DrawFeatureAdoptionChart, UsageReport());
  EXPECT_THAT(pdf.text, HasSubstr("No conversations, chat messages, reports "
                                  "or tags in this period."));
  EXPECT_THAT(pdf.text, Not(HasSubstr("not used")));
}

}  // namespace
}  // namespace usage::render
