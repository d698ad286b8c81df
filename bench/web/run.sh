#!/usr/bin/env bash
# Load benchmark of the public site and API on loopback (wrk, 64 connections), the
# server's memory, and cold start to /readyz on an already migrated database.
# Bounded: each load run lasts DURATION seconds (default 10). Prints the figures.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/cohort-target}"
DURATION="${DURATION:-10}"
command -v wrk >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; }
cargo build --release -q -p cohort
BIN="$CARGO_TARGET_DIR/release/cohort"
DATA="$(mktemp -d /tmp/cohort-bench.XXXXXX)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
URL="http://127.0.0.1:$PORT"
PID=""
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$DATA"' EXIT

# First start migrates and loads the catalogue; not what we time.
COHORT_LOG=warn "$BIN" migrate --data-dir "$DATA"

start() {
  local t0; t0=$(date +%s.%N)
  COHORT_LOG=warn "$BIN" serve --bind "127.0.0.1:$PORT" --data-dir "$DATA" &
  PID=$!
  until curl -fsS "$URL/readyz" >/dev/null 2>&1; do sleep 0.005; done
  python3 -c "print(f'cold start to /readyz 200: {($(date +%s.%N) - $t0) * 1000:.0f} ms')"
}
start   # seeds the catalogue on this first serve
kill "$PID"; wait "$PID" 2>/dev/null || true
start   # database migrated and seeded: the cold start that counts

for path in "/api/v1/units" "/units/ESCD-CYBER" "/search?q=cyberd%C3%A9fense" "/api/v1/search?q=legal&lang=en"; do
  echo "== GET $path (64 connections, ${DURATION}s)"
  wrk -t2 -c64 -d"${DURATION}s" --latency "$URL$path" | grep -E "Requests/sec|50%|90%|99%|Non-2xx|Socket errors" || true
done
grep -E "VmHWM|VmRSS" "/proc/$PID/status" | sed 's/^/server memory: /'
