"""End-to-end test of the LLM call limit: while the fake LLM stalls, the
calls that ask for insights beyond USAGE_MAX_CONCURRENT_LLM_CALLS return at
once with insight status UNAVAILABLE, and a plain report still gets a
report slot, because the LLM step does not hold one.

Usage: llm_concurrency_test.py SERVICE CLI SNAPSHOT_DIR PROTO_DIR FAKE_LLM
"""

import os
import sys
import tempfile
import threading
import time
import unittest

from service_process import ServiceProcess, load_stubs

SERVICE, CLI, SNAPSHOT, PROTO_DIR, FAKE_LLM = sys.argv[1:6]
del sys.argv[1:6]
sys.path.insert(0, os.path.dirname(FAKE_LLM))
from fake_llm_process import FakeLlmProcess  # noqa: E402

AS_OF = "2026-11-30T18:00:00Z"
USER = "anna.devries@utrecht.example"
# Two report slots and two LLM calls: the two stalled LLM calls would take
# every slot if the LLM step held one.
MAX_REPORTS = 2
MAX_LLM_CALLS = 2
INSIGHT_CALLS = 4
# The stalled calls end at the LLM budget, well before the stall does.
LLM_TIMEOUT_SECONDS = 10
STALL_SECONDS = 60
# A report without the LLM takes well under a second on the demo data.
QUICK_SECONDS = 5

pb2, pb2_grpc = load_stubs(PROTO_DIR)


def report_request(include_insights):
    request = pb2.GetUsageReportRequest(time_zone="Europe/Amsterdam",
                                        include_insights=include_insights)
    request.users.add(email=USER)
    request.period.preset = pb2.PERIOD_PRESET_LAST_90_DAYS
    request.as_of.FromJsonString(AS_OF)
    return request


class LlmConcurrencyTest(unittest.TestCase):

    def setUp(self):
        self.fake = FakeLlmProcess()
        self.addCleanup(self.fake.stop)
        self.fake.call("/_fake/script", [{"stall_seconds": STALL_SECONDS,
                                          "text": "late"}])
        self.service = ServiceProcess(SERVICE, CLI, {
            "USAGE_SNAPSHOT_DIR": SNAPSHOT,
            "LLM__TEXT_FAST__MODEL": "gpt-4o-mini",
            "LLM__TEXT_FAST__API_KEY": "sk-e2e-concurrency-key",
            "LLM__TEXT_FAST__API_BASE": self.fake.base + "/v1",
            "USAGE_LLM_TIMEOUT_SECONDS": str(LLM_TIMEOUT_SECONDS),
            "USAGE_MAX_CONCURRENT_REPORTS": str(MAX_REPORTS),
            "USAGE_MAX_CONCURRENT_LLM_CALLS": str(MAX_LLM_CALLS),
        }, cwd=tempfile.gettempdir())
        self.addCleanup(self.service.stop, graceful=True)
        self.stub = pb2_grpc.UsageServiceStub(self.service.connect())

    def wait_for_llm_requests(self, count):
        deadline = time.time() + 30
        while len(self.fake.call("/_fake/requests")) < count:
            if time.time() > deadline:
                self.fail(f"the LLM did not get {count} requests")
            time.sleep(0.1)

    def test_stalled_llm_blocks_neither_reports_nor_callers(self):
        results = [None] * INSIGHT_CALLS

        def insight_call(index):
            started = time.time()
            try:
                report = self.stub.GetUsageReport(
                    report_request(True), timeout=60).report
                results[index] = (report.provenance, time.time() - started)
            except Exception as error:  # Recorded and checked below.
                results[index] = (error, time.time() - started)

        # Two calls reach the stalled LLM first, then two more ask for it.
        threads = [threading.Thread(target=insight_call, args=(i,))
                   for i in range(INSIGHT_CALLS)]
        for thread in threads[:MAX_LLM_CALLS]:
            thread.start()
        self.wait_for_llm_requests(MAX_LLM_CALLS)
        for thread in threads[MAX_LLM_CALLS:]:
            thread.start()
        # They return at once; waiting for them keeps the plain report
        # below from competing with them for the two report slots.
        for thread in threads[MAX_LLM_CALLS:]:
            thread.join(timeout=30)

        # The two LLM calls are still stalled here.
        self.assertEqual(len(self.fake.call("/_fake/requests")),
                         MAX_LLM_CALLS)
        started = time.time()
        plain = self.stub.GetUsageReport(report_request(False),
                                         timeout=QUICK_SECONDS)
        self.assertLess(time.time() - started, QUICK_SECONDS)
        self.assertEqual(plain.report.provenance.insight_status,
                         pb2.INSIGHT_STATUS_NOT_REQUESTED)

        for thread in threads:
            thread.join(timeout=60)
        for provenance, seconds in results[MAX_LLM_CALLS:]:
            self.assertIsInstance(provenance, pb2.Provenance, provenance)
            self.assertEqual(provenance.insight_status,
                             pb2.INSIGHT_STATUS_UNAVAILABLE)
            self.assertEqual(provenance.insight_status_detail,
                             "too many LLM calls in progress")
            self.assertLess(seconds, QUICK_SECONDS)
        for provenance, seconds in results[:MAX_LLM_CALLS]:
            self.assertIsInstance(provenance, pb2.Provenance, provenance)
            self.assertEqual(provenance.insight_status,
                             pb2.INSIGHT_STATUS_UNAVAILABLE)
            self.assertIn("timed out", provenance.insight_status_detail)


if __name__ == "__main__":
    unittest.main()
