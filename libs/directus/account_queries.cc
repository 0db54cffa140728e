#include "directus/account_queries.h"

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "directus/query_json.h"

namespace usage {
namespace {

using boost::json::array;
using boost::json::object;

// White space that a blank transcript can start and end with. Directus
// 11.1.2 has no regular-expression filter, so blank chunks are found as
// candidates that start and end with one of these, which the caller checks.
// NOTE: a transcript of only other white space (such as U+00A0) is not a
// candidate and counts as content.
constexpr std::string_view kSpaceCharacters[] = {" ", "\t", "\n", "\r"};

array Fields(std::initializer_list<std::string_view> names) {
  array fields;
  for (std::string_view name : names) {
    fields.emplace_back(boost::json::string_view(name.data(), name.size()));
  }
  return fields;
}

// The condition that the text at `path` starts and ends with white space:
// the candidates for a blank text, which the caller checks with IsBlank.
object StartsAndEndsWithSpace(std::initializer_list<std::string_view> path) {
  array starts;
  array ends;
  for (std::string_view space : kSpaceCharacters) {
    const boost::json::string_view text(space.data(), space.size());
    starts.emplace_back(Condition(path, "_starts_with", text));
    ends.emplace_back(Condition(path, "_ends_with", text));
  }
  return AllOf({AnyOf(std::move(starts)), AnyOf(std::move(ends))});
}

// The condition that the rows at `path` belong to the selected users.
object Owned(const AccountQuery& account,
             std::initializer_list<std::string_view> path) {
  std::vector<std::string_view> full(path);
  full.push_back("directus_user_id");
  object condition =
      Condition({"directus_user_id"}, "_in", StringArray(account.user_ids));
  for (auto it = full.rbegin() + 1; it != full.rend(); ++it) {
    condition = object{{boost::json::string_view(it->data(), it->size()),
                        std::move(condition)}};
  }
  return condition;
}

object Query(array fields, array conditions) {
  return object{{"fields", std::move(fields)},
                {"filter", AllOf(std::move(conditions))}};
}

// Min and max of `field` per value of `group_field`.
GroupedQuery BoundsQuery(array conditions, std::string_view field,
                         std::string group_field) {
  const boost::json::string_view name(field.data(), field.size());
  return GroupedQuery{AllOf(std::move(conditions)),
                      object{{"min", array{name}}, {"max", array{name}}},
                      std::move(group_field)};
}

// Every spelling of `word` in upper and lower case: "ab" gives "ab", "Ab",
// "aB" and "AB". Directus 11.1.2 has no case-insensitive equality filter.
array CaseVariants(std::string_view word) {
  std::vector<std::string> variants{""};
  for (char letter : word) {
    std::vector<std::string> longer;
    for (const std::string& prefix : variants) {
      longer.push_back(prefix + absl::ascii_tolower(letter));
      if (absl::ascii_isalpha(letter)) {
        longer.push_back(prefix + absl::ascii_toupper(letter));
      }
    }
    variants = std::move(longer);
  }
  return StringArray(variants);
}

// Duration null, not above 0 or above kMaxRecordedDurationSeconds, at
// `path` ("duration" or a relation): the conversations whose duration is
// estimated.
object DurationMissing(std::initializer_list<std::string_view> path) {
  std::vector<std::string_view> full(path);
  full.push_back("duration");
  array conditions{
      object{{"_null", true}}, object{{"_lte", 0}},
      object{{"_gt", static_cast<int64_t>(kMaxRecordedDurationSeconds)}}};
  for (boost::json::value& condition : conditions) {
    for (auto it = full.rbegin(); it != full.rend(); ++it) {
      const boost::json::string_view key(it->data(), it->size());
      condition = object{{key, std::move(condition)}};
    }
  }
  return AnyOf(std::move(conditions));
}

array ChunkConditions(const AccountQuery& account) {
  array conditions{Owned(account, {"conversation_id", "project_id"})};
  AppendWindowOrNull(conditions, {"conversation_id", "created_at"},
                     account.start, account.end);
  return conditions;
}

}  // namespace

object ProjectsQuery(const AccountQuery& account) {
  return Query(Fields({"id", "name", "created_at", "deleted_at",
                       "directus_user_id", "is_conversation_allowed"}),
               array{Owned(account, {})});
}

object TagsQuery(const AccountQuery& account) {
  return Query(Fields({"id", "project_id", "text", "created_at"}),
               array{Owned(account, {"project_id"})});
}

object ConversationsQuery(const AccountQuery& account) {
  array conditions{Owned(account, {"project_id"})};
  AppendWindowOrNull(conditions, {"created_at"}, account.start, account.end);
  return Query(Fields({"id", "project_id", "created_at", "deleted_at",
                       "duration", "source"}),
               std::move(conditions));
}

object ChatsQuery(const AccountQuery& account) {
  return Query(Fields({"id", "project_id", "date_created", "deleted_at"}),
               array{Owned(account, {"project_id"})});
}

object MessagesQuery(const AccountQuery& account) {
  array conditions{Owned(account, {"project_chat_id", "project_id"})};
  AppendWindowOrNull(conditions, {"date_created"}, account.start, account.end);
  return Query(Fields({"id", "project_chat_id", "message_from", "tokens_count",
                       "date_created"}),
               std::move(conditions));
}

object ReportsQuery(const AccountQuery& account) {
  array conditions{Owned(account, {"project_id"})};
  AppendWindowOrNull(conditions, {"date_created"}, account.start, account.end);
  return Query(
      Fields({"id", "project_id", "status", "date_created", "deleted_at"}),
      std::move(conditions));
}

object LoginsQuery(const AccountQuery& account) {
  array conditions{Condition({"action"}, "_eq", "login"),
                   Condition({"user"}, "_in", StringArray(account.user_ids))};
  AppendWindowOrNull(conditions, {"timestamp"}, account.start, account.end);
  return Query(Fields({"id", "user", "timestamp"}), std::move(conditions));
}

object ChunkFilter(const AccountQuery& account) {
  return AllOf(ChunkConditions(account));
}

object NonEmptyChunkFilter(const AccountQuery& account) {
  array conditions = ChunkConditions(account);
  conditions.emplace_back(Condition({"transcript"}, "_nempty", true));
  return AllOf(std::move(conditions));
}

object BlankCandidateChunksQuery(const AccountQuery& account) {
  array conditions = ChunkConditions(account);
  conditions.emplace_back(Condition({"transcript"}, "_nempty", true));
  conditions.emplace_back(StartsAndEndsWithSpace({"transcript"}));
  return Query(Fields({"id", "conversation_id", "transcript"}),
               std::move(conditions));
}

object MergedTranscriptsQuery(const AccountQuery& account) {
  array conditions{Owned(account, {"project_id"})};
  AppendWindowOrNull(conditions, {"created_at"}, account.start, account.end);
  conditions.emplace_back(DurationMissing({}));
  return Query(Fields({"id", "merged_transcript"}), std::move(conditions));
}

object ChunkTranscriptsQuery(const AccountQuery& account) {
  array conditions = ChunkConditions(account);
  conditions.emplace_back(DurationMissing({"conversation_id"}));
  // A merged transcript of only white space is as good as none, so its
  // candidates come along too and the caller decides.
  conditions.emplace_back(AnyOf(
      {Condition({"conversation_id", "merged_transcript"}, "_empty", true),
       StartsAndEndsWithSpace({"conversation_id", "merged_transcript"})}));
  return Query(Fields({"id", "conversation_id", "transcript"}),
               std::move(conditions));
}

object UserMessageTextsQuery(const AccountQuery& account) {
  array conditions{Owned(account, {"project_chat_id", "project_id"})};
  AppendWindowOrNull(conditions, {"date_created"}, account.start, account.end);
  conditions.emplace_back(
      Condition({"message_from"}, "_in", CaseVariants("user")));
  return Query(Fields({"id", "text"}), std::move(conditions));
}

GroupedQuery ProjectBoundsByOwner(const AccountQuery& account) {
  array conditions{Owned(account, {}),
                   Condition({"deleted_at"}, "_null", true)};
  AppendWindow(conditions, {"created_at"}, absl::InfinitePast(), account.as_of);
  return BoundsQuery(std::move(conditions), "created_at", "directus_user_id");
}

GroupedQuery ConversationBoundsByProject(const AccountQuery& account) {
  array conditions{Owned(account, {"project_id"}),
                   Condition({"project_id", "deleted_at"}, "_null", true),
                   Condition({"deleted_at"}, "_null", true)};
  AppendWindow(conditions, {"created_at"}, absl::InfinitePast(), account.as_of);
  return BoundsQuery(std::move(conditions), "created_at", "project_id");
}

GroupedQuery ChatBoundsByProject(const AccountQuery& account) {
  array conditions{Owned(account, {"project_id"}),
                   Condition({"project_id", "deleted_at"}, "_null", true),
                   Condition({"deleted_at"}, "_null", true)};
  AppendWindow(conditions, {"date_created"}, absl::InfinitePast(),
               account.as_of);
  return BoundsQuery(std::move(conditions), "date_created", "project_id");
}

GroupedQuery LoginBoundsByUser(const AccountQuery& account) {
  array conditions{Condition({"action"}, "_eq", "login"),
                   Condition({"user"}, "_in", StringArray(account.user_ids))};
  AppendWindow(conditions, {"timestamp"}, absl::InfinitePast(), account.as_of);
  return BoundsQuery(std::move(conditions), "timestamp", "user");
}

object FindUsersQuery(const std::vector<std::string>& terms) {
  object query{{"fields", Fields({"id", "email", "first_name", "last_name"})}};
  if (terms.empty()) return query;
  array conditions;
  for (const std::string& term : terms) {
    array any;
    for (const char* field : {"email", "first_name", "last_name"}) {
      any.emplace_back(
          Condition({field}, "_icontains", boost::json::string(term)));
    }
    conditions.emplace_back(AnyOf(std::move(any)));
  }
  query["filter"] = AllOf(std::move(conditions));
  return query;
}

object UsersByIdQuery(const std::vector<std::string>& ids) {
  return Query(Fields({"id", "email", "first_name", "last_name"}),
               array{Condition({"id"}, "_in", StringArray(ids))});
}

object UsersByEmailQuery(const std::vector<std::string>& emails) {
  array any;
  for (const std::string& email : emails) {
    any.emplace_back(
        Condition({"email"}, "_icontains", boost::json::string(email)));
  }
  return Query(Fields({"id", "email", "first_name", "last_name"}),
               array{AnyOf(std::move(any))});
}

}  // namespace usage
