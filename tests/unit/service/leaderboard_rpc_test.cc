#include "leaderboard_rpc.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage {
namespace {

namespace v1 = echo::usage::v1;

using ::testing::HasSubstr;

absl::Time Utc(int year, int month, int day, int hour = 0) {
  return absl::FromCivil(absl::CivilSecond(year, month, day, hour, 0, 0),
                         absl::UTCTimeZone());
}

// 31 March 2026, 10:00 UTC.
absl::Time Now() { return Utc(2026, 3, 31, 10); }

// A data source that returns fixed platform data and records the query.
class FixedPlatformSource : public DataSource {
 public:
  explicit FixedPlatformSource(PlatformData data) : data_(std::move(data)) {}

  absl::StatusOr<std::vector<User>> FindUsers(const std::vector<std::string>&,
                                              const CallContext&) override {
    return absl::UnimplementedError("not used");
  }
  absl::StatusOr<std::vector<User>> GetUsersById(
      const std::vector<std::string>&, const CallContext&) override {
    return absl::UnimplementedError("not used");
  }
  absl::StatusOr<std::vector<User>> GetUsersByEmail(
      const std::vector<std::string>&, const CallContext&) override {
    return absl::UnimplementedError("not used");
  }
  absl::StatusOr<AccountData> FetchAccount(const AccountQuery&,
                                           const CallContext&) override {
    return absl::UnimplementedError("not used");
  }
  absl::StatusOr<PlatformData> FetchPlatform(const PlatformQuery& query,
                                             const CallContext&) override {
    last_query_ = query;
    if (!error_.ok()) return error_;
    return data_;
  }
  std::string Name() const override { return "fixed"; }

  const PlatformQuery& last_query() const { return last_query_; }
  void set_error(absl::Status error) { error_ = std::move(error); }

 private:
  PlatformData data_;
  PlatformQuery last_query_;
  absl::Status error_;
};

// Two users of acme.com and an internal one. The internal user has the
// most logins.
PlatformData Platform() {
  PlatformData data;
  User ann;
  ann.id = "u-ann";
  ann.email = "ann@acme.com";
  ann.first_name = "Ann";
  User bob;
  bob.id = "u-bob";
  bob.email = "bob@acme.com";
  User ops;
  ops.id = "u-ops";
  ops.email = "ops@internal.dev";
  data.users = {ann, bob, ops};

  Project alpha;
  alpha.id = "p1";
  alpha.name = "Alpha";
  alpha.owner_id = "u-ann";
  data.projects = {alpha};
  Conversation conversation;
  conversation.id = "c1";
  conversation.project_id = "p1";
  conversation.created_at = Utc(2026, 3, 30, 12);
  data.conversations = {conversation};

  const auto login = [](std::string id, std::string user, absl::Time at) {
    Login row;
    row.id = std::move(id);
    row.user_id = std::move(user);
    row.timestamp = at;
    return row;
  };
  data.logins = {login("1", "u-ann", Utc(2026, 3, 31, 8)),
                 login("2", "u-bob", Utc(2026, 3, 20)),
                 login("3", "u-ops", Utc(2026, 3, 31, 9)),
                 login("4", "u-ops", Utc(2026, 3, 31, 9))};
  return data;
}

v1::GetLeaderboardRequest LastThirtyDays() {
  v1::GetLeaderboardRequest request;
  request.mutable_period()->set_preset(v1::PERIOD_PRESET_LAST_30_DAYS);
  request.set_time_zone("Europe/Amsterdam");
  return request;
}

TEST(LeaderboardRequestTest, ZeroLimitMeansTen) {
  absl::StatusOr<LeaderboardRequest> request =
      ValidateLeaderboardRequest(v1::GetLeaderboardRequest(), Now());

  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->limit, 10);
  EXPECT_EQ(request->time_zone_name, "UTC");
  EXPECT_EQ(request->period.preset, PeriodPreset::kLast30Days);
  EXPECT_EQ(request->as_of, Now());
}

