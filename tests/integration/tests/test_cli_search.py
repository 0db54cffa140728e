"""usage-cli `users search` against the seeded users.

Besides Jane Doe, the seed has Jane Smith and John Doe, who each match one
term of "jane doe" only, so a search that accepts any term finds three
users.
"""

import json
import unittest

import support


class CliSearchTest(unittest.TestCase):

    def search(self, *terms):
        process = support.run_cli("users", "search", *terms, "--format",
                                  "json")
        self.assertEqual(process.returncode, 0, process.stderr)
        output = json.loads(process.stdout)
        users = output["users"] if isinstance(output, dict) else output
        return [user.get("email") for user in users]

    def test_quoted_terms_find_jane_only(self):
        self.assertEqual(self.search("jane doe"), ["jane.doe@example.com"])

    def test_separate_terms_find_jane_only(self):
        self.assertEqual(self.search("jane", "doe"), ["jane.doe@example.com"])

    def test_search_ignores_case(self):
        self.assertEqual(self.search("JANE DOE"), ["jane.doe@example.com"])

    def test_one_term_finds_every_match(self):
        self.assertCountEqual(
            self.search("doe"),
            ["jane.doe@example.com", "john.doe@example.net"])

    def test_exact_email_finds_its_user(self):
        self.assertEqual(self.search("rd.q3@example.com"),
                         ["rd.q3@example.com"])

    def test_markup_in_name_is_searchable(self):
        self.assertEqual(self.search("<q3>"), ["rd.q3@example.com"])

    def test_table_lists_display_name(self):
        process = support.run_cli("users", "search", "jane doe")
        self.assertEqual(process.returncode, 0, process.stderr)
        self.assertIn("Jane Doe", process.stdout)
        self.assertIn("jane.doe@example.com", process.stdout)
        self.assertNotIn("Jane Smith", process.stdout)


if __name__ == "__main__":
    unittest.main()
