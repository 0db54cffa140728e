"""Runs the browser tests of the HTML report against the real service.

Installs playwright-core with `npm ci` into NPM_DIR when the lockfile
changed, starts usage-service on the demo snapshot on a free loopback port,
writes the HTML report with `usage-cli html`, and runs the node:test file
html_report.test.mjs on it in Debian's Chromium.

Usage: run_browser_test.py SERVICE_BINARY CLI_BINARY SNAPSHOT_DIR NPM_DIR
"""

import hashlib
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
# ServiceProcess lives with the end-to-end tests.
sys.path.insert(0, str(HERE.parent / "e2e"))
from service_process import ServiceProcess, free_port  # noqa: E402

AS_OF = "2026-11-30T18:00:00Z"
USER_EMAIL = "anna.devries@utrecht.example"
CHROMIUM = "/usr/bin/chromium"


def install(npm_dir):
    """Runs `npm ci` into `npm_dir` unless it already holds this lockfile."""
    npm_dir.mkdir(parents=True, exist_ok=True)
    lockfile = HERE / "package-lock.json"
    digest = hashlib.sha256(lockfile.read_bytes()).hexdigest()
    marker = npm_dir / "node_modules" / ".installed-lock-sha256"
    if marker.exists() and marker.read_text().strip() == digest:
        return
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(HERE / name, npm_dir / name)
    print(f"browser: npm ci into {npm_dir}", flush=True)
    subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit",
                    "--no-fund"], cwd=npm_dir, check=True)
    marker.write_text(digest + "\n")


def main(service, cli, snapshot, npm_dir):
    if not os.access(CHROMIUM, os.X_OK):
        raise SystemExit(f"{CHROMIUM} is missing: run .ci/install-deps")
    install(npm_dir)
    env = dict(os.environ, USAGE_SNAPSHOT_DIR=snapshot,
               USAGE_LISTEN_ADDRESS=f"127.0.0.1:{free_port()}")
    with tempfile.TemporaryDirectory() as work:
        usage_service = ServiceProcess(service, cli, env, cwd=work)
        try:
            usage_service.wait_until_serving()
            report = pathlib.Path(work) / "report.html"
            subprocess.run(
                [cli, "--server", usage_service.address, "html", "--user",
                 USER_EMAIL, "--period", "last-90-days", "--tz",
                 "Europe/Amsterdam", "--as-of", AS_OF, "--no-progress", "-o",
                 str(report)],
                check=True)
        finally:
            usage_service.stop(graceful=True)
        test_env = dict(os.environ, HTML_REPORT=str(report),
                        BROWSER_NPM_DIR=str(npm_dir), CHROMIUM=CHROMIUM)
        result = subprocess.run(
            ["node", "--test", str(HERE / "html_report.test.mjs")],
            env=test_env, cwd=work)
        return result.returncode


if __name__ == "__main__":
    if len(sys.argv) != 5:
        raise SystemExit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3],
                  pathlib.Path(sys.argv[4]).resolve()))
