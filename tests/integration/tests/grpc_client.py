"""An independent Python client of usage-service.

Its Python code is generated from the proto files at test time, into the
build tree, with Debian's protoc and grpc_python_plugin. Nothing of the C++
build is used.
"""

import hashlib
import importlib
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

import grpc
from google.protobuf import json_format

import support

PROTO_ROOT = support.INTEGRATION_DIR.parent.parent / "proto"
PROTO_FILE = "echo/usage/v1/usage_service.proto"
GRPC_PLUGIN = "/usr/bin/grpc_python_plugin"
PERIODS = {
    "last-30-days": "PERIOD_PRESET_LAST_30_DAYS",
    "last-90-days": "PERIOD_PRESET_LAST_90_DAYS",
    "month-to-date": "PERIOD_PRESET_MONTH_TO_DATE",
    "year-to-date": "PERIOD_PRESET_YEAR_TO_DATE",
    "all-time": "PERIOD_PRESET_ALL_TIME",
    "custom": "PERIOD_PRESET_CUSTOM",
}
DEADLINE_SECONDS = 60


def _stubs_dir():
    value = os.environ.get("USAGE_IT_STUBS_DIR")
    if value:
        return pathlib.Path(value)
    return pathlib.Path(support.state_dir()).parent / "python-stubs"


def _generate(target):
    """Generates the modules into `target` unless they match the proto."""
    digest = hashlib.sha256((PROTO_ROOT / PROTO_FILE).read_bytes()).hexdigest()
    marker = target / "proto.sha256"
    if marker.exists() and marker.read_text() == digest:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    # Tests may run in parallel: generate into a fresh directory and rename
    # it into place, so no test imports half-written modules.
    scratch = pathlib.Path(tempfile.mkdtemp(dir=target.parent))
    subprocess.run([
        "protoc", f"--proto_path={PROTO_ROOT}", f"--python_out={scratch}",
        f"--grpc_out={scratch}", f"--plugin=protoc-gen-grpc={GRPC_PLUGIN}",
        PROTO_FILE
    ],
                   check=True)
    (scratch / "proto.sha256").write_text(digest)
    shutil.rmtree(target, ignore_errors=True)
    try:
        scratch.rename(target)
    except OSError:
        # Another test renamed its copy first; both are identical.
        shutil.rmtree(scratch, ignore_errors=True)


def load_modules():
    """Returns the generated (usage_service_pb2, usage_service_pb2_grpc)."""
    target = _stubs_dir()
    _generate(target)
    if str(target) not in sys.path:
        sys.path.insert(0, str(target))
    messages = importlib.import_module("echo.usage.v1.usage_service_pb2")
    services = importlib.import_module("echo.usage.v1.usage_service_pb2_grpc")
    return messages, services


pb2, pb2_grpc = load_modules()


def report_request(request):
    """Builds a GetUsageReportRequest from an expected file's request."""
    message = pb2.GetUsageReportRequest(time_zone=request["time_zone"])
    for user in request["users"]:
        if "@" in user:
            message.users.add(email=user)
        else:
            message.users.add(id=user)
    message.period.preset = pb2.PeriodPreset.Value(PERIODS[request["period"]])
    message.as_of.FromJsonString(request["as_of"])
    return message


def to_json(message):
    """Converts a message to the proto3 JSON form the CLI prints."""
    return json_format.MessageToDict(message,
                                     preserving_proto_field_name=True,
                                     including_default_value_fields=True)


class Client:
    """A UsageService stub on an insecure loopback channel."""

    def __init__(self, address=None):
        self.channel = grpc.insecure_channel(address or
                                             support.stackenv.service_address())
        self.stub = pb2_grpc.UsageServiceStub(self.channel)

    def close(self):
        self.channel.close()

    def report(self, request):
        response = self.stub.GetUsageReport(request, timeout=DEADLINE_SECONDS)
        return response.report

    def render_pdf(self, request, paper_size="PAPER_SIZE_A4"):
        message = pb2.RenderPdfRequest(
            report=request, paper_size=pb2.PaperSize.Value(paper_size))
        return list(self.stub.RenderPdf(message, timeout=DEADLINE_SECONDS))

    def search_users(self, query, page_size=0, page_token=""):
        return self.stub.SearchUsers(pb2.SearchUsersRequest(
            query=query, page_size=page_size, page_token=page_token),
                                     timeout=DEADLINE_SECONDS)
