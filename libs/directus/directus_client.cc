#include "directus/directus_client.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "boost/json/parse.hpp"
#include "boost/json/serialize.hpp"
#include "directus/query_json.h"
#include "directus/retry_policy.h"
#include "directus/task_group.h"
#include "source/rows.h"
#include "telemetry/logging.h"

namespace usage {
namespace {

// How often a wait for a permit or a backoff checks for cancellation.
constexpr absl::Duration kPollInterval = absl::Milliseconds(50);
// Longest Directus error message quoted in a status.
constexpr size_t kMaxQuotedMessage = 300;

std::string Shorten(std::string text) {
  if (text.size() > kMaxQuotedMessage) {
    text.resize(kMaxQuotedMessage);
    text += "...";
  }
  return text;
}

// Returns errors[0].message of a Directus error body, or a short excerpt of
// the body when it is not one.
std::string DirectusErrorMessage(const std::string& body) {
  boost::system::error_code error;
  const boost::json::value parsed = boost::json::parse(body, error);
  if (!error && parsed.is_object()) {
    const boost::json::value* errors =
        parsed.get_object().if_contains("errors");
    if (errors != nullptr && errors->is_array() &&
        !errors->get_array().empty() && errors->get_array()[0].is_object()) {
      const boost::json::value* message =
          errors->get_array()[0].get_object().if_contains("message");
      if (message != nullptr && message->is_string()) {
        return Shorten(std::string(message->get_string()));
      }
    }
  }
  return Shorten(body);
}

// Directus 11.1.2 rejects a limit above QUERY_LIMIT_MAX with 400 and
// 'Invalid query. "limit" must be less than or equal to 200.'; other
// wordings of the same rejection are matched too.
bool IsLimitRejection(const std::string& message) {
  const std::string lower = absl::AsciiStrToLower(message);
  return absl::StrContains(lower, "limit") &&
         (absl::StrContains(lower, "less than") ||
          absl::StrContains(lower, "max") ||
          absl::StrContains(lower, "exceed") ||
          absl::StrContains(lower, "too large") ||
          absl::StrContains(lower, "greater"));
}

// Returns the status of a response other than 200, with Directus's error
// `message` and the collection in the text.
absl::Status HttpErrorStatus(int status, const std::string& message,
                             const std::string& collection, int page_size) {
  const std::string what = absl::StrCat(" reading ", collection);
  if (IsRetryableHttpStatus(status)) {
    return absl::UnavailableError(
        absl::StrCat("Directus returned HTTP ", status, what, ": ", message));
  }
  // The caller is not at fault when Directus rejects the service's own
  // token, so UNAUTHENTICATED stays reserved for the caller's credentials.
  if (status == 401) {
    return absl::PermissionDeniedError(
        absl::StrCat("Directus rejected the service's token (401)", what,
                     "; check DIRECTUS_TOKEN"));
  }
  if (status == 403) {
    return absl::PermissionDeniedError(absl::StrCat(
        "Directus rejected the service's token (403)", what,
        ": the collection does not exist or the token's role cannot read it"));
  }
  if (status == 400 && IsLimitRejection(message)) {
    return absl::FailedPreconditionError(
        absl::StrCat("Directus rejected the page size", what, " (\"", message,
                     "\"); DIRECTUS_PAGE_SIZE is ", page_size,
                     ", set it to at most the server's QUERY_LIMIT_MAX"));
  }
  return absl::InternalError(
      absl::StrCat("Directus returned HTTP ", status, what, ": ", message));
}

boost::json::array* FindArray(boost::json::object& object,
                              std::string_view key) {
  boost::json::value* value =
      object.if_contains(boost::json::string_view(key.data(), key.size()));
  return value != nullptr && value->is_array() ? &value->get_array() : nullptr;
}

absl::StatusOr<std::vector<boost::json::object>> TakeRows(
    boost::json::object& response, const Collection& collection) {
  std::vector<boost::json::object> rows;
  boost::json::array* data = FindArray(response, "data");
  if (data == nullptr) {
    return absl::InternalError(absl::StrCat(
        "Directus response for ", collection.name, " has no data array"));
  }
  rows.reserve(data->size());
  for (boost::json::value& row : *data) {
    if (!row.is_object()) {
      return absl::InternalError(absl::StrCat("Directus returned a ",
                                              collection.name,
                                              " row that is not an object"));
    }
    rows.push_back(std::move(row.get_object()));
  }
  return rows;
}

// Checks that no two rows have the same `key`, which offset paging over a
// changing table could cause.
absl::Status CheckUniqueKeys(const std::vector<boost::json::object>& rows,
                             const Collection& collection,
                             std::string_view key) {
  absl::flat_hash_set<std::string> ids;
  for (const boost::json::object& row : rows) {
    std::string id = ParseForeignKey(row, key);
    if (!ids.insert(id).second) {
      return absl::InternalError(absl::StrCat(
          "Directus returned the ", collection.name, " row ", id,
          " twice while paging; the data changed during the fetch"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

// The outcome of one HTTP attempt.
struct DirectusClient::Attempt {
  absl::StatusOr<boost::json::object> result = absl::UnknownError("unsent");
  bool retryable = false;
  std::optional<absl::Duration> retry_after;
};

DirectusClient::DirectusClient(std::unique_ptr<HttpClient> http,
                               DirectusOptions options)
    : http_(std::move(http)),
      options_(std::move(options)),
      permits_(options_.concurrency),
      random_(std::random_device{}()) {}

absl::Status DirectusClient::AcquirePermit(const Collection& collection,
                                           const CallContext& context) {
  const auto poll = absl::ToChronoMilliseconds(kPollInterval);
  while (!permits_.try_acquire_for(poll)) {
    absl::Status status =
        context.Check(absl::StrCat("reading ", collection.name));
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

absl::Duration DirectusClient::NextDelay(int attempt) {
  absl::MutexLock lock(&random_mutex_);
  return BackoffDelay(attempt, options_.backoff_initial, options_.backoff_max,
                      random_);
}

DirectusClient::Attempt DirectusClient::SendOnce(const Collection& collection,
                                                 const HttpRequest& request,
                                                 const CallContext& context) {
  Attempt attempt;
  if (absl::Status status = AcquirePermit(collection, context); !status.ok()) {
    attempt.result = status;
    return attempt;
  }
  const absl::Time deadline =
      std::min(context.deadline(), absl::Now() + options_.request_timeout);
  absl::StatusOr<HttpResponse> response =
      http_->Send(request, deadline, &context);
  permits_.release();

  // Transport failures.
  if (!response.ok()) {
    const absl::StatusCode code = response.status().code();
    const bool call_over =
        context.IsCancelled() || context.Remaining() <= absl::ZeroDuration();
    attempt.retryable =
        !call_over && (code == absl::StatusCode::kUnavailable ||
                       code == absl::StatusCode::kDeadlineExceeded);
    attempt.result =
        absl::Status(code, absl::StrCat("reading ", collection.name, ": ",
                                        response.status().message()));
    return attempt;
  }

  // HTTP errors.
  if (response->status != 200) {
    attempt.retryable = IsRetryableHttpStatus(response->status);
    if (response->status == 429 || response->status == 503) {
      attempt.retry_after = ParseRetryAfter(response->Header("Retry-After"));
    }
    attempt.result =
        HttpErrorStatus(response->status, DirectusErrorMessage(response->body),
                        collection.name, options_.page_size);
    return attempt;
  }

  // A body that does not parse was cut short or garbled in transit.
  boost::system::error_code error;
  boost::json::value parsed = boost::json::parse(response->body, error);
  if (error || !parsed.is_object()) {
    attempt.retryable = true;
    attempt.result = absl::UnavailableError(absl::StrCat(
        "Directus returned malformed JSON reading ", collection.name, ": ",
        error ? error.message() : "not an object"));
    return attempt;
  }
  attempt.result = std::move(parsed.get_object());
  return attempt;
}

absl::StatusOr<boost::json::object> DirectusClient::Search(
    const Collection& collection, const boost::json::object& query,
    const CallContext& context) {
  HttpRequest request;
  request.method = "SEARCH";
  request.target = collection.path;
  request.headers = {{"Authorization", "Bearer " + options_.token},
                     {"Content-Type", "application/json"},
                     {"Accept", "application/json"}};
  request.body = boost::json::serialize(boost::json::object{{"query", query}});

  for (int attempt_number = 1;; ++attempt_number) {
    Attempt attempt = SendOnce(collection, request, context);
    if (attempt.result.ok() || !attempt.retryable) {
      return std::move(attempt.result);
    }
    const std::string last_error(attempt.result.status().message());
    if (attempt_number >= options_.max_attempts) {
      return absl::UnavailableError(
          absl::StrCat("Directus failed ", attempt_number, " times reading ",
                       collection.name, "; last error: ", last_error));
    }

    // Wait, but only where the deadline leaves room for another attempt.
    const absl::Duration delay =
        attempt.retry_after.value_or(NextDelay(attempt_number));
    if (absl::Now() + delay >= context.deadline()) {
      return absl::DeadlineExceededError(
          absl::StrCat("deadline exceeded reading ", collection.name,
                       " from Directus; last error: ", last_error));
    }
    logging::Warn("directus_retry",
                  {{"collection", collection.name},
                   {"attempt", attempt_number},
                   {"delay_ms", absl::ToInt64Milliseconds(delay)},
                   {"request_id", context.request_id()},
                   {"error", last_error}});
    const absl::Time wake = absl::Now() + delay;
    while (absl::Now() < wake) {
      absl::SleepFor(std::min(kPollInterval, wake - absl::Now()));
      absl::Status status =
          context.Check(absl::StrCat("reading ", collection.name));
      if (!status.ok()) return status;
    }
  }
}

absl::StatusOr<std::vector<boost::json::object>> DirectusClient::FetchRows(
    const Collection& collection, boost::json::object query,
    const CallContext& context, int page_size) {
  // The id sort makes the pages a partition of the rows.
  query["sort"] = boost::json::array{"id"};
  query["limit"] = page_size;
  boost::json::object first_query = query;
  first_query["meta"] = "filter_count";

  absl::StatusOr<boost::json::object> first =
      Search(collection, first_query, context);
  if (!first.ok()) return first.status();
  const boost::json::value* meta = first->if_contains("meta");
  const boost::json::value* count =
      meta != nullptr && meta->is_object()
          ? meta->get_object().if_contains("filter_count")
          : nullptr;
  if (count == nullptr) {
    return absl::InternalError(absl::StrCat(
        "Directus response for ", collection.name, " has no filter_count"));
  }
  absl::StatusOr<int64_t> expected = ParseInteger(*count, "filter_count");
  if (!expected.ok()) return absl::InternalError(expected.status().message());
  absl::StatusOr<std::vector<boost::json::object>> rows =
      TakeRows(*first, collection);
  if (!rows.ok()) return rows.status();

  rows = FetchPages(collection, query, context, page_size, *expected,
                    *std::move(rows));
  if (!rows.ok()) return rows.status();
  if (absl::Status status = CheckUniqueKeys(*rows, collection, "id");
      !status.ok()) {
    return status;
  }
  return rows;
}

absl::StatusOr<std::vector<boost::json::object>> DirectusClient::FetchGroups(
    const Collection& collection, const boost::json::object& filter,
    const boost::json::object& aggregate, const std::string& group_field,
    const CallContext& context) {
  // The number of groups is the number of distinct values of the field.
  boost::json::object count_query{
      {"filter", filter},
      {"aggregate", {{"countDistinct", boost::json::array{group_field}}}}};
  absl::StatusOr<boost::json::object> counted =
      Search(collection, count_query, context);
  if (!counted.ok()) return counted.status();
  absl::StatusOr<std::vector<boost::json::object>> count_rows =
      TakeRows(*counted, collection);
  if (!count_rows.ok()) return count_rows.status();
  if (count_rows->size() != 1) {
    return absl::InternalError(
        absl::StrCat("Directus returned ", count_rows->size(),
                     " rows for a countDistinct of ", collection.name));
  }
  absl::StatusOr<int64_t> expected =
      ParseAggregateInteger((*count_rows)[0], "countDistinct", group_field);
  if (!expected.ok()) return absl::InternalError(expected.status().message());

  // Groups sorted by their value page like rows sorted by id.
  const int page_size = options_.page_size;
  boost::json::object query{{"filter", filter},
                            {"aggregate", aggregate},
                            {"groupBy", boost::json::array{group_field}},
                            {"sort", boost::json::array{group_field}},
                            {"limit", page_size}};
  absl::StatusOr<boost::json::object> first =
      Search(collection, query, context);
  if (!first.ok()) return first.status();
  absl::StatusOr<std::vector<boost::json::object>> rows =
      TakeRows(*first, collection);
  if (!rows.ok()) return rows.status();
  rows = FetchPages(collection, query, context, page_size, *expected,
                    *std::move(rows));
  if (!rows.ok()) return rows.status();
  if (absl::Status status = CheckUniqueKeys(*rows, collection, group_field);
      !status.ok()) {
    return status;
  }
  return rows;
}

absl::StatusOr<std::vector<boost::json::object>> DirectusClient::FetchPages(
    const Collection& collection, const boost::json::object& query,
    const CallContext& context, int page_size, int64_t expected,
    std::vector<boost::json::object> first_page) {
  const int64_t received = static_cast<int64_t>(first_page.size());
  if (received < expected) {
    if (received == 0) {
      return absl::InternalError(absl::StrCat("Directus counted ", expected,
                                              " ", collection.name,
                                              " rows but returned none"));
    }
    // A server with a lower QUERY_LIMIT_MAX returns fewer rows than asked
    // for; its page size holds for the remaining pages.
    const int64_t size = std::min<int64_t>(received, page_size);
    const int64_t pages = (expected - received + size - 1) / size;
    std::vector<std::vector<boost::json::object>> results(pages);
    std::atomic<int64_t> next_page{0};
    TaskGroup group(context);
    const int64_t workers = std::min<int64_t>(pages, options_.concurrency);
    for (int64_t w = 0; w < workers; ++w) {
      group.Run([&]() -> absl::Status {
        for (int64_t page = next_page++; page < pages; page = next_page++) {
          boost::json::object page_query = query;
          page_query["limit"] = size;
          page_query["offset"] = received + page * size;
          absl::StatusOr<boost::json::object> response =
              Search(collection, page_query, group.context());
          if (!response.ok()) return response.status();
          absl::StatusOr<std::vector<boost::json::object>> rows =
              TakeRows(*response, collection);
          if (!rows.ok()) return rows.status();
          results[page] = *std::move(rows);
        }
        return absl::OkStatus();
      });
    }
    if (absl::Status status = group.Wait(); !status.ok()) return status;
    for (auto& page : results) {
      std::move(page.begin(), page.end(), std::back_inserter(first_page));
    }
  }
  if (static_cast<int64_t>(first_page.size()) != expected) {
    return absl::InternalError(absl::StrCat(
        "Directus returned ", first_page.size(), " ", collection.name,
        " rows but counted ", expected,
        "; the data changed during the fetch or a page was cut short"));
  }
  return first_page;
}

}  // namespace usage
