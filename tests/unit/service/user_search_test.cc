#include "user_search.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "snapshot/snapshot_source.h"

namespace usage {
namespace {

namespace v1 = echo::usage::v1;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class UserSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<SnapshotSource>> source =
        SnapshotSource::Load(SNAPSHOT_FIXTURE_DIR);
    ASSERT_TRUE(source.ok()) << source.status();
    source_ = *std::move(source);
  }

  absl::StatusOr<v1::SearchUsersResponse> Search(
      const std::string& query, int page_size = 0,
      const std::string& token = "") {
    v1::SearchUsersRequest request;
    request.set_query(query);
    request.set_page_size(page_size);
    request.set_page_token(token);
    return SearchUsers(*source_, request, context_);
  }

  static std::vector<std::string> Emails(
      const v1::SearchUsersResponse& response) {
    std::vector<std::string> emails;
    for (const v1::User& user : response.users()) {
      emails.push_back(user.email());
    }
    return emails;
  }

  std::unique_ptr<SnapshotSource> source_;
  CallContext context_;
};

TEST_F(UserSearchTest, EveryTermMustMatch) {
  absl::StatusOr<v1::SearchUsersResponse> response = Search("  jane   DOE ");
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_THAT(Emails(*response), ElementsAre("Jane.Doe@Example.org"));
  EXPECT_EQ(response->users(0).display_name(), "Jane Doe");
}

TEST_F(UserSearchTest, ExactEmailMatchesOnlyItsUser) {
  absl::StatusOr<v1::SearchUsersResponse> response =
      Search("JOHN@example.org");
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_THAT(Emails(*response), ElementsAre("john@example.org"));
}

TEST_F(UserSearchTest, PrefixMatchesRankBeforeSubstrings) {
  // Jane Doe and John Doerr have last names that start with "doe"; Aaron
  // Johnson-Doe only contains it, so he comes last although his email
  // sorts first.
  absl::StatusOr<v1::SearchUsersResponse> response = Search("doe");
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_THAT(Emails(*response),
              ElementsAre("Jane.Doe@Example.org", "john@example.org",
                          "aaron@example.org"));
}

TEST_F(UserSearchTest, EmptyQueryPagesThroughAllUsers) {
  absl::StatusOr<v1::SearchUsersResponse> first = Search("", 3);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->users_size(), 3);
  EXPECT_EQ(first->total_size(), 4);
  ASSERT_FALSE(first->next_page_token().empty());

  absl::StatusOr<v1::SearchUsersResponse> second =
      Search("", 3, first->next_page_token());
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->users_size(), 1);
  EXPECT_TRUE(second->next_page_token().empty());

  std::set<std::string> ids;
  for (const auto* page : {&*first, &*second}) {
    for (const v1::User& user : page->users()) ids.insert(user.id());
  }
  EXPECT_EQ(ids.size(), 4);
  // The user without email or name sorts first and shows its id.
  EXPECT_EQ(first->users(0).display_name(),
            "33333333-3333-4333-8333-333333333333");
}

TEST_F(UserSearchTest, TokenOfAnotherQueryIsRejected) {
  absl::StatusOr<v1::SearchUsersResponse> first = Search("", 1);
  ASSERT_TRUE(first.ok()) << first.status();
  absl::StatusOr<v1::SearchUsersResponse> other =
      Search("doe", 1, first->next_page_token());
  EXPECT_EQ(other.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(other.status().message(), HasSubstr("page_token"));

  absl::StatusOr<v1::SearchUsersResponse> garbage = Search("", 1, "%%%");
  EXPECT_EQ(garbage.status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(UserSearchTest, EditedTokensAreRejected) {
  absl::StatusOr<v1::SearchUsersResponse> first = Search("", 1);
  ASSERT_TRUE(first.ok()) << first.status();
  std::string decoded;
  ASSERT_TRUE(absl::WebSafeBase64Unescape(first->next_page_token(), &decoded));
  std::string fingerprint = decoded.substr(decoded.rfind(':') + 1);
  // Offsets written differently, and an offset past the results.
  for (const std::string& offset : {"+1", " 1", "01", "100"}) {
    std::string token = absl::WebSafeBase64Escape(
        absl::StrCat("v1:", offset, ":", fingerprint));
    absl::StatusOr<v1::SearchUsersResponse> response = Search("", 1, token);
    EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument)
        << offset;
  }
}

TEST_F(UserSearchTest, PageSizeOutOfRangeIsRejected) {
  for (int size : {-1, 201}) {
    absl::StatusOr<v1::SearchUsersResponse> response = Search("", size);
    EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(response.status().message(),
                HasSubstr(absl::StrCat(size)));
  }
}

TEST_F(UserSearchTest, OversizedQueryIsRejected) {
  absl::StatusOr<v1::SearchUsersResponse> response =
      Search(std::string(201, 'a'));
  EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(response.status().message(), HasSubstr("201"));

  // 200 characters of two bytes each are accepted.
  std::string umlauts;
  for (int i = 0; i < 200; ++i) umlauts += "ü";
  EXPECT_TRUE(Search(umlauts).ok());
}

}  // namespace
}  // namespace usage
