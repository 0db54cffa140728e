#include "report_builder.h"

#include <algorithm>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "insights/insight_writer.h"
#include "metrics/metrics.h"
#include "period/period.h"
#include "report_proto.h"
#include "telemetry/logging.h"

namespace usage {

namespace v1 = echo::usage::v1;

namespace {

// Time between the end of the LLM's budget and the call's deadline.
constexpr absl::Duration kLlmDeadlineMargin = absl::Seconds(2);

// Counts one LLM call in progress for as long as it lives, if the count
// stays within `limit`.
class LlmCallSlot {
 public:
  LlmCallSlot(std::atomic<int>& counter, int limit)
      : counter_(counter), acquired_(++counter <= limit) {
    if (!acquired_) --counter_;
  }
  ~LlmCallSlot() {
    if (acquired_) --counter_;
  }
  LlmCallSlot(const LlmCallSlot&) = delete;
  LlmCallSlot& operator=(const LlmCallSlot&) = delete;

  bool acquired() const { return acquired_; }

 private:
  std::atomic<int>& counter_;
  const bool acquired_;
};

// Returns a message such as "Looking up 2 users".
std::string UserCountMessage(absl::string_view verb, size_t count) {
  return absl::StrCat(verb, count, count == 1 ? " user" : " users");
}

}  // namespace

absl::StatusOr<std::vector<User>> ReportBuilder::ResolveUsers(
    const std::vector<UserReference>& references, const CallContext& context) {
  std::vector<std::string> ids;
  std::vector<std::string> emails;
  for (const UserReference& reference : references) {
    (reference.by_email ? emails : ids).push_back(reference.value);
  }

  absl::flat_hash_map<std::string, User> by_id;
  absl::flat_hash_map<std::string, User> by_email;
  if (!ids.empty()) {
    absl::StatusOr<std::vector<User>> found =
        source_.GetUsersById(ids, context);
    if (!found.ok()) return found.status();
    for (User& user : *found) by_id[absl::AsciiStrToLower(user.id)] = user;
  }
  if (!emails.empty()) {
    absl::StatusOr<std::vector<User>> found =
        source_.GetUsersByEmail(emails, context);
    if (!found.ok()) return found.status();
    // Emails that differ only in case name different users in Directus;
    // a user whose email matches the reference exactly wins.
    absl::flat_hash_set<std::string> requested(emails.begin(), emails.end());
    for (User& user : *found) {
      if (!user.email) continue;
      std::string key = absl::AsciiStrToLower(*user.email);
      if (!by_email.contains(key) || requested.contains(*user.email)) {
        by_email[key] = user;
      }
    }
  }

  std::vector<User> users;
  std::vector<std::string> missing;
  absl::flat_hash_set<std::string> seen;
  for (const UserReference& reference : references) {
    const auto& index = reference.by_email ? by_email : by_id;
    auto it = index.find(absl::AsciiStrToLower(reference.value));
    if (it == index.end()) {
      missing.push_back(absl::StrCat("\"", reference.value, "\""));
      continue;
    }
    // The same user may be named by id and by email.
    if (seen.insert(it->second.id).second) users.push_back(it->second);
  }
  if (users.size() > kMaxUsersPerReport) {
    return absl::InvalidArgumentError(
        absl::StrCat("too many users: ", users.size(), " selected, at most ",
                     kMaxUsersPerReport));
  }
  if (!missing.empty()) {
    return absl::NotFoundError(absl::StrCat(
        missing.size() == 1 ? "user not found: " : "users not found: ",
        absl::StrJoin(missing, ", ")));
  }
  return users;
}

void ReportBuilder::AddReportInsights(bool requested,
                                      const CallContext& context,
                                      v1::UsageReport& report) {
  const bool calls_llm = requested && insights_.llm != nullptr;
  absl::Time started = absl::Now();
  // The LLM gets its own budget, and gives up 2 s before the call's
  // deadline so that the report still reaches the caller.
  absl::Time deadline = std::min(context.deadline() - kLlmDeadlineMargin,
                                 started + insights_.llm_timeout);
  // Waiting for a free call would hold the caller for a stalled LLM; the
  // report goes out with the template summary instead.
  std::optional<LlmCallSlot> slot;
  if (calls_llm) slot.emplace(llm_calls_, insights_.max_concurrent_llm_calls);
  if (slot && !slot->acquired()) {
    insights::AddInsights(report, false, nullptr, deadline, &context);
    v1::Provenance& provenance = *report.mutable_provenance();
    provenance.set_insight_status(v1::INSIGHT_STATUS_UNAVAILABLE);
    provenance.set_insight_status_detail("too many LLM calls in progress");
  } else {
    insights::AddInsights(report, requested, insights_.llm, deadline,
                          &context);
  }
  if (!calls_llm) return;
  const v1::Provenance& provenance = report.provenance();
  logging::Info(
      "llm_insights",
      {{"request_id", context.request_id()},
       {"status", v1::InsightStatus_Name(provenance.insight_status())},
       {"detail", provenance.insight_status_detail()},
       {"elapsed_ms", absl::ToInt64Milliseconds(absl::Now() - started)}});
}

absl::StatusOr<v1::UsageReport> ReportBuilder::Build(
    const ReportRequest& request, const CallContext& context,
    const std::function<void()>& figures_done) {
  absl::StatusOr<ResolvedPeriods> periods =
      ResolvePeriod(request.period, request.time_zone, request.as_of);
  if (!periods.ok()) return periods.status();

  context.ReportProgress("resolve_users", 0, 1,
                         UserCountMessage("Looking up ", request.users.size()));
  // The lookups' own page fetches are not the report's fetch step, so they
  // get a context without the progress sink.
  CallContext lookup(
      context.deadline(), [&context] { return context.IsCancelled(); },
      context.request_id());
  absl::StatusOr<std::vector<User>> users = ResolveUsers(request.users, lookup);
  if (!users.ok()) return users.status();
  context.ReportProgress("resolve_users", 1, 1,
                         UserCountMessage("Found ", users->size()));

  AccountQuery query;
  for (const User& user : *users) query.user_ids.push_back(user.id);
  query.start =
      periods->previous ? periods->previous->start : periods->current.start;
  query.end = periods->current.end;
  query.as_of = request.as_of;

  absl::Time fetch_started = absl::Now();
  absl::StatusOr<AccountData> data = source_.FetchAccount(query, context);
  if (!data.ok()) return data.status();
  absl::Duration fetch_time = absl::Now() - fetch_started;

  // A caller that left during the fetch frees its report slot now rather
  // than after the computation.
  if (absl::Status status = context.Check("computing the report");
      !status.ok()) {
    return status;
  }
  context.ReportProgress("compute", 0, 1, "Computing the figures");
  UsageMetrics metrics =
      ComputeUsage(*data, *users, *periods, request.time_zone, request.as_of);

  v1::UsageReport report;
  for (const User& user : *users) *report.add_users() = ToProto(user);
  report.set_time_zone(request.time_zone_name);
  SetTimestamp(request.as_of, *report.mutable_as_of());
  FillReport(metrics, *periods, periods->notes, report);

  v1::Provenance& provenance = *report.mutable_provenance();
  provenance.set_source(kind_);
  provenance.set_source_name(source_.Name());
  SetTimestamp(request.as_of, *provenance.mutable_generated_at());
  provenance.set_fetch_seconds(absl::ToDoubleSeconds(fetch_time));
  provenance.set_cache_hit(false);
  if (figures_done) figures_done();
  AddReportInsights(request.include_insights, context, report);
  context.ReportProgress("compute", 1, 1, "Computed the figures");
  return report;
}

}  // namespace usage
