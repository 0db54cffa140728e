"""Prompts sent to the LLM for the seeded accounts contain no private data.

The test starts a fake OpenAI-compatible server on loopback and a service
instance of its own that uses it, requests every seeded selection with
insights, and then reads every request the fake server recorded. No email
address or URL of the seeded dataset, and nothing shaped like one or like a
phone number, may appear in them. The reports themselves must carry the
LLM's summary, so the test fails when no prompt was sent at all.
"""

import json
import re
import sys
import unittest

import support
import service  # noqa: E402  (found through support's path setup)

sys.path.insert(0, str(support.INTEGRATION_DIR.parent / "fake_llm"))
from fake_llm_process import FakeLlmProcess  # noqa: E402

LLM_PORT_OFFSET = 5
DATASET = support.INTEGRATION_DIR / "seed" / "dataset.py"
API_KEY = "sk-integration-prompt-check"
SUMMARY = ("## Executive summary\nThe account was active in the period."
           "\n\n## Insights\n- Usage continued.")

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s\"'\\]+", re.IGNORECASE)
# A phone number: a plus or a leading zero and at least eight more digits,
# separated at most by spaces, dots, dashes and brackets.
PHONE = re.compile(r"(?:\+|\b0)\d(?:[\s().-]?\d){7,}")


def seeded_private_strings():
    """Returns every email and URL written in the seed dataset's source."""
    text = DATASET.read_text(encoding="utf-8")
    return set(EMAIL.findall(text)) | set(URL.findall(text))


class LlmPromptTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.llm = FakeLlmProcess()
        cls.instance = None
        try:
            cls.start_and_ask()
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def start_and_ask(cls):
        state = support.stack_state()
        cls.llm.script([{"text": SUMMARY}])
        cls.instance = service.Instance(
            support.state_dir(), "llm",
            support.stackenv.SERVICE_PORT + LLM_PORT_OFFSET)
        cls.instance.start(
            support.build_path("USAGE_IT_SERVICE"), state["admin_token"],
            extra_env={
                "LLM__TEXT_FAST__MODEL": "gpt-4o-mini",
                "LLM__TEXT_FAST__API_KEY": API_KEY,
                "LLM__TEXT_FAST__API_BASE": cls.llm.base + "/v1",
            })
        cls.reports = []
        selections = [support.load_expected(path.name)["request"]
                      for path in sorted(
                          (support.INTEGRATION_DIR / "expected").glob(
                              "*.json"))]
        all_time = dict(selections[0], period="all-time")
        for request in selections + [all_time]:
            result = support.run_cli(
                "report", *support.selection_args(request), "--insights",
                "--format", "json", "--no-progress",
                server=cls.instance.address)
            if result.returncode != 0:
                raise AssertionError(result.stderr)
            cls.reports.append(json.loads(result.stdout))
        cls.requests = cls.llm.requests()

    @classmethod
    def tearDownClass(cls):
        if cls.instance is not None:
            cls.instance.stop()
        cls.llm.stop()

    def prompts(self):
        for request in self.requests:
            for message in request["json"]["messages"]:
                yield message["content"]

    def test_every_report_has_the_llm_summary(self):
        self.assertEqual(len(self.requests), len(self.reports))
        for report in self.reports:
            insights = report["insights"]
            self.assertEqual(insights["executive_summary"]["source"],
                             "SUMMARY_SOURCE_LLM")
            self.assertEqual(report["provenance"]["insight_status"],
                             "INSIGHT_STATUS_GENERATED")

    def test_no_seeded_email_or_url_reaches_a_prompt(self):
        private = seeded_private_strings()
        self.assertIn("rd.q3@example.com", private)
        self.assertTrue(any(item.startswith("https://") for item in private))
        for prompt in self.prompts():
            for item in private:
                self.assertNotIn(item, prompt)
            # The local part alone would still name the person.
            for item in private:
                if "@" in item:
                    self.assertNotIn(item.split("@")[0], prompt)

    def test_nothing_shaped_like_private_data_reaches_a_prompt(self):
        for prompt in self.prompts():
            self.assertIsNone(EMAIL.search(prompt), prompt)
            self.assertIsNone(URL.search(prompt), prompt)
            self.assertIsNone(PHONE.search(prompt), prompt)

    def test_the_key_goes_in_the_header_only(self):
        for request in self.requests:
            self.assertEqual(request["headers"]["authorization"],
                             f"Bearer {API_KEY}")
            self.assertNotIn(API_KEY, request["body"])


if __name__ == "__main__":
    unittest.main()
