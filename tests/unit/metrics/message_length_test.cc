#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "metrics/metrics.h"
#include "tests/unit/metrics/test_records.h"

namespace usage {
namespace {

using test_data::AsOf;
using test_data::Utc;

std::string Repeat(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

struct LengthCase {
  std::string name;
  std::string text;
  int64_t under_50;
  int64_t from_50_to_199;
  int64_t from_200;

  friend void PrintTo(const LengthCase& c, std::ostream* os) { *os << c.name; }
};

MessageLengthBands BandsOf(const std::vector<ChatMessage>& messages) {
  AccountData data;
  data.projects = {Project{.id = "p1", .owner_id = "u1"}};
  data.chats = {Chat{.id = "h1", .project_id = "p1"}};
  data.messages = messages;
  return ComputeUsage(data, {}, test_data::November(), absl::UTCTimeZone(),
                      AsOf())
      .current.chat.user_message_lengths;
}

ChatMessage UserMessage(std::string text) {
  return ChatMessage{.id = "m1",
                     .chat_id = "h1",
                     .message_from = "user",
                     .created_at = Utc(2026, 11, 2),
                     .text = std::move(text)};
}

class MessageLengthTest : public ::testing::TestWithParam<LengthCase> {};

TEST_P(MessageLengthTest, BandsByCodePoints) {
  const LengthCase& c = GetParam();

  const MessageLengthBands bands = BandsOf({UserMessage(c.text)});

  EXPECT_EQ(bands.under_50, c.under_50);
  EXPECT_EQ(bands.from_50_to_199, c.from_50_to_199);
  EXPECT_EQ(bands.from_200, c.from_200);
}

// "é" is 2 bytes, "€" 3 bytes and "😀" 4 bytes in UTF-8, so a band by bytes
// would put each multi-byte case in a higher band.
INSTANTIATE_TEST_SUITE_P(
    Boundaries, MessageLengthTest,
    ::testing::Values(
        LengthCase{"Empty", "", 1, 0, 0},
        LengthCase{"FortyNineAscii", Repeat("a", 49), 1, 0, 0},
        LengthCase{"FortyNineTwoByte", Repeat("\u00e9", 49), 1, 0, 0},
        LengthCase{"FiftyTwoByte", Repeat("\u00e9", 50), 0, 1, 0},
        LengthCase{"FiftyAscii", Repeat("a", 50), 0, 1, 0},
        LengthCase{"HundredNinetyNineThreeByte", Repeat("\u20ac", 199), 0, 1,
                   0},
        LengthCase{"TwoHundredFourByte", Repeat("\U0001F600", 200), 0, 0, 1},
        LengthCase{"TwoHundredAscii", Repeat("a", 200), 0, 0, 1}),
    [](const ::testing::TestParamInfo<LengthCase>& info) {
      return info.param.name;
    });

TEST(UserMessageLengthTest, CountsOnlyUserMessagesOfPeriod) {
  ChatMessage assistant = UserMessage(Repeat("a", 300));
  assistant.id = "m2";
  assistant.message_from = "assistant";
  ChatMessage earlier = UserMessage(Repeat("a", 300));
  earlier.id = "m3";
  earlier.created_at = Utc(2026, 10, 30);
  ChatMessage shouting = UserMessage(Repeat("a", 120));
  shouting.id = "m4";
  shouting.message_from = "USER";

  const MessageLengthBands bands =
      BandsOf({UserMessage("short"), assistant, earlier, shouting});

  EXPECT_EQ(bands.under_50, 1);
  EXPECT_EQ(bands.from_50_to_199, 1);
  EXPECT_EQ(bands.from_200, 0);
}

}  // namespace
}  // namespace usage
