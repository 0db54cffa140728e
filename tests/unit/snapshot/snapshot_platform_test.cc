#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <system_error>
#include <vector>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "snapshot/snapshot_source.h"

namespace usage {
namespace {

using ::testing::ElementsAre;

// The rows of a small snapshot. Every collection has a row outside March
// 2026 or without a timestamp next to the rows inside it.
const std::map<std::string, std::string>& Files() {
  static const auto* files = new std::map<std::string, std::string>{
      {"directus_users.json",
       R"([{"id": "u1", "email": "ann@acme.com", "first_name": "Ann"},
           {"id": "u2", "email": null}])"},
      {"project.json",
       R"([{"id": "p1", "name": "Alpha", "directus_user_id": "u1",
            "created_at": "2025-01-01T00:00:00Z"},
           {"id": "p2", "name": "Gone", "directus_user_id": "u2",
            "deleted_at": "2026-03-02T00:00:00Z"}])"},
      {"project_tag.json", "[]"},
      {"conversation.json",
       R"([{"id": "c1", "project_id": "p1",
            "created_at": "2026-03-01T00:00:00Z"},
           {"id": "c2", "project_id": "p1",
            "created_at": "2026-03-31T23:59:59.999Z"},
           {"id": "c3", "project_id": "p1",
            "created_at": "2026-04-01T00:00:00Z"},
           {"id": "c4", "project_id": "p2", "created_at": null},
           {"id": "c5", "project_id": "p2",
            "created_at": "2026-03-05T00:00:00Z",
            "deleted_at": "2026-03-06T00:00:00Z"}])"},
      {"conversation_chunk.json", "[]"},
      {"project_chat.json",
       R"([{"id": "h1", "project_id": "p1",
            "date_created": "2025-06-01T00:00:00Z"},
           {"id": "h2", "project_id": "p2",
            "deleted_at": "2026-03-02T00:00:00Z"}])"},
      {"project_chat_message.json",
       R"([{"id": "m1", "project_chat_id": "h1", "message_from": "User",
            "text": "hello", "date_created": "2026-03-10T10:00:00Z"},
           {"id": "m2", "project_chat_id": "h1",
            "date_created": "2026-02-28T23:59:59Z"},
           {"id": "m3", "project_chat_id": "h2", "date_created": "bad"}])"},
      {"project_report.json", "[]"},
      {"directus_activity.json",
       R"([{"id": 1, "action": "login", "user": "u1",
            "timestamp": "2026-03-02T08:00:00Z"},
           {"id": 2, "action": "update", "user": "u1",
            "timestamp": "2026-03-02T09:00:00Z"},
           {"id": 3, "action": "login", "user": "u2",
            "timestamp": "2026-01-02T08:00:00Z"},
           {"id": 4, "action": "login", "user": "u2", "timestamp": null}])"},
  };
  return *files;
}

// A snapshot folder with Files(), removed at the end of the test.
class SnapshotPlatformTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("snapshot_platform_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
    for (const auto& [name, json] : Files()) {
      std::ofstream(dir_ / name) << json;
    }
    absl::StatusOr<std::unique_ptr<SnapshotSource>> source =
        SnapshotSource::Load(dir_.string());
    ASSERT_TRUE(source.ok()) << source.status();
    source_ = *std::move(source);
  }

  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  std::filesystem::path dir_;
  std::unique_ptr<SnapshotSource> source_;
};

// March 2026 in UTC.
PlatformQuery March() {
  PlatformQuery query;
  query.start = absl::FromUnixSeconds(1772323200);  // 2026-03-01T00:00:00Z
  query.end = absl::FromUnixSeconds(1775001600);    // 2026-04-01T00:00:00Z
  return query;
}

template <typename Record>
std::vector<std::string> Ids(const std::vector<Record>& records) {
  std::vector<std::string> ids;
  for (const Record& record : records) ids.push_back(record.id);
  return ids;
}

TEST_F(SnapshotPlatformTest, WindowSelectsEvents) {
  absl::StatusOr<PlatformData> data =
      source_->FetchPlatform(March(), CallContext());

  ASSERT_TRUE(data.ok()) << data.status();
  // The window is half-open: c1 at its start counts, c3 at its end does
  // not. c4 has no timestamp. c5 is soft-deleted but returned.
  EXPECT_THAT(Ids(data->conversations), ElementsAre("c1", "c2", "c5"));
  // m2 is a second before March, and m3's timestamp does not parse.
  EXPECT_THAT(Ids(data->messages), ElementsAre("m1"));
  // Login 2 is no login, 3 is in January, 4 has no timestamp.
  EXPECT_THAT(Ids(data->logins), ElementsAre("1"));
}

TEST_F(SnapshotPlatformTest, ReturnsEveryUserProjectAndChat) {
  absl::StatusOr<PlatformData> data =
      source_->FetchPlatform(March(), CallContext());

  ASSERT_TRUE(data.ok()) << data.status();
  EXPECT_THAT(Ids(data->users), ElementsAre("u1", "u2"));
  EXPECT_THAT(Ids(data->projects), ElementsAre("p1", "p2"));
  EXPECT_TRUE(data->projects[1].deleted_at.has_value());
  EXPECT_THAT(Ids(data->chats), ElementsAre("h1", "h2"));
}

TEST_F(SnapshotPlatformTest, UnboundedWindowStillDropsNullTimestamps) {
  absl::StatusOr<PlatformData> data =
      source_->FetchPlatform(PlatformQuery(), CallContext());

  ASSERT_TRUE(data.ok()) << data.status();
  EXPECT_THAT(Ids(data->conversations), ElementsAre("c1", "c2", "c3", "c5"));
  EXPECT_THAT(Ids(data->messages), ElementsAre("m1", "m2"));
  EXPECT_THAT(Ids(data->logins), ElementsAre("1", "3"));
}

TEST_F(SnapshotPlatformTest, ExpiredDeadlineFails) {
  CallContext expired(absl::Now() - absl::Seconds(1), nullptr);

  absl::StatusOr<PlatformData> data = source_->FetchPlatform(March(), expired);

  EXPECT_EQ(data.status().code(), absl::StatusCode::kDeadlineExceeded);
}

}  // namespace
}  // namespace usage
