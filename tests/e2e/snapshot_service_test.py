"""End-to-end tests of usage-service on a snapshot, driven through usage-cli.

The service runs as a real process on a loopback port. Expected figures are
computed here, directly from the snapshot's JSON files, independently of
the service's code.

Usage: snapshot_service_test.py SERVICE_BINARY CLI_BINARY SNAPSHOT_DIR
"""

import datetime as dt
import json
import os
import pathlib
import signal
import subprocess
import sys
import tempfile
import time
import unittest
import zoneinfo

from service_process import ServiceProcess, free_port

SERVICE, CLI, SNAPSHOT = sys.argv[1:4]
del sys.argv[1:4]

AS_OF = "2026-11-30T18:00:00Z"
ZONE = zoneinfo.ZoneInfo("Europe/Amsterdam")
USER_EMAIL = "anna.devries@utrecht.example"


def parse_time(text):
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def load(name):
    with open(pathlib.Path(SNAPSHOT) / f"{name}.json", encoding="utf-8") as f:
        return json.load(f)


class ConfigurationErrorsTest(unittest.TestCase):
    """A bad configuration stops the service with one line naming it."""

    def run_service(self, env):
        result = subprocess.run([SERVICE], env=env, capture_output=True,
                                text=True, timeout=30,
                                cwd=tempfile.gettempdir())
        lines = result.stderr.strip().splitlines()
        self.assertNotEqual(result.returncode, 0)
        self.assertEqual(len(lines), 1, result.stderr)
        return lines[0]

    def test_missing_directus_url_is_named(self):
        line = self.run_service({"PATH": os.environ["PATH"]})
        self.assertIn("DIRECTUS_BASE_URL", line)

    def test_bad_page_size_is_named_without_the_token(self):
        line = self.run_service({
            "DIRECTUS_BASE_URL": "http://127.0.0.1:9",
            "DIRECTUS_TOKEN": "very-secret-token",
            "DIRECTUS_PAGE_SIZE": "abc"})
        self.assertIn("DIRECTUS_PAGE_SIZE", line)
        self.assertIn("abc", line)
        self.assertNotIn("very-secret-token", line)

    def test_missing_snapshot_folder_is_named(self):
        line = self.run_service({"USAGE_SNAPSHOT_DIR": "/no/such/folder"})
        self.assertIn("/no/such/folder", line)

    def test_bad_listen_address_is_named(self):
        line = self.run_service({"USAGE_SNAPSHOT_DIR": SNAPSHOT,
                                 "USAGE_LISTEN_ADDRESS": "nonsense"})
        self.assertIn("USAGE_LISTEN_ADDRESS", line)


class SnapshotServiceTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.service = ServiceProcess(SERVICE, CLI, {
            "USAGE_SNAPSHOT_DIR": SNAPSHOT,
            "USAGE_LOG_FORMAT": "json"})
        cls.address = cls.service.address
        cls.service.wait_until_serving()

    @classmethod
    def tearDownClass(cls):
        cls.service.stop()

    def cli(self, *args):
        return subprocess.run([CLI, "--server", self.address, *args],
                              capture_output=True, text=True, timeout=60)

    def report_json(self, *selection):
        result = self.cli("report", *selection, "--format", "json")
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout)

    def expected_counts(self, first_day, last_day):
        """Counts rows of the demo user straight from the snapshot files."""
        start = dt.datetime.combine(first_day, dt.time(), ZONE)
        end = dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time(),
                                  ZONE)
        user = next(u for u in load("directus_users")
                    if u["email"] == USER_EMAIL)
        projects = {p["id"] for p in load("project")
                    if p["directus_user_id"] == user["id"]
                    and not p["deleted_at"]}
        chats = {c["id"] for c in load("project_chat")
                 if c["project_id"] in projects and not c["deleted_at"]}

        def inside(text):
            return text is not None and start <= parse_time(text) < end

        conversations = [c for c in load("conversation")
                         if c["project_id"] in projects
                         and not c["deleted_at"] and inside(c["created_at"])]
        messages = [m for m in load("project_chat_message")
                    if m["project_chat_id"] in chats
                    and inside(m["date_created"])]
        logins = [a for a in load("directus_activity")
                  if a["action"] == "login" and a["user"] == user["id"]
                  and inside(a["timestamp"])]
        recorded = sum(c["duration"] for c in conversations
                       if c["duration"] and 0 < c["duration"] <= 604800)
        return {
            "conversations": len(conversations),
            "recorded_seconds": recorded,
            "messages": len(messages),
            "user_messages": sum(1 for m in messages
                                 if m["message_from"].lower() == "user"),
            "logins": len(logins),
            "projects": len(projects),
        }

    def test_report_matches_counts_from_the_files(self):
        report = self.report_json("--user", USER_EMAIL, "--period",
                                  "last-90-days", "--tz", "Europe/Amsterdam",
                                  "--as-of", AS_OF)
        # 90 days ending 30 November 2026, today included.
        self.assertEqual(report["period"]["start_date"], "2026-09-02")
        self.assertEqual(report["period"]["end_date"], "2026-11-30")
        expected = self.expected_counts(dt.date(2026, 9, 2),
                                        dt.date(2026, 11, 30))
        self.assertGreater(expected["conversations"], 0)

        metrics = report["metrics"]
        conversations = metrics["conversations"]
        self.assertEqual(int(conversations["count"]),
                         expected["conversations"])
        self.assertAlmostEqual(conversations["recorded_duration_seconds"],
                               expected["recorded_seconds"], places=2)
        self.assertEqual(int(metrics["chat"]["messages"]),
                         expected["messages"])
        self.assertEqual(int(metrics["chat"]["user_messages"]),
                         expected["user_messages"])
        self.assertEqual(int(metrics["logins"]["total"]), expected["logins"])
        self.assertEqual(int(metrics["projects"]["owned"]),
                         expected["projects"])
        self.assertEqual(report["provenance"]["source"],
                         "DATA_SOURCE_KIND_SNAPSHOT")
        self.assertEqual(len(report["trends"]), 7)

    def test_previous_period_counts_match_too(self):
        report = self.report_json("--user", USER_EMAIL, "--period",
                                  "last-30-days", "--tz", "Europe/Amsterdam",
                                  "--as-of", AS_OF)
        # The 30 days before 1 November to 30 November.
        self.assertEqual(report["previous_period"]["start_date"],
                         "2026-10-02")
        self.assertEqual(report["previous_period"]["end_date"], "2026-10-31")
        expected = self.expected_counts(dt.date(2026, 10, 2),
                                        dt.date(2026, 10, 31))
        previous = report["previous_metrics"]
        self.assertEqual(int(previous["conversations"]["count"]),
                         expected["conversations"])
        self.assertEqual(int(previous["logins"]["total"]), expected["logins"])

    def test_table_output_names_user_and_period(self):
        result = self.cli("report", "--user", USER_EMAIL, "--as-of", AS_OF)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Anna de Vries <anna.devries@utrecht.example>",
                      result.stdout)
        self.assertIn("2026-11-01 to 2026-11-30 (30 days)", result.stdout)

    def test_pdf_is_written(self):
        with tempfile.TemporaryDirectory() as folder:
            path = pathlib.Path(folder) / "report.pdf"
            result = self.cli("pdf", "--user", USER_EMAIL, "--as-of", AS_OF,
                              "-o", str(path))
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertTrue(path.read_bytes().startswith(b"%PDF"))
            text = subprocess.run(["pdftotext", str(path), "-"],
                                  capture_output=True, text=True).stdout
            self.assertIn("Anna de Vries", text)

    def test_unknown_user_exits_with_not_found(self):
        result = self.cli("report", "--user", "nobody@example.org")
        self.assertEqual(result.returncode, 3)
        self.assertIn("nobody@example.org", result.stderr)

    def test_search_finds_user_by_two_terms(self):
        result = self.cli("users", "search", "ANNA", "vries", "--format",
                          "json")
        self.assertEqual(result.returncode, 0, result.stderr)
        users = json.loads(result.stdout)["users"]
        self.assertEqual([u["email"] for u in users], [USER_EMAIL])


