#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "metrics/metrics.h"

namespace usage {
namespace {

struct DurationCase {
  std::string name;
  std::optional<double> duration_seconds;
  int64_t chunk_count;
  std::optional<int64_t> transcript_words;
  double expected_seconds;
  bool expected_estimated;
};

class DurationTest : public ::testing::TestWithParam<DurationCase> {};

TEST_P(DurationTest, RecordedOrEstimated) {
  const DurationCase& c = GetParam();
  Conversation conversation;
  conversation.duration_seconds = c.duration_seconds;
  conversation.chunk_count = c.chunk_count;
  conversation.transcript_words = c.transcript_words;

  const auto [seconds, estimated] = ConversationDuration(conversation);

  EXPECT_DOUBLE_EQ(seconds, c.expected_seconds);
  EXPECT_EQ(estimated, c.expected_estimated);
}

INSTANTIATE_TEST_SUITE_P(
    Conversations, DurationTest,
    ::testing::Values(
        // A recorded duration wins over chunks and words.
        DurationCase{"Recorded", 125.0, 40, 9000, 125.0, false},
        DurationCase{"RecordedFraction", 0.5, 3, std::nullopt, 0.5, false},
        // 3 chunks x 30 s.
        DurationCase{"ZeroUsesChunks", 0.0, 3, std::nullopt, 90.0, true},
        // 450 words / 150 x 60 s = 180 s beats 2 chunks x 30 s = 60 s.
        DurationCase{"NullWordsWin", std::nullopt, 2, 450, 180.0, true},
        // 10 chunks x 30 s = 300 s beats 150 words = 60 s.
        DurationCase{"NegativeChunksWin", -5.0, 10, 150, 300.0, true},
        // 75 words = 30 s ties with 1 chunk = 30 s.
        DurationCase{"Tie", 0.0, 1, 75, 30.0, true},
        // 100 / 150 x 60 = 40 s.
        DurationCase{"WordsWithoutChunks", std::nullopt, 0, 100, 40.0, true},
        DurationCase{"Nothing", std::nullopt, 0, std::nullopt, 0.0, true},
        // One week, 7 x 86,400 s, is still a recording.
        DurationCase{"OneWeekRecorded", 604800.0, 2, std::nullopt, 604800.0,
                     false},
        // Beyond a week the field is corrupt: 4 chunks x 30 s.
        DurationCase{"BeyondOneWeekEstimated", 604800.5, 4, std::nullopt, 120.0,
                     true},
        DurationCase{"HugeEstimated", 1e308, 1, std::nullopt, 30.0, true},
        DurationCase{"NotANumberEstimated", std::nan(""), 2, std::nullopt, 60.0,
                     true}),
    [](const ::testing::TestParamInfo<DurationCase>& info) {
      return info.param.name;
    });

}  // namespace
}  // namespace usage
