"""Stops Directus and PostgreSQL; the state directory stays for inspection.

Usage: stop_stack.py STATE_DIR NPM_DIR
"""

import sys

import directus_server
import postgres


def main(state_dir, npm_dir):
    directus_server.Server(npm_dir, state_dir).stop()
    postgres.Cluster(state_dir).stop_if_running()
    print("stack: directus and postgresql stopped")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
