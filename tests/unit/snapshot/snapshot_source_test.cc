#include "snapshot/snapshot_source.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

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

// Returns the ids of `records` in order.
template <typename Record>
std::vector<std::string> Ids(const std::vector<Record>& records) {
  std::vector<std::string> ids;
  for (const Record& record : records) ids.push_back(record.id);
  return ids;
}

std::vector<std::string> ConversationIds(const AccountData& data) {
  return Ids(data.conversations);
}
std::vector<std::string> MessageIds(const AccountData& data) {
  return Ids(data.messages);
}
std::vector<std::string> ReportIds(const AccountData& data) {
  return Ids(data.reports);
}
std::vector<std::string> LoginIds(const AccountData& data) {
  return Ids(data.logins);
}

// Returns the message of `status` as a std::string, which gmock prints as
// text.
std::string Message(const absl::Status& status) {
  return std::string(status.message());
}

// Copies the fixture to a fresh folder `name` under the temporary folder,
// and removes it again on destruction.
class FixtureCopy {
 public:
  explicit FixtureCopy(const std::string& name)
      : dir_(std::filesystem::temp_directory_path() / name) {
    std::filesystem::remove_all(dir_);
    std::filesystem::copy(SNAPSHOT_FIXTURE_DIR, dir_);
  }
  ~FixtureCopy() { std::filesystem::remove_all(dir_); }

  const std::filesystem::path& dir() const { return dir_; }

  // Replaces the file `name` with `content`.
  void Write(const std::string& name, const std::string& content) const {
    std::ofstream(dir_ / name, std::ios::binary | std::ios::trunc) << content;
  }

  absl::StatusOr<std::unique_ptr<SnapshotSource>> Load() const {
    return SnapshotSource::Load(dir_.string());
  }

 private:
  std::filesystem::path dir_;
};

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

  // c5 lies 1 ms before the window; c6 belongs to another user. c7 has
  // no creation time, so it is returned for every window.
  EXPECT_THAT(ConversationIds(*data),
              UnorderedElementsAre("c1", "c2", "c3", "c4", "c7"));
  EXPECT_EQ(data->chats.size(), 2);
  // m3 lies before the window; m5 has no date and m6 an unparsable one.
  EXPECT_THAT(MessageIds(*data), ElementsAre("m1", "m2", "m5", "m6"));
  EXPECT_EQ(data->messages[1].tokens, 42);
  // Report 10 lies before the window; report 9 has no date.
  EXPECT_THAT(ReportIds(*data), ElementsAre("7", "9"));
  // Login 3 lies after the window; login 5 has no timestamp.
  EXPECT_THAT(LoginIds(*data), ElementsAre("1", "5"));
  EXPECT_EQ(data->logins[0].timestamp, At("2026-03-04T08:00:00Z"));
}

TEST(SnapshotSourceTest, DatedWindowKeepsRowsWithoutTimestamp) {
  auto source = LoadFixture();
  ASSERT_NE(source, nullptr);
  AccountQuery query{{kJane},
                     At("2026-06-01T00:00:00Z"),
                     At("2026-07-01T00:00:00Z"),
                     At("2026-12-01T00:00:00Z")};
  absl::StatusOr<AccountData> data = source->FetchAccount(query, {});
  ASSERT_TRUE(data.ok()) << data.status();

  // No row of Jane's has a timestamp in June 2026, so only the rows whose
  // timestamp is null or unparsable are returned.
  ASSERT_THAT(ConversationIds(*data), ElementsAre("c7"));
  EXPECT_EQ(data->conversations[0].created_at, std::nullopt);
  EXPECT_THAT(MessageIds(*data), ElementsAre("m5", "m6"));
  EXPECT_THAT(ReportIds(*data), ElementsAre("9"));
  EXPECT_THAT(LoginIds(*data), ElementsAre("5"));
}