class CallerAuthTest(unittest.TestCase):
    """With USAGE_CALLER_TOKENS set, calls need one of the tokens."""

    @classmethod
    def setUpClass(cls):
        cls.service = ServiceProcess(SERVICE, CLI, {
            "USAGE_SNAPSHOT_DIR": SNAPSHOT,
            "USAGE_CALLER_TOKENS": "first-token,second-token"})
        cls.address = cls.service.address
        cls.service.wait_until_serving("--token", "first-token")

    @classmethod
    def tearDownClass(cls):
        cls.service.stop()

    def search(self, *token):
        return subprocess.run([CLI, "--server", self.address, *token, "users",
                               "search"], capture_output=True, text=True)

    def test_missing_token_is_unauthenticated(self):
        result = self.search()
        self.assertEqual(result.returncode, 5)
        self.assertIn("missing caller token", result.stderr)

    def test_wrong_token_is_unauthenticated(self):
        result = self.search("--token", "first-tokeX")
        self.assertEqual(result.returncode, 5)
        self.assertIn("invalid caller token", result.stderr)

    def test_each_configured_token_is_accepted(self):
        for token in ("first-token", "second-token"):
            self.assertEqual(self.search("--token", token).returncode, 0)

    def test_tokens_never_reach_the_log(self):
        self.search("--token", "first-tokeX")
        log = self.service.log()
        self.assertNotIn("first-token", log)
        self.assertNotIn("first-tokeX", log)


class TlsTest(unittest.TestCase):
    """With a certificate and key, the service speaks TLS."""

    def test_cli_connects_with_the_ca_and_fails_without_tls(self):
        with tempfile.TemporaryDirectory() as folder:
            cert = pathlib.Path(folder, "cert.pem")
            key = pathlib.Path(folder, "key.pem")
            subprocess.run(
                ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                 "-days", "1", "-subj", "/CN=localhost",
                 "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                 "-keyout", str(key), "-out", str(cert)],
                check=True, capture_output=True)
            service = ServiceProcess(SERVICE, CLI, {
                "USAGE_SNAPSHOT_DIR": SNAPSHOT,
                "USAGE_TLS_CERT_FILE": str(cert),
                "USAGE_TLS_KEY_FILE": str(key)})
            address = service.address
            try:
                tls = [CLI, "--server", address, "--tls", "--ca-file",
                       str(cert), "--deadline", "2", "users", "search"]
                deadline = time.time() + 15
                result = subprocess.run(tls, capture_output=True, text=True)
                while result.returncode != 0 and time.time() < deadline:
                    time.sleep(0.2)
                    result = subprocess.run(tls, capture_output=True,
                                            text=True)
                self.assertEqual(result.returncode, 0,
                                 result.stderr + service.log())
                plain = subprocess.run(
                    [CLI, "--server", address, "--deadline", "2", "users",
                     "search"], capture_output=True, text=True)
                self.assertEqual(plain.returncode, 4)
            finally:
                service.stop()

    def test_unreadable_key_fails_at_start(self):
        result = subprocess.run(
            [SERVICE], capture_output=True, text=True, timeout=30,
            env={"USAGE_SNAPSHOT_DIR": SNAPSHOT,
                 "USAGE_LISTEN_ADDRESS": f"127.0.0.1:{free_port()}",
                 "USAGE_TLS_CERT_FILE": "/no/cert.pem",
                 "USAGE_TLS_KEY_FILE": "/no/key.pem"})
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("USAGE_TLS_CERT_FILE", result.stderr)


