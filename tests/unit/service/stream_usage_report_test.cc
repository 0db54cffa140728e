// StreamUsageReport through an in-process gRPC channel: the order of its
// messages, its errors and cancellation by the caller.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/message_differencer.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "snapshot/snapshot_source.h"
#include "usage_service.h"

namespace usage {
namespace {

namespace v1 = echo::usage::v1;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Jane Doe of the snapshot fixture, who owns projects.
constexpr char kJaneEmail[] = "jane.doe@example.org";
// 2026-03-31T10:00:00Z.
constexpr int64_t kAsOfSeconds = 1774951200;

v1::GetUsageReportRequest JaneRequest() {
  v1::GetUsageReportRequest request;
  request.add_users()->set_email(kJaneEmail);
  request.mutable_period()->set_preset(v1::PERIOD_PRESET_LAST_90_DAYS);
  request.set_time_zone("Europe/Amsterdam");
  request.mutable_as_of()->set_seconds(kAsOfSeconds);
  return request;
}

// The messages of one StreamUsageReport call and how it ended.
struct StreamResult {
  std::vector<v1::StreamUsageReportResponse> messages;
  grpc::Status status;
};

// "step done/total" of each progress message, for compact checks.
std::vector<std::string> ProgressSteps(const StreamResult& result) {
  std::vector<std::string> steps;
  for (const v1::StreamUsageReportResponse& message : result.messages) {
    if (!message.has_progress()) continue;
    const v1::Progress& progress = message.progress();
    steps.push_back(absl::StrCat(progress.step(), " ", progress.done(), "/",
                                 progress.total()));
  }
  return steps;
}

// A UsageServiceImpl on an in-process channel.
class ServiceHarness {
 public:
  ServiceHarness(DataSource& source, ServiceLimits limits = {})
      : service_(source, v1::DATA_SOURCE_KIND_SNAPSHOT, std::move(limits)) {
    grpc::ServerBuilder builder;
    builder.RegisterService(&service_);
    server_ = builder.BuildAndStart();
    stub_ = v1::UsageService::NewStub(
        server_->InProcessChannel(grpc::ChannelArguments()));
  }

  ~ServiceHarness() { server_->Shutdown(); }

  v1::UsageService::Stub& stub() { return *stub_; }

  StreamResult Stream(const v1::GetUsageReportRequest& request) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
    auto reader = stub_->StreamUsageReport(&context, request);
    StreamResult result;
    v1::StreamUsageReportResponse message;
    while (reader->Read(&message)) result.messages.push_back(message);
    result.status = reader->Finish();
    return result;
  }

  grpc::Status Get(const v1::GetUsageReportRequest& request,
                   v1::GetUsageReportResponse& response) {
    grpc::ClientContext context;
    context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
    return stub_->GetUsageReport(&context, request, &response);
  }

 private:
  UsageServiceImpl service_;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<v1::UsageService::Stub> stub_;
};

class StreamUsageReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<SnapshotSource>> source =
        SnapshotSource::Load(SNAPSHOT_FIXTURE_DIR);
    ASSERT_TRUE(source.ok()) << source.status();
    source_ = *std::move(source);
    harness_ = std::make_unique<ServiceHarness>(*source_);
  }

  std::unique_ptr<SnapshotSource> source_;
  std::unique_ptr<ServiceHarness> harness_;
};

TEST_F(StreamUsageReportTest, ProgressPrecedesReport) {
  StreamResult result = harness_->Stream(JaneRequest());
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();

  // The steps of ReportBuilder::Build, with the snapshot's single read as
  // the fetch.
  EXPECT_THAT(ProgressSteps(result),
              ElementsAre("resolve_users 0/1", "resolve_users 1/1", "fetch 1/1",
                          "compute 0/1", "compute 1/1"));
  ASSERT_FALSE(result.messages.empty());
  EXPECT_TRUE(result.messages.back().has_report());
  for (size_t i = 0; i + 1 < result.messages.size(); ++i) {
    EXPECT_TRUE(result.messages[i].has_progress()) << "message " << i;
  }
}

TEST_F(StreamUsageReportTest, ReportEqualsGetUsageReport) {
  StreamResult streamed = harness_->Stream(JaneRequest());
  ASSERT_TRUE(streamed.status.ok()) << streamed.status.error_message();
  ASSERT_FALSE(streamed.messages.empty());
  v1::UsageReport from_stream = streamed.messages.back().report();

  v1::GetUsageReportResponse response;
  grpc::Status status = harness_->Get(JaneRequest(), response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  v1::UsageReport from_get = response.report();

  // The time spent reading differs from call to call.
  from_stream.mutable_provenance()->clear_fetch_seconds();
  from_get.mutable_provenance()->clear_fetch_seconds();
  EXPECT_GT(from_get.metrics().conversations().count() +
                from_get.metrics().projects().owned(),
            0);
  std::string differences;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&differences);
  EXPECT_TRUE(differencer.Compare(from_stream, from_get)) << differences;
}

