"""Ports, paths and the shared state file of the integration test stack.

The stack's scripts take the state directory as an argument. The stack
writes what the tests need (ports, tokens, user ids) to
`stack.json` in that directory.
"""

import json
import os
import pathlib

# Fixed loopback ports, unlikely to clash with services a developer runs.
# Each can be overridden through the environment variable beside it.
POSTGRES_PORT = int(os.environ.get("USAGE_IT_POSTGRES_PORT", "55432"))
DIRECTUS_PORT = int(os.environ.get("USAGE_IT_DIRECTUS_PORT", "58055"))
SERVICE_PORT = int(os.environ.get("USAGE_IT_SERVICE_PORT", "50551"))

HOST = "127.0.0.1"

DATABASE = "directus"
DATABASE_USER = "directus"
DATABASE_PASSWORD = "directus-it-password"

ADMIN_EMAIL = "admin@example.com"
ADMIN_PASSWORD = "admin-it-password"

STACK_DIR = pathlib.Path(__file__).resolve().parent
INTEGRATION_DIR = STACK_DIR.parent


def directus_url():
    return f"http://{HOST}:{DIRECTUS_PORT}"


def service_address():
    return f"{HOST}:{SERVICE_PORT}"


def state_file(state_dir):
    return pathlib.Path(state_dir) / "stack.json"


def read_state(state_dir):
    """Returns the state that start_stack.py wrote, or raises SystemExit."""
    path = state_file(state_dir)
    if not path.exists():
        raise SystemExit(f"{path} is missing: run start_stack.py first")
    return json.loads(path.read_text())


def write_state(state_dir, state):
    path = state_file(state_dir)
    path.write_text(json.dumps(state, indent=2, sort_keys=True) + "\n")
