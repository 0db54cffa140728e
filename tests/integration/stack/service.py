"""Starts and stops usage-service processes against the stack's Directus.

Usage: service.py start STATE_DIR SERVICE_BINARY
       service.py stop STATE_DIR

The instance started from the command line is named "main". Tests start
more instances through `Instance`, for example with a restricted Directus
token, and stop them themselves.
"""

import os
import pathlib
import signal
import subprocess
import sys
import time

import grpc

import stackenv

START_TIMEOUT_SECONDS = 30
STOP_TIMEOUT_SECONDS = 20
# Rows per Directus request: small, so that every collection of the busy
# user needs several pages.
PAGE_SIZE = 25

_HEALTH_CHECK = "/grpc.health.v1.Health/Check"
# HealthCheckResponse{status: SERVING}: field 1, varint 1.
_SERVING = b"\x08\x01"


def health_status(address, timeout=2.0, service_name=""):
    """Returns the raw Health/Check response of the server at `address`.

    The request is a HealthCheckRequest encoded by hand (field 1, the
    service name; empty for the server as a whole), so no generated health
    stubs are needed.
    """
    name = service_name.encode()
    request = bytes([0x0A, len(name)]) + name if name else b""
    with grpc.insecure_channel(address) as channel:
        check = channel.unary_unary(_HEALTH_CHECK)
        return check(request, timeout=timeout)


class Instance:
    """One usage-service process whose files live under `state_dir`."""

    def __init__(self, state_dir, name="main", port=stackenv.SERVICE_PORT):
        self.root = pathlib.Path(state_dir).resolve()
        self.name = name
        self.address = f"{stackenv.HOST}:{port}"
        self.pid_file = self.root / f"service-{name}.pid"
        self.log_file = self.root / f"service-{name}.log"
        # The process when this Python process started it, else None.
        self.process = None

    def start(self, binary, directus_token, extra_env=None):
        """Starts the service and waits until its health check reports
        SERVING; raises SystemExit with the log tail when it does not."""
        self.stop()
        env = dict(os.environ)
        env.update({
            "USAGE_LISTEN_ADDRESS": self.address,
            "DIRECTUS_BASE_URL": stackenv.directus_url(),
            "DIRECTUS_TOKEN": directus_token,
            "DIRECTUS_PAGE_SIZE": str(PAGE_SIZE),
            "USAGE_LOG_FORMAT": "text",
        })
        env.update(extra_env or {})
        # The state directory is the working directory, so a .env file in
        # the source tree cannot change the configuration.
        with open(self.log_file, "ab") as log:
            command = [str(pathlib.Path(binary).resolve())]
            self.process = subprocess.Popen(command,
                                            cwd=self.root,
                                            env=env,
                                            stdin=subprocess.DEVNULL,
                                            stdout=log,
                                            stderr=subprocess.STDOUT,
                                            start_new_session=True)
        self.pid_file.write_text(f"{self.process.pid}\n")
        self._wait_until_serving(self.process)

    def _wait_until_serving(self, process):
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if process.poll() is not None:
                self._fail(f"usage-service exited with status "
                           f"{process.returncode}")
            try:
                if health_status(self.address, timeout=1.0) == _SERVING:
                    return
            except grpc.RpcError:
                pass
            time.sleep(0.3)
        self._fail(f"usage-service at {self.address} did not report SERVING "
                   f"within {START_TIMEOUT_SECONDS} s")

    def _fail(self, message):
        tail = self.log_file.read_text(errors="replace").splitlines()[-40:]
        raise SystemExit(message + f"\n--- {self.log_file.name} ---\n" +
                         "\n".join(tail))

    def stop(self):
        """Sends SIGTERM and waits for the process to exit; kills it and
        raises SystemExit when it is still running after 20 s."""
        if not self.pid_file.exists():
            return
        pid = int(self.pid_file.read_text())
        self.pid_file.unlink()
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if not self._is_running(pid):
                return
            time.sleep(0.1)
        os.killpg(pid, signal.SIGKILL)
        raise SystemExit(f"usage-service (pid {pid}) ignored SIGTERM for "
                         f"{STOP_TIMEOUT_SECONDS} s and was killed")

    def _is_running(self, pid):
        # A child of this process stays a zombie until it is reaped, which
        # poll() does.
        if self.process is not None and self.process.pid == pid:
            return self.process.poll() is None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True


def main(argv):
    if len(argv) == 4 and argv[1] == "start":
        state = stackenv.read_state(argv[2])
        Instance(argv[2]).start(argv[3], state["admin_token"])
        print(f"usage-service serving on {stackenv.service_address()}")
    elif len(argv) == 3 and argv[1] == "stop":
        Instance(argv[2]).stop()
        print("usage-service stopped")
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
