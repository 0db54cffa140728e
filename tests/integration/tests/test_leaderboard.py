"""GetLeaderboard compared with figures computed with SQL, with and without
excluded accounts.

The test starts a service instance of its own. Its USAGE_EXCLUDED_ACCOUNTS
names a domain, an email in other case and a user id, while the shared
instance has no excluded accounts. For each instance and period, SQL over the seeded
PostgreSQL database computes every figure and ranking of the leaderboard,
and the test compares them with the response. The SQL follows the rules of
the GetLeaderboard contract in the proto:
- soft-deleted projects and chats take everything inside them out, and
  soft-deleted conversations and chats are out themselves;
- excluded users are out with their logins, their projects and everything
  inside those projects;
- days are local days in the request's time zone; for all time, which ends
  at as_of, the days run from the first to the last counted conversation,
  message or login.
"""

import json
import unittest

import grpc

import grpc_client
import service
import support

import postgres  # noqa: E402  (found through support's path setup)

EXCLUDED_PORT = support.stackenv.SERVICE_PORT + 4
AS_OF = "2026-03-31T10:00:00Z"
ZONE = "Europe/Amsterdam"
# Large enough to return every ranked row of the seeded data.
ALL_ROWS = 100

# Entries of USAGE_EXCLUDED_ACCOUNTS: the busy user's domain, Jane's email
# in other case, and John's user id (added in setUpClass).
EXCLUDED_DOMAIN = "example.org"
EXCLUDED_EMAIL = "jane.doe@example.com"
EXCLUDED_ID_EMAIL = "john.doe@example.net"

# Every figure of one leaderboard. The placeholders are the excluded
# accounts as SQL arrays (emails and domains lower-cased) and the zone. Then
# come the conditions that put an instant column into the window, and the
# query of the first and last day: the period's dates, or for all time the
# span of the events.
LEADERBOARD_SQL = r"""
WITH excluded AS (
  SELECT id FROM directus_users
  WHERE id::text = ANY (ARRAY[{ids}]::text[])
     OR lower(email) = ANY (ARRAY[{emails}]::text[])
     OR lower(substring(email from '@([^@]*)$'))
        = ANY (ARRAY[{domains}]::text[])
), live_projects AS (
  SELECT * FROM project
  WHERE deleted_at IS NULL
    AND (directus_user_id IS NULL
         OR directus_user_id NOT IN (SELECT id FROM excluded))
), conversations AS (
  SELECT c.id, c.project_id, (c.created_at AT TIME ZONE {zone})::date AS day
  FROM conversation c
  WHERE c.project_id IN (SELECT id FROM live_projects)
    AND c.deleted_at IS NULL AND c.created_at IS NOT NULL
    AND {conversation_window}
), live_chats AS (
  SELECT * FROM project_chat
  WHERE deleted_at IS NULL AND project_id IN (SELECT id FROM live_projects)
), messages AS (
  SELECT m.project_chat_id AS chat_id, h.project_id,
         (m.date_created AT TIME ZONE {zone})::date AS day
  FROM project_chat_message m JOIN live_chats h ON h.id = m.project_chat_id
  WHERE m.date_created IS NOT NULL AND {message_window}
), logins AS (
  SELECT "user" AS user_id, (timestamp AT TIME ZONE {zone})::date AS day
  FROM directus_activity
  WHERE action = 'login' AND "user" IS NOT NULL
    AND "user" NOT IN (SELECT id FROM excluded)
    AND timestamp IS NOT NULL AND {login_window}
), events AS (
  SELECT day FROM conversations UNION ALL SELECT day FROM messages
  UNION ALL SELECT day FROM logins
), span AS (
  {span}
), domains AS (
  SELECT id, lower(substring(email from '@([^@]*)$')) AS domain
  FROM directus_users
), organisations AS (
  SELECT d.domain,
         (SELECT count(DISTINCT l.user_id) FROM logins l
          JOIN domains u ON u.id = l.user_id
          WHERE u.domain = d.domain) AS active_users,
         (SELECT count(*) FROM logins l JOIN domains u ON u.id = l.user_id
          WHERE u.domain = d.domain) AS logins,
         (SELECT count(*) FROM conversations c
          JOIN live_projects p ON p.id = c.project_id
          JOIN domains u ON u.id = p.directus_user_id
          WHERE u.domain = d.domain) AS conversations
  FROM (SELECT DISTINCT domain FROM domains WHERE domain <> '') d
), projects AS (
  SELECT p.id::text AS id, coalesce(p.name, '') AS name,
         p.directus_user_id::text AS owner_id,
         (SELECT count(*) FROM conversations c
          WHERE c.project_id = p.id) AS conversations,
         (SELECT count(DISTINCT m.chat_id) FROM messages m
          WHERE m.project_id = p.id) AS chat_sessions
  FROM live_projects p
)
SELECT json_build_object(
  'days', coalesce((SELECT last_day - first_day + 1 FROM span), 0),
  'first_day', (SELECT first_day FROM span),
  'last_day', (SELECT last_day FROM span),
  'monthly_active_users', (SELECT count(DISTINCT user_id) FROM logins),
  'daily_active_users', (SELECT count(DISTINCT user_id) FROM logins
                         WHERE day = (SELECT last_day FROM span)),
  'conversations', (SELECT count(*) FROM conversations),
  'project_days', (SELECT count(*) FROM (
      SELECT project_id, day FROM conversations
      UNION SELECT project_id, day FROM messages) AS active),
  'excluded_users', (SELECT count(*) FROM excluded),
  'users', (SELECT coalesce(json_agg(json_build_object(
        'id', u.id, 'email', u.email, 'first_name', u.first_name,
        'last_name', u.last_name, 'logins', l.n)
      ORDER BY l.n DESC, lower(u.email) COLLATE "C" ASC NULLS LAST,
               u.id::text COLLATE "C"), '[]')
    FROM (SELECT user_id, count(*) AS n FROM logins GROUP BY user_id) l
    JOIN directus_users u ON u.id = l.user_id),
  'organisations', (SELECT coalesce(json_agg(o
      ORDER BY o.logins DESC, o.domain COLLATE "C"), '[]')
    FROM organisations o WHERE o.logins > 0 OR o.conversations > 0),
  'projects', (SELECT coalesce(json_agg(p
      ORDER BY p.conversations DESC, p.chat_sessions DESC,
               p.name COLLATE "C", p.id COLLATE "C"), '[]')
    FROM projects p WHERE p.conversations > 0 OR p.chat_sessions > 0),
  'people', (SELECT json_agg(json_build_object(
      'id', id, 'email', email, 'first_name', first_name,
      'last_name', last_name)) FROM directus_users)
);
"""

