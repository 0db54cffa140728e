"""usage-cli `report` against the running service: every figure of the
expected files in JSON, and the headline figures in the table."""

import json
import re
import unittest

import support


def _contains_number(text, number):
    return re.search(rf"(?<![\d.,]){re.escape(number)}(?![\d.,])",
                     text) is not None


class CliReportTest(unittest.TestCase):

    def report_json(self, expected):
        process = support.run_cli(
            "report", *support.selection_args(expected["request"]),
            "--format", "json")
        self.assertEqual(process.returncode, 0, process.stderr)
        return json.loads(process.stdout)

    def report_table(self, expected):
        process = support.run_cli(
            "report", *support.selection_args(expected["request"]),
            "--format", "table")
        self.assertEqual(process.returncode, 0, process.stderr)
        return process.stdout

    def test_json_matches_every_expected_figure(self):
        for name in support.EXPECTED_FILES:
            with self.subTest(file=name):
                expected = support.load_expected(name)
                support.assert_report(self, expected,
                                      self.report_json(expected))

    def test_json_prints_int64_as_strings(self):
        report = self.report_json(support.load_expected("main_user.json"))
        self.assertEqual(report["metrics"]["conversations"]["count"], "10")

    def test_json_names_the_directus_source(self):
        report = self.report_json(support.load_expected("main_user.json"))
        provenance = report["provenance"]
        self.assertEqual(provenance["source"], "DATA_SOURCE_KIND_DIRECTUS")
        self.assertIn(support.stack_state()["directus_url"],
                      provenance["source_name"])
        self.assertNotIn(support.stack_state()["admin_token"],
                         json.dumps(report))

    def test_table_shows_main_user_headline_figures(self):
        table = self.report_table(support.load_expected("main_user.json"))
        self.assertIn('R&D <Q3> "draft" Zoë', table)
        # Conversations, messages and active chat sessions.
        for number in ("10", "12", "3"):
            with self.subTest(number=number):
                self.assertTrue(_contains_number(table, number), table)

    def test_table_shows_busy_user_conversations(self):
        table = self.report_table(support.load_expected("busy_user.json"))
        self.assertIn("Pieter Paging", table)
        self.assertTrue(_contains_number(table, "120"), table)


if __name__ == "__main__":
    unittest.main()
