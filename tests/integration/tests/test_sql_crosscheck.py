"""Recomputes the main figures of every expected file with SQL.

The expected files are computed by hand. This test computes the period
bounds and seven counts with SQL over the seeded PostgreSQL database, and
compares them with those files. The SQL excludes soft-deleted rows and the
rows inside soft-deleted projects or chats, as the metrics do. A mistake in
the hand computation therefore fails here, not in the service's tests.
"""

import unittest

import support

import postgres  # noqa: E402  (found through support's path setup)

# Local midnights of a LAST_30_DAYS period and of the previous period, as
# UTC instants: [start, end) and [previous_start, start).
BOUNDS_SQL = """
WITH today AS (
  SELECT ((timestamptz '{as_of}') AT TIME ZONE '{zone}')::date AS day
)
SELECT to_char((day - 29)::timestamp AT TIME ZONE '{zone}'
               AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char((day + 1)::timestamp AT TIME ZONE '{zone}'
               AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char((day - 59)::timestamp AT TIME ZONE '{zone}'
               AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
FROM today;
"""

# Seven figures of one window for the users with these emails.
COUNTS_SQL = """
WITH owners AS (
  SELECT id FROM directus_users WHERE email = ANY (ARRAY[{emails}])
), live_projects AS (
  SELECT id FROM project
  WHERE directus_user_id IN (SELECT id FROM owners) AND deleted_at IS NULL
), conversations AS (
  SELECT duration FROM conversation
  WHERE project_id IN (SELECT id FROM live_projects) AND deleted_at IS NULL
    AND created_at >= '{start}' AND created_at < '{end}'
), messages AS (
  SELECT m.message_from FROM project_chat_message m
  JOIN project_chat c ON c.id = m.project_chat_id
  WHERE c.project_id IN (SELECT id FROM live_projects)
    AND c.deleted_at IS NULL
    AND m.date_created >= '{start}' AND m.date_created < '{end}'
)
SELECT
  (SELECT count(*) FROM conversations),
  (SELECT count(*) FROM conversations
   WHERE duration > 0 AND duration <= 604800),
  (SELECT coalesce(sum(duration::double precision), 0) FROM conversations
   WHERE duration > 0 AND duration <= 604800),
  (SELECT count(*) FROM messages),
  (SELECT count(*) FROM messages WHERE lower(message_from) = 'user'),
  (SELECT count(*) FROM directus_activity
   WHERE action = 'login' AND "user" IN (SELECT id FROM owners)
     AND timestamp >= '{start}' AND timestamp < '{end}'),
  (SELECT count(*) FROM project_report
   WHERE project_id IN (SELECT id FROM live_projects) AND deleted_at IS NULL
     AND date_created >= '{start}' AND date_created < '{end}');
"""

# The figures of COUNTS_SQL, in its column order, as paths in a report.
FIGURES = [
    ("conversations", "count"),
    ("conversations", "recorded_duration_count"),
    ("conversations", "recorded_duration_seconds"),
    ("chat", "messages"),
    ("chat", "user_messages"),
    ("logins", "total"),
    ("reports", "created"),
]


def _sql_text(value):
    return "'" + value.replace("'", "''") + "'"


class SqlCrossCheckTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.cluster = postgres.Cluster(support.state_dir())

    def query(self, sql):
        output = self.cluster.psql(sql, database=support.stackenv.DATABASE)
        return output.strip().split("\t")

    def bounds(self, request):
        self.assertEqual(request["period"], "last-30-days")
        return self.query(
            BOUNDS_SQL.format(as_of=request["as_of"],
                              zone=request["time_zone"]))

    def counts(self, emails, start, end):
        sql = COUNTS_SQL.format(emails=", ".join(map(_sql_text, emails)),
                                start=start,
                                end=end)
        return [float(value) for value in self.query(sql)]

    def test_period_bounds_match_expected_files(self):
        for name in support.EXPECTED_FILES:
            expected = support.load_expected(name)
            start, end, previous_start = self.bounds(expected["request"])
            report = expected["report"]
            for key, value in (("period", {"start_time": start,
                                           "end_time": end}),
                               ("previous_period", {"start_time":
                                                    previous_start,
                                                    "end_time": start})):
                for field, instant in value.items():
                    if field in report.get(key, {}):
                        with self.subTest(file=name, field=f"{key}.{field}"):
                            self.assertEqual(report[key][field], instant)

    def test_counts_match_expected_files(self):
        for name in support.EXPECTED_FILES:
            expected = support.load_expected(name)
            request = expected["request"]
            start, end, previous_start = self.bounds(request)
            windows = (("metrics", start, end), ("previous_metrics",
                                                  previous_start, start))
            for key, window_start, window_end in windows:
                actual = self.counts(request["users"], window_start,
                                     window_end)
                for (group, figure), value in zip(FIGURES, actual):
                    with self.subTest(file=name, figure=f"{key}.{group}."
                                      f"{figure}"):
                        written = expected["report"][key][group]
                        self.assertIn(figure, written)
                        self.assertAlmostEqual(written[figure], value,
                                               delta=1e-6)


if __name__ == "__main__":
    unittest.main()
