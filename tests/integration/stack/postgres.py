"""A throw-away PostgreSQL 15 cluster on 127.0.0.1 for the integration tests.

initdb and pg_ctl reject root, so when the tests run as root every server
command runs as the `postgres` system user, which then owns the data
directory. The unix socket lives in the state directory, and TCP listens on
127.0.0.1 only.
"""

import os
import pathlib
import shutil
import subprocess

import stackenv

BIN_DIR = pathlib.Path(
    os.environ.get("USAGE_IT_POSTGRES_BIN", "/usr/lib/postgresql/15/bin"))
SUPERUSER = "postgres"


def _as_server_user(command):
    if os.geteuid() == 0:
        return ["runuser", "-u", SUPERUSER, "--"] + command
    return command


def _give_to_server_user(path):
    if os.geteuid() == 0:
        shutil.chown(path, user=SUPERUSER, group=SUPERUSER)


class Cluster:
    """PostgreSQL cluster whose files live under `state_dir`."""

    def __init__(self, state_dir):
        self.root = pathlib.Path(state_dir).resolve()
        self.data_dir = self.root / "pg"
        self.socket_dir = self.root / "pg-socket"
        self.log_file = self.root / "postgres.log"

    def _check_reachable(self):
        # The server user must be able to traverse every parent directory.
        probe = _as_server_user(["test", "-w", str(self.data_dir)])
        if subprocess.run(probe).returncode != 0:
            raise SystemExit(
                f"user {SUPERUSER} cannot reach {self.data_dir}; set "
                "USAGE_IT_STATE_DIR to a directory that it can reach")

    def create(self):
        """Runs initdb into a fresh data directory, removing an old one."""
        self.stop_if_running()
        shutil.rmtree(self.data_dir, ignore_errors=True)
        shutil.rmtree(self.socket_dir, ignore_errors=True)
        self.root.mkdir(parents=True, exist_ok=True)
        self.root.chmod(0o755)
        self.socket_dir.mkdir()
        self.data_dir.mkdir(mode=0o700)
        for path in (self.data_dir, self.socket_dir):
            _give_to_server_user(path)
        self._check_reachable()
        subprocess.run(
            _as_server_user([
                str(BIN_DIR / "initdb"), "--pgdata", str(self.data_dir),
                "--username", SUPERUSER, "--auth-local", "trust",
                "--auth-host", "scram-sha-256", "--encoding", "UTF8",
                "--locale", "C.UTF-8"
            ]),
            check=True,
            stdout=subprocess.DEVNULL)

    def start(self):
        options = (f"-c listen_addresses={stackenv.HOST} "
                   f"-c port={stackenv.POSTGRES_PORT} "
                   f"-c unix_socket_directories={self.socket_dir} "
                   "-c fsync=off -c full_page_writes=off "
                   "-c synchronous_commit=off")
        if not self.log_file.exists():
            self.log_file.touch()
        _give_to_server_user(self.log_file)
        subprocess.run(
            _as_server_user([
                str(BIN_DIR / "pg_ctl"), "start", "--pgdata",
                str(self.data_dir), "--log", str(self.log_file), "--wait",
                "--timeout", "60", "--options", options
            ]),
            check=True,
            stdout=subprocess.DEVNULL)

    def stop_if_running(self):
        if not (self.data_dir / "postmaster.pid").exists():
            return
        subprocess.run(
            _as_server_user([
                str(BIN_DIR / "pg_ctl"), "stop", "--pgdata",
                str(self.data_dir), "--mode", "fast", "--wait"
            ]),
            stdout=subprocess.DEVNULL)

    def psql(self, sql, database="postgres"):
        """Runs `sql` as the superuser and returns psql's unaligned output."""
        result = subprocess.run(
            [
                "psql", "--no-psqlrc", "--quiet", "--tuples-only",
                "--no-align", "--field-separator", "\t", "--set",
                "ON_ERROR_STOP=1", "--host",
                str(self.socket_dir), "--port",
                str(stackenv.POSTGRES_PORT), "--username", SUPERUSER,
                "--dbname", database
            ],
            input=sql,
            capture_output=True,
            text=True)
        if result.returncode != 0:
            raise RuntimeError(f"psql failed: {result.stderr.strip()}")
        return result.stdout

    def create_database(self):
        """Creates the Directus database and its owner."""
        self.psql(f"CREATE ROLE {stackenv.DATABASE_USER} LOGIN PASSWORD "
                  f"'{stackenv.DATABASE_PASSWORD}';\n"
                  f"CREATE DATABASE {stackenv.DATABASE} "
                  f"OWNER {stackenv.DATABASE_USER};\n")
