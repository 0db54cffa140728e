"""StreamUsageReport against the real Directus through the independent
Python client: one progress event per finished Directus query, and the same
report as GetUsageReport."""

import unittest

import grpc_client
import support


class GrpcStreamTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.client = grpc_client.Client()
        expected = support.load_expected("main_user.json")
        cls.request = grpc_client.report_request(expected["request"])

    @classmethod
    def tearDownClass(cls):
        cls.client.close()

    def stream(self):
        return list(
            self.client.stub.StreamUsageReport(
                self.request, timeout=grpc_client.DEADLINE_SECONDS))

    def test_fetch_progress_reaches_total(self):
        messages = self.stream()
        self.assertEqual(messages[-1].WhichOneof("event"), "report")
        for message in messages[:-1]:
            self.assertEqual(message.WhichOneof("event"), "progress")

        fetch = [m.progress for m in messages[:-1]
                 if m.progress.step == "fetch"]
        self.assertGreaterEqual(len(fetch), 1)
        # The account's queries run in parallel and each sends one event
        # when it finishes, counting up to the number of queries.
        total = fetch[-1].total
        self.assertGreater(total, 1)
        self.assertEqual([p.done for p in fetch], list(range(1, total + 1)))
        self.assertEqual({p.total for p in fetch}, {total})
        self.assertEqual(fetch[-1].done, fetch[-1].total)

    def test_fetch_comes_between_lookup_and_compute(self):
        steps = [m.progress.step for m in self.stream()[:-1]]
        runs = [s for i, s in enumerate(steps) if i == 0 or steps[i - 1] != s]
        self.assertEqual(runs, ["resolve_users", "fetch", "compute"])

    def test_streamed_report_equals_get_usage_report(self):
        streamed = self.stream()[-1].report
        unary = self.client.report(self.request)
        self.assertEqual([u.email for u in streamed.users],
                         ["rd.q3@example.com"])
        # The time spent reading Directus differs from call to call.
        streamed.provenance.ClearField("fetch_seconds")
        unary.provenance.ClearField("fetch_seconds")
        self.assertEqual(streamed, unary)


if __name__ == "__main__":
    unittest.main()
