"""Compares every field of GetUsageReport with figures computed with SQL.

For each selection of the expected files, and for the main user over all
time and month to date, this test computes the whole report from the seeded
PostgreSQL database and compares it field by field with the service's
response. The SQL works on the tables behind Directus, never on the
service's output, and buckets days, months and hours with `AT TIME ZONE`.
Query topics are counted in Python from the raw message texts, because
Unicode-aware word splitting is awkward in SQL.

Definitions the figures follow, where the product rules leave a choice:
- A conversation's words are those of merged_transcript; when it has none,
  those of its chunk transcripts together.
- Owned projects are those created before the period ends, or without
  created_at; for all time, every project that is not soft-deleted.
- For all time, the period's days run from the first to the last local day
  with an event: a project, conversation, chat, message or report created,
  or a login. All time ends at as_of: later rows count in no figure.
- Logins per week for all time spread the logins over the days from the
  first to the last login day, both included.
- Rows without the timestamp a figure needs count in no figure, only in the
  MISSING_TIMESTAMPS note.
- The SOFT_DELETED_EXCLUDED note counts, over all time, deleted projects
  and the chats that are deleted or lie in a deleted project. Of the
  excluded conversations, messages and reports it counts those created in
  the period.
- provenance.source_name is "Directus at " and the base URL, as the proto
  states.

Projects with equal durations are ordered by conversations, then name, then
id; the seeded selections have no such tie, so the test does not check it.
"""

import collections
import json
import re
import unittest

import grpc_client
import support

import postgres  # noqa: E402  (found through support's path setup)

# Tolerance of floating-point figures, relative to the larger of 1 and the
# SQL value. Sums of float4 durations may be added in another order.
FLOAT_TOLERANCE = 1e-9
MAX_QUERY_TOPICS = 50
TIMESTAMP_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'
PRESETS = {
    "last-30-days": ("PERIOD_PRESET_LAST_30_DAYS", "day - 29"),
    "last-90-days": ("PERIOD_PRESET_LAST_90_DAYS", "day - 89"),
    "month-to-date": ("PERIOD_PRESET_MONTH_TO_DATE",
                      "date_trunc('month', day)::date"),
    "year-to-date": ("PERIOD_PRESET_YEAR_TO_DATE",
                     "date_trunc('year', day)::date"),
}
TREND_METRICS = [
    ("TREND_METRIC_PROJECTS", ("projects", "created")),
    ("TREND_METRIC_CONVERSATIONS", ("conversations", "count")),
    ("TREND_METRIC_DURATION", ("conversations", "total_duration_seconds")),
    ("TREND_METRIC_LOGINS", ("logins", "total")),
    ("TREND_METRIC_CHAT_SESSIONS", ("chat", "active_sessions")),
    ("TREND_METRIC_MESSAGES", ("chat", "messages")),
    ("TREND_METRIC_REPORTS", ("reports", "created")),
]
DATA_QUALITY_KINDS = [
    "DATA_QUALITY_KIND_ESTIMATED_DURATIONS",
    "DATA_QUALITY_KIND_CONVERSATIONS_WITHOUT_CHUNKS",
    "DATA_QUALITY_KIND_SOFT_DELETED_EXCLUDED",
    "DATA_QUALITY_KIND_MISSING_TIMESTAMPS",
    "DATA_QUALITY_KIND_UNPARSABLE_VALUES",
    "DATA_QUALITY_KIND_PERIOD_ADJUSTED",
]

# Stop words that the seeded user messages contain, by language. Words of
# two characters or fewer are dropped anyway, so none are listed.
STOP_WORDS = frozenset({
    # English
    "for", "the", "with",
    # Dutch
    "een", "het", "met", "uit", "van", "voor",
    # German
    "der", "die", "über",
    # French
    "pour",
    # Spanish
    "los",
})
_URL = re.compile(r"(?:https?://|www\.)\S+")
# A run of letters of any script: not a non-word character, digit or "_".
# The seeded digits stand apart from letters, so cutting words at digits and
# deleting the digits give the same words there.
_WORD = re.compile(r"[^\W\d_]+")

# The rows that the report covers: the selected users' projects that are
# not soft-deleted, and what lies inside them. Placeholder: user_ids. The
# SQL texts below follow it: they either continue its WITH clause with
# ", name AS (...)" or are its final SELECT. Their placeholders named after
# columns are the conditions of Window.conditions().
SCOPE_SQL = r"""
WITH owners AS (
  SELECT id FROM directus_users WHERE id = ANY (ARRAY[{user_ids}]::uuid[])
), projects AS (
  SELECT * FROM project
  WHERE directus_user_id IN (SELECT id FROM owners) AND deleted_at IS NULL
), chunk_stats AS (
  SELECT conversation_id, count(*) AS chunks,
         coalesce(bool_or(transcript ~ '\S'), false) AS has_content,
         sum(regexp_count(coalesce(transcript, ''), '\S+')) AS words
  FROM conversation_chunk GROUP BY conversation_id
), conversations AS (
  SELECT c.id, c.project_id, c.created_at, c.source,
         c.duration::float8 AS recorded,
         coalesce(k.chunks, 0) AS chunks,
         coalesce(k.has_content, false) AS has_content,
         coalesce(nullif(regexp_count(coalesce(c.merged_transcript, ''),
                                      '\S+'), 0),
                  k.words, 0) AS words
  FROM conversation c LEFT JOIN chunk_stats k ON k.conversation_id = c.id
  WHERE c.project_id IN (SELECT id FROM projects) AND c.deleted_at IS NULL
), timed AS (
  -- 30 s per chunk against 60 s per 150 words, when no duration above 0
  -- and at most one week (604,800 s).
  SELECT *, coalesce(recorded > 0 AND recorded <= 604800, false)
              AS is_recorded,
         CASE WHEN recorded > 0 AND recorded <= 604800 THEN recorded
              ELSE greatest(30 * chunks, words * 60.0 / 150)::float8
         END AS seconds
  FROM conversations
), chats AS (
  SELECT * FROM project_chat
  WHERE project_id IN (SELECT id FROM projects) AND deleted_at IS NULL
), messages AS (
  SELECT m.*, c.project_id, lower(m.message_from) AS sender
  FROM project_chat_message m JOIN chats c ON c.id = m.project_chat_id
), reports AS (
  SELECT * FROM project_report
  WHERE project_id IN (SELECT id FROM projects) AND deleted_at IS NULL
), logins AS (
  SELECT "user" AS user_id, timestamp FROM directus_activity
  WHERE action = 'login' AND "user" IN (SELECT id FROM owners)
)
"""

