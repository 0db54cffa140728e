"""End-to-end tests of the LLM insights: the service runs as a real process
on the demo snapshot and talks to the fake LLM server, both on loopback
ports.

Every status of provenance.insight_status is produced through the real
service. The requests that the fake server records are checked for the
OpenAI and Azure shapes and for private data of the snapshot. The service's
log is checked for the API key.

Usage: llm_insights_test.py SERVICE CLI SNAPSHOT_DIR PROTO_DIR FAKE_LLM
"""

import os
import pathlib
import re
import subprocess
import sys
import tempfile
import time
import unittest

from service_process import ServiceProcess, free_port, load_stubs

SERVICE, CLI, SNAPSHOT, PROTO_DIR, FAKE_LLM = sys.argv[1:6]
del sys.argv[1:6]
sys.path.insert(0, os.path.dirname(FAKE_LLM))
from fake_llm_process import FakeLlmProcess  # noqa: E402

AS_OF = "2026-11-30T18:00:00Z"
USERS = ["anna.devries@utrecht.example", "sophie.martin@civiclab.example"]
API_KEY = "sk-e2e-secret-Zq7Xv3"
DEADLINE_SECONDS = 60
# The LLM budget of the OpenAI-style service; stalls run past it.
LLM_TIMEOUT_SECONDS = 4


pb2, pb2_grpc = load_stubs(PROTO_DIR)


def snapshot_private_strings():
    """Returns the emails and URLs that the snapshot's files contain."""
    found = set()
    for path in pathlib.Path(SNAPSHOT).glob("*.json"):
        text = path.read_text(encoding="utf-8")
        found.update(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text))
        found.update(re.findall(r"https?://[^\s\"']+", text))
    return found


PRIVATE_STRINGS = snapshot_private_strings()
# Anything that looks like an email, a URL or a phone number.
PRIVATE_PATTERNS = [
    re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),
    re.compile(r"https?://|www\.", re.IGNORECASE),
    re.compile(r"\+\d[\d ()-]{7,}\d"),
]


class Service(ServiceProcess):
    """The usage service on the demo snapshot with debug logs, and a gRPC
    stub to it."""

    def __init__(self, extra_env):
        env = {"USAGE_SNAPSHOT_DIR": SNAPSHOT, "USAGE_LOG_LEVEL": "debug"}
        env.update(extra_env)
        super().__init__(SERVICE, CLI, env, cwd=tempfile.gettempdir())
        self.stub = pb2_grpc.UsageServiceStub(self.connect())

    def stop(self):
        super().stop(graceful=True)


def report_request(include_insights=True):
    request = pb2.GetUsageReportRequest(time_zone="Europe/Amsterdam",
                                        include_insights=include_insights)
    for email in USERS:
        request.users.add(email=email)
    request.period.preset = pb2.PERIOD_PRESET_LAST_90_DAYS
    request.as_of.FromJsonString(AS_OF)
    return request


def answer(summary, insights="- Chat and reports go together."):
    return f"## Executive summary\n{summary}\n\n## Insights\n{insights}\n"


class LlmInsightsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.fake = FakeLlmProcess()
        cls.openai = Service({
            "LLM__TEXT_FAST__MODEL": "gpt-4o-mini",
            "LLM__TEXT_FAST__API_KEY": API_KEY,
            "LLM__TEXT_FAST__API_BASE": cls.fake.base + "/v1",
            "USAGE_LLM_TIMEOUT_SECONDS": str(LLM_TIMEOUT_SECONDS)})
        # The Azure-style service keeps the default budget of 30 s, so that
        # only the call's deadline bounds the LLM.
        cls.azure = Service({
            "LLM__TEXT_FAST__MODEL": "azure/usage-summary",
            "LLM__TEXT_FAST__API_KEY": API_KEY,
            "LLM__TEXT_FAST__API_BASE": cls.fake.base,
            "LLM__TEXT_FAST__API_VERSION": "2024-06-01"})
        cls.plain = Service({})
        cls.recorded = []
        baseline = cls.openai.stub.GetUsageReport(
            report_request(include_insights=False), timeout=DEADLINE_SECONDS)
        cls.baseline = baseline.report

    @classmethod
    def tearDownClass(cls):
        for service in (cls.openai, cls.azure, cls.plain):
            service.stop()
        cls.fake.stop()

    def tearDown(self):
        # Every test's requests are checked for private data at the end.
        type(self).recorded.extend(self.fake.requests())

    def get_report(self, service=None, timeout=DEADLINE_SECONDS,
                   include_insights=True):
        service = service or self.openai
        return service.stub.GetUsageReport(
            report_request(include_insights), timeout=timeout).report

    def cli(self, *args):
        return subprocess.run(
            [CLI, "--server", self.openai.address, *args],
            capture_output=True, text=True, timeout=DEADLINE_SECONDS)

    def assert_template_fallback(self, report):
        summary = report.insights.executive_summary
        self.assertEqual(summary.source, pb2.SUMMARY_SOURCE_TEMPLATE)
        self.assertEqual(summary.markdown,
                         self.baseline.insights.executive_summary.markdown)
        self.assertEqual(list(report.insights.findings),
                         list(self.baseline.insights.findings))
        self.assertEqual(report.insights.narrative_markdown, "")

    def test_generated_summary_in_report_pdf_and_cli(self):
        count = self.baseline.metrics.conversations.count
        summary = (f"Marker-Generated: the account held {count:,} "
                   "conversations in the period.\n\nIt means steady use.")
        self.fake.script([{"text": answer(summary)}])
        report = self.get_report()
        self.assertEqual(report.provenance.insight_status,
                         pb2.INSIGHT_STATUS_GENERATED,
                         report.provenance.insight_status_detail)
        self.assertEqual(report.insights.executive_summary.source,
                         pb2.SUMMARY_SOURCE_LLM)
        self.assertEqual(report.insights.executive_summary.markdown, summary)
        self.assertEqual(report.insights.narrative_markdown,
                         "- Chat and reports go together.")

        selection = ["--user", USERS[0], "--user", USERS[1], "--period",
                     "last-90-days", "--tz", "Europe/Amsterdam", "--as-of",
                     AS_OF, "--insights"]
        result = self.cli("report", *selection)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Marker-Generated", result.stdout)
        self.assertIn("Insight status: generated", result.stdout)

        with tempfile.TemporaryDirectory() as folder:
            path = pathlib.Path(folder) / "report.pdf"
            result = self.cli("pdf", *selection, "-o", str(path))
            self.assertEqual(result.returncode, 0, result.stderr)
            text = subprocess.run(["pdftotext", str(path), "-"],
                                  capture_output=True, text=True).stdout
            self.assertIn("Marker-Generated", text)

    def test_not_configured_without_llm(self):
        report = self.get_report(self.plain)
        self.assertEqual(report.provenance.insight_status,
                         pb2.INSIGHT_STATUS_NOT_CONFIGURED)
        self.assert_template_fallback(report)

    def test_not_requested_makes_no_llm_request(self):
        self.fake.script([{"text": answer("Marker-Unwanted.")}])
        report = self.get_report(include_insights=False)
        self.assertEqual(report.provenance.insight_status,
                         pb2.INSIGHT_STATUS_NOT_REQUESTED)
        self.assertEqual(self.fake.requests(), [])
        self.assert_template_fallback(report)

    def test_unavailable_after_server_errors(self):
        self.fake.script([{"status": 500}])
        report = self.get_report()
        self.assertEqual(report.provenance.insight_status,
                         pb2.INSIGHT_STATUS_UNAVAILABLE)
        self.assertNotEqual(report.provenance.insight_status_detail, "")
        self.assertGreaterEqual(len(self.fake.requests()), 1)
        self.assert_template_fallback(report)

    def test_stall_past_llm_budget_is_unavailable_and_prompt(self):
        self.fake.script([{"stall_seconds": 40, "text": answer("Late.")}])
        started = time.monotonic()
        report = self.get_report()
        elapsed = time.monotonic() - started
        self.assertEqual(report.provenance.insight_status,
                         pb2.INSIGHT_STATUS_UNAVAILABLE)
        self.assertLess(elapsed, LLM_TIMEOUT_SECONDS + 3)
        self.assert_template_fallback(report)

    def test_stall_past_call_deadline_still_returns_report(self):
        # The Azure-style service gives the LLM 30 s, but the call's
        # deadline of 8 s leaves it until 2 s before that.
        self.fake.script([{"stall_seconds": 40, "text": answer("Late.")}])
        started = time.monotonic()
        report = self.get_report(self.azure, timeout=8)
        elapsed = time.monotonic() - started
        self.assertEqual(report.provenance.insight_status,
                         pb2.INSIGHT_STATUS_UNAVAILABLE)
        self.assertLess(elapsed, 8)
        self.assert_template_fallback(report)

    def test_filtered_completion(self):
        self.fake.script([{"status": 200, "body": {"choices": [{
            "index": 0, "finish_reason": "content_filter",
            "message": {"role": "assistant", "content": None}}]}}])
        report = self.get_report()
        self.assertEqual(report.provenance.insight_status,
                         pb2.INSIGHT_STATUS_FILTERED)
        self.assert_template_fallback(report)

    def test_filtered_request(self):
        self.fake.script([{"status": 400, "body": {"error": {
            "code": "content_filter", "message": "blocked",
            "innererror": {"code": "ResponsibleAIPolicyViolation"}}}}])
        report = self.get_report()
        self.assertEqual(report.provenance.insight_status,
                         pb2.INSIGHT_STATUS_FILTERED)
        self.assert_template_fallback(report)

    def test_wrong_number_twice_is_unverified(self):
        wrong = answer("The account held 987,654 conversations.")
        self.fake.script([{"text": wrong}, {"text": wrong}])
        report = self.get_report()
        self.assertEqual(report.provenance.insight_status,
                         pb2.INSIGHT_STATUS_UNVERIFIED)
        self.assertEqual(list(report.insights.unverified_numbers),
                         ["987,654"])
        self.assertEqual(report.insights.executive_summary.markdown,
                         "The account held 987,654 (unverified) "
                         "conversations.")
        requests = self.fake.requests()
        self.assertEqual(len(requests), 2)
        retry = requests[1]["json"]["messages"]
        self.assertEqual([m["role"] for m in retry],
                         ["system", "user", "assistant", "user"])
        self.assertIn('"987,654"', retry[3]["content"])

    def test_openai_request_shape(self):
        self.fake.script([{"text": answer("Shape check.")}])
        self.get_report()
        requests = self.fake.requests()
        self.assertEqual(len(requests), 1)
        request = requests[0]
        self.assertEqual(request["path"], "/v1/chat/completions")
        self.assertEqual(request["headers"]["authorization"],
                         f"Bearer {API_KEY}")
        self.assertNotIn("api-key", request["headers"])
        self.assertEqual(request["json"]["model"], "gpt-4o-mini")
        messages = request["json"]["messages"]
        self.assertEqual([m["role"] for m in messages], ["system", "user"])
        self.assertIn("## Executive summary", messages[0]["content"])
        self.assertIn("```json", messages[1]["content"])

    def test_azure_request_shape(self):
        self.fake.script([{"text": answer("Shape check.")}])
        report = self.get_report(self.azure)
        self.assertEqual(report.provenance.insight_status,
                         pb2.INSIGHT_STATUS_GENERATED,
                         report.provenance.insight_status_detail)
        request = self.fake.requests()[0]
        self.assertEqual(
            request["path"],
            "/openai/deployments/usage-summary/chat/completions"
            "?api-version=2024-06-01")
        self.assertEqual(request["headers"]["api-key"], API_KEY)
        self.assertNotIn("authorization", request["headers"])
        self.assertNotIn("model", request["json"])

    def test_zz_no_private_data_in_any_prompt(self):
        # Runs last (tests run in name order) over every recorded request.
        self.assertTrue(PRIVATE_STRINGS, "the snapshot holds no emails")
        self.assertGreater(len(self.recorded), 5)
        for request in self.recorded:
            prompt = "\n".join(m["content"]
                               for m in request["json"]["messages"])
            for text in PRIVATE_STRINGS:
                self.assertNotIn(text, prompt)
            for pattern in PRIVATE_PATTERNS:
                self.assertIsNone(pattern.search(prompt), pattern.pattern)

    def test_zz_api_key_absent_from_logs_and_reports(self):
        for service in (self.openai, self.azure, self.plain):
            self.assertNotIn(API_KEY, service.log())
        report = self.get_report(include_insights=False)
        self.assertNotIn(API_KEY, str(report))


