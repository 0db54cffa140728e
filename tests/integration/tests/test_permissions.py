"""Directus rejects the service's token: PERMISSION_DENIED, and usage-cli
exits with 5.

The test starts two extra service instances of its own: one whose token
belongs to a user without read access to `project_report`, and one with a
token that Directus does not know (401).
"""

import unittest

import grpc

import grpc_client
import service
import stackenv
import support

RESTRICTED_PORT = stackenv.SERVICE_PORT + 1
BAD_TOKEN_PORT = stackenv.SERVICE_PORT + 2
BAD_TOKEN = "not-a-directus-token"
REQUEST = support.load_expected("main_user.json")["request"]


class DirectusTokenTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        state = support.stack_state()
        cls.forbidden_collection = state["forbidden_collection"]
        binary = support.build_path("USAGE_IT_SERVICE")
        cls.restricted = service.Instance(support.state_dir(), "restricted",
                                          RESTRICTED_PORT)
        cls.bad_token = service.Instance(support.state_dir(), "bad-token",
                                         BAD_TOKEN_PORT)
        cls.restricted.start(binary, state["restricted_token"])
        try:
            cls.bad_token.start(binary, BAD_TOKEN)
        except BaseException:
            cls.restricted.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.bad_token.stop()
        cls.restricted.stop()

    def rpc_error(self, address):
        client = grpc_client.Client(address)
        try:
            with self.assertRaises(grpc.RpcError) as raised:
                client.report(grpc_client.report_request(REQUEST))
        finally:
            client.close()
        return raised.exception

    def test_forbidden_collection_is_denied(self):
        error = self.rpc_error(self.restricted.address)
        self.assertEqual(error.code(), grpc.StatusCode.PERMISSION_DENIED,
                         error.details())
        self.assertIn(self.forbidden_collection, error.details())

    def test_unknown_token_is_denied(self):
        error = self.rpc_error(self.bad_token.address)
        self.assertEqual(error.code(), grpc.StatusCode.PERMISSION_DENIED,
                         error.details())
        self.assertNotIn(BAD_TOKEN, error.details())

    def test_cli_exits_5_naming_collection(self):
        process = support.run_cli("report",
                                  *support.selection_args(REQUEST),
                                  server=self.restricted.address)
        self.assertEqual(process.returncode, 5, process.stderr)
        self.assertIn(self.forbidden_collection, process.stderr)

    def test_cli_exits_5_for_unknown_token(self):
        process = support.run_cli("report",
                                  *support.selection_args(REQUEST),
                                  server=self.bad_token.address)
        self.assertEqual(process.returncode, 5, process.stderr)


if __name__ == "__main__":
    unittest.main()
