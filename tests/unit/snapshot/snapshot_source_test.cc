#include "snapshot/snapshot_source.h"

#include <filesystem>
#include <fstream>

#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

constexpr char kJane[] = "11111111-1111-4111-8111-111111111111";
constexpr char kJohn[] = "22222222-2222-4222-8222-222222222222";
constexpr char kAaron[] = "44444444-4444-4444-8444-444444444444";

absl::Time At(const char* text) {
  absl::Time t;
  std::string error;
  EXPECT_TRUE(absl::ParseTime(absl::RFC3339_full, text, &t, &error)) << error;
  return t;
}

std::unique_ptr<SnapshotSource> LoadFixture() {
  absl::StatusOr<std::unique_ptr<SnapshotSource>> source =
      SnapshotSource::Load(SNAPSHOT_FIXTURE_DIR);
  EXPECT_TRUE(source.ok()) << source.status();
  return source.ok() ? *std::move(source) : nullptr;
}

const Conversation& Find(const AccountData& data, const std::string& id) {
  for (const Conversation& c : data.conversations) {
    if (c.id == id) return c;
  }
  static const Conversation kMissing;
  ADD_FAILURE() << "conversation " << id << " missing";
  return kMissing;
}

std::vector<std::string> Ids(const std::vector<User>& users) {
  std::vector<std::string> ids;
  for (const User& user : users) ids.push_back(user.id);
  return ids;
}

TEST(SnapshotSourceTest, FetchesOwnedRowsInsideWindow) {
  auto source = LoadFixture();
  ASSERT_NE(source, nullptr);
  AccountQuery query{{kJane},
                     At("2026-01-01T00:00:00Z"),
                     At("2026-04-01T00:00:00Z"),
                     At("2026-12-01T00:00:00Z")};
  absl::StatusOr<AccountData> data = source->FetchAccount(query, {});
  ASSERT_TRUE(data.ok()) << data.status();

  // p2 is soft-deleted but kept: the metrics count what they exclude.
  ASSERT_EQ(data->projects.size(), 2);
  EXPECT_EQ(data->projects[0].id, "p1");
  EXPECT_THAT(data->projects[0].tags, ElementsAre("first", "second"));
  EXPECT_TRUE(data->projects[1].deleted_at.has_value());
  EXPECT_FALSE(data->projects[1].conversations_allowed);

  // c5 lies 1 ms before the window; c6 belongs to another user.
  std::vector<std::string> conversations;
  for (const Conversation& c : data->conversations) {
    conversations.push_back(c.id);
  }
  EXPECT_THAT(conversations, UnorderedElementsAre("c1", "c2", "c3", "c4"));
  EXPECT_EQ(data->chats.size(), 2);
  ASSERT_EQ(data->messages.size(), 2);
  EXPECT_EQ(data->messages[1].tokens, 42);
  ASSERT_EQ(data->reports.size(), 1);
  EXPECT_EQ(data->reports[0].id, "7");
  ASSERT_EQ(data->logins.size(), 1);
  EXPECT_EQ(data->logins[0].timestamp, At("2026-03-04T08:00:00Z"));
}

TEST(SnapshotSourceTest, CountsChunksAndEstimationWords) {
  auto source = LoadFixture();
  ASSERT_NE(source, nullptr);
  absl::StatusOr<AccountData> data =
      source->FetchAccount(AccountQuery{{kJane}}, {});
  ASSERT_TRUE(data.ok()) << data.status();

  const Conversation& c1 = Find(*data, "c1");
  EXPECT_EQ(c1.duration_seconds, 120.5);
  EXPECT_EQ(c1.source, "DASHBOARD_UPLOAD");
  EXPECT_EQ(c1.chunk_count, 2);
  EXPECT_EQ(c1.nonblank_chunk_count, 1);  // "  " is blank
  EXPECT_FALSE(c1.transcript_words.has_value());

  // Duration 0: words of merged_transcript.
  const Conversation& c2 = Find(*data, "c2");
  EXPECT_EQ(c2.chunk_count, 0);
  EXPECT_EQ(c2.transcript_words, 5);

  // Blank merged_transcript: words of the chunks, "alpha beta" and
  // "gamma\n delta\tepsilon".
  const Conversation& c3 = Find(*data, "c3");
  EXPECT_EQ(c3.chunk_count, 3);
  EXPECT_EQ(c3.nonblank_chunk_count, 2);
  EXPECT_EQ(c3.transcript_words, 5);
}