class OutputFileTest(unittest.TestCase):
    """usage-cli pdf -o writes through links and to standard output."""

    @classmethod
    def setUpClass(cls):
        cls.service = ServiceProcess(SERVICE, CLI,
                                     {"USAGE_SNAPSHOT_DIR": SNAPSHOT})
        cls.address = cls.service.address
        cls.service.wait_until_serving()

    @classmethod
    def tearDownClass(cls):
        cls.service.stop()

    def pdf(self, output):
        return subprocess.run(
            [CLI, "--server", self.address, "pdf", "--user", USER_EMAIL,
             "--as-of", AS_OF, "-o", output], capture_output=True)

    def test_dash_writes_standard_output(self):
        result = self.pdf("-")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(result.stdout.startswith(b"%PDF"))
        self.assertTrue(result.stdout.rstrip().endswith(b"%%EOF"))

    def test_link_keeps_pointing_at_the_new_pdf(self):
        with tempfile.TemporaryDirectory() as folder:
            target = pathlib.Path(folder, "target.pdf")
            target.write_text("old")
            link = pathlib.Path(folder, "link.pdf")
            link.symlink_to(target)
            result = self.pdf(str(link))
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertTrue(link.is_symlink())
            self.assertTrue(target.read_bytes().startswith(b"%PDF"))
            self.assertEqual(sorted(p.name for p in pathlib.Path(folder)
                                    .iterdir()), ["link.pdf", "target.pdf"])

    def test_directory_is_a_local_failure(self):
        with tempfile.TemporaryDirectory() as folder:
            result = self.pdf(folder)
            self.assertEqual(result.returncode, 1)
            self.assertIn(b"is a directory", result.stderr)

    def test_out_of_range_as_of_is_an_invalid_argument(self):
        result = subprocess.run(
            [CLI, "--server", self.address, "report", "--user", USER_EMAIL,
             "--as-of", "9999-12-31T23:59:59Z", "--format", "json"],
            capture_output=True, text=True)
        self.assertEqual(result.returncode, 2)
        self.assertIn("as_of", result.stderr)
        self.assertEqual(result.stdout, "")


class LifecycleTest(unittest.TestCase):
    def test_second_instance_cannot_share_the_port(self):
        address = f"127.0.0.1:{free_port()}"
        env = {"USAGE_SNAPSHOT_DIR": SNAPSHOT, "USAGE_LISTEN_ADDRESS": address}
        first = ServiceProcess(SERVICE, CLI, env)
        try:
            first.wait_until_serving()
            second = subprocess.run([SERVICE], env=env, capture_output=True,
                                    text=True, timeout=30)
            self.assertNotEqual(second.returncode, 0)
            self.assertIn("USAGE_LISTEN_ADDRESS",
                          second.stderr.strip().splitlines()[-1])
        finally:
            first.stop()

    def test_dotenv_is_read_and_sigterm_stops_cleanly(self):
        address = f"127.0.0.1:{free_port()}"
        with tempfile.TemporaryDirectory() as folder:
            pathlib.Path(folder, ".env").write_text(
                f"USAGE_SNAPSHOT_DIR={SNAPSHOT}\n"
                f"USAGE_LISTEN_ADDRESS={address}\n")
            # The address comes from the .env file, not from the
            # environment.
            service = ServiceProcess(SERVICE, CLI,
                                     {"PATH": os.environ["PATH"]},
                                     cwd=folder, address=address)
            try:
                service.wait_until_serving()
                service.process.send_signal(signal.SIGTERM)
                self.assertEqual(service.process.wait(timeout=30), 0)
                log = service.log()
                self.assertIn("service_stopping", log)
                self.assertIn("service_stopped", log)
            finally:
                service.stop()


if __name__ == "__main__":
    unittest.main(verbosity=2)
