"""Installs, bootstraps, starts and stops the pinned Directus server.

The npm package is installed into a folder of the build tree, never into the
source tree, and only when the lockfile differs from the one installed last.
"""

import hashlib
import os
import pathlib
import secrets
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request

import stackenv

START_TIMEOUT_SECONDS = 90
# The maximum `limit` Directus accepts. It is small so that the service's
# paging runs against a server that caps page sizes.
QUERY_LIMIT_MAX = 200
# Port 9 (discard) on loopback, where nothing listens on a test machine.
_CLOSED_LOOPBACK_URL = "http://127.0.0.1:9"


def install(npm_dir):
    """Runs `npm ci` into `npm_dir` unless it already holds this lockfile."""
    npm_dir = pathlib.Path(npm_dir)
    npm_dir.mkdir(parents=True, exist_ok=True)
    lockfile = stackenv.STACK_DIR / "package-lock.json"
    digest = hashlib.sha256(lockfile.read_bytes()).hexdigest()
    marker = npm_dir / "node_modules" / ".installed-lock-sha256"
    if marker.exists() and marker.read_text().strip() == digest:
        print(f"directus: node_modules in {npm_dir} is current")
        return
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(stackenv.STACK_DIR / name, npm_dir / name)
    print(f"directus: npm ci into {npm_dir}", flush=True)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"],
                   cwd=npm_dir,
                   check=True)
    marker.write_text(digest + "\n")


class Server:
    """A Directus process whose state lives under `state_dir`."""

    def __init__(self, npm_dir, state_dir):
        self.npm_dir = pathlib.Path(npm_dir).resolve()
        self.root = pathlib.Path(state_dir).resolve()
        self.log_file = self.root / "directus.log"
        self.pid_file = self.root / "directus.pid"
        self.secret_file = self.root / "directus.secret"

    def _environment(self):
        if not self.secret_file.exists():
            self.secret_file.write_text(secrets.token_hex(32))
        for folder in ("uploads", "extensions"):
            (self.root / folder).mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        env.update({
            "DB_CLIENT": "pg",
            "DB_HOST": stackenv.HOST,
            "DB_PORT": str(stackenv.POSTGRES_PORT),
            "DB_DATABASE": stackenv.DATABASE,
            "DB_USER": stackenv.DATABASE_USER,
            "DB_PASSWORD": stackenv.DATABASE_PASSWORD,
            "HOST": stackenv.HOST,
            "PORT": str(stackenv.DIRECTUS_PORT),
            "PUBLIC_URL": stackenv.directus_url(),
            "SECRET": self.secret_file.read_text(),
            "ADMIN_EMAIL": stackenv.ADMIN_EMAIL,
            "ADMIN_PASSWORD": stackenv.ADMIN_PASSWORD,
            "QUERY_LIMIT_MAX": str(QUERY_LIMIT_MAX),
            # Settings that keep Directus off the network: no telemetry, no
            # marketplace registry, no mail, no websockets, and files and
            # extensions in the state directory. Any other outgoing HTTP
            # request goes through a proxy on a closed loopback port.
            "TELEMETRY": "false",
            "HTTP_PROXY": _CLOSED_LOOPBACK_URL,
            "HTTPS_PROXY": _CLOSED_LOOPBACK_URL,
            "http_proxy": _CLOSED_LOOPBACK_URL,
            "https_proxy": _CLOSED_LOOPBACK_URL,
            "NO_PROXY": "",
            "no_proxy": "",
            "MARKETPLACE_TRUST": "sandbox",
            "MARKETPLACE_REGISTRY": _CLOSED_LOOPBACK_URL,
            "EMAIL_TRANSPORT": "sendmail",
            "EMAIL_SENDMAIL_PATH": "/bin/true",
            "WEBSOCKETS_ENABLED": "false",
            "EXTENSIONS_PATH": str(self.root / "extensions"),
            "EXTENSIONS_AUTO_RELOAD": "false",
            "STORAGE_LOCATIONS": "local",
            "STORAGE_LOCAL_ROOT": str(self.root / "uploads"),
            "CACHE_ENABLED": "false",
            "RATE_LIMITER_ENABLED": "false",
            "LOG_LEVEL": "warn",
            "LOG_STYLE": "raw",
        })
        return env

    def _directus(self):
        # The `directus` bin (directus/cli.js, which `npx directus` runs)
        # first requests the latest release from registry.npmjs.org, then
        # imports this module. Running the module directly skips the request.
        entry = (self.npm_dir / "node_modules" / "@directus" / "api" / "dist" /
                 "cli" / "run.js")
        return ["node", str(entry)]

    def bootstrap(self):
        """Creates Directus's tables and the admin user."""
        with open(self.log_file, "ab") as log:
            subprocess.run(self._directus() + ["bootstrap"],
                           cwd=self.npm_dir,
                           env=self._environment(),
                           stdout=log,
                           stderr=subprocess.STDOUT,
                           check=True)

    def start(self):
        """Starts the server in the background and waits until it is healthy."""
        self.stop()
        with open(self.log_file, "ab") as log:
            process = subprocess.Popen(self._directus() + ["start"],
                                       cwd=self.npm_dir,
                                       env=self._environment(),
                                       stdin=subprocess.DEVNULL,
                                       stdout=log,
                                       stderr=subprocess.STDOUT,
                                       start_new_session=True)
        self.pid_file.write_text(f"{process.pid}\n")
        self._wait_until_healthy(process)

    def _wait_until_healthy(self, process):
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        url = stackenv.directus_url() + "/server/ping"
        while time.monotonic() < deadline:
            if process.poll() is not None:
                self._fail(f"directus exited with status {process.returncode}")
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.5)
        self._fail(f"directus did not answer {url} within "
                   f"{START_TIMEOUT_SECONDS} s")

    def _fail(self, message):
        tail = self.log_file.read_text(errors="replace").splitlines()[-40:]
        raise SystemExit(message + "\n--- directus.log (last lines) ---\n" +
                         "\n".join(tail))

    def stop(self):
        """Sends SIGTERM to the server's process group and waits for it."""
        if not self.pid_file.exists():
            return
        pid = int(self.pid_file.read_text())
        self.pid_file.unlink()
        try:
            os.killpg(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        for _ in range(100):
            try:
                os.killpg(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)
        os.killpg(pid, signal.SIGKILL)