# Conversation figures of one window.
CONVERSATIONS_SQL = r"""
SELECT json_build_object(
  'count', count(*),
  'total_duration_seconds', coalesce(sum(seconds), 0),
  'recorded_duration_count', count(*) FILTER (WHERE is_recorded),
  'recorded_duration_seconds',
    coalesce(sum(seconds) FILTER (WHERE is_recorded), 0),
  'estimated_duration_count', count(*) FILTER (WHERE NOT is_recorded),
  'estimated_duration_seconds',
    coalesce(sum(seconds) FILTER (WHERE NOT is_recorded), 0),
  'mean_duration_seconds', coalesce(avg(seconds), 0),
  'p50_duration_seconds',
    coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds), 0),
  'p90_duration_seconds',
    coalesce(percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds), 0),
  'chunks', coalesce(sum(chunks), 0),
  'mean_chunks_per_conversation', coalesce(avg(chunks::float8), 0),
  'with_content', count(*) FILTER (WHERE has_content),
  'empty', count(*) FILTER (WHERE NOT has_content),
  'uploaded',
    count(*) FILTER (WHERE has_content AND source = 'DASHBOARD_UPLOAD'),
  'recorded', count(*) FILTER (
    WHERE has_content AND source IS DISTINCT FROM 'DASHBOARD_UPLOAD'))
FROM timed WHERE {created_at}
"""

CHAT_SQL = r"""
, window_messages AS (
  SELECT * FROM messages WHERE {date_created}
), per_chat AS (
  SELECT project_chat_id, count(*) AS n FROM window_messages GROUP BY 1
), lengths AS (
  SELECT char_length(coalesce(text, '')) AS length FROM window_messages
  WHERE sender = 'user'
)
SELECT json_build_object(
  'active_sessions', (SELECT count(*) FROM per_chat),
  'sessions_created',
    (SELECT count(*) FROM chats WHERE {chat_date_created}),
  'messages', (SELECT count(*) FROM window_messages),
  'user_messages', (SELECT count(*) FROM lengths),
  'assistant_messages', (SELECT count(*) FROM window_messages
                         WHERE sender IN ('assistant', 'dembrane')),
  'tokens', (SELECT coalesce(sum(tokens_count), 0) FROM window_messages),
  'mean_messages_per_session',
    coalesce((SELECT avg(n::float8) FROM per_chat), 0),
  'p50_messages_per_session', coalesce(
    (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY n) FROM per_chat), 0),
  'p90_messages_per_session', coalesce(
    (SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY n) FROM per_chat), 0),
  'queries_per_session', coalesce(
    (SELECT count(*) FROM lengths)::float8
      / nullif((SELECT count(*) FROM per_chat), 0), 0),
  'user_message_lengths', (SELECT json_build_object(
    'under_50', count(*) FILTER (WHERE length < 50),
    'from_50_to_199', count(*) FILTER (WHERE length BETWEEN 50 AND 199),
    'from_200', count(*) FILTER (WHERE length >= 200)) FROM lengths))
"""

PROJECTS_SQL = r"""
, owned AS (
  SELECT id FROM projects WHERE {owned}
), per_project AS (
  SELECT o.id, count(t.id) AS n FROM owned o
  LEFT JOIN timed t ON t.project_id = o.id AND {t_created_at}
  GROUP BY o.id
)
SELECT json_build_object(
  'owned', (SELECT count(*) FROM owned),
  'created', (SELECT count(*) FROM projects WHERE {created_at}),
  'active', (SELECT count(*) FROM projects p WHERE
    EXISTS (SELECT 1 FROM timed t WHERE t.project_id = p.id
            AND {t_created_at})
    OR EXISTS (SELECT 1 FROM messages m WHERE m.project_id = p.id
               AND {m_date_created})),
  'mean_conversations_per_project',
    coalesce((SELECT avg(n::float8) FROM per_project), 0),
  'p90_conversations_per_project', coalesce(
    (SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY n)
     FROM per_project), 0))
"""

REPORTS_SQL = r"""
, window_reports AS (
  SELECT * FROM reports WHERE {date_created}
)
SELECT json_build_object(
  'created', (SELECT count(*) FROM window_reports),
  'published',
    (SELECT count(*) FROM window_reports WHERE status = 'published'),
  'error', (SELECT count(*) FROM window_reports WHERE status = 'error'),
  'by_status', coalesce((
    SELECT json_agg(json_build_object('status', status, 'count', n)
                    ORDER BY status COLLATE "C")
    FROM (SELECT status, count(*) AS n FROM window_reports GROUP BY 1) s),
    '[]'))
"""

