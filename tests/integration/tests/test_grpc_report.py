"""GetUsageReport through an independent Python client: every figure of the
expected files, and the ways of naming users."""

import unittest

import grpc_client
import support


class GrpcReportTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.client = grpc_client.Client()
        cls.user_ids = support.stack_state()["user_ids"]

    @classmethod
    def tearDownClass(cls):
        cls.client.close()

    def report(self, request):
        return grpc_client.to_json(
            self.client.report(grpc_client.report_request(request)))

    def test_report_matches_every_expected_figure(self):
        for name in support.EXPECTED_FILES:
            with self.subTest(file=name):
                expected = support.load_expected(name)
                support.assert_report(self, expected,
                                      self.report(expected["request"]))

    def test_user_id_selects_same_report_as_email(self):
        expected = support.load_expected("main_user.json")
        request = dict(expected["request"])
        request["users"] = [self.user_ids["rd.q3@example.com"]]
        support.assert_report(self, expected, self.report(request))

    def test_user_named_twice_counts_once(self):
        expected = support.load_expected("main_user.json")
        request = dict(expected["request"])
        request["users"] = [
            "rd.q3@example.com", self.user_ids["rd.q3@example.com"]
        ]
        support.assert_report(self, expected, self.report(request))

    def test_email_matches_case_insensitively(self):
        expected = support.load_expected("jane_no_projects.json")
        request = dict(expected["request"])
        request["users"] = ["Jane.Doe@Example.COM"]
        support.assert_report(self, expected, self.report(request))

    def test_report_users_carry_directus_ids(self):
        expected = support.load_expected("main_and_busy.json")
        report = self.report(expected["request"])
        self.assertEqual([user["id"] for user in report["users"]], [
            self.user_ids["rd.q3@example.com"],
            self.user_ids["pieter.paging@example.org"]
        ])


if __name__ == "__main__":
    unittest.main()