# The first and last local day of a last-30-days period at as_of.
LAST_30_DAYS_SQL = """
SELECT (timestamptz '{as_of}' AT TIME ZONE {zone})::date - 29,
       (timestamptz '{as_of}' AT TIME ZONE {zone})::date;
"""


def _sql_text(value):
    return "'" + value.replace("'", "''") + "'"


def _sql_array(values):
    return ", ".join(_sql_text(value) for value in values) or "NULL"


def _display_name(user):
    """The display-name rule of the User message: the full name when one is
    set, else the email, else the id."""
    names = [(user.get(key) or "").strip()
             for key in ("first_name", "last_name")]
    full = " ".join(name for name in names if name)
    return full or user.get("email") or user["id"]


def _rankings(response):
    users = [(row.user.id, row.logins) for row in response.top_users]
    organisations = [(row.domain, row.active_users, row.logins,
                      row.conversations) for row in response.top_organisations]
    projects = [(row.id, row.name, row.owner, row.conversations,
                 row.chat_sessions) for row in response.top_projects]
    return users, organisations, projects


class LeaderboardTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        state = support.stack_state()
        cls.cluster = postgres.Cluster(support.state_dir())
        cls.excluded_id = state["user_ids"][EXCLUDED_ID_EMAIL]
        entries = [f"@{EXCLUDED_DOMAIN}", EXCLUDED_EMAIL.upper(),
                   cls.excluded_id]
        cls.instance = service.Instance(support.state_dir(), "leaderboard",
                                        EXCLUDED_PORT)
        cls.instance.start(
            support.build_path("USAGE_IT_SERVICE"), state["admin_token"],
            extra_env={"USAGE_EXCLUDED_ACCOUNTS": ", ".join(entries)})
        cls.excluded = grpc_client.Client(cls.instance.address)
        cls.shared = grpc_client.Client()

    @classmethod
    def tearDownClass(cls):
        cls.excluded.close()
        cls.shared.close()
        cls.instance.stop()

    # --- helpers ---------------------------------------------------------

    def query(self, sql):
        return self.cluster.psql(sql, database=support.stackenv.DATABASE)

    def leaderboard(self, client, period, limit=ALL_ROWS, **period_fields):
        request = grpc_client.pb2.GetLeaderboardRequest(time_zone=ZONE,
                                                        limit=limit)
        request.period.preset = grpc_client.pb2.PeriodPreset.Value(
            grpc_client.PERIODS[period])
        for key, value in period_fields.items():
            setattr(request.period, key, value)
        request.as_of.FromJsonString(AS_OF)
        return client.stub.GetLeaderboard(
            request, timeout=grpc_client.DEADLINE_SECONDS)

    def expected(self, period, excluded):
        """Returns the SQL figures of `period` ("last-30-days" or
        "all-time"); `excluded` selects the excluding instance's accounts."""
        ids, emails, domains = [], [], []
        if excluded:
            ids, emails, domains = ([self.excluded_id], [EXCLUDED_EMAIL],
                                    [EXCLUDED_DOMAIN])
        zone = _sql_text(ZONE)
        if period == "all-time":
            # All time ends at as_of.
            windows = {
                f"{name}_window": f"{column} < timestamptz '{AS_OF}'"
                for name, column in (("conversation", "c.created_at"),
                                     ("message", "m.date_created"),
                                     ("login", "timestamp"))
            }
            span = ("SELECT min(day) AS first_day, max(day) AS last_day "
                    "FROM events")
        else:
            first, last = self.query(
                LAST_30_DAYS_SQL.format(as_of=AS_OF, zone=zone)).split()
            start = f"(date '{first}')::timestamp AT TIME ZONE {zone}"
            end = f"(date '{last}' + 1)::timestamp AT TIME ZONE {zone}"
            windows = {
                f"{name}_window": f"{column} >= {start} AND {column} < {end}"
                for name, column in (("conversation", "c.created_at"),
                                     ("message", "m.date_created"),
                                     ("login", "timestamp"))
            }
            span = (f"SELECT date '{first}' AS first_day, "
                    f"date '{last}' AS last_day")
        sql = LEADERBOARD_SQL.format(ids=_sql_array(ids),
                                     emails=_sql_array(emails),
                                     domains=_sql_array(domains),
                                     zone=zone,
                                     span=span,
                                     **windows)
        return json.loads(self.query(sql))

    def assert_matches(self, expected, response):
        days = expected["days"]
        self.assertEqual(response.period.days, days)
        self.assertEqual(response.monthly_active_users,
                         expected["monthly_active_users"])
        self.assertEqual(response.daily_active_users,
                         expected["daily_active_users"])
        self.assertEqual(response.excluded_users, expected["excluded_users"])
        self.assertGreater(days, 0)
        self.assertAlmostEqual(response.average_daily_conversations,
                               expected["conversations"] / days, places=9)
        self.assertAlmostEqual(response.average_daily_active_projects,
                               expected["project_days"] / days, places=9)

        people = {person["id"]: person for person in expected["people"]}
        users, organisations, projects = _rankings(response)
        self.assertEqual(users, [(row["id"], row["logins"])
                                 for row in expected["users"]])
        weeks = max(days / 7, 1)
        for row, want in zip(response.top_users, expected["users"]):
            self.assertAlmostEqual(row.logins_per_week,
                                   want["logins"] / weeks, places=9)
            self.assertEqual(row.user.display_name, _display_name(want))
        self.assertEqual(organisations, [
            (row["domain"], row["active_users"], row["logins"],
             row["conversations"]) for row in expected["organisations"]
        ])
        # An owner that is not a user is shown by its id.
        owners = [
            _display_name(people[row["owner_id"]])
            if row["owner_id"] in people else row["owner_id"] or ""
            for row in expected["projects"]
        ]
        self.assertEqual(projects, [
            (row["id"], row["name"], owner, row["conversations"],
             row["chat_sessions"])
            for row, owner in zip(expected["projects"], owners)
        ])

    # --- tests -----------------------------------------------------------

    def test_last_30_days_matches_sql(self):
        for name, client, excluded in (("shared", self.shared, False),
                                       ("excluding", self.excluded, True)):
            with self.subTest(instance=name):
                response = self.leaderboard(client, "last-30-days")
                self.assertEqual(response.period.start_date, "2026-03-02")
                self.assertEqual(response.period.end_date, "2026-03-31")
                self.assertEqual(response.time_zone, ZONE)
                self.assert_matches(self.expected("last-30-days", excluded),
                                    response)

    def test_all_time_matches_sql(self):
        for name, client, excluded in (("shared", self.shared, False),
                                       ("excluding", self.excluded, True)):
            with self.subTest(instance=name):
                response = self.leaderboard(client, "all-time")
                self.assertEqual(response.period.preset,
                                 grpc_client.pb2.PERIOD_PRESET_ALL_TIME)
                self.assertFalse(response.period.HasField("start_time"))
                self.assert_matches(self.expected("all-time", excluded),
                                    response)

    def test_excluded_accounts_leave_every_ranking(self):
        user_ids = support.stack_state()["user_ids"]
        busy_id = user_ids["pieter.paging@example.org"]
        busy_projects = {"Paging main", "Paging side"}
        for period in ("last-30-days", "all-time"):
            with self.subTest(period=period):
                shared = self.leaderboard(self.shared, period)
                excluded = self.leaderboard(self.excluded, period)
                # The excluded accounts are ranked where nothing excludes
                # them, so their absence below is no accident of the data.
                shared_ids = {row.user.id for row in shared.top_users}
                self.assertIn(busy_id, shared_ids)
                self.assertIn(user_ids[EXCLUDED_EMAIL], shared_ids)
                self.assertIn(EXCLUDED_DOMAIN,
                              {row.domain for row in shared.top_organisations})
                self.assertTrue(busy_projects &
                                {row.name for row in shared.top_projects})

                excluded_ids = {row.user.id for row in excluded.top_users}
                for email in ("pieter.paging@example.org", "no.name@example.org",
                              EXCLUDED_EMAIL, EXCLUDED_ID_EMAIL):
                    self.assertNotIn(user_ids[email], excluded_ids)
                self.assertNotIn(
                    EXCLUDED_DOMAIN,
                    {row.domain for row in excluded.top_organisations})
                self.assertFalse(busy_projects &
                                 {row.name for row in excluded.top_projects})
                self.assertLess(excluded.monthly_active_users,
                                shared.monthly_active_users)
                self.assertEqual(shared.excluded_users, 0)
                # pieter.paging, no.name, jane.doe and john.doe.
                self.assertEqual(excluded.excluded_users, 4)

    def test_limit_keeps_first_rows(self):
        full = self.leaderboard(self.shared, "all-time")
        short = self.leaderboard(self.shared, "all-time", limit=2)
        self.assertGreater(len(full.top_users), 2)
        full_users, full_organisations, full_projects = _rankings(full)
        users, organisations, projects = _rankings(short)
        self.assertEqual(users, full_users[:2])
        self.assertEqual(organisations, full_organisations[:2])
        self.assertEqual(projects, full_projects[:2])

    def test_zero_limit_means_default(self):
        # A limit of 0 requests the default of 10 rows, not none. Every ranking of
        # the seeded data is shorter than 10, so all rows come back.
        full = self.leaderboard(self.shared, "all-time")
        default = self.leaderboard(self.shared, "all-time", limit=0)
        for ranking in _rankings(full):
            self.assertTrue(0 < len(ranking) <= 10, ranking)
        self.assertEqual(_rankings(default), _rankings(full))

    def test_limit_above_maximum_is_invalid(self):
        with self.assertRaises(grpc.RpcError) as raised:
            self.leaderboard(self.shared, "last-30-days", limit=101)
        self.assertEqual(raised.exception.code(),
                         grpc.StatusCode.INVALID_ARGUMENT)
        self.assertIn("101", raised.exception.details())

    def test_cli_json_matches_grpc(self):
        process = support.run_cli("leaderboard", "--period", "last-30-days",
                                  "--tz", ZONE, "--as-of", AS_OF, "--format",
                                  "json", "--limit", str(ALL_ROWS),
                                  server=self.instance.address)
        self.assertEqual(process.returncode, 0, process.stderr)
        expected = grpc_client.to_json(
            self.leaderboard(self.excluded, "last-30-days"))
        self.assertEqual(json.loads(process.stdout), expected)

    def test_cli_table_names_top_user(self):
        process = support.run_cli("leaderboard", "--period", "all-time",
                                  "--tz", ZONE, "--as-of", AS_OF,
                                  server=self.instance.address)
        self.assertEqual(process.returncode, 0, process.stderr)
        top = self.leaderboard(self.excluded, "all-time").top_users[0]
        self.assertIn("Top users", process.stdout)
        self.assertIn(top.user.email, process.stdout)
        self.assertNotIn("pieter.paging@example.org", process.stdout)


if __name__ == "__main__":
    unittest.main()