class LlmConfigurationTest(unittest.TestCase):
    """Half an LLM configuration stops the service at start."""

    def run_service(self, env):
        env = dict(env, USAGE_SNAPSHOT_DIR=SNAPSHOT,
                   USAGE_LISTEN_ADDRESS=f"127.0.0.1:{free_port()}")
        return subprocess.run([SERVICE], env=env, capture_output=True,
                              text=True, timeout=30,
                              cwd=tempfile.gettempdir())

    def test_model_without_key_is_named(self):
        result = self.run_service({"LLM__TEXT_FAST__MODEL": "gpt-4o-mini"})
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("LLM__TEXT_FAST__API_KEY", result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1)

    def test_key_without_model_is_named_without_key(self):
        result = self.run_service({"LLM__TEXT_FAST__API_KEY": API_KEY})
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("LLM__TEXT_FAST__MODEL", result.stderr)
        self.assertNotIn(API_KEY, result.stderr)

    def test_azure_without_version_is_named_without_key(self):
        result = self.run_service({
            "LLM__TEXT_FAST__MODEL": "azure/usage-summary",
            "LLM__TEXT_FAST__API_KEY": API_KEY,
            "LLM__TEXT_FAST__API_BASE": "http://127.0.0.1:9"})
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("LLM__TEXT_FAST__API_VERSION", result.stderr)
        self.assertNotIn(API_KEY, result.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