TEST(SnapshotSourceTest, UnparsableValuesCountPerAccount) {
  auto source = LoadFixture();
  ASSERT_NE(source, nullptr);
  AccountQuery dated{{kJane},
                     At("2026-01-01T00:00:00Z"),
                     At("2026-04-01T00:00:00Z"),
                     At("2026-12-01T00:00:00Z")};

  absl::StatusOr<AccountData> jane_dated = source->FetchAccount(dated, {});
  absl::StatusOr<AccountData> jane_all =
      source->FetchAccount(AccountQuery{{kJane}}, {});
  absl::StatusOr<AccountData> john_all =
      source->FetchAccount(AccountQuery{{kJohn}}, {});
  absl::StatusOr<AccountData> aaron_all =
      source->FetchAccount(AccountQuery{{kAaron}}, {});

  ASSERT_TRUE(jane_dated.ok()) << jane_dated.status();
  ASSERT_TRUE(jane_all.ok()) << jane_all.status();
  ASSERT_TRUE(john_all.ok()) << john_all.status();
  ASSERT_TRUE(aaron_all.ok()) << aaron_all.status();
  // m6's date_created; report 10, with the unparsable deleted_at, lies
  // before the window.
  EXPECT_EQ(jane_dated->unparsable_values, 1);
  // m6's date_created and report 10's deleted_at.
  EXPECT_EQ(jane_all->unparsable_values, 2);
  // Login 6's timestamp.
  EXPECT_EQ(john_all->unparsable_values, 1);
  EXPECT_EQ(aaron_all->unparsable_values, 0);
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
  EXPECT_THAT(ConversationIds(*data),
              UnorderedElementsAre("c1", "c2", "c3", "c4", "c5", "c7"));
  EXPECT_THAT(MessageIds(*data), ElementsAre("m1", "m2", "m3", "m5", "m6"));
  EXPECT_THAT(ReportIds(*data), ElementsAre("7", "9", "10"));
  EXPECT_THAT(LoginIds(*data), ElementsAre("1", "3", "5"));
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

TEST(SnapshotSourceTest, ActivityByUserCoversEverySelectedUser) {
  auto source = LoadFixture();
  ASSERT_NE(source, nullptr);
  AccountQuery query{{kJane, kJohn, kAaron}};
  query.as_of = At("2026-12-01T00:00:00Z");
  absl::StatusOr<AccountData> data = source->FetchAccount(query, {});
  ASSERT_TRUE(data.ok()) << data.status();
  ASSERT_EQ(data->activity_by_user.size(), 3);

  // Jane: p1 only, because p2 is deleted. Conversations of p1 from c5 to
  // c3, c4 of the deleted p2 left out and c7 without a date; h1 only; logins
  // 1 and 3, login 5 without a timestamp.
  const ActivityBounds& jane = data->activity_by_user.at(kJane);
  EXPECT_EQ(jane.projects.first, At("2026-01-10T09:00:00Z"));
  EXPECT_EQ(jane.projects.last, At("2026-01-10T09:00:00Z"));
  EXPECT_EQ(jane.conversations.first, At("2025-12-31T23:59:59.999Z"));
  EXPECT_EQ(jane.conversations.last, At("2026-03-07T10:00:00Z"));
  EXPECT_EQ(jane.chats.first, At("2026-03-01T08:00:00Z"));
  EXPECT_EQ(jane.chats.last, At("2026-03-01T08:00:00Z"));
  EXPECT_EQ(jane.logins.first, At("2026-03-04T08:00:00Z"));
  EXPECT_EQ(jane.logins.last, At("2026-04-04T08:00:00Z"));

  // John: p3 with c6 and h3; the deleted c8 and h4 are earlier and left
  // out. Login 6's timestamp does not parse, so only login 4 counts.
  const ActivityBounds& john = data->activity_by_user.at(kJohn);
  EXPECT_EQ(john.projects.first, At("2026-01-12T09:00:00Z"));
  EXPECT_EQ(john.conversations.first, At("2026-03-05T10:00:00Z"));
  EXPECT_EQ(john.conversations.last, At("2026-03-05T10:00:00Z"));
  EXPECT_EQ(john.chats.first, At("2026-03-01T08:00:00Z"));
  EXPECT_EQ(john.logins.first, At("2026-03-04T08:00:00Z"));
  EXPECT_EQ(john.logins.last, At("2026-03-04T08:00:00Z"));

  // Aaron owns nothing and never logged in.
  const ActivityBounds& aaron = data->activity_by_user.at(kAaron);
  for (const TimeBounds* bounds :
       {&aaron.projects, &aaron.conversations, &aaron.chats, &aaron.logins}) {
    EXPECT_EQ(bounds->first, std::nullopt);
    EXPECT_EQ(bounds->last, std::nullopt);
  }

  // The account: Jane's p1 first and John's p3 last; Jane's c5 and c3.
  const ActivityBounds& account = data->activity;
  EXPECT_EQ(account.projects.first, At("2026-01-10T09:00:00Z"));
  EXPECT_EQ(account.projects.last, At("2026-01-12T09:00:00Z"));
  EXPECT_EQ(account.conversations.first, At("2025-12-31T23:59:59.999Z"));
  EXPECT_EQ(account.conversations.last, At("2026-03-07T10:00:00Z"));
  EXPECT_EQ(account.logins.first, At("2026-03-04T08:00:00Z"));
  EXPECT_EQ(account.logins.last, At("2026-04-04T08:00:00Z"));
}

TEST(SnapshotSourceTest, ActivityByUserStopsAtAsOf) {
  auto source = LoadFixture();
  ASSERT_NE(source, nullptr);
  AccountQuery query{{kJane}};
  // Before c3 (2026-03-07T10:00) and login 3 (2026-04-04T08:00).
  query.as_of = At("2026-03-07T00:00:00Z");
  absl::StatusOr<AccountData> data = source->FetchAccount(query, {});
  ASSERT_TRUE(data.ok()) << data.status();

  const ActivityBounds& jane = data->activity_by_user.at(kJane);
  EXPECT_EQ(jane.conversations.last, At("2026-03-06T10:00:00Z"));
  EXPECT_EQ(jane.logins.last, At("2026-03-04T08:00:00Z"));
}

TEST(SnapshotSourceTest, TextsOnlyOfUserMessages) {
  auto source = LoadFixture();
  ASSERT_NE(source, nullptr);
  absl::StatusOr<AccountData> data =
      source->FetchAccount(AccountQuery{{kJane}}, {});
  ASSERT_TRUE(data.ok()) << data.status();

  ASSERT_THAT(MessageIds(*data), ElementsAre("m1", "m2", "m3", "m5", "m6"));
  EXPECT_EQ(data->messages[0].text, "How many people came?");
  // m2 is from the assistant, so its text is not kept.
  EXPECT_EQ(data->messages[1].text, "");
  EXPECT_EQ(data->messages[2].text, "An older question");
  // m5 is from "user" in lower case.
  EXPECT_EQ(data->messages[3].text, "Any follow-up?");
  // m6's text is null.
  EXPECT_EQ(data->messages[4].text, "");
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

TEST(SnapshotSourceTest, InvalidUtf8IsAnErrorNamingFile) {
  FixtureCopy copy("snapshot_invalid_utf8");
  copy.Write("project.json", "[{\"id\": \"p\xff\"}]");

  absl::StatusOr<std::unique_ptr<SnapshotSource>> source = copy.Load();

  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(source.status()), HasSubstr("project.json"));
}

TEST(SnapshotSourceTest, ByteOrderMarkIsSkipped) {
  FixtureCopy copy("snapshot_byte_order_mark");
  std::ifstream original(copy.dir() / "project.json", std::ios::binary);
  std::stringstream text;
  text << original.rdbuf();
  original.close();
  copy.Write("project.json", "\xEF\xBB\xBF" + text.str());

  absl::StatusOr<std::unique_ptr<SnapshotSource>> source = copy.Load();

  ASSERT_TRUE(source.ok()) << source.status();
  absl::StatusOr<AccountData> data =
      (*source)->FetchAccount(AccountQuery{{kJane}}, {});
  ASSERT_TRUE(data.ok()) << data.status();
  EXPECT_THAT(Ids(data->projects), ElementsAre("p1", "p2"));
}

TEST(SnapshotSourceTest, DirectoryInPlaceOfFileIsNamed) {
  FixtureCopy copy("snapshot_directory_file");
  std::filesystem::remove(copy.dir() / "project_chat.json");
  std::filesystem::create_directory(copy.dir() / "project_chat.json");

  absl::StatusOr<std::unique_ptr<SnapshotSource>> source = copy.Load();

  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(source.status()), HasSubstr("project_chat.json"));
  EXPECT_THAT(Message(source.status()), HasSubstr("not a regular file"));
}

