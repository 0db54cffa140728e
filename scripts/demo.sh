#!/usr/bin/env bash
# Installs what usage-service needs, builds it, starts it on the embedded demo
# snapshot and writes a usage report (printed) and a PDF (out/).
set -euo pipefail
cd "$(dirname "$0")/.."

port="${USAGE_DEMO_PORT:-50061}"
user="${USAGE_DEMO_USER:-anna.devries@utrecht.example}"
as_of="2026-11-30T18:00:00Z"   # the demo data ends here

echo "==> Installing Debian packages"
bash .ci/install-deps

echo "==> Building"
cmake --preset default >/dev/null
cmake --build --preset default --target usage-service usage-cli

echo "==> Starting usage-service on the demo snapshot (port $port)"
mkdir -p out
USAGE_SNAPSHOT_DIR=deploy/demo-data/snapshot \
  USAGE_LISTEN_ADDRESS="127.0.0.1:$port" \
  build/services/usage-service/usage-service 2>out/usage-service.log &
service_pid=$!
trap 'kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true' EXIT

cli=(build/clients/usage-cli/usage-cli --server "127.0.0.1:$port")
for _ in $(seq 1 50); do
  "${cli[@]}" --deadline 1 users search >/dev/null 2>&1 && break
  kill -0 "$service_pid" 2>/dev/null || {
    cat out/usage-service.log >&2
    exit 1
  }
  sleep 0.2
done

echo "==> Report for $user, last 30 days before $as_of"
selection=(--user "$user" --period last-30-days --tz Europe/Amsterdam
  --as-of "$as_of")
"${cli[@]}" report "${selection[@]}"
"${cli[@]}" pdf "${selection[@]}" -o out/usage-report.pdf
"${cli[@]}" html "${selection[@]}" -o out/usage-report.html
echo "==> Done: out/usage-report.pdf and out/usage-report.html"
