// The Directus queries behind the leaderboard. They select every account's
// rows, so they filter only on the window. Users, projects and chats are
// fetched whole because the rankings need all of them. Every condition is
// its own entry of a top-level `_and`.
#ifndef USAGE_DIRECTUS_PLATFORM_QUERIES_H_
#define USAGE_DIRECTUS_PLATFORM_QUERIES_H_

#include "boost/json/object.hpp"
#include "source/platform_data.h"

namespace usage {

// Queries (the object inside {"query": ...}) without sort and paging, which
// the client adds.
boost::json::object PlatformUsersQuery();
boost::json::object PlatformProjectsQuery();
boost::json::object PlatformChatsQuery();

// Rows whose event time lies in the window and is not null.
boost::json::object PlatformConversationsQuery(const PlatformQuery& platform);
boost::json::object PlatformMessagesQuery(const PlatformQuery& platform);
boost::json::object PlatformLoginsQuery(const PlatformQuery& platform);

}  // namespace usage

#endif  // USAGE_DIRECTUS_PLATFORM_QUERIES_H_
