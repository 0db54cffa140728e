"""SearchUsers through the independent Python client: matching, display
names, page tokens and rejected requests."""

import unittest

import grpc

import grpc_client
import support

# Every user in Directus: the six seeded ones, the admin created by
# `directus bootstrap`, and the restricted reader that the stack creates.
ALL_EMAILS = {
    "rd.q3@example.com",
    "jane.doe@example.com",
    "pieter.paging@example.org",
    "jane.smith@example.net",
    "john.doe@example.net",
    "no.name@example.org",
    support.stackenv.ADMIN_EMAIL,
    "restricted.reader@example.com",
}
MAX_PAGE_SIZE = 200
MAX_QUERY_LENGTH = 200


class GrpcSearchTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.client = grpc_client.Client()

    @classmethod
    def tearDownClass(cls):
        cls.client.close()

    def test_both_terms_must_match(self):
        response = self.client.search_users("jane doe")
        self.assertEqual([user.email for user in response.users],
                         ["jane.doe@example.com"])
        self.assertEqual(response.total_size, 1)
        self.assertEqual(response.next_page_token, "")

    def test_display_name_is_full_name(self):
        response = self.client.search_users("rd.q3@example.com")
        self.assertEqual(len(response.users), 1)
        user = response.users[0]
        self.assertEqual(user.display_name, 'R&D <Q3> "draft" Zoë')
        self.assertEqual(user.id,
                         support.stack_state()["user_ids"][user.email])

    def test_display_name_falls_back_to_email(self):
        response = self.client.search_users("no.name@example.org")
        self.assertEqual(len(response.users), 1)
        user = response.users[0]
        self.assertFalse(user.HasField("first_name"))
        self.assertFalse(user.HasField("last_name"))
        self.assertEqual(user.display_name, "no.name@example.org")

    def test_pages_list_every_user_once(self):
        emails, token, pages = [], "", 0
        while True:
            response = self.client.search_users("", page_size=3,
                                                page_token=token)
            pages += 1
            self.assertLessEqual(len(response.users), 3)
            self.assertEqual(response.total_size, len(ALL_EMAILS))
            emails += [user.email for user in response.users]
            token = response.next_page_token
            if not token:
                break
        # 8 users in pages of 3.
        self.assertEqual(pages, 3)
        self.assertEqual(sorted(emails), sorted(ALL_EMAILS))

    def test_page_size_above_maximum_is_invalid(self):
        with self.assertRaises(grpc.RpcError) as raised:
            self.client.search_users("", page_size=MAX_PAGE_SIZE + 1)
        self.assertEqual(raised.exception.code(),
                         grpc.StatusCode.INVALID_ARGUMENT)
        self.assertIn(str(MAX_PAGE_SIZE + 1), raised.exception.details())

    def test_overlong_query_is_invalid(self):
        with self.assertRaises(grpc.RpcError) as raised:
            self.client.search_users("x" * (MAX_QUERY_LENGTH + 1))
        self.assertEqual(raised.exception.code(),
                         grpc.StatusCode.INVALID_ARGUMENT)

    def test_malformed_page_token_is_invalid(self):
        with self.assertRaises(grpc.RpcError) as raised:
            self.client.search_users("", page_token="not a token")
        self.assertEqual(raised.exception.code(),
                         grpc.StatusCode.INVALID_ARGUMENT)


if __name__ == "__main__":
    unittest.main()