TEST(LeaderboardRequestTest, RejectsLimitAboveHundred) {
  v1::GetLeaderboardRequest request;
  request.set_limit(101);

  absl::StatusOr<LeaderboardRequest> validated =
      ValidateLeaderboardRequest(request, Now());

  EXPECT_EQ(validated.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(validated.status().message(), HasSubstr("101"));
}

TEST(LeaderboardRequestTest, RejectsNegativeLimit) {
  v1::GetLeaderboardRequest request;
  request.set_limit(-1);

  EXPECT_EQ(ValidateLeaderboardRequest(request, Now()).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(LeaderboardRequestTest, KeepsLimitOfHundred) {
  v1::GetLeaderboardRequest request;
  request.set_limit(100);

  absl::StatusOr<LeaderboardRequest> validated =
      ValidateLeaderboardRequest(request, Now());

  ASSERT_TRUE(validated.ok()) << validated.status();
  EXPECT_EQ(validated->limit, 100);
}

TEST(LeaderboardRequestTest, RejectsUnknownTimeZoneNamingIt) {
  v1::GetLeaderboardRequest request;
  request.set_time_zone("Mars/Olympus");

  absl::StatusOr<LeaderboardRequest> validated =
      ValidateLeaderboardRequest(request, Now());

  EXPECT_EQ(validated.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(validated.status().message(), HasSubstr("Mars/Olympus"));
}

TEST(LeaderboardRequestTest, RejectsCustomPeriodWithoutDates) {
  v1::GetLeaderboardRequest request;
  request.mutable_period()->set_preset(v1::PERIOD_PRESET_CUSTOM);
  request.mutable_period()->set_start_date("2026-03-01");

  absl::StatusOr<LeaderboardRequest> validated =
      ValidateLeaderboardRequest(request, Now());

  EXPECT_EQ(validated.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(validated.status().message(), HasSubstr("end_date"));
}

TEST(LeaderboardRequestTest, UsesAsOfFromRequest) {
  v1::GetLeaderboardRequest request;
  request.mutable_as_of()->set_seconds(1767225600);  // 2026-01-01T00:00:00Z

  absl::StatusOr<LeaderboardRequest> validated =
      ValidateLeaderboardRequest(request, Now());

  ASSERT_TRUE(validated.ok()) << validated.status();
  EXPECT_EQ(validated->as_of, Utc(2026, 1, 1));
}

TEST(BuildLeaderboardTest, FetchesPeriodWindow) {
  FixedPlatformSource source(Platform());
  absl::StatusOr<LeaderboardRequest> request =
      ValidateLeaderboardRequest(LastThirtyDays(), Now());
  ASSERT_TRUE(request.ok()) << request.status();

  ASSERT_TRUE(
      BuildLeaderboard(source, ExcludedAccounts(), *request, CallContext())
          .ok());

  // 2 to 31 March in Amsterdam: from 2 March 00:00 CET (1 March 23:00 UTC)
  // to 1 April 00:00 CEST (31 March 22:00 UTC).
  EXPECT_EQ(source.last_query().start, Utc(2026, 3, 1, 23));
  EXPECT_EQ(source.last_query().end, Utc(2026, 3, 31, 22));
}

TEST(BuildLeaderboardTest, FillsResponse) {
  FixedPlatformSource source(Platform());
  absl::StatusOr<LeaderboardRequest> request =
      ValidateLeaderboardRequest(LastThirtyDays(), Now());
  ASSERT_TRUE(request.ok()) << request.status();

  absl::StatusOr<v1::GetLeaderboardResponse> response =
      BuildLeaderboard(source, ExcludedAccounts::FromEntries({"@internal.dev"}),
                       *request, CallContext());

  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->time_zone(), "Europe/Amsterdam");
  EXPECT_EQ(response->period().preset(), v1::PERIOD_PRESET_LAST_30_DAYS);
  EXPECT_EQ(response->period().start_date(), "2026-03-02");
  EXPECT_EQ(response->period().end_date(), "2026-03-31");
  EXPECT_EQ(response->period().days(), 30);
  EXPECT_EQ(response->period().start_time().seconds(),
            absl::ToUnixSeconds(Utc(2026, 3, 1, 23)));
  EXPECT_EQ(response->monthly_active_users(), 2);  // ann and bob
  EXPECT_EQ(response->daily_active_users(), 1);    // ann on 31 March
  EXPECT_DOUBLE_EQ(response->average_daily_conversations(), 1.0 / 30.0);
  EXPECT_DOUBLE_EQ(response->average_daily_active_projects(), 1.0 / 30.0);
  EXPECT_EQ(response->excluded_users(), 1);

  ASSERT_EQ(response->top_users_size(), 2);
  EXPECT_EQ(response->top_users(0).user().id(), "u-ann");
  EXPECT_EQ(response->top_users(0).user().display_name(), "Ann");
  EXPECT_EQ(response->top_users(0).logins(), 1);
  // One login over 30 / 7 weeks.
  EXPECT_DOUBLE_EQ(response->top_users(0).logins_per_week(), 7.0 / 30.0);
  ASSERT_EQ(response->top_organisations_size(), 1);
  EXPECT_EQ(response->top_organisations(0).domain(), "acme.com");
  EXPECT_EQ(response->top_organisations(0).active_users(), 2);
  EXPECT_EQ(response->top_organisations(0).logins(), 2);
  EXPECT_EQ(response->top_organisations(0).conversations(), 1);
  ASSERT_EQ(response->top_projects_size(), 1);
  EXPECT_EQ(response->top_projects(0).name(), "Alpha");
  EXPECT_EQ(response->top_projects(0).owner(), "Ann");
  EXPECT_EQ(response->top_projects(0).conversations(), 1);
}

TEST(BuildLeaderboardTest, FutureEndDateIsClampedWithNote) {
  FixedPlatformSource source(Platform());
  v1::GetLeaderboardRequest custom = LastThirtyDays();
  custom.mutable_period()->set_preset(v1::PERIOD_PRESET_CUSTOM);
  custom.mutable_period()->set_start_date("2026-03-20");
  custom.mutable_period()->set_end_date("2026-04-10");
  absl::StatusOr<LeaderboardRequest> request =
      ValidateLeaderboardRequest(custom, Now());
  ASSERT_TRUE(request.ok()) << request.status();

  absl::StatusOr<v1::GetLeaderboardResponse> response =
      BuildLeaderboard(source, ExcludedAccounts(), *request, CallContext());

  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->period().end_date(), "2026-03-31");
  ASSERT_EQ(response->notes_size(), 1);
  EXPECT_THAT(response->notes(0), HasSubstr("2026-04-10"));
}

TEST(BuildLeaderboardTest, AllTimeHasNoInstants) {
  FixedPlatformSource source(Platform());
  v1::GetLeaderboardRequest all_time;
  all_time.mutable_period()->set_preset(v1::PERIOD_PRESET_ALL_TIME);
  absl::StatusOr<LeaderboardRequest> request =
      ValidateLeaderboardRequest(all_time, Now());
  ASSERT_TRUE(request.ok()) << request.status();

  absl::StatusOr<v1::GetLeaderboardResponse> response =
      BuildLeaderboard(source, ExcludedAccounts(), *request, CallContext());

  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(source.last_query().start, absl::InfinitePast());
  // All time ends at as_of.
  EXPECT_EQ(source.last_query().end, Now());
  EXPECT_FALSE(response->period().has_start_time());
  EXPECT_EQ(response->period().start_date(), "");
  // Events from 20 March (bob's login) to 31 March (the last logins), UTC.
  EXPECT_EQ(response->period().days(), 12);
  // ann and ops logged in on 31 March.
  EXPECT_EQ(response->daily_active_users(), 2);
}

TEST(BuildLeaderboardTest, PassesSourceErrorOn) {
  FixedPlatformSource source(Platform());
  source.set_error(absl::UnavailableError("Directus is down"));
  absl::StatusOr<LeaderboardRequest> request =
      ValidateLeaderboardRequest(LastThirtyDays(), Now());
  ASSERT_TRUE(request.ok()) << request.status();

  absl::StatusOr<v1::GetLeaderboardResponse> response =
      BuildLeaderboard(source, ExcludedAccounts(), *request, CallContext());

  EXPECT_EQ(response.status().code(), absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace usage
