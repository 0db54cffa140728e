#include "report_request.h"

#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace usage {
namespace {

namespace v1 = echo::usage::v1;
using ::testing::AllOf;
using ::testing::HasSubstr;

constexpr char kUserId[] = "11111111-1111-4111-8111-111111111111";

v1::GetUsageReportRequest RequestForEmail(const std::string& email) {
  v1::GetUsageReportRequest request;
  request.add_users()->set_email(email);
  return request;
}

absl::Status Validate(const v1::GetUsageReportRequest& request) {
  return ValidateReportRequest(request, absl::UnixEpoch()).status();
}

TEST(ReportRequestTest, DefaultsToLastThirtyDaysInUtcNow) {
  absl::Time now = absl::FromUnixSeconds(1774951200);
  absl::StatusOr<ReportRequest> request =
      ValidateReportRequest(RequestForEmail("jane@example.org"), now);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->period.preset, PeriodPreset::kLast30Days);
  EXPECT_EQ(request->time_zone_name, "UTC");
  EXPECT_EQ(request->as_of, now);
  ASSERT_EQ(request->users.size(), 1);
  EXPECT_TRUE(request->users[0].by_email);
}

TEST(ReportRequestTest, EmptySelectionIsRejected) {
  absl::Status status = Validate(v1::GetUsageReportRequest());
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("no users selected"));
}

TEST(ReportRequestTest, FiftyOneUsersAreRejected) {
  v1::GetUsageReportRequest request;
  for (int i = 0; i < 51; ++i) {
    request.add_users()->set_email(absl::StrCat("user", i, "@example.org"));
  }
  absl::Status status = Validate(request);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), AllOf(HasSubstr("51"), HasSubstr("50")));
}

TEST(ReportRequestTest, FiftyUsersAreAccepted) {
  v1::GetUsageReportRequest request;
  for (int i = 0; i < 50; ++i) {
    request.add_users()->set_email(absl::StrCat("user", i, "@example.org"));
  }
  EXPECT_TRUE(Validate(request).ok());
}

TEST(ReportRequestTest, SameUserNamedFiftyOneTimesIsOneUser) {
  v1::GetUsageReportRequest request;
  for (int i = 0; i < 51; ++i) request.add_users()->set_email("a@b.org");
  absl::StatusOr<ReportRequest> validated =
      ValidateReportRequest(request, absl::UnixEpoch());
  ASSERT_TRUE(validated.ok()) << validated.status();
  EXPECT_EQ(validated->users.size(), 1);
}

TEST(ReportRequestTest, MixedIdsAndEmailsAreCountedLater) {
  // 50 emails and one id, which may name one of the 50 users.
  v1::GetUsageReportRequest request;
  for (int i = 0; i < 50; ++i) {
    request.add_users()->set_email(absl::StrCat("user", i, "@example.org"));
  }
  request.add_users()->set_id(kUserId);
  absl::StatusOr<ReportRequest> validated =
      ValidateReportRequest(request, absl::UnixEpoch());
  ASSERT_TRUE(validated.ok()) << validated.status();
  EXPECT_EQ(validated->users.size(), 51);
}

TEST(ReportRequestTest, HugeListOfReferencesIsRejected) {
  v1::GetUsageReportRequest request;
  for (int i = 0; i < 501; ++i) request.add_users()->set_email("a@b.org");
  absl::Status status = Validate(request);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("501"));
}

TEST(ReportRequestTest, DatesOutsideSupportedYearsAreRejected) {
  for (const auto& [start, end] :
       {std::pair{"0001-01-01", "0001-01-10"},
        std::pair{"9999-12-01", "9999-12-31"}}) {
    v1::GetUsageReportRequest request = RequestForEmail("jane@example.org");
    request.mutable_period()->set_preset(v1::PERIOD_PRESET_CUSTOM);
    request.mutable_period()->set_start_date(start);
    request.mutable_period()->set_end_date(end);
    absl::Status status = Validate(request);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << start;
    EXPECT_THAT(status.message(), HasSubstr(start));
  }
}

TEST(ReportRequestTest, AsOfInYear9999IsRejected) {
  v1::GetUsageReportRequest request = RequestForEmail("jane@example.org");
  request.mutable_as_of()->set_seconds(253402214400);  // 9999-12-31
  EXPECT_EQ(Validate(request).code(), absl::StatusCode::kInvalidArgument);
}

TEST(ReportRequestTest, MalformedIdIsNamed) {
  v1::GetUsageReportRequest request;
  request.add_users()->set_id("1; drop table");
  absl::Status status = Validate(request);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("\"1; drop table\""));
}

TEST(ReportRequestTest, SelectorWithoutValueIsRejected) {
  v1::GetUsageReportRequest request;
  request.add_users()->set_id(kUserId);
  request.add_users();
  absl::Status status = Validate(request);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("user 2"));
}

TEST(ReportRequestTest, DuplicateReferencesCountOnce) {
  v1::GetUsageReportRequest request;
  request.add_users()->set_id(kUserId);
  request.add_users()->set_id(absl::AsciiStrToUpper(kUserId));
  request.add_users()->set_email("Jane@Example.org");
  request.add_users()->set_email("jane@example.org");
  absl::StatusOr<ReportRequest> validated =
      ValidateReportRequest(request, absl::UnixEpoch());
  ASSERT_TRUE(validated.ok()) << validated.status();
  EXPECT_EQ(validated->users.size(), 2);
}

TEST(ReportRequestTest, UnknownTimeZoneIsNamed) {
  v1::GetUsageReportRequest request = RequestForEmail("jane@example.org");
  request.set_time_zone("Mars/Olympus");
  absl::Status status = Validate(request);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("Mars/Olympus"));
}

TEST(ReportRequestTest, CustomPeriodNeedsValidDates) {
  v1::GetUsageReportRequest request = RequestForEmail("jane@example.org");
  request.mutable_period()->set_preset(v1::PERIOD_PRESET_CUSTOM);
  request.mutable_period()->set_start_date("2026-02-30");
  request.mutable_period()->set_end_date("2026-03-01");
  absl::Status status = Validate(request);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("2026-02-30"));
}

TEST(ReportRequestTest, DatesWithoutCustomPresetAreRejected) {
  v1::GetUsageReportRequest request = RequestForEmail("jane@example.org");
  request.mutable_period()->set_preset(v1::PERIOD_PRESET_LAST_90_DAYS);
  request.mutable_period()->set_start_date("2026-01-01");
  absl::Status status = Validate(request);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("PERIOD_PRESET_LAST_90_DAYS"));
}

TEST(ReportRequestTest, AsOfOutsideTimestampRangeIsRejected) {
  v1::GetUsageReportRequest request = RequestForEmail("jane@example.org");
  request.mutable_as_of()->set_seconds(253402300800);  // year 10000
  EXPECT_EQ(Validate(request).code(), absl::StatusCode::kInvalidArgument);
}

TEST(ReportRequestTest, AsOfIsUsed) {
  v1::GetUsageReportRequest request = RequestForEmail("jane@example.org");
  request.mutable_as_of()->set_seconds(1774951200);
  request.mutable_as_of()->set_nanos(500000000);
  absl::StatusOr<ReportRequest> validated =
      ValidateReportRequest(request, absl::UnixEpoch());
  ASSERT_TRUE(validated.ok()) << validated.status();
  EXPECT_EQ(validated->as_of,
            absl::FromUnixSeconds(1774951200) + absl::Milliseconds(500));
}

}  // namespace
}  // namespace usage
