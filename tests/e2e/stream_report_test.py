"""End-to-end tests of StreamUsageReport on a snapshot, and of usage-cli's
progress bar.

The service runs as a real process on a loopback port. The gRPC client is
independent of the C++ code: its Python modules are generated from the
proto files at test time, with protoc and grpc_python_plugin, into a
temporary folder. The progress bar is checked with standard error on a
pseudo-terminal and redirected to a file.

Usage: stream_report_test.py SERVICE_BINARY CLI_BINARY SNAPSHOT_DIR PROTO_DIR
"""

import concurrent.futures
import json
import os
import pathlib
import pty
import subprocess
import sys
import tempfile
import threading
import unittest

import grpc

from service_process import ServiceProcess, load_stubs

SERVICE, CLI, SNAPSHOT, PROTO_DIR = sys.argv[1:5]
del sys.argv[1:5]

AS_OF = "2026-11-30T18:00:00Z"
USER_EMAIL = "anna.devries@utrecht.example"
DEADLINE_SECONDS = 60

pb2, pb2_grpc = load_stubs(PROTO_DIR)


def report_request(*emails, time_zone="Europe/Amsterdam"):
    request = pb2.GetUsageReportRequest(time_zone=time_zone)
    for email in emails:
        request.users.add(email=email)
    request.period.preset = pb2.PERIOD_PRESET_LAST_90_DAYS
    request.as_of.FromJsonString(AS_OF)
    return request


def run_on_terminal(command):
    """Runs `command` with standard error on a pseudo-terminal. Returns
    (exit status, standard output bytes, terminal output text)."""
    controller, terminal = pty.openpty()
    chunks = []

    def drain():
        while True:
            try:
                data = os.read(controller, 4096)
            except OSError:  # EIO once the terminal side is closed
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain)
    reader.start()
    try:
        process = subprocess.run(command, stdout=subprocess.PIPE,
                                 stderr=terminal, timeout=DEADLINE_SECONDS)
    finally:
        os.close(terminal)
        reader.join(timeout=10)
        os.close(controller)
    return (process.returncode, process.stdout,
            b"".join(chunks).decode("utf-8", "replace"))


def run_to_file(command):
    """Runs `command` with standard error in a file. Returns (exit status,
    standard output bytes, standard error bytes)."""
    with tempfile.TemporaryFile() as errors:
        process = subprocess.run(command, stdout=subprocess.PIPE,
                                 stderr=errors, timeout=DEADLINE_SECONDS)
        errors.seek(0)
        return process.returncode, process.stdout, errors.read()


class StreamReportTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.service = ServiceProcess(SERVICE, CLI,
                                     {"USAGE_SNAPSHOT_DIR": SNAPSHOT},
                                     cwd=tempfile.gettempdir())
        cls.address = cls.service.address
        cls.stub = pb2_grpc.UsageServiceStub(cls.service.connect())

    @classmethod
    def tearDownClass(cls):
        cls.service.stop()

    def stream(self, request):
        return list(self.stub.StreamUsageReport(request,
                                                timeout=DEADLINE_SECONDS))

    def stream_error(self, request):
        """Returns (messages received, the RpcError that ended the
        stream)."""
        messages = []
        with self.assertRaises(grpc.RpcError) as raised:
            for message in self.stub.StreamUsageReport(
                    request, timeout=DEADLINE_SECONDS):
                messages.append(message)
        return messages, raised.exception

    def unary_error(self, request):
        with self.assertRaises(grpc.RpcError) as raised:
            self.stub.GetUsageReport(request, timeout=DEADLINE_SECONDS)
        return raised.exception

    def cli(self, *args):
        return [CLI, "--server", self.address, *args]

    # The stream through the independent client.

    def test_progress_messages_precede_report(self):
        messages = self.stream(report_request(USER_EMAIL))
        self.assertGreater(len(messages), 1)
        self.assertEqual(messages[-1].WhichOneof("event"), "report")
        progress = [m.progress for m in messages[:-1]]
        for message in messages[:-1]:
            self.assertEqual(message.WhichOneof("event"), "progress")

        steps = [p.step for p in progress]
        self.assertEqual(steps[0], "resolve_users")
        self.assertEqual(steps[-1], "compute")
        self.assertIn("fetch", steps)
        # Steps come in order, each as one run of messages.
        runs = [s for i, s in enumerate(steps) if i == 0 or steps[i - 1] != s]
        self.assertEqual(runs, ["resolve_users", "fetch", "compute"])
        for step in runs:
            done = [p.done for p in progress if p.step == step]
            self.assertEqual(done, sorted(done), step)
        fetch = [p for p in progress if p.step == "fetch"]
        for event in fetch:
            self.assertGreater(event.total, 0)
        self.assertEqual(fetch[-1].done, fetch[-1].total)
        self.assertTrue(all(p.message for p in progress))

    def test_streamed_report_equals_get_usage_report(self):
        request = report_request(USER_EMAIL)
        streamed = self.stream(request)[-1].report
        unary = self.stub.GetUsageReport(request,
                                         timeout=DEADLINE_SECONDS).report
        self.assertGreater(unary.metrics.conversations.count, 0)
        # The time spent reading differs from call to call.
        streamed.provenance.ClearField("fetch_seconds")
        unary.provenance.ClearField("fetch_seconds")
        self.assertEqual(streamed, unary)

    def test_invalid_time_zone_fails_before_progress(self):
        request = report_request(USER_EMAIL, time_zone="Mars/Olympus_Mons")
        messages, error = self.stream_error(request)
        unary = self.unary_error(request)
        self.assertEqual(messages, [])
        self.assertEqual(error.code(), grpc.StatusCode.INVALID_ARGUMENT)
        self.assertEqual(error.details(), unary.details())

    def test_too_many_users_fail_before_progress(self):
        emails = [f"user{i}@example.org" for i in range(51)]
        messages, error = self.stream_error(report_request(*emails))
        self.assertEqual(messages, [])
        self.assertEqual(error.code(), grpc.StatusCode.INVALID_ARGUMENT)

    def test_unknown_user_fails_like_get_usage_report(self):
        request = report_request("nobody@example.org")
        messages, error = self.stream_error(request)
        unary = self.unary_error(request)
        self.assertEqual(error.code(), grpc.StatusCode.NOT_FOUND)
        self.assertEqual(error.details(), unary.details())
        self.assertTrue(all(m.WhichOneof("event") == "progress"
                            for m in messages))

    # The progress bar of usage-cli.

    def report_command(self, *extra):
        return self.cli("report", "--user", USER_EMAIL, "--as-of", AS_OF,
                        "--format", "json", *extra)

    def test_cli_draws_bar_on_terminal(self):
        status, stdout, terminal = run_on_terminal(self.report_command())
        self.assertEqual(status, 0, terminal)
        self.assertEqual(json.loads(stdout)["users"][0]["email"], USER_EMAIL)
        self.assertIn("\r[", terminal)
        self.assertIn("Read the snapshot", terminal)
        self.assertIn("100% Computed the figures", terminal)
        # The bar is redrawn in place and erased at the end: no new line,
        # and the last thing written is a return to the line's start.
        self.assertGreater(terminal.count("\r["), 3)
        self.assertNotIn("\n", terminal)
        self.assertTrue(terminal.endswith("\r"), repr(terminal[-40:]))
        self.assertEqual(terminal.rsplit("\r", 2)[-2].strip(), "")

    def test_cli_draws_nothing_when_stderr_is_a_file(self):
        for extra in ([], ["--progress"]):
            with self.subTest(flags=extra):
                status, stdout, errors = run_to_file(
                    self.report_command(*extra))
                self.assertEqual(status, 0, errors)
                self.assertEqual(errors, b"")
                self.assertEqual(json.loads(stdout)["users"][0]["email"],
                                 USER_EMAIL)

    def test_no_progress_draws_nothing_on_terminal(self):
        status, stdout, terminal = run_on_terminal(
            self.report_command("--no-progress"))
        self.assertEqual(status, 0, terminal)
        self.assertEqual(terminal, "")
        self.assertTrue(json.loads(stdout)["users"])

    def test_cli_table_output_is_unchanged_by_bar(self):
        status, with_bar, _ = run_on_terminal(
            self.cli("report", "--user", USER_EMAIL, "--as-of", AS_OF))
        self.assertEqual(status, 0)
        status, without_bar, _ = run_to_file(
            self.cli("report", "--user", USER_EMAIL, "--as-of", AS_OF))
        self.assertEqual(status, 0)
        self.assertIn(b"Anna de Vries", with_bar)
        self.assertEqual(with_bar, without_bar)

    def test_cli_error_follows_erased_bar(self):
        status, _, terminal = run_on_terminal(
            self.cli("report", "--user", "nobody@example.org"))
        self.assertEqual(status, 3)
        # The error starts on a clean line, after the bar was erased. The
        # terminal turns each new line into "\r\n".
        before, _, error = terminal.replace("\r\n", "\n").rpartition("\r")
        self.assertTrue(error.startswith("usage-cli: not found"), terminal)
        self.assertIn("nobody@example.org", error)
        self.assertEqual(before.rsplit("\r", 1)[-1].strip(), "")

    def test_pdf_draws_bar_on_terminal_only(self):
        with tempfile.TemporaryDirectory() as folder:
            path = pathlib.Path(folder, "report.pdf")
            command = self.cli("pdf", "--user", USER_EMAIL, "--as-of", AS_OF,
                               "-o", str(path))
            status, _, terminal = run_on_terminal(command)
            self.assertEqual(status, 0, terminal)
            self.assertTrue(path.read_bytes().startswith(b"%PDF"))
            self.assertIn("\r[", terminal)
            self.assertIn("Building and rendering the report", terminal)
            self.assertIn("100% Receiving the PDF", terminal)
            # The summary line comes after the erased bar.
            before, _, summary = terminal.replace("\r\n",
                                                  "\n").rpartition("\r")
            self.assertTrue(summary.startswith("Wrote "), repr(terminal))
            self.assertEqual(before.rsplit("\r", 1)[-1].strip(), "")

            status, _, errors = run_to_file(command)
            self.assertEqual(status, 0, errors)
            self.assertTrue(errors.startswith(b"Wrote "), errors)
            self.assertNotIn(b"\r", errors)
            self.assertNotIn(b"[", errors)


