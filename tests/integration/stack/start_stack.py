"""Starts PostgreSQL and Directus, creates the ECHO schema and seeds it.

Usage: start_stack.py STATE_DIR NPM_DIR

STATE_DIR receives the database, logs, pid files and stack.json, and what
a previous run left there is replaced. NPM_DIR keeps the installed Directus
package between runs.
"""

import pathlib
import shutil
import sys
import time

import access
import directus_api
import directus_server
import postgres
import schema
import service
import stackenv

sys.path.insert(0, str(stackenv.INTEGRATION_DIR / "seed"))
import load_seed  # noqa: E402


# What a previous run left in the state directory. Only these are removed,
# so a mistyped USAGE_IT_STATE_DIR cannot wipe unrelated files.
_STATE_ENTRIES = [
    "pg", "pg-socket", "uploads", "extensions", "stack.json",
    "directus.secret", "postgres.log", "directus.log"
]


def _remove_previous_state(state_dir):
    root = pathlib.Path(state_dir)
    for name in _STATE_ENTRIES:
        path = root / name
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    for log in root.glob("service-*.log"):
        log.unlink()


def _step(name, started):
    print(f"stack: {name} done after {time.monotonic() - started:.1f} s",
          flush=True)


def main(state_dir, npm_dir):
    started = time.monotonic()
    directus_server.install(npm_dir)
    _step("npm", started)

    # A previous run that was never stopped is stopped first.
    cluster = postgres.Cluster(state_dir)
    server = directus_server.Server(npm_dir, state_dir)
    service.Instance(state_dir).stop()
    server.stop()
    cluster.stop_if_running()
    _remove_previous_state(state_dir)

    cluster.create()
    cluster.start()
    cluster.create_database()
    _step("postgresql", started)

    server.bootstrap()
    server.start()
    _step("directus", started)

    admin = directus_api.Client.login(stackenv.ADMIN_EMAIL,
                                      stackenv.ADMIN_PASSWORD)
    schema.create(admin)
    admin_token = access.set_admin_token(admin)
    restricted_token = access.create_restricted_reader(admin)
    _step("schema", started)

    user_ids = load_seed.load(admin, cluster, stackenv.DATABASE)
    _step("seed", started)

    stackenv.write_state(
        state_dir, {
            "directus_url": stackenv.directus_url(),
            "admin_token": admin_token,
            "restricted_token": restricted_token,
            "forbidden_collection": access.FORBIDDEN_COLLECTION,
            "service_address": stackenv.service_address(),
            "user_ids": user_ids,
        })


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
