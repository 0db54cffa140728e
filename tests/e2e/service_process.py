"""Starts usage-service as a real process on a loopback port for tests, and
generates the Python gRPC modules of its proto."""

import functools
import importlib
import socket
import subprocess
import sys
import tempfile
import time

import grpc

PROTO_FILE = "echo/usage/v1/usage_service.proto"
GRPC_PLUGIN = "/usr/bin/grpc_python_plugin"
# The temporary folders of the generated modules, kept until the process
# exits so that the modules stay importable.
_STUB_FOLDERS = []


def free_port():
    """Returns a loopback port that was free a moment ago."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@functools.cache
def load_stubs(proto_dir):
    """Generates the Python modules of the proto in `proto_dir` with protoc
    and grpc_python_plugin into a temporary folder, and returns
    (usage_service_pb2, usage_service_pb2_grpc). The C++ code is not
    involved, so the client is independent of the service."""
    folder = tempfile.TemporaryDirectory(prefix="usage-stubs-")
    _STUB_FOLDERS.append(folder)
    subprocess.run([
        "protoc", f"--python_out={folder.name}", f"--grpc_out={folder.name}",
        f"--plugin=protoc-gen-grpc={GRPC_PLUGIN}", "-I", proto_dir, PROTO_FILE
    ], check=True)
    sys.path.insert(0, folder.name)
    return (importlib.import_module("echo.usage.v1.usage_service_pb2"),
            importlib.import_module("echo.usage.v1.usage_service_pb2_grpc"))


class ServiceProcess:
    """usage-service with its output in a temporary file, so that it never
    blocks on a full pipe.

    The service listens on `address`: the argument if given (for a service
    that reads its address from a .env file in `cwd`), else
    USAGE_LISTEN_ADDRESS of `env`, else a free loopback port that is added to
    `env`. `cli` is the usage-cli binary that wait_until_serving() probes
    with, and may be None for a caller that only uses connect()."""

    def __init__(self, service, cli, env, cwd=None, address=None):
        self.cli = cli
        self.address = address or env.get("USAGE_LISTEN_ADDRESS")
        if self.address is None:
            self.address = f"127.0.0.1:{free_port()}"
            env = {**env, "USAGE_LISTEN_ADDRESS": self.address}
        self.channel = None
        self._log = tempfile.TemporaryFile(mode="w+")
        self.process = subprocess.Popen([service], env=env, cwd=cwd,
                                        stdout=self._log, stderr=self._log,
                                        text=True)

    def log(self):
        self._log.seek(0)
        return self._log.read()

    def wait_until_serving(self, *cli_options, seconds=15):
        """Waits until `usage-cli users search` succeeds, with `cli_options`
        (such as a caller token) before the command. Stops the service and
        raises AssertionError when it exits or `seconds` pass first."""
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.process.poll() is not None:
                self._fail("service exited: ")
            probe = subprocess.run(
                [self.cli, "--server", self.address, *cli_options,
                 "--deadline", "1", "users", "search"],
                capture_output=True, text=True)
            if probe.returncode == 0:
                return
            time.sleep(0.2)
        self._fail(f"service did not respond on {self.address}: ")

    def connect(self, options=(), seconds=15):
        """Opens an insecure gRPC channel with `options`, waits until it is
        ready and returns it. stop() closes it. Stops the service and raises
        AssertionError when the channel is not ready within `seconds`."""
        channel = grpc.insecure_channel(self.address, options=list(options))
        try:
            grpc.channel_ready_future(channel).result(timeout=seconds)
        except grpc.FutureTimeoutError:
            channel.close()
            self._fail(f"service did not listen on {self.address}: ")
        self.channel = channel
        return channel

    def stop(self, graceful=False):
        """Closes the channel, stops the service with SIGTERM when
        `graceful` (else SIGKILL) and deletes the log. Safe to call twice."""
        if self.channel is not None:
            self.channel.close()
            self.channel = None
        if self.process.poll() is None:
            if graceful:
                self.process.terminate()
                self.process.wait(timeout=30)
            else:
                self.process.kill()
                self.process.wait()
        self._log.close()

    def _fail(self, message):
        log = self.log()
        self.stop()
        raise AssertionError(message + log)