TEST_F(StreamUsageReportTest, InvalidTimeZoneFailsBeforeProgress) {
  v1::GetUsageReportRequest request = JaneRequest();
  request.set_time_zone("Mars/Olympus_Mons");
  StreamResult result = harness_->Stream(request);

  v1::GetUsageReportResponse response;
  grpc::Status unary = harness_->Get(request, response);
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(result.status.error_code(), unary.error_code());
  EXPECT_EQ(result.status.error_message(), unary.error_message());
  EXPECT_THAT(result.messages, IsEmpty());
}

TEST_F(StreamUsageReportTest, EmptySelectionFailsBeforeProgress) {
  v1::GetUsageReportRequest request = JaneRequest();
  request.clear_users();
  StreamResult result = harness_->Stream(request);
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(result.messages, IsEmpty());
}

TEST_F(StreamUsageReportTest, UnknownUserIsNotFound) {
  v1::GetUsageReportRequest request = JaneRequest();
  request.mutable_users(0)->set_email("nobody@example.org");
  StreamResult result = harness_->Stream(request);

  v1::GetUsageReportResponse response;
  grpc::Status unary = harness_->Get(request, response);
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(result.status.error_message(), unary.error_message());
  for (const v1::StreamUsageReportResponse& message : result.messages) {
    EXPECT_FALSE(message.has_report());
  }
}

TEST(StreamUsageReportAuthTest, MissingCallerTokenFailsBeforeProgress) {
  absl::StatusOr<std::unique_ptr<SnapshotSource>> source =
      SnapshotSource::Load(SNAPSHOT_FIXTURE_DIR);
  ASSERT_TRUE(source.ok()) << source.status();
  ServiceLimits limits;
  limits.caller_tokens = {"a-caller-token"};
  ServiceHarness harness(**source, limits);

  StreamResult result = harness.Stream(JaneRequest());
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(result.messages, IsEmpty());
}

// A source with one user whose fetch reports progress and then waits until
// the call is cancelled.
class BlockingSource : public DataSource {
 public:
  absl::StatusOr<std::vector<User>> FindUsers(const std::vector<std::string>&,
                                              const CallContext&) override {
    return std::vector<User>{Jane()};
  }
  absl::StatusOr<std::vector<User>> GetUsersById(
      const std::vector<std::string>&, const CallContext&) override {
    return std::vector<User>{};
  }
  absl::StatusOr<std::vector<User>> GetUsersByEmail(
      const std::vector<std::string>&, const CallContext&) override {
    return std::vector<User>{Jane()};
  }

  absl::StatusOr<AccountData> FetchAccount(
      const AccountQuery&, const CallContext& context) override {
    context.ReportProgress("fetch", 0, 2, "Fetching projects");
    absl::Time give_up = absl::Now() + absl::Seconds(20);
    while (!context.IsCancelled() && absl::Now() < give_up) {
      absl::SleepFor(absl::Milliseconds(5));
    }
    if (context.IsCancelled()) fetch_cancelled_.Notify();
    return absl::CancelledError("the caller cancelled");
  }

  absl::StatusOr<PlatformData> FetchPlatform(const PlatformQuery&,
                                             const CallContext&) override {
    return absl::UnimplementedError("no platform data in this test");
  }

  std::string Name() const override { return "blocking test source"; }

  bool WaitForCancelledFetch(absl::Duration timeout) {
    return fetch_cancelled_.WaitForNotificationWithTimeout(timeout);
  }

 private:
  static User Jane() {
    User user;
    user.id = "11111111-1111-4111-8111-111111111111";
    user.email = kJaneEmail;
    return user;
  }

  absl::Notification fetch_cancelled_;
};

TEST(StreamUsageReportCancelTest, CallerCancelStopsFetch) {
  BlockingSource source;
  ServiceHarness harness(source);
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
  auto reader = harness.stub().StreamUsageReport(&context, JaneRequest());

  // Reads until the fetch has started, then leaves.
  v1::StreamUsageReportResponse message;
  bool fetch_started = false;
  while (!fetch_started && reader->Read(&message)) {
    fetch_started = message.progress().step() == "fetch";
  }
  ASSERT_TRUE(fetch_started);
  context.TryCancel();

  EXPECT_TRUE(source.WaitForCancelledFetch(absl::Seconds(10)));
  grpc::Status status = reader->Finish();
  EXPECT_EQ(status.error_code(), grpc::StatusCode::CANCELLED);
}

}  // namespace
}  // namespace usage