# Placeholders besides the window conditions: zone, and window_days, a
# query over per_day that returns the days logins per week are spread over.
LOGINS_SQL = r"""
, window_logins AS (
  SELECT user_id, timestamp AT TIME ZONE {zone} AS local_time FROM logins
  WHERE {timestamp}
), per_day AS (
  SELECT local_time::date AS day, count(*) AS n FROM window_logins GROUP BY 1
), per_hour AS (
  SELECT extract(hour FROM local_time)::int AS hour, count(*) AS n
  FROM window_logins GROUP BY 1
), per_user_day AS (
  SELECT user_id, local_time::date AS day, count(*) AS n
  FROM window_logins GROUP BY 1, 2
), totals AS (
  SELECT (SELECT count(*) FROM window_logins) AS total,
         (SELECT count(*) FROM per_day) AS active_days,
         (SELECT count(DISTINCT user_id) FROM window_logins) AS users,
         ({window_days}) AS days
), weekly AS (
  -- weeks = max(days / 7, 1); no window means no logins.
  SELECT *, (CASE WHEN days >= 7 THEN total * 7.0 / days
                  WHEN days > 0 THEN total ELSE 0 END)::float8 AS per_week
  FROM totals
)
SELECT json_build_object(
  'total', total,
  'active_days', active_days,
  'unique_users', users,
  'mean_per_active_day', coalesce(total::float8 / nullif(active_days, 0), 0),
  'mean_per_user', coalesce(total::float8 / nullif(users, 0), 0),
  'per_week', per_week,
  'band', CASE WHEN per_week > 8 THEN 'USAGE_BAND_POWER'
               WHEN per_week >= 5 THEN 'USAGE_BAND_HIGH'
               WHEN per_week >= 1 THEN 'USAGE_BAND_MEDIUM'
               WHEN per_week > 0 THEN 'USAGE_BAND_LOW'
               ELSE 'USAGE_BAND_NONE' END,
  'daily', coalesce((
    SELECT json_agg(json_build_object('date', to_char(day, 'YYYY-MM-DD'),
                                      'count', n) ORDER BY day)
    FROM per_day), '[]'),
  'hour_histogram', (
    SELECT json_agg(coalesce(n, 0) ORDER BY h)
    FROM generate_series(0, 23) AS h LEFT JOIN per_hour ON hour = h),
  'daily_per_user', coalesce((
    SELECT json_agg(json_build_object(
      'user_id', user_id, 'date', to_char(day, 'YYYY-MM-DD'), 'count', n)
      ORDER BY user_id::text COLLATE "C", day)
    FROM per_user_day), '[]'))
FROM weekly
"""

FEATURES_SQL = r"""
SELECT json_build_object(
  'uses_conversations', conversations > 0, 'conversations', conversations,
  'uses_chat', chat_messages > 0, 'chat_messages', chat_messages,
  'uses_reports', reports > 0, 'reports', reports,
  'uses_tags', tags > 0, 'tags', tags)
FROM (SELECT
  (SELECT count(*) FROM timed t WHERE {t_created_at}) AS conversations,
  (SELECT count(*) FROM messages m WHERE {m_date_created}) AS chat_messages,
  (SELECT count(*) FROM reports r WHERE {r_date_created}) AS reports,
  (SELECT count(*) FROM project_tag WHERE project_id IN (
     SELECT id FROM projects WHERE {owned})) AS tags) f
"""

# First and last activity up to as_of. Placeholders: as_of, zone.
ACTIVITY_SQL = r"""
, bounds AS (
  SELECT
    (SELECT min(created_at) FROM projects WHERE created_at <= {as_of})
      AS first_project,
    (SELECT max(created_at) FROM projects WHERE created_at <= {as_of})
      AS last_project,
    (SELECT min(created_at) FROM timed WHERE created_at <= {as_of})
      AS first_conversation,
    (SELECT max(created_at) FROM timed WHERE created_at <= {as_of})
      AS last_conversation,
    (SELECT min(date_created) FROM chats WHERE date_created <= {as_of})
      AS first_chat,
    (SELECT max(date_created) FROM chats WHERE date_created <= {as_of})
      AS last_chat,
    (SELECT min(timestamp) FROM logins WHERE timestamp <= {as_of})
      AS first_login,
    (SELECT max(timestamp) FROM logins WHERE timestamp <= {as_of})
      AS last_login
), overall AS (
  -- least() and greatest() skip nulls.
  SELECT *,
    least(first_project, first_conversation, first_chat, first_login)
      AS first_activity,
    greatest(last_project, last_conversation, last_chat, last_login)
      AS last_activity
  FROM bounds
)
SELECT json_build_object(
  {instants},
  'days_since_last_activity',
    ({as_of} AT TIME ZONE {zone})::date
      - (last_activity AT TIME ZONE {zone})::date)
FROM overall
"""
ACTIVITY_FIELDS = [
    "first_project", "last_project", "first_conversation",
    "last_conversation", "first_chat", "last_chat", "first_login",
    "last_login", "first_activity", "last_activity"
]

