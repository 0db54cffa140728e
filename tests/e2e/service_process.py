"""Starts usage-service as a real process on a loopback port for tests."""

import socket
import subprocess
import tempfile
import time


def free_port():
    """Returns a loopback port that was free a moment ago."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ServiceProcess:
    """usage-service with its log in a temporary file, so that it never
    blocks on a full pipe."""

    def __init__(self, service, cli, env):
        self.cli = cli
        self.address = env.get("USAGE_LISTEN_ADDRESS")
        if self.address is None:
            self.address = f"127.0.0.1:{free_port()}"
            env = {**env, "USAGE_LISTEN_ADDRESS": self.address}
        self._log = tempfile.TemporaryFile(mode="w+")
        self.process = subprocess.Popen([service], env=env, stderr=self._log,
                                        text=True)

    def log(self):
        self._log.seek(0)
        return self._log.read()

    def wait_until_serving(self, seconds=15):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise AssertionError("service exited: " + self.log())
            probe = subprocess.run(
                [self.cli, "--server", self.address, "--deadline", "1",
                 "users", "search"], capture_output=True, text=True)
            if probe.returncode == 0:
                return
            time.sleep(0.2)
        raise AssertionError(f"service did not answer on {self.address}")

    def stop(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._log.close()