TEST(SnapshotSourceTest, UnboundedWindowIncludesEveryRow) {
  auto source = LoadFixture();
  ASSERT_NE(source, nullptr);
  absl::StatusOr<AccountData> data =
      source->FetchAccount(AccountQuery{{kJane}}, {});
  ASSERT_TRUE(data.ok()) << data.status();
  EXPECT_EQ(data->conversations.size(), 5);
  EXPECT_EQ(data->messages.size(), 3);
  EXPECT_EQ(data->logins.size(), 2);
}

TEST(SnapshotSourceTest, ActivityBoundsSkipDeletedAndFutureRows) {
  auto source = LoadFixture();
  ASSERT_NE(source, nullptr);
  AccountQuery query{{kJane}};
  query.as_of = At("2026-03-06T00:00:00Z");
  absl::StatusOr<AccountData> data = source->FetchAccount(query, {});
  ASSERT_TRUE(data.ok()) << data.status();

  const ActivityBounds& activity = data->activity;
  // p2 is deleted, so only p1 counts.
  EXPECT_EQ(activity.projects.first, At("2026-01-10T09:00:00Z"));
  EXPECT_EQ(activity.projects.last, At("2026-01-10T09:00:00Z"));
  // c2 and c3 come after as_of; c4 lies in the deleted project.
  EXPECT_EQ(activity.conversations.first, At("2025-12-31T23:59:59.999Z"));
  EXPECT_EQ(activity.conversations.last, At("2026-03-05T10:00:00Z"));
  EXPECT_EQ(activity.chats.first, At("2026-03-01T08:00:00Z"));
  EXPECT_EQ(activity.logins.last, At("2026-03-04T08:00:00Z"));
}

TEST(SnapshotSourceTest, FindUsersNeedsEveryTerm) {
  auto source = LoadFixture();
  ASSERT_NE(source, nullptr);
  absl::StatusOr<std::vector<User>> both =
      source->FindUsers({"DOE"}, CallContext());
  ASSERT_TRUE(both.ok());
  EXPECT_THAT(Ids(*both), UnorderedElementsAre(kJane, kJohn, kAaron));

  absl::StatusOr<std::vector<User>> jane =
      source->FindUsers({"jane", "doe"}, CallContext());
  ASSERT_TRUE(jane.ok());
  EXPECT_THAT(Ids(*jane), ElementsAre(kJane));

  absl::StatusOr<std::vector<User>> all = source->FindUsers({}, CallContext());
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 4);
}

TEST(SnapshotSourceTest, EmailLookupIgnoresCase) {
  auto source = LoadFixture();
  ASSERT_NE(source, nullptr);
  absl::StatusOr<std::vector<User>> users = source->GetUsersByEmail(
      {"jane.doe@example.org", "nobody@example.org"}, CallContext());
  ASSERT_TRUE(users.ok());
  EXPECT_THAT(Ids(*users), ElementsAre(kJane));
  EXPECT_EQ((*users)[0].DisplayName(), "Jane Doe");
}

TEST(SnapshotSourceTest, MissingFileIsNamed) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "snapshot_missing_file";
  std::filesystem::remove_all(dir);
  std::filesystem::copy(SNAPSHOT_FIXTURE_DIR, dir);
  std::filesystem::remove(dir / "project_chat.json");

  absl::StatusOr<std::unique_ptr<SnapshotSource>> source =
      SnapshotSource::Load(dir.string());
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(source.status().message(), HasSubstr("project_chat.json"));
  std::filesystem::remove_all(dir);
}

TEST(SnapshotSourceTest, MalformedNumberIsAnErrorNamingFile) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "snapshot_bad_number";
  std::filesystem::remove_all(dir);
  std::filesystem::copy(SNAPSHOT_FIXTURE_DIR, dir);
  std::ofstream(dir / "conversation.json")
      << R"([{"id": "c9", "project_id": "p1", "duration": "3a",
              "created_at": "2026-03-05T10:00:00.000Z"}])";

  absl::StatusOr<std::unique_ptr<SnapshotSource>> source =
      SnapshotSource::Load(dir.string());
  ASSERT_FALSE(source.ok());
  EXPECT_THAT(source.status().message(), HasSubstr("conversation.json"));
  EXPECT_THAT(source.status().message(), HasSubstr("3a"));
  std::filesystem::remove_all(dir);
}

TEST(SnapshotSourceTest, NotJsonIsAnError) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "snapshot_not_json";
  std::filesystem::remove_all(dir);
  std::filesystem::copy(SNAPSHOT_FIXTURE_DIR, dir);
  std::ofstream(dir / "project.json") << "[{\"id\": ";

  absl::StatusOr<std::unique_ptr<SnapshotSource>> source =
      SnapshotSource::Load(dir.string());
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(source.status().message(), HasSubstr("project.json"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace usage