# Owned projects by duration in the window, longest first. Placeholder
# besides the window conditions: timestamp_format.
PROJECT_TABLE_SQL = r"""
, project_rows AS (
  SELECT p.id, coalesce(p.name, '') AS name,
    coalesce(nullif(concat_ws(' ', nullif(u.first_name, ''),
                              nullif(u.last_name, '')), ''),
             u.email, u.id::text) AS owner,
    coalesce((SELECT json_agg(t.text ORDER BY t.created_at, t.id)
              FROM project_tag t WHERE t.project_id = p.id), '[]') AS tags,
    (SELECT count(*) FROM timed t
     WHERE t.project_id = p.id AND {t_created_at}) AS conversations,
    (SELECT coalesce(sum(t.seconds), 0) FROM timed t
     WHERE t.project_id = p.id AND {t_created_at}) AS duration_seconds,
    (SELECT count(DISTINCT m.project_chat_id) FROM messages m
     WHERE m.project_id = p.id AND {m_date_created}) AS chat_sessions,
    (SELECT count(*) FROM messages m
     WHERE m.project_id = p.id AND {m_date_created}) AS messages,
    (SELECT count(*) FROM messages m WHERE m.project_id = p.id
     AND m.sender = 'user' AND {m_date_created}) AS user_messages,
    to_char(p.created_at AT TIME ZONE 'UTC', '{timestamp_format}')
      AS created_at,
    CASE WHEN p.is_conversation_allowed THEN 'PROJECT_STATUS_ACTIVE'
         ELSE 'PROJECT_STATUS_PAUSED' END AS status
  FROM projects p JOIN directus_users u ON u.id = p.directus_user_id
  WHERE {p_owned}
)
SELECT coalesce(json_agg(project_rows
                         ORDER BY duration_seconds DESC, name, id), '[]')
FROM project_rows
"""

# Counts of the data-quality notes by kind.
DATA_QUALITY_SQL = r"""
, all_projects AS (
  SELECT id, deleted_at FROM project
  WHERE directus_user_id IN (SELECT id FROM owners)
), deleted_projects AS (
  SELECT id FROM all_projects WHERE deleted_at IS NOT NULL
), excluded_chats AS (
  SELECT id FROM project_chat
  WHERE project_id IN (SELECT id FROM all_projects)
    AND (deleted_at IS NOT NULL
         OR project_id IN (SELECT id FROM deleted_projects))
)
SELECT json_build_object(
  'DATA_QUALITY_KIND_ESTIMATED_DURATIONS',
    (SELECT count(*) FROM timed t
     WHERE NOT is_recorded AND {t_created_at}),
  'DATA_QUALITY_KIND_CONVERSATIONS_WITHOUT_CHUNKS',
    (SELECT count(*) FROM timed t WHERE chunks = 0 AND {t_created_at}),
  -- Projects and chats over all time; rows with a date in the window.
  'DATA_QUALITY_KIND_SOFT_DELETED_EXCLUDED',
    (SELECT count(*) FROM deleted_projects)
    + (SELECT count(*) FROM excluded_chats)
    + (SELECT count(*) FROM conversation c
       WHERE c.project_id IN (SELECT id FROM all_projects)
         AND (c.deleted_at IS NOT NULL
              OR c.project_id IN (SELECT id FROM deleted_projects))
         AND {c_created_at})
    + (SELECT count(*) FROM project_chat_message m
       WHERE m.project_chat_id IN (SELECT id FROM excluded_chats)
         AND {m_date_created})
    + (SELECT count(*) FROM project_report r
       WHERE r.project_id IN (SELECT id FROM all_projects)
         AND (r.deleted_at IS NOT NULL
              OR r.project_id IN (SELECT id FROM deleted_projects))
         AND {r_date_created}),
  'DATA_QUALITY_KIND_MISSING_TIMESTAMPS',
    (SELECT count(*) FROM projects WHERE created_at IS NULL)
    + (SELECT count(*) FROM timed WHERE created_at IS NULL)
    + (SELECT count(*) FROM chats WHERE date_created IS NULL)
    + (SELECT count(*) FROM messages WHERE date_created IS NULL)
    + (SELECT count(*) FROM reports WHERE date_created IS NULL)
    + (SELECT count(*) FROM logins WHERE timestamp IS NULL),
  -- Typed PostgreSQL columns cannot hold unparsable values.
  'DATA_QUALITY_KIND_UNPARSABLE_VALUES', 0,
  'DATA_QUALITY_KIND_PERIOD_ADJUSTED', 0)
"""

# First and last local day with an event, for the all-time period.
EVENT_SPAN_SQL = r"""
, events AS (
  SELECT created_at AS event_time FROM projects
  UNION ALL SELECT created_at FROM timed
  UNION ALL SELECT date_created FROM chats
  UNION ALL SELECT date_created FROM messages
  UNION ALL SELECT date_created FROM reports
  UNION ALL SELECT timestamp FROM logins
)
SELECT json_build_object(
  'first', to_char(min((event_time AT TIME ZONE {zone})::date),
                   'YYYY-MM-DD'),
  'last', to_char(max((event_time AT TIME ZONE {zone})::date),
                  'YYYY-MM-DD'))
FROM events WHERE event_time < {as_of}
"""

