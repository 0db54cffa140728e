"""Shared helpers of the integration tests: stack state, expected files, the
CLI, and the comparison of a report with its hand-computed expectation.

CTest passes the locations through the environment:
  USAGE_IT_STATE_DIR  state directory of the running stack (required)
  USAGE_IT_CLI        path of the usage-cli binary
  USAGE_IT_SERVICE    path of the usage-service binary
"""

import datetime
import json
import os
import pathlib
import re
import subprocess
import sys

TESTS_DIR = pathlib.Path(__file__).resolve().parent
INTEGRATION_DIR = TESTS_DIR.parent
EXPECTED_DIR = INTEGRATION_DIR / "expected"
sys.path.insert(0, str(INTEGRATION_DIR / "stack"))

import stackenv  # noqa: E402

# Relative tolerance for floating-point figures. Expected values are written
# with ten decimals; durations are float4 values that are exact in binary.
FLOAT_TOLERANCE = 1e-9
EXPECTED_FILES = [
    "main_user.json", "jane_no_projects.json", "busy_user.json",
    "main_and_busy.json"
]
CLI_TIMEOUT_SECONDS = 60

_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")


def state_dir():
    value = os.environ.get("USAGE_IT_STATE_DIR")
    if not value:
        raise SystemExit("USAGE_IT_STATE_DIR is not set; run through ctest")
    return value


def stack_state():
    return stackenv.read_state(state_dir())


def build_path(variable):
    value = os.environ.get(variable)
    if not value or not pathlib.Path(value).exists():
        raise SystemExit(f"{variable} does not name an existing file: "
                         f"{value!r}")
    return value


def load_expected(name):
    return json.loads((EXPECTED_DIR / name).read_text())


def parse_timestamp(text):
    """Parses an RFC 3339 instant in UTC ("...Z"), with or without a
    fraction of up to nine digits."""
    match = re.match(r"^(.{19})(?:\.(\d+))?Z$", text)
    if not match:
        raise ValueError(f"not an RFC 3339 UTC timestamp: {text!r}")
    whole = datetime.datetime.strptime(match.group(1), "%Y-%m-%dT%H:%M:%S")
    fraction = (match.group(2) or "0")[:6].ljust(6, "0")
    return whole.replace(microsecond=int(fraction),
                         tzinfo=datetime.timezone.utc)


def _as_number(value):
    # proto3 JSON prints int64 values as strings.
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return value


def mismatches(expected, actual, path="report"):
    """Returns one line for each value of `expected` that `actual` lacks.

    Keys missing from `expected` are not checked. None in `expected` means
    the field must be unset. Numbers match within FLOAT_TOLERANCE, instants
    match as instants, lists must have the same length and order.
    """
    if expected is None:
        if actual is None:
            return []
        return [f"{path}: expected unset, got {actual!r}"]
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        found = []
        for key, value in expected.items():
            found += mismatches(value, actual.get(key), f"{path}.{key}")
        return found
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path}: expected {len(expected)} items, got {actual!r}"]
        found = []
        for index, (want, got) in enumerate(zip(expected, actual)):
            found += mismatches(want, got, f"{path}[{index}]")
        return found
    if isinstance(expected, bool):
        if actual is expected:
            return []
        return [f"{path}: expected {expected}, got {actual!r}"]
    if isinstance(expected, (int, float)):
        got = _as_number(actual)
        tolerance = FLOAT_TOLERANCE * max(1.0, abs(expected))
        if got is not None and abs(got - expected) <= tolerance:
            return []
        return [f"{path}: expected {expected}, got {actual!r}"]
    if _TIMESTAMP.match(expected):
        if (isinstance(actual, str) and _TIMESTAMP.match(actual) and
                parse_timestamp(actual) == parse_timestamp(expected)):
            return []
        return [f"{path}: expected instant {expected}, got {actual!r}"]
    if actual == expected:
        return []
    return [f"{path}: expected {expected!r}, got {actual!r}"]


def data_quality_mismatches(expected_counts, notes):
    """Returns one line for each data-quality kind whose count differs; a
    kind without a note counts as 0."""
    counts = {}
    for note in notes or []:
        counts[note["kind"]] = int(note.get("count", 0))
    return [
        f"data_quality {kind}: expected {count}, got {counts.get(kind, 0)}"
        for kind, count in expected_counts.items()
        if counts.get(kind, 0) != count
    ]


def assert_report(test, expected, report):
    """Compares a report in proto3 JSON form with an expected file and
    lists every differing figure on failure."""
    found = mismatches(expected["report"], report)
    found += data_quality_mismatches(expected["data_quality_counts"],
                                     report.get("data_quality"))
    if found:
        test.fail(f"{len(found)} figures differ:\n" + "\n".join(found))


def selection_args(request):
    """Returns the CLI arguments that select the report of `request`."""
    args = []
    for user in request["users"]:
        args += ["--user", user]
    return args + [
        "--period", request["period"], "--tz", request["time_zone"],
        "--as-of", request["as_of"]
    ]


def run_cli(*args, server=None):
    """Runs usage-cli against the stack's service; returns the process."""
    command = [
        build_path("USAGE_IT_CLI"), "--server", server or
        stackenv.service_address()
    ] + list(args)
    return subprocess.run(command,
                          capture_output=True,
                          text=True,
                          timeout=CLI_TIMEOUT_SECONDS)
