"""Rejected requests: the gRPC status code, a message that names the bad
value, and usage-cli's exit code for the same request.

usage-cli exit codes: 2 usage error or INVALID_ARGUMENT, 3 NOT_FOUND,
4 server unreachable or another server error, 5 UNAUTHENTICATED or
PERMISSION_DENIED.
"""

import socket
import unittest
import uuid

import grpc

import grpc_client
import support

UNKNOWN_EMAIL = "nobody.here@example.com"
UNKNOWN_ID = "00000000-0000-4000-8000-00000000abcd"
MALFORMED_ID = "1234-not-a-uuid"
UNKNOWN_ZONE = "Mars/Olympus"
TOO_MANY = 51
MAX_USERS = 50
BASE = support.load_expected("main_user.json")["request"]


def _free_loopback_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _many_ids(count):
    return [str(uuid.UUID(int=index + 1)) for index in range(count)]


class GrpcErrorsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.client = grpc_client.Client()

    @classmethod
    def tearDownClass(cls):
        cls.client.close()

    def assert_rejected(self, message, code, *fragments):
        with self.assertRaises(grpc.RpcError) as raised:
            self.client.report(message)
        error = raised.exception
        self.assertEqual(error.code(), code, error.details())
        for fragment in fragments:
            self.assertIn(fragment, error.details())

    def request(self, **changes):
        fields = dict(BASE)
        fields.update(changes)
        return grpc_client.report_request(fields)

    def test_unknown_email_is_not_found(self):
        self.assert_rejected(self.request(users=[UNKNOWN_EMAIL]),
                             grpc.StatusCode.NOT_FOUND, UNKNOWN_EMAIL)

    def test_unknown_id_is_not_found(self):
        self.assert_rejected(self.request(users=[UNKNOWN_ID]),
                             grpc.StatusCode.NOT_FOUND, UNKNOWN_ID)

    def test_malformed_id_is_invalid(self):
        self.assert_rejected(self.request(users=[MALFORMED_ID]),
                             grpc.StatusCode.INVALID_ARGUMENT, MALFORMED_ID)

    def test_inverted_custom_period_is_invalid(self):
        message = self.request(period="custom")
        message.period.start_date = "2026-03-10"
        message.period.end_date = "2026-03-01"
        self.assert_rejected(message, grpc.StatusCode.INVALID_ARGUMENT,
                             "2026-03-10", "2026-03-01")

    def test_unknown_time_zone_is_invalid(self):
        self.assert_rejected(self.request(time_zone=UNKNOWN_ZONE),
                             grpc.StatusCode.INVALID_ARGUMENT, UNKNOWN_ZONE)

    def test_empty_selection_is_invalid(self):
        self.assert_rejected(self.request(users=[]),
                             grpc.StatusCode.INVALID_ARGUMENT)

    def test_fifty_one_users_are_invalid(self):
        self.assert_rejected(self.request(users=_many_ids(TOO_MANY)),
                             grpc.StatusCode.INVALID_ARGUMENT, str(TOO_MANY),
                             str(MAX_USERS))


class CliExitCodeTest(unittest.TestCase):

    def report(self, *args, server=None):
        return support.run_cli("report", *args, "--tz", BASE["time_zone"],
                               "--as-of", BASE["as_of"], server=server)

    def assert_exit(self, process, code, *fragments):
        self.assertEqual(process.returncode, code, process.stderr)
        self.assertEqual(process.stdout, "")
        for fragment in fragments:
            self.assertIn(fragment, process.stderr)

    def test_unknown_email_exits_3(self):
        self.assert_exit(self.report("--user", UNKNOWN_EMAIL), 3,
                         UNKNOWN_EMAIL)

    def test_unknown_id_exits_3(self):
        self.assert_exit(self.report("--user", UNKNOWN_ID), 3, UNKNOWN_ID)

    def test_malformed_id_exits_2(self):
        self.assert_exit(self.report("--user", MALFORMED_ID), 2,
                         MALFORMED_ID)

    def test_inverted_custom_period_exits_2(self):
        process = self.report("--user", BASE["users"][0], "--period",
                              "custom", "--from", "2026-03-10", "--to",
                              "2026-03-01")
        self.assert_exit(process, 2, "2026-03-10", "2026-03-01")

    def test_unknown_time_zone_exits_2(self):
        process = support.run_cli("report", "--user", BASE["users"][0],
                                  "--tz", UNKNOWN_ZONE)
        self.assert_exit(process, 2, UNKNOWN_ZONE)

    def test_missing_user_exits_2(self):
        self.assert_exit(self.report(), 2)

    def test_fifty_one_users_exit_2(self):
        args = []
        for user_id in _many_ids(TOO_MANY):
            args += ["--user", user_id]
        self.assert_exit(self.report(*args), 2, str(TOO_MANY), str(MAX_USERS))

    def test_unreachable_server_exits_4(self):
        address = f"127.0.0.1:{_free_loopback_port()}"
        process = support.run_cli("--deadline", "5", "report", "--user",
                                  BASE["users"][0], server=address)
        self.assertEqual(process.returncode, 4, process.stderr)
        self.assertIn(address, process.stderr)


if __name__ == "__main__":
    unittest.main()