# Day, month and per-project rows of the timeline. Placeholders besides
# the window conditions: zone, first_day and last_day.
TIMELINE_SQL = r"""
, days AS (
  SELECT d::date AS day FROM generate_series(
    date {first_day}::timestamp, date {last_day}::timestamp,
    interval '1 day') AS d
), day_conversations AS (
  SELECT (created_at AT TIME ZONE {zone})::date AS day, count(*) AS n,
         sum(seconds) AS seconds
  FROM timed t WHERE {t_created_at} GROUP BY 1
), day_chats AS (
  SELECT (date_created AT TIME ZONE {zone})::date AS day, count(*) AS n
  FROM chats WHERE {ch_date_created} GROUP BY 1
), day_messages AS (
  SELECT (date_created AT TIME ZONE {zone})::date AS day, count(*) AS n
  FROM messages m WHERE {m_date_created} GROUP BY 1
), day_logins AS (
  SELECT (timestamp AT TIME ZONE {zone})::date AS day, count(*) AS n
  FROM logins WHERE {l_timestamp} GROUP BY 1
), day_rows AS (
  SELECT days.day, coalesce(c.n, 0) AS conversations,
         coalesce(c.seconds, 0) AS duration_seconds,
         coalesce(ch.n, 0) AS chat_sessions_started,
         coalesce(m.n, 0) AS messages, coalesce(l.n, 0) AS logins,
         sum(coalesce(c.n, 0)) OVER (ORDER BY days.day)
           AS cumulative_conversations
  FROM days
  LEFT JOIN day_conversations c USING (day)
  LEFT JOIN day_chats ch USING (day)
  LEFT JOIN day_messages m USING (day)
  LEFT JOIN day_logins l USING (day)
), months AS (
  SELECT to_char(m, 'YYYY-MM') AS month FROM generate_series(
    date_trunc('month', date {first_day}::timestamp),
    date_trunc('month', date {last_day}::timestamp),
    interval '1 month') AS m
), month_conversations AS (
  SELECT to_char(created_at AT TIME ZONE {zone}, 'YYYY-MM') AS month,
    count(*) AS conversations,
    count(*) FILTER (WHERE NOT has_content) AS empty,
    count(*) FILTER (WHERE has_content AND source = 'DASHBOARD_UPLOAD')
      AS uploaded,
    count(*) FILTER (WHERE has_content) AS with_content,
    count(*) FILTER (WHERE has_content
                     AND source IS DISTINCT FROM 'DASHBOARD_UPLOAD')
      AS recorded,
    sum(seconds) AS duration_seconds
  FROM timed t WHERE {t_created_at} GROUP BY 1
), month_chats AS (
  SELECT to_char(date_created AT TIME ZONE {zone}, 'YYYY-MM') AS month,
         count(*) AS n
  FROM chats WHERE {ch_date_created} GROUP BY 1
), month_messages AS (
  SELECT to_char(date_created AT TIME ZONE {zone}, 'YYYY-MM') AS month,
         count(*) AS n, count(*) FILTER (WHERE sender = 'user') AS users
  FROM messages m WHERE {m_date_created} GROUP BY 1
), month_logins AS (
  SELECT to_char(timestamp AT TIME ZONE {zone}, 'YYYY-MM') AS month,
         count(*) AS n
  FROM logins WHERE {l_timestamp} GROUP BY 1
), month_rows AS (
  SELECT months.month, coalesce(c.conversations, 0) AS conversations,
         coalesce(c.empty, 0) AS empty, coalesce(c.uploaded, 0) AS uploaded,
         coalesce(c.with_content, 0) AS with_content,
         coalesce(c.recorded, 0) AS recorded,
         coalesce(c.duration_seconds, 0) AS duration_seconds,
         coalesce(ch.n, 0) AS chats, coalesce(m.n, 0) AS messages,
         coalesce(m.users, 0) AS user_messages, coalesce(l.n, 0) AS logins
  FROM months
  LEFT JOIN month_conversations c USING (month)
  LEFT JOIN month_chats ch USING (month)
  LEFT JOIN month_messages m USING (month)
  LEFT JOIN month_logins l USING (month)
), project_days AS (
  SELECT project_id, (created_at AT TIME ZONE {zone})::date AS day,
         count(*) AS conversations, sum(seconds) AS duration_seconds
  FROM timed t WHERE {t_created_at} GROUP BY 1, 2
)
SELECT json_build_object(
  'days', (SELECT json_agg(json_build_object(
      'date', to_char(day, 'YYYY-MM-DD'), 'conversations', conversations,
      'duration_seconds', duration_seconds,
      'chat_sessions_started', chat_sessions_started,
      'messages', messages, 'logins', logins,
      'cumulative_conversations', cumulative_conversations) ORDER BY day)
    FROM day_rows),
  'months', (SELECT json_agg(month_rows ORDER BY month) FROM month_rows),
  'project_days', coalesce((SELECT json_agg(json_build_object(
      'project_id', project_id, 'date', to_char(day, 'YYYY-MM-DD'),
      'conversations', conversations,
      'duration_seconds', duration_seconds) ORDER BY day)
    FROM project_days), '[]'))
"""

USER_MESSAGE_TEXTS_SQL = r"""
SELECT coalesce(json_agg(coalesce(text, '')), '[]') FROM messages m
WHERE sender = 'user' AND {m_date_created}
"""

# The selected users in request order, each once. Placeholder: selectors.
USERS_SQL = r"""
WITH chosen AS (
  SELECT u.*, min(s.n) AS position
  FROM unnest(ARRAY[{selectors}]::text[]) WITH ORDINALITY AS s(selector, n)
  JOIN directus_users u ON lower(u.email) = lower(s.selector)
                        OR u.id::text = s.selector
  GROUP BY u.id
)
SELECT json_agg(json_build_object(
  'id', id, 'email', email, 'first_name', first_name,
  'last_name', last_name,
  'display_name', coalesce(nullif(concat_ws(' ', nullif(first_name, ''),
                                            nullif(last_name, '')), ''),
                           email, id::text)) ORDER BY position)
FROM chosen
"""

# Local dates of the period and its previous period, and their instants.
# Placeholders: as_of, zone, first_day (an expression over `day`, today).
PERIOD_SQL = r"""
WITH today AS (
  SELECT ({as_of} AT TIME ZONE {zone})::date AS day
), this_period AS (
  SELECT {first_day} AS start_day, day AS end_day FROM today
), both_periods AS (
  SELECT start_day, end_day, end_day - start_day + 1 AS days
  FROM this_period
  UNION ALL
  SELECT start_day - (end_day - start_day + 1), start_day - 1,
         end_day - start_day + 1
  FROM this_period
)
SELECT json_agg(json_build_object(
  'start_date', to_char(start_day, 'YYYY-MM-DD'),
  'end_date', to_char(end_day, 'YYYY-MM-DD'),
  'start_time', to_char(start_day::timestamp AT TIME ZONE {zone}
                        AT TIME ZONE 'UTC', '{timestamp_format}'),
  'end_time', to_char((end_day + 1)::timestamp AT TIME ZONE {zone}
                      AT TIME ZONE 'UTC', '{timestamp_format}'),
  'days', days) ORDER BY start_day DESC)
FROM both_periods
"""