TEST(SnapshotSourceTest, RepeatedIdNamesFileAndId) {
  FixtureCopy copy("snapshot_repeated_id");
  copy.Write("conversation.json", R"([
    {"id": "c1", "project_id": "p1", "created_at": null},
    {"id": "c2", "project_id": "p1", "created_at": null},
    {"id": "c1", "project_id": "p1", "created_at": null}])");

  absl::StatusOr<std::unique_ptr<SnapshotSource>> source = copy.Load();

  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(source.status()), HasSubstr("conversation.json"));
  EXPECT_THAT(Message(source.status()), HasSubstr("\"c1\""));
}

TEST(SnapshotSourceTest, RepeatedNumericIdIsRejected) {
  FixtureCopy copy("snapshot_repeated_numeric_id");
  // Directus returns an id as a number or as its decimal text; both are
  // the same id.
  copy.Write("directus_activity.json", R"([
    {"id": 1, "action": "login", "user": "u", "timestamp": null},
    {"id": "1", "action": "update", "user": "u", "timestamp": null}])");

  absl::StatusOr<std::unique_ptr<SnapshotSource>> source = copy.Load();

  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(source.status()), HasSubstr("directus_activity.json"));
  EXPECT_THAT(Message(source.status()), HasSubstr("\"1\""));
}

}  // namespace
}  // namespace usage
