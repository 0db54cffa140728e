// The Directus queries behind one account's data. Each selects rows through
// relational filters on the owner (`directus_user_id`), never through lists
// of project or conversation ids, so the request size does not grow with
// the account. Every condition is its own entry of a top-level `_and`.
// Queries bounded by AccountQuery's window select the rows whose timestamp
// lies in it and the rows whose timestamp is null, which the metrics count
// as missing timestamps.
#ifndef USAGE_DIRECTUS_ACCOUNT_QUERIES_H_
#define USAGE_DIRECTUS_ACCOUNT_QUERIES_H_

#include <string>
#include <vector>

#include "boost/json/object.hpp"
#include "source/data_source.h"

namespace usage {

// Collection names as Directus addresses them.
inline constexpr char kProject[] = "project";
inline constexpr char kProjectTag[] = "project_tag";
inline constexpr char kConversation[] = "conversation";
inline constexpr char kConversationChunk[] = "conversation_chunk";
inline constexpr char kProjectChat[] = "project_chat";
inline constexpr char kProjectChatMessage[] = "project_chat_message";
inline constexpr char kProjectReport[] = "project_report";

// Queries (the object inside {"query": ...}) without sort and paging, which
// the client adds.
boost::json::object ProjectsQuery(const AccountQuery& account);
boost::json::object TagsQuery(const AccountQuery& account);
boost::json::object ConversationsQuery(const AccountQuery& account);
boost::json::object ChatsQuery(const AccountQuery& account);
boost::json::object MessagesQuery(const AccountQuery& account);
boost::json::object ReportsQuery(const AccountQuery& account);
boost::json::object LoginsQuery(const AccountQuery& account);

// Filter of the chunks of the account's conversations in the window or
// without created_at.
boost::json::object ChunkFilter(const AccountQuery& account);

// ChunkFilter restricted to chunks whose transcript is neither null nor "".
boost::json::object NonEmptyChunkFilter(const AccountQuery& account);

// Chunks whose transcript may be only white space: not empty, and both
// starting and ending with a space, tab, line feed or carriage return.
// Fields id, conversation_id and transcript.
boost::json::object BlankCandidateChunksQuery(const AccountQuery& account);

// The id and merged_transcript of conversations in the window or without
// created_at whose duration is null or not above 0, which need a word count.
boost::json::object MergedTranscriptsQuery(const AccountQuery& account);

// Chunk transcripts of those conversations whose merged transcript is null
// or "". Fields id, conversation_id and transcript.
boost::json::object ChunkTranscriptsQuery(const AccountQuery& account);

// The id and text of the messages that MessagesQuery selects and whose
// message_from is "user" in any case, listed as an `_in` of every case
// variant, so that the texts of other senders are never fetched.
boost::json::object UserMessageTextsQuery(const AccountQuery& account);

// A grouped aggregate, as DirectusClient::FetchGroups takes it.
struct GroupedQuery {
  boost::json::object filter;
  // Such as {"min": ["created_at"], "max": ["created_at"]}.
  boost::json::object aggregate;
  std::string group_field;
};

// The earliest and latest event time (min and max) before as_of per group,
// leaving out soft-deleted rows and rows of soft-deleted projects. Projects
// are grouped by owner (`directus_user_id`), conversations and chats by
// `project_id`, and logins by `user`, so the number of requests does not
// grow with the number of users.
GroupedQuery ProjectBoundsByOwner(const AccountQuery& account);
GroupedQuery ConversationBoundsByProject(const AccountQuery& account);
GroupedQuery ChatBoundsByProject(const AccountQuery& account);
GroupedQuery LoginBoundsByUser(const AccountQuery& account);

// Queries of directus_users. FindUsersQuery has no filter without terms.
boost::json::object FindUsersQuery(const std::vector<std::string>& terms);
boost::json::object UsersByIdQuery(const std::vector<std::string>& ids);
// Matches each email case-insensitively as a substring; the caller keeps
// exact matches.
boost::json::object UsersByEmailQuery(const std::vector<std::string>& emails);

}  // namespace usage

#endif  // USAGE_DIRECTUS_ACCOUNT_QUERIES_H_