def _sql_text(value):
    return "'" + str(value).replace("'", "''") + "'"


def query_topics(texts):
    """Counts the words of user messages: lower-cased, URLs dropped, letter
    runs of any script longer than 2 characters that are no stop words.
    Returns the MAX_QUERY_TOPICS most frequent, ties by word."""
    counts = collections.Counter()
    for text in texts:
        text = _URL.sub(" ", text.lower())
        for word in _WORD.findall(text):
            if len(word) > 2 and word not in STOP_WORDS:
                counts[word] += 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [{
        "word": word,
        "count": count
    } for word, count in ranked[:MAX_QUERY_TOPICS]]


class Window:
    """The instants a figure counts: [start, end) in UTC; for all time,
    every instant before end (as_of)."""

    def __init__(self, start=None, end=None):
        self.start = start
        self.end = end

    def contains(self, column):
        """Returns the SQL condition that `column` lies in the window."""
        if self.start is None and self.end is None:
            return f"({column} IS NOT NULL)"
        if self.start is None:
            return f"({column} < timestamptz {_sql_text(self.end)})"
        return (f"({column} >= timestamptz {_sql_text(self.start)} AND "
                f"{column} < timestamptz {_sql_text(self.end)})")

    def owned(self, column="created_at"):
        """Returns the SQL condition that a project counts as owned."""
        if self.end is None:
            return "true"
        return (f"({column} IS NULL OR "
                f"{column} < timestamptz {_sql_text(self.end)})")

    def conditions(self):
        """Returns the placeholders of the window conditions."""
        return {
            "created_at": self.contains("created_at"),
            "date_created": self.contains("date_created"),
            "timestamp": self.contains("timestamp"),
            "t_created_at": self.contains("t.created_at"),
            "c_created_at": self.contains("c.created_at"),
            "m_date_created": self.contains("m.date_created"),
            "r_date_created": self.contains("r.date_created"),
            "ch_date_created": self.contains("date_created"),
            "chat_date_created": self.contains("date_created"),
            "l_timestamp": self.contains("timestamp"),
            "owned": self.owned(),
            "p_owned": self.owned("p.created_at"),
        }


