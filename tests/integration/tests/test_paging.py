"""The busy user's 120 conversations arrive complete although the service
reads 25 rows per request and Directus caps `limit` at 200.

A second service instance reads 7 rows per request, so the busy user's
conversations take 18 requests, the last one a partial page.

NOTE: these tests check that every row arrives, not how many requests the
service sent, because neither Directus (LOG_LEVEL=warn) nor the service logs
single Directus requests.
"""

import json
import unittest
import urllib.parse

import support  # First, because it puts stack/ on the module path.

import directus_api
import directus_server
import grpc_client
import service

BUSY_CONVERSATIONS = 120
BUSY_LOGINS = 30
SMALL_PAGE_SIZE = 7
SMALL_PAGE_PORT = support.stackenv.SERVICE_PORT + 3


class DirectusLimitsTest(unittest.TestCase):
    """Facts about the server that make the paging test meaningful."""

    @classmethod
    def setUpClass(cls):
        cls.directus = directus_api.Client(support.stack_state()["admin_token"])
        busy_id = support.stack_state()["user_ids"]["pieter.paging@example.org"]
        cls.busy_filter = urllib.parse.quote(
            json.dumps({"project_id": {"directus_user_id": {"_eq": busy_id}}}))

    def test_limit_above_maximum_is_rejected(self):
        limit = directus_server.QUERY_LIMIT_MAX + 1
        with self.assertRaises(directus_api.DirectusError) as raised:
            self.directus.request("GET", f"/items/conversation?limit={limit}")
        self.assertEqual(raised.exception.status, 400)

    def test_default_page_is_shorter_than_busy_user_data(self):
        rows = self.directus.request(
            "GET", f"/items/conversation?fields=id&filter={self.busy_filter}")
        self.assertEqual(len(rows), 100)


def _report(address, expected_name):
    request = support.load_expected(expected_name)["request"]
    client = grpc_client.Client(address)
    try:
        return client.report(grpc_client.report_request(request))
    finally:
        client.close()


class PagingTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.report = _report(support.stackenv.service_address(),
                             "busy_user.json")

    def test_every_conversation_is_counted(self):
        conversations = self.report.metrics.conversations
        self.assertEqual(conversations.count, BUSY_CONVERSATIONS)
        self.assertEqual(conversations.chunks, BUSY_CONVERSATIONS)
        # 120 conversations of 60 s each.
        self.assertEqual(conversations.total_duration_seconds, 7200)

    def test_every_login_is_counted(self):
        self.assertEqual(self.report.metrics.logins.total, BUSY_LOGINS)
        self.assertEqual(len(self.report.metrics.logins.daily), BUSY_LOGINS)

    def test_projects_split_matches_seed(self):
        # Three conversations a day go to "Paging main", one to "Paging
        # side", over 30 days.
        rows = {row.name: row.conversations for row in self.report.projects}
        self.assertEqual(rows, {"Paging main": 90, "Paging side": 30})


class SmallPageTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.instance = service.Instance(support.state_dir(), "small-pages",
                                        SMALL_PAGE_PORT)
        cls.instance.start(
            support.build_path("USAGE_IT_SERVICE"),
            support.stack_state()["admin_token"],
            {"DIRECTUS_PAGE_SIZE": str(SMALL_PAGE_SIZE)})

    @classmethod
    def tearDownClass(cls):
        cls.instance.stop()

    def test_reports_match_expected_files(self):
        for name in support.EXPECTED_FILES:
            with self.subTest(file=name):
                report = grpc_client.to_json(
                    _report(self.instance.address, name))
                support.assert_report(self, support.load_expected(name),
                                      report)


if __name__ == "__main__":
    unittest.main()
