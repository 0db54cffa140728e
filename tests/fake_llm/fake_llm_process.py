"""Runs fake_llm_server.py as a child process for a test and talks to its
control endpoints."""

import json
import pathlib
import subprocess
import tempfile
import time
import urllib.request

SERVER = pathlib.Path(__file__).resolve().parent / "fake_llm_server.py"
START_SECONDS = 15


class FakeLlmProcess:
    """The fake LLM server on a free loopback port; `base` is its URL."""

    def __init__(self):
        self.folder = tempfile.TemporaryDirectory()
        port_file = pathlib.Path(self.folder.name) / "port"
        # Both streams go nowhere: a child holding the test's pipes open
        # would keep CTest waiting after the test ends.
        self.process = subprocess.Popen(
            ["/usr/bin/python3", str(SERVER), "--port-file", str(port_file)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + START_SECONDS
        while not port_file.exists():
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError("the fake LLM server did not start")
            time.sleep(0.05)
        self.port = int(port_file.read_text(encoding="utf-8"))
        self.base = f"http://127.0.0.1:{self.port}"

    def call(self, path, body=None):
        """Sends GET without `body`, else POST with `body` as JSON, and
        returns the decoded JSON response."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.base + path, data=data,
            method="GET" if data is None else "POST")
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read() or b"null")

    def script(self, steps):
        """Clears the recorded requests and sets the answers to `steps`."""
        self.call("/_fake/reset", {})
        self.call("/_fake/script", steps)

    def requests(self):
        """Returns the recorded completion requests."""
        return self.call("/_fake/requests")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.folder.cleanup()