class SqlReport:
    """Computes the figures of a report with SQL over the seeded database.

    `request` is the request of an expected file; its users are resolved
    to ids with SQL.
    """

    def __init__(self, cluster, request):
        self.cluster = cluster
        self.request = request
        self.zone = _sql_text(request["time_zone"])
        self.as_of = f"timestamptz {_sql_text(request['as_of'])}"
        self.users = self.query(
            USERS_SQL.format(
                selectors=", ".join(map(_sql_text, request["users"]))))

    def query(self, sql):
        """Runs `sql`, whose one row and column is JSON; returns it parsed."""
        output = self.cluster.psql(sql, database=support.stackenv.DATABASE)
        return json.loads(output)

    def scoped(self, user_ids, tail):
        """Runs SCOPE_SQL for `user_ids` followed by `tail`."""
        scope = SCOPE_SQL.format(
            user_ids=", ".join(map(_sql_text, user_ids)))
        return self.query(scope + tail)

    def user_ids(self):
        return [user["id"] for user in self.users]

    # Periods.

    def periods(self):
        """Returns (period, previous period or None, window, previous
        window or None) in the form of the report."""
        preset = self.request["period"]
        if preset == "all-time":
            span = self.event_span(self.user_ids())
            days = 0
            if span["first"] is not None:
                days = self.day_count(span["first"], span["last"])
            period = {
                "preset": "PERIOD_PRESET_ALL_TIME",
                "start_date": "",
                "end_date": "",
                "start_time": None,
                "end_time": None,
                "days": days,
            }
            return period, None, Window(end=self.request["as_of"]), None
        name, first_day = PRESETS[preset]
        current, previous = self.query(
            PERIOD_SQL.format(as_of=self.as_of,
                              zone=self.zone,
                              first_day=first_day,
                              timestamp_format=TIMESTAMP_FORMAT))
        current["preset"] = name
        return (current, previous,
                Window(current["start_time"], current["end_time"]),
                Window(previous["start_time"], previous["end_time"]))

    def event_span(self, user_ids):
        return self.scoped(user_ids, EVENT_SPAN_SQL.format(
            zone=self.zone, as_of=self.as_of))

    def day_count(self, first, last):
        return self.query(f"SELECT to_json(date {_sql_text(last)} - "
                          f"date {_sql_text(first)} + 1)")

    # Figures of one window.

    def period_metrics(self, user_ids, window, days):
        """Returns the PeriodMetrics of `user_ids` in `window`; `days` is the
        period's length, or None for all time."""
        conditions = window.conditions()
        if days is None:
            window_days = ("SELECT coalesce(max(day) - min(day) + 1, 0) "
                           "FROM per_day")
        else:
            window_days = f"SELECT {int(days)}"
        parts = {
            "conversations": CONVERSATIONS_SQL.format(**conditions),
            "chat": CHAT_SQL.format(**conditions),
            "projects": PROJECTS_SQL.format(**conditions),
            "reports": REPORTS_SQL.format(**conditions),
            "logins": LOGINS_SQL.format(zone=self.zone,
                                        window_days=window_days,
                                        **conditions),
        }
        return {
            name: self.scoped(user_ids, sql) for name, sql in parts.items()
        }

    def features(self, user_ids, window):
        return self.scoped(user_ids,
                           FEATURES_SQL.format(**window.conditions()))

    def activity(self, user_ids):
        instants = ",\n  ".join(
            f"'{field}', to_char({field} AT TIME ZONE 'UTC', "
            f"'{TIMESTAMP_FORMAT}')" for field in ACTIVITY_FIELDS)
        return self.scoped(
            user_ids,
            ACTIVITY_SQL.format(as_of=self.as_of,
                                zone=self.zone,
                                instants=instants))

    def project_table(self, window):
        return self.scoped(
            self.user_ids(),
            PROJECT_TABLE_SQL.format(timestamp_format=TIMESTAMP_FORMAT,
                                     **window.conditions()))

    def data_quality(self, window):
        return self.scoped(self.user_ids(),
                           DATA_QUALITY_SQL.format(**window.conditions()))

    def query_topics(self, window):
        texts = self.scoped(
            self.user_ids(),
            USER_MESSAGE_TEXTS_SQL.format(**window.conditions()))
        return query_topics(texts)

    def timeline(self, period, window, projects):
        """Returns the timeline; `projects` is the report's project table,
        whose order the per-project timelines follow."""
        if period["start_date"]:
            first_day, last_day = period["start_date"], period["end_date"]
        else:
            span = self.event_span(self.user_ids())
            if span["first"] is None:
                return {"days": [], "projects": [], "months": []}
            first_day, last_day = span["first"], span["last"]
        found = self.scoped(
            self.user_ids(),
            TIMELINE_SQL.format(zone=self.zone,
                                first_day=_sql_text(first_day),
                                last_day=_sql_text(last_day),
                                **window.conditions()))
        days_by_project = collections.defaultdict(list)
        for row in found["project_days"]:
            days_by_project[row.pop("project_id")].append(row)
        project_timelines = [{
            "project_id": project["id"],
            "project_name": project["name"],
            "days": days_by_project[project["id"]],
        } for project in projects if project["id"] in days_by_project]
        return {
            "days": found["days"],
            "projects": project_timelines,
            "months": found["months"],
        }

    # The whole report.

    def report(self):
        """Returns the report in proto3 JSON form, with None for unset
        fields, and the data-quality counts by kind."""
        period, previous, window, previous_window = self.periods()
        all_time = previous is None
        user_ids = self.user_ids()
        days = None if all_time else period["days"]
        metrics = self.period_metrics(user_ids, window, days)
        projects = self.project_table(window)
        report = {
            "users": self.users,
            "time_zone": self.request["time_zone"],
            "as_of": self.request["as_of"],
            "period": period,
            "metrics": metrics,
            "features": self.features(user_ids, window),
            "activity": self.activity(user_ids),
            "projects": projects,
            "query_topics": self.query_topics(window),
            "timeline": self.timeline(period, window, projects),
            "user_breakdowns": self.user_breakdowns(window, days),
        }
        if all_time:
            report.update(previous_period=None,
                          previous_metrics=None,
                          trends=[])
        else:
            previous["preset"] = period["preset"]
            previous_metrics = self.period_metrics(user_ids, previous_window,
                                                   previous["days"])
            report.update(previous_period=previous,
                          previous_metrics=previous_metrics,
                          trends=trends(metrics, previous_metrics))
        return report, self.data_quality(window)

    def user_breakdowns(self, window, days):
        if len(self.users) < 2:
            return []
        return [{
            "user": user,
            "metrics": self.period_metrics([user["id"]], window, days),
            "features": self.features([user["id"]], window),
            "activity": self.activity([user["id"]]),
        } for user in self.users]


def trends(current, previous):
    """Returns the seven trends of the report from two PeriodMetrics."""
    found = []
    for metric, (group, figure) in TREND_METRICS:
        now, before = current[group][figure], previous[group][figure]
        trend = {"metric": metric, "current": now, "previous": before}
        if before == 0:
            trend["percent_change"] = None
            direction = "NEW" if now > 0 else "FLAT"
        else:
            trend["percent_change"] = (now - before) / before * 100
            direction = ("UP" if now > before else
                         "DOWN" if now < before else "FLAT")
        trend["direction"] = "TREND_DIRECTION_" + direction
        found.append(trend)
    return found


_INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")


def _same(expected, actual):
    """Whether a leaf value of the service matches the SQL value."""
    if expected is None:
        return actual is None
    if isinstance(expected, bool):
        return actual is expected
    if isinstance(expected, (int, float)):
        # proto3 JSON prints int64 values as strings.
        if isinstance(actual, bool) or actual is None:
            return False
        try:
            number = float(actual)
        except (TypeError, ValueError):
            return False
        tolerance = FLOAT_TOLERANCE * max(1.0, abs(expected))
        return abs(number - expected) <= tolerance
    if isinstance(expected, str) and _INSTANT.match(expected):
        return (isinstance(actual, str) and bool(_INSTANT.match(actual)) and
                support.parse_timestamp(actual) ==
                support.parse_timestamp(expected))
    return actual == expected


def _short(value, limit=600):
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + " ..."


class SqlReportTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.cluster = postgres.Cluster(support.state_dir())
        cls.client = grpc_client.Client()

    @classmethod
    def tearDownClass(cls):
        cls.client.close()

    def compare(self, selection, path, expected, actual):
        """Compares `actual` with `expected` below `path`, one subtest for
        each leaf, and one for a list whose length differs."""
        if isinstance(expected, dict):
            if not isinstance(actual, dict):
                actual = {}
            for key, value in expected.items():
                self.compare(selection, f"{path}.{key}", value,
                             actual.get(key))
            return
        if isinstance(expected, list):
            if not isinstance(actual, list) or len(actual) != len(expected):
                with self.subTest(selection=selection, field=path):
                    self.fail(f"{path}: service {_short(actual)}, "
                              f"SQL {_short(expected)}")
                return
            for index, (want, got) in enumerate(zip(expected, actual)):
                self.compare(selection, f"{path}[{index}]", want, got)
            return
        with self.subTest(selection=selection, field=path):
            if not _same(expected, actual):
                self.fail(f"{path}: service {actual!r}, SQL {expected!r}")

    def check_selection(self, selection, request):
        expected, quality = SqlReport(self.cluster, request).report()
        report = grpc_client.to_json(
            self.client.report(grpc_client.report_request(request)))
        self.compare(selection, "report", expected, report)

        counts = {kind: 0 for kind in DATA_QUALITY_KINDS}
        for note in report.get("data_quality", []):
            counts[note["kind"]] = int(note.get("count", 0))
        for kind in DATA_QUALITY_KINDS:
            with self.subTest(selection=selection, field=kind):
                self.assertEqual(
                    counts[kind], quality[kind],
                    f"data_quality {kind}: service {counts[kind]}, "
                    f"SQL {quality[kind]}")
        self.check_provenance(selection, request,
                              report.get("provenance", {}))

    def check_provenance(self, selection, request, provenance):
        expected = {
            "source": "DATA_SOURCE_KIND_DIRECTUS",
            "source_name": "Directus at " + support.stackenv.directus_url(),
            "generated_at": request["as_of"],
            "insight_status": "INSIGHT_STATUS_NOT_REQUESTED",
        }
        self.compare(selection, "report.provenance", expected, provenance)
        with self.subTest(selection=selection,
                          field="report.provenance.fetch_seconds"):
            self.assertGreaterEqual(provenance.get("fetch_seconds", 0), 0)
        with self.subTest(selection=selection,
                          field="report.provenance.cache_hit"):
            self.assertIsInstance(provenance.get("cache_hit"), bool)

    def test_main_user(self):
        self.check_selection("main_user", _request("main_user.json"))

    def test_jane_without_projects(self):
        self.check_selection("jane_no_projects",
                             _request("jane_no_projects.json"))

    def test_busy_user(self):
        self.check_selection("busy_user", _request("busy_user.json"))

    def test_main_and_busy_users(self):
        self.check_selection("main_and_busy", _request("main_and_busy.json"))

    def test_main_user_all_time(self):
        self.check_selection("main_user all-time",
                             _request("main_user.json", period="all-time"))

    def test_main_user_month_to_date(self):
        self.check_selection("main_user month-to-date",
                             _request("main_user.json",
                                      period="month-to-date"))


def _request(name, **changes):
    request = dict(support.load_expected(name)["request"])
    request.update(changes)
    return request


class SqlOracleTest(unittest.TestCase):
    """Checks the SQL and Python figures of the newer fields against values
    computed by hand from seed/dataset.py for the main user's period
    2026-03-02 to 2026-03-31, so that a mistake in them fails here."""

    @classmethod
    def setUpClass(cls):
        sql = SqlReport(postgres.Cluster(support.state_dir()),
                        _request("main_user.json"))
        cls.report, cls.quality = sql.report()

    def test_query_topics_match_hand_count(self):
        # m04, m05, m07, m09, m11, m13 and m17: "zorg" in m04, m09 and m11;
        # huisarts, wachttijden and wijk in m04 and m11; quartier in m07 and
        # m09. The URL of m09, the digits of m11 and the stop words are gone.
        ones = [
            "barrio", "bedankt", "bereikbaarheid", "café", "citaten",
            "deelnemers", "escuelas", "gemeente", "gesprekken", "notes",
            "overzicht", "pflege", "pilot", "priorités", "salud",
            "samenvatting", "santé", "summary", "teilnehmer", "themen",
            "vecinos", "wartezeiten", "wijkverpleging", "écoles", "équipe"
        ]
        expected = [("zorg", 3), ("huisarts", 2), ("quartier", 2),
                    ("wachttijden", 2), ("wijk", 2)]
        expected += [(word, 1) for word in ones]
        found = [(topic["word"], topic["count"])
                 for topic in self.report["query_topics"]]
        self.assertEqual(found, expected)

    def test_user_message_lengths_match_hand_count(self):
        # Code points: m07 49, m13 8, m17 41; m04 58, m05 50, m09 96;
        # m11 200.
        lengths = self.report["metrics"]["chat"]["user_message_lengths"]
        self.assertEqual(lengths, {
            "under_50": 3,
            "from_50_to_199": 3,
            "from_200": 1
        })

    def test_hour_histogram_matches_hand_count(self):
        # Local hours: 00:00 CET and 00:30 CEST, 01:30 CET, 09:00 CET,
        # 10:00 and 10:40 CET, 16:00 CET.
        expected = [0] * 24
        expected[0], expected[1], expected[9] = 2, 1, 1
        expected[10], expected[16] = 2, 1
        self.assertEqual(self.report["metrics"]["logins"]["hour_histogram"],
                         expected)

    def test_timeline_counts_match_hand_count(self):
        days = self.report["timeline"]["days"]
        self.assertEqual(len(days), 30)
        self.assertEqual(days[-1]["cumulative_conversations"], 10)
        # On the day summer time starts: c14 (01:30Z), m17 and m18, and the
        # login at 00:30Z.
        march_29 = days[27]
        self.assertEqual(march_29["date"], "2026-03-29")
        self.assertEqual(march_29["conversations"], 1)
        self.assertEqual(march_29["messages"], 2)
        self.assertEqual(march_29["logins"], 1)

    def test_missing_timestamps_match_hand_count(self):
        # c19 and m22.
        self.assertEqual(self.quality["DATA_QUALITY_KIND_MISSING_TIMESTAMPS"],
                         2)


if __name__ == "__main__":
    unittest.main()
