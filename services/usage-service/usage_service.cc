#include "usage_service.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <random>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "html/html_report.h"
#include "leaderboard_rpc.h"
#include "render/pdf_report.h"
#include "status_mapping.h"
#include "telemetry/logging.h"
#include "user_search.h"

namespace usage {
namespace {

namespace v1 = echo::usage::v1;

// Largest piece of a PDF in one stream message, well below gRPC's default
// 4 MiB message limit.
constexpr size_t kPdfChunkBytes = 1 << 20;
// Largest piece of an HTML file in one stream message.
constexpr size_t kHtmlChunkBytes = 1 << 20;

std::string NewRequestId() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  return absl::StrFormat("%016x", random());
}

// The request id of a call: the caller's x-request-id when it is short and
// printable, else a new one.
std::string RequestId(const grpc::ServerContext& context) {
  auto it = context.client_metadata().find("x-request-id");
  if (it != context.client_metadata().end()) {
    absl::string_view id(it->second.data(), it->second.size());
    bool printable = !id.empty() && id.size() <= 64 &&
                     std::all_of(id.begin(), id.end(), [](char c) {
                       return absl::ascii_isalnum(c) || c == '-' || c == '_';
                     });
    if (printable) return std::string(id);
  }
  return NewRequestId();
}

// Builds the context of a call: the caller's deadline, or the default one
// when the caller set none, and the caller's cancellation.
std::unique_ptr<CallContext> MakeCallContext(grpc::ServerContext& context,
                                             absl::Duration default_deadline,
                                             std::string request_id) {
  absl::Time deadline = absl::FromChrono(context.deadline());
  absl::Time fallback = absl::Now() + default_deadline;
  return std::make_unique<CallContext>(
      std::min(deadline, fallback),
      [&context] { return context.IsCancelled(); }, std::move(request_id));
}

// Logs the end of a call and converts its status.
grpc::Status Finish(absl::string_view method, const CallContext& call,
                    absl::Time started, const absl::Status& status) {
  double elapsed_ms = absl::ToDoubleMilliseconds(absl::Now() - started);
  if (status.ok()) {
    logging::Info("rpc_finished", {{"method", method},
                                   {"request_id", call.request_id()},
                                   {"code", "OK"},
                                   {"elapsed_ms", elapsed_ms}});
  } else {
    logging::Warn("rpc_failed",
                  {{"method", method},
                   {"request_id", call.request_id()},
                   {"code", absl::StatusCodeToString(status.code())},
                   {"error", status.message()},
                   {"elapsed_ms", elapsed_ms}});
  }
  return ToGrpcStatus(status);
}

// Returns a file name such as "usage-jane-doe-2026-03-02-2026-03-31.pdf".
std::string PdfFileName(const v1::UsageReport& report) {
  std::string name =
      report.users().empty() ? "report" : report.users(0).display_name();
  std::string slug;
  for (char c : absl::AsciiStrToLower(name)) {
    if (absl::ascii_isalnum(c)) {
      slug += c;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
    if (slug.size() >= 40) break;
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.empty()) slug = "user";
  if (report.users_size() > 1) absl::StrAppend(&slug, "-and-others");

  const v1::ResolvedPeriod& period = report.period();
  std::string dates =
      period.start_date().empty()
          ? "all-time"
          : absl::StrCat(period.start_date(), "-", period.end_date());
  return absl::StrCat("usage-", slug, "-", dates, ".pdf");
}

// Returns the PDF's file name with ".html" in place of ".pdf".
std::string HtmlFileName(const v1::UsageReport& report) {
  std::string name = PdfFileName(report);
  return absl::StrCat(absl::string_view(name).substr(0, name.size() - 4),
                      ".html");
}

// Counts one report in progress for as long as it lives, and tells whether
// it fits within `limit` reports in progress.
class ReportSlot {
 public:
  ReportSlot(std::atomic<int>& counter, int limit)
      : counter_(counter), in_flight_(++counter), limit_(limit) {}
  ~ReportSlot() { --counter_; }
  ReportSlot(const ReportSlot&) = delete;
  ReportSlot& operator=(const ReportSlot&) = delete;

  // Returns OK within the limit, else RESOURCE_EXHAUSTED.
  absl::Status status() const {
    if (in_flight_ <= limit_) return absl::OkStatus();
    return absl::ResourceExhaustedError(absl::StrCat(
        "too many reports in progress (limit ", limit_, "); retry later"));
  }

 private:
  std::atomic<int>& counter_;
  int in_flight_;
  int limit_;
};

}  // namespace

UsageServiceImpl::UsageServiceImpl(DataSource& source,
                                   v1::DataSourceKind source_kind,
                                   ServiceLimits limits,
                                   ReportInsightOptions insights)
    : source_(source),
      builder_(source, source_kind, insights),
      auth_(limits.caller_tokens),
      limits_(std::move(limits)),
      excluded_(ExcludedAccounts::FromEntries(limits_.excluded_accounts)) {}

absl::StatusOr<v1::UsageReport> UsageServiceImpl::BuildReport(
    const v1::GetUsageReportRequest& request, const CallContext& context) {
  absl::StatusOr<ReportRequest> validated =
      ValidateReportRequest(request, absl::Now());
  if (!validated.ok()) return validated.status();

  std::optional<ReportSlot> slot;
  slot.emplace(reports_in_flight_, limits_.max_concurrent_reports);
  if (!slot->status().ok()) return slot->status();
  // The slot bounds the fetch and the computation. The LLM step that
  // follows has its own limit, so a stalled LLM does not block reports.
  return builder_.Build(*validated, context, [&slot] { slot.reset(); });
}

grpc::Status UsageServiceImpl::SearchUsers(
    grpc::ServerContext* context, const v1::SearchUsersRequest* request,
    v1::SearchUsersResponse* response) {
  absl::Time started = absl::Now();
  auto call =
      MakeCallContext(*context, limits_.default_deadline, RequestId(*context));
  if (absl::Status auth = auth_.Check(*context); !auth.ok()) {
    return Finish("SearchUsers", *call, started, auth);
  }
  absl::StatusOr<v1::SearchUsersResponse> result =
      usage::SearchUsers(source_, *request, *call);
  if (result.ok()) *response = *std::move(result);
  return Finish("SearchUsers", *call, started, result.status());
}

grpc::Status UsageServiceImpl::GetUsageReport(
    grpc::ServerContext* context, const v1::GetUsageReportRequest* request,
    v1::GetUsageReportResponse* response) {
  absl::Time started = absl::Now();
  auto call =
      MakeCallContext(*context, limits_.default_deadline, RequestId(*context));
  if (absl::Status auth = auth_.Check(*context); !auth.ok()) {
    return Finish("GetUsageReport", *call, started, auth);
  }
  absl::StatusOr<v1::UsageReport> report = BuildReport(*request, *call);
  if (report.ok()) *response->mutable_report() = *std::move(report);
  return Finish("GetUsageReport", *call, started, report.status());
}

grpc::Status UsageServiceImpl::StreamUsageReport(
    grpc::ServerContext* context, const v1::GetUsageReportRequest* request,
    grpc::ServerWriter<v1::StreamUsageReportResponse>* writer) {
  absl::Time started = absl::Now();
  auto call =
      MakeCallContext(*context, limits_.default_deadline, RequestId(*context));
  if (absl::Status auth = auth_.Check(*context); !auth.ok()) {
    return Finish("StreamUsageReport", *call, started, auth);
  }

  // The context serialises the sink's calls, so the writes never overlap.
  CallContext& progress_call = *call;
  call->set_progress_sink([writer, &progress_call](const ProgressEvent& event) {
    v1::StreamUsageReportResponse message;
    v1::Progress& progress = *message.mutable_progress();
    progress.set_step(event.step);
    progress.set_done(event.done);
    progress.set_total(event.total);
    progress.set_message(event.message);
    // A failed write means the caller left, so the fetch can stop.
    if (!writer->Write(message)) progress_call.Cancel();
  });
  absl::StatusOr<v1::UsageReport> report = BuildReport(*request, *call);
  call->EndProgress();
  if (!report.ok()) {
    return Finish("StreamUsageReport", *call, started, report.status());
  }

  v1::StreamUsageReportResponse last;
  *last.mutable_report() = *std::move(report);
  if (!writer->Write(last)) {
    return Finish("StreamUsageReport", *call, started,
                  absl::CancelledError("the caller stopped reading"));
  }
  return Finish("StreamUsageReport", *call, started, absl::OkStatus());
}

absl::StatusOr<v1::GetLeaderboardResponse> UsageServiceImpl::RankPlatform(
    const v1::GetLeaderboardRequest& request, const CallContext& context) {
  absl::StatusOr<LeaderboardRequest> validated =
      ValidateLeaderboardRequest(request, absl::Now());
  if (!validated.ok()) return validated.status();

  ReportSlot slot(reports_in_flight_, limits_.max_concurrent_reports);
  if (!slot.status().ok()) return slot.status();
  return BuildLeaderboard(source_, excluded_, *validated, context);
}

grpc::Status UsageServiceImpl::GetLeaderboard(
    grpc::ServerContext* context, const v1::GetLeaderboardRequest* request,
    v1::GetLeaderboardResponse* response) {
  absl::Time started = absl::Now();
  auto call =
      MakeCallContext(*context, limits_.default_deadline, RequestId(*context));
  if (absl::Status auth = auth_.Check(*context); !auth.ok()) {
    return Finish("GetLeaderboard", *call, started, auth);
  }
  absl::StatusOr<v1::GetLeaderboardResponse> result =
      RankPlatform(*request, *call);
  if (result.ok()) *response = *std::move(result);
  return Finish("GetLeaderboard", *call, started, result.status());
}

grpc::Status UsageServiceImpl::RenderPdf(
    grpc::ServerContext* context, const v1::RenderPdfRequest* request,
    grpc::ServerWriter<v1::RenderPdfResponse>* writer) {
  absl::Time started = absl::Now();
  auto call =
      MakeCallContext(*context, limits_.default_deadline, RequestId(*context));
  if (absl::Status auth = auth_.Check(*context); !auth.ok()) {
    return Finish("RenderPdf", *call, started, auth);
  }
  if (request->paper_size() != v1::PAPER_SIZE_UNSPECIFIED &&
      request->paper_size() != v1::PAPER_SIZE_A4 &&
      request->paper_size() != v1::PAPER_SIZE_LETTER) {
    return Finish("RenderPdf", *call, started,
                  absl::InvalidArgumentError(absl::StrCat(
                      "invalid paper_size ", request->paper_size())));
  }

  absl::StatusOr<v1::UsageReport> report =
      BuildReport(request->report(), *call);
  if (!report.ok()) return Finish("RenderPdf", *call, started, report.status());

  // Rendering a long report takes seconds: skip it for a caller that left.
  if (absl::Status status = call->Check("rendering the PDF"); !status.ok()) {
    return Finish("RenderPdf", *call, started, status);
  }
  render::PdfOptions options;
  options.paper_size = request->paper_size() == v1::PAPER_SIZE_LETTER
                           ? render::PaperSize::kLetter
                           : render::PaperSize::kA4;
  absl::StatusOr<render::RenderedPdf> pdf = render::RenderPdf(*report, options);
  if (!pdf.ok()) return Finish("RenderPdf", *call, started, pdf.status());

  v1::RenderPdfResponse header;
  v1::PdfMetadata& metadata = *header.mutable_metadata();
  metadata.set_file_name(PdfFileName(*report));
  metadata.set_page_count(pdf->page_count);
  metadata.set_size_bytes(static_cast<int64_t>(pdf->bytes.size()));
  if (!writer->Write(header)) {
    return Finish("RenderPdf", *call, started,
                  absl::CancelledError("the caller stopped reading"));
  }
  for (size_t offset = 0; offset < pdf->bytes.size();
       offset += kPdfChunkBytes) {
    v1::RenderPdfResponse part;
    part.set_chunk(pdf->bytes.substr(offset, kPdfChunkBytes));
    if (!writer->Write(part)) {
      return Finish("RenderPdf", *call, started,
                    absl::CancelledError("the caller stopped reading"));
    }
  }
  return Finish("RenderPdf", *call, started, absl::OkStatus());
}

grpc::Status UsageServiceImpl::RenderHtml(
    grpc::ServerContext* context, const v1::RenderHtmlRequest* request,
    grpc::ServerWriter<v1::RenderHtmlResponse>* writer) {
  absl::Time started = absl::Now();
  auto call =
      MakeCallContext(*context, limits_.default_deadline, RequestId(*context));
  if (absl::Status auth = auth_.Check(*context); !auth.ok()) {
    return Finish("RenderHtml", *call, started, auth);
  }
  absl::StatusOr<v1::UsageReport> report =
      BuildReport(request->report(), *call);
  if (!report.ok()) {
    return Finish("RenderHtml", *call, started, report.status());
  }
  if (absl::Status status = call->Check("rendering the HTML"); !status.ok()) {
    return Finish("RenderHtml", *call, started, status);
  }
  absl::StatusOr<std::string> page = html::RenderHtml(*report);
  if (!page.ok()) return Finish("RenderHtml", *call, started, page.status());

  v1::RenderHtmlResponse header;
  v1::HtmlMetadata& metadata = *header.mutable_metadata();
  metadata.set_file_name(HtmlFileName(*report));
  metadata.set_size_bytes(static_cast<int64_t>(page->size()));
  if (!writer->Write(header)) {
    return Finish("RenderHtml", *call, started,
                  absl::CancelledError("the caller stopped reading"));
  }
  for (size_t offset = 0; offset < page->size(); offset += kHtmlChunkBytes) {
    v1::RenderHtmlResponse part;
    part.set_chunk(page->substr(offset, kHtmlChunkBytes));
    if (!writer->Write(part)) {
      return Finish("RenderHtml", *call, started,
                    absl::CancelledError("the caller stopped reading"));
    }
  }
  return Finish("RenderHtml", *call, started, absl::OkStatus());
}

}  // namespace usage
