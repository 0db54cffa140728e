// A manual check of DirectusSource against a running Directus: fetches one
// account and prints what came back, so the numbers can be compared with
// the seeded dataset. Not a test; it needs a server.
//
// Usage: directus_probe BASE_URL USER_ID... with DIRECTUS_TOKEN set. Optional
// variables: DIRECTUS_PAGE_SIZE, and PROBE_START, PROBE_END and PROBE_AS_OF
// as RFC 3339 instants for the account query (unbounded when unset);
// PROBE_FIND (search terms separated by spaces) and PROBE_EMAIL to look
// users up by search and by email; PROBE_REPEAT_AFTER (seconds) to fetch the
// account again after that pause, over connections the server may have
// closed meanwhile.
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "directus/directus_source.h"

namespace {

std::string Format(const std::optional<absl::Time>& time) {
  return time.has_value() ? absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", *time,
                                             absl::UTCTimeZone())
                          : "none";
}

// Reads an RFC 3339 instant from the environment variable `name`.
bool ReadTime(const char* name, absl::Time& time) {
  const char* text = std::getenv(name);
  if (text == nullptr) return true;
  std::string error;
  if (absl::ParseTime(absl::RFC3339_full, text, &time, &error)) return true;
  std::cerr << name << " is not an RFC 3339 instant: " << error << "\n";
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  const char* token = std::getenv("DIRECTUS_TOKEN");
  if (argc < 3 || token == nullptr) {
    std::cerr
        << "usage: DIRECTUS_TOKEN=... directus_probe BASE_URL USER_ID...\n";
    return 2;
  }
  usage::DirectusOptions options;
  options.base_url = argv[1];
  options.token = token;
  if (const char* page = std::getenv("DIRECTUS_PAGE_SIZE")) {
    if (!absl::SimpleAtoi(page, &options.page_size)) {
      std::cerr << "DIRECTUS_PAGE_SIZE is not an integer\n";
      return 2;
    }
  }
  auto source = usage::DirectusSource::Create(options);
  if (!source.ok()) {
    std::cerr << source.status() << "\n";
    return 1;
  }

  usage::AccountQuery query;
  query.user_ids.assign(argv + 2, argv + argc);
  if (!ReadTime("PROBE_START", query.start) ||
      !ReadTime("PROBE_END", query.end) ||
      !ReadTime("PROBE_AS_OF", query.as_of)) {
    return 2;
  }
  usage::CallContext context(absl::Now() + absl::Seconds(120), nullptr);
  auto users = (*source)->GetUsersById(query.user_ids, context);
  if (!users.ok()) {
    std::cerr << "users: " << users.status() << "\n";
    return 1;
  }
  for (const usage::User& user : *users) {
    std::cout << "user " << user.id << " " << user.DisplayName() << "\n";
  }
  if (const char* find = std::getenv("PROBE_FIND")) {
    std::vector<std::string> terms =
        absl::StrSplit(find, ' ', absl::SkipEmpty());
    auto found = (*source)->FindUsers(terms, context);
    if (!found.ok()) std::cerr << "find: " << found.status() << "\n";
    for (const usage::User& user : found.value_or(std::vector<usage::User>{})) {
      std::cout << "found " << user.email.value_or("") << "\n";
    }
  }
  if (const char* email = std::getenv("PROBE_EMAIL")) {
    auto found = (*source)->GetUsersByEmail({email}, context);
    if (!found.ok()) std::cerr << "email: " << found.status() << "\n";
    for (const usage::User& user : found.value_or(std::vector<usage::User>{})) {
      std::cout << "by email " << user.id << " " << user.email.value_or("")
                << "\n";
    }
  }

  if (const char* pause = std::getenv("PROBE_REPEAT_AFTER")) {
    auto first = (*source)->FetchAccount(query, context);
    std::cout << "first fetch: " << first.status() << "\n";
    int seconds = 0;
    absl::SimpleAtoi(pause, &seconds);
    absl::SleepFor(absl::Seconds(seconds));
  }
  const absl::Time start = absl::Now();
  auto data = (*source)->FetchAccount(query, context);
  if (!data.ok()) {
    std::cerr << "account: " << data.status() << "\n";
    return 1;
  }
  int64_t chunks = 0, nonblank = 0, words = 0, estimated = 0, tags = 0;
  for (const auto& conversation : data->conversations) {
    chunks += conversation.chunk_count;
    nonblank += conversation.nonblank_chunk_count;
    if (conversation.transcript_words.has_value()) {
      ++estimated;
      words += *conversation.transcript_words;
    }
  }
  for (const auto& project : data->projects) tags += project.tags.size();
  std::cout << "fetched in " << absl::Now() - start << "\n"
            << "projects " << data->projects.size() << " tags " << tags
            << "\nconversations " << data->conversations.size() << " chunks "
            << chunks << " nonblank_chunks " << nonblank << " needing_estimate "
            << estimated << " words " << words << "\nchats "
            << data->chats.size() << " messages " << data->messages.size()
            << " reports " << data->reports.size() << " logins "
            << data->logins.size() << " unparsable " << data->unparsable_values
            << "\nfirst/last project " << Format(data->activity.projects.first)
            << " " << Format(data->activity.projects.last)
            << "\nfirst/last conversation "
            << Format(data->activity.conversations.first) << " "
            << Format(data->activity.conversations.last) << "\nfirst/last chat "
            << Format(data->activity.chats.first) << " "
            << Format(data->activity.chats.last) << "\nfirst/last login "
            << Format(data->activity.logins.first) << " "
            << Format(data->activity.logins.last) << "\n";
  int64_t texts = 0;
  for (const auto& message : data->messages) {
    if (!message.text.empty()) {
      ++texts;
      std::cout << "text " << message.message_from << " \"" << message.text
                << "\"\n";
    }
  }
  std::cout << "messages with text " << texts << "\n";
  for (const auto& [id, activity] : data->activity_by_user) {
    std::cout << "activity of " << id << ": projects "
              << Format(activity.projects.first) << " "
              << Format(activity.projects.last) << ", conversations "
              << Format(activity.conversations.first) << " "
              << Format(activity.conversations.last) << ", chats "
              << Format(activity.chats.first) << " "
              << Format(activity.chats.last) << ", logins "
              << Format(activity.logins.first) << " "
              << Format(activity.logins.last) << "\n";
  }
  return 0;
}