class ServiceWithoutStreamTest(unittest.TestCase):
    """usage-cli report falls back to GetUsageReport on a service that does
    not implement StreamUsageReport."""

    def test_report_falls_back_to_get_usage_report(self):

        class UnaryOnly(pb2_grpc.UsageServiceServicer):

            def GetUsageReport(self, request, context):
                report = pb2.UsageReport(time_zone="UTC")
                report.users.add(id="fallback-id",
                                 email=request.users[0].email,
                                 display_name="Fallback User")
                return pb2.GetUsageReportResponse(report=report)

        server = grpc.server(
            concurrent.futures.ThreadPoolExecutor(max_workers=2))
        pb2_grpc.add_UsageServiceServicer_to_server(UnaryOnly(), server)
        port = server.add_insecure_port("127.0.0.1:0")
        server.start()
        try:
            status, stdout, errors = run_to_file([
                CLI, "--server", f"127.0.0.1:{port}", "report", "--user",
                USER_EMAIL, "--format", "json"
            ])
        finally:
            server.stop(None)
        self.assertEqual(status, 0, errors)
        user = json.loads(stdout)["users"][0]
        self.assertEqual(user["display_name"], "Fallback User")
        self.assertEqual(user["email"], USER_EMAIL)


if __name__ == "__main__":
    unittest.main(verbosity=2)
