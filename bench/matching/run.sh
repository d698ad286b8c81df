#!/usr/bin/env bash
# Benchmarks of the allocation engine (bounded: a few minutes on 2 cores).
#   bench/matching/run.sh            # uses /var/tmp/cohort-target unless CARGO_TARGET_DIR is set
# Needs /usr/bin/time (GNU time) for peak RSS; COHORT_PYTHON (with matching==1.4.3)
# for the side-by-side comparison, e.g. /var/tmp/cohort-venv/bin/python.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/cohort-target}"
BIN="$CARGO_TARGET_DIR/release/examples"
WORK="$(mktemp -d /var/tmp/cohort-bench-matching.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

echo "== build (release)"
cargo build --release -p cohort-matching --examples --quiet
cargo build --release -p cohort --quiet

echo "== solve, in memory (rank tables included, JSON excluded), best of 3"
"$BIN/solve_big" --candidates 50000 --choices 10 --placements 2500 --seed 1
timeout 300 /usr/bin/time -v "$BIN/solve_big" --candidates 1000000 --choices 10 --placements 50000 --seed 1 \
  2> "$WORK/time.txt"
grep -E "Maximum resident set size|Elapsed \(wall clock\)" "$WORK/time.txt" | sed 's/^\s*/  1M process: /'
"$BIN/solve_big" --candidates 50000 --choices 10 --placements 2500 --seed 1 --ties --caps

echo "== end to end on a 100,000-candidate JSON"
"$BIN/gen_instance" --candidates 100000 --choices 10 --placements 5000 --seed 2 > "$WORK/100k.json"
ls -l "$WORK/100k.json" | awk '{print "  instance bytes: " $5}'
"$BIN/solve_file" "$WORK/100k.json" 2>&1 >/dev/null | sed 's/^/  solve_json: /'
COHORT_BIN=""
for candidate in "$CARGO_TARGET_DIR/release/cohort" target/release/cohort; do
  if [ -x "$candidate" ]; then COHORT_BIN="$candidate"; break; fi
done
if [ -n "$COHORT_BIN" ]; then
  /usr/bin/time -f "  cohort match: %e s wall, %M KB peak RSS" \
    timeout 120 "$COHORT_BIN" match --input "$WORK/100k.json" --output /dev/null
else
  echo "  (no release 'cohort' binary yet: build it with 'cargo build --release -p cohort')"
fi

echo "== side by side with the Python 'matching' package, 10,000 candidates"
"$BIN/gen_instance" --candidates 10000 --choices 10 --placements 500 --seed 3 > "$WORK/10k.json"
PY="${COHORT_PYTHON:-}"
if [ -z "$PY" ] || ! "$PY" -c "import matching" 2>/dev/null; then
  echo "  COHORT_PYTHON unset or without 'matching': python3 -m venv /var/tmp/cohort-venv && /var/tmp/cohort-venv/bin/pip install matching==1.4.3"
  exit 0
fi
ours_start=$(date +%s.%N)
"$BIN/solve_file" "$WORK/10k.json" > "$WORK/ours.json" 2>/dev/null
ours_end=$(date +%s.%N)
timeout 600 "$PY" crates/matching/tests/python/hr_solve.py < "$WORK/10k.json" > "$WORK/theirs.json"
py_end=$(date +%s.%N)
"$PY" - "$WORK/ours.json" "$WORK/theirs.json" "$ours_start" "$ours_end" "$py_end" <<'PY'
import json, sys
ours = json.load(open(sys.argv[1]))["assignment"]
theirs = json.load(open(sys.argv[2]))
t0, t1, t2 = map(float, sys.argv[3:6])
ours_s, py_s = t1 - t0, t2 - t1
print(f"  identical assignments: {ours == theirs}")
print(f"  cohort-matching (process, JSON in/out, check, explain): {ours_s*1000:.0f} ms")
print(f"  python matching 1.4.3 (process, JSON in/out):          {py_s*1000:.0f} ms")
print(f"  speed ratio: {py_s/ours_s:.0f}x")
PY
