#include "report_builder.h"

#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "snapshot/snapshot_source.h"

namespace usage {
namespace {

namespace v1 = echo::usage::v1;
using ::testing::AllOf;
using ::testing::HasSubstr;

std::string UserId(int i) {
  return absl::StrFormat("00000000-0000-4000-8000-%012d", i);
}

// A snapshot with the unit fixture's rows and 51 users user0..user50.
class ReportBuilderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / "report_builder_test";
    std::filesystem::remove_all(dir_);
    std::filesystem::copy(SNAPSHOT_FIXTURE_DIR, dir_);
    std::ofstream users(dir_ / "directus_users.json");
    users << "[";
    for (int i = 0; i <= 50; ++i) {
      users << (i == 0 ? "" : ",") << "{\"id\": \"" << UserId(i)
            << "\", \"email\": \"user" << i << "@example.org\"}";
    }
    users << "]";
    users.close();
    absl::StatusOr<std::unique_ptr<SnapshotSource>> source =
        SnapshotSource::Load(dir_.string());
    ASSERT_TRUE(source.ok()) << source.status();
    source_ = *std::move(source);
  }

  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Fifty emails, user0..user49, and one id.
  static std::vector<UserReference> FiftyEmailsAndId(int id_index) {
    std::vector<UserReference> references;
    for (int i = 0; i < 50; ++i) {
      references.push_back({true, absl::StrCat("user", i, "@example.org")});
    }
    references.push_back({false, UserId(id_index)});
    return references;
  }

  std::filesystem::path dir_;
  std::unique_ptr<SnapshotSource> source_;
  CallContext context_;
};

TEST_F(ReportBuilderTest, IdOfAnAlreadyNamedUserCountsOnce) {
  ReportBuilder builder(*source_, v1::DATA_SOURCE_KIND_SNAPSHOT);
  absl::StatusOr<std::vector<User>> users =
      builder.ResolveUsers(FiftyEmailsAndId(7), context_);
  ASSERT_TRUE(users.ok()) << users.status();
  EXPECT_EQ(users->size(), 50);
}

TEST_F(ReportBuilderTest, FiftyOneResolvedUsersAreRejected) {
  ReportBuilder builder(*source_, v1::DATA_SOURCE_KIND_SNAPSHOT);
  absl::StatusOr<std::vector<User>> users =
      builder.ResolveUsers(FiftyEmailsAndId(50), context_);
  ASSERT_FALSE(users.ok());
  EXPECT_EQ(users.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(users.status().message(),
              AllOf(HasSubstr("51"), HasSubstr("50")));
}

}  // namespace
}  // namespace usage
