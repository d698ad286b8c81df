#!/usr/bin/env python3
"""The back office at scale: 100,000 generated applications in the SQLite default, then the
screening list (filters and facet counts), full-text search over motivations and over the
text of the generated CVs, the dashboard and the XLSX export, timed from a client on the
same machine.

    CARGO_TARGET_DIR=/var/tmp/cohort-target cargo build --release -p cohort
    python3 bench/office/run.py [--applications 100000] [--requests 200]

Standard library only. Every figure is measured from sending the request to reading the
whole answer, one request at a time (the list is per coordinator, not a crowd); the first
request after a change rebuilds the in-memory list and is reported apart ("cold").
"""

import argparse
import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

TARGET = Path(os.environ.get("CARGO_TARGET_DIR", "/var/tmp/cohort-target"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, max(0, round(p / 100 * len(v)) - 1))] * 1000


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--applications", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200, help="timed requests per query (200)")
    ap.add_argument("--binary", type=Path, default=TARGET / "release" / "cohort")
    args = ap.parse_args()
    if not args.binary.exists():
        sys.exit(f"{args.binary} not found: cargo build --release -p cohort")
    tmp = Path(tempfile.mkdtemp(prefix="cohort-office-bench-"))
    data = tmp / "data"
    env = dict(os.environ, COHORT_DATA_DIR=str(data), COHORT_LOG="warn")

    t0 = time.perf_counter()
    gen = subprocess.run([str(args.binary), "demo", "generate", "--applications", str(args.applications)],
                         env=env, capture_output=True, text=True)
    generate_s = time.perf_counter() - t0
    if gen.returncode != 0:
        sys.exit(gen.stderr)
    print(f"generate: {args.applications} applications in {generate_s:.1f} s (wall, the command itself)")

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    add = subprocess.run([str(args.binary), "user", "add", "--email", "coord@bench.example",
                          "--role", "coordinator", "--public-url", base], env=env, capture_output=True, text=True)
    token = re.search(r"token=([0-9a-f]{64})", add.stdout).group(1)
    server = subprocess.Popen([str(args.binary), "serve", "--bind", f"127.0.0.1:{port}",
                               "--mail-dir", str(tmp / "mail")], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

        def call(method, path, body=None, headers=None):
            req = urllib.request.Request(base + path, method=method, headers=headers or {},
                                         data=json.dumps(body).encode() if body is not None else None)
            if body is not None:
                req.add_header("content-type", "application/json")
            with opener.open(req, timeout=120) as r:
                return r.status, r.read()

        for _ in range(200):
            try:
                call("GET", "/readyz")
                break
            except OSError:
                time.sleep(0.05)
        call("POST", "/api/v1/auth/password-reset", {"token": token, "password": "bench office password"})
        _, body = call("POST", "/api/v1/auth/login", {"email": "coord@bench.example", "password": "bench office password"})
        session = json.loads(call("GET", "/api/v1/sessions")[1])[0]["id"]
        listing = f"/api/v1/office/sessions/{session}/applications"

        t = time.perf_counter()
        _, first = call("GET", listing)
        cold = time.perf_counter() - t
        total = json.loads(first)["total"]
        print(f"list, cold (builds the in-memory list of {total} sent applications): {cold * 1000:.0f} ms")

        queries = {
            "list, no filter": "",
            "list, 3 filters + facets": "?status=shortlisted&language=fr:B2&field=law",
            "list, unit + nationality": "?unit=DI&nationality=RO&sort=oldest&page=3",
            "full text, one word": "?q=cyberdefense",
            "full text, two words + filter": "?q=droit+humanitaire&eligible=yes",
            # words that only the generated CVs' texts hold
            "CV text, rare skill": "?q=kubernetes",
            "CV text, common skill + 2 filters": "?q=python&status=shortlisted&field=law",
            "CV text + motivation, 2 words": "?q=osint+cyberdefense",
            "CV text, place, page 5": "?q=geneva&sort=oldest&page=5",
        }
        print(f"{'query':34} {'n':>5} {'p50':>8} {'p90':>8} {'p99':>8} {'max':>8}  (ms)  matches")
        results = {}
        for name, q in queries.items():
            samples = []
            for _ in range(3):
                call("GET", listing + q)
            for _ in range(args.requests):
                t = time.perf_counter()
                _, body = call("GET", listing + q)
                samples.append(time.perf_counter() - t)
            matches = json.loads(body)["total"]
            results[name] = samples
            print(f"{name:34} {len(samples):5} {pct(samples, 50):8.1f} {pct(samples, 90):8.1f} "
                  f"{pct(samples, 99):8.1f} {max(samples) * 1000:8.1f}        {matches}")

        def rss():
            status = Path(f"/proc/{server.pid}/status").read_text()
            hwm = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024
            now = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024
            return now, hwm

        before = rss()
        t = time.perf_counter()
        _, xlsx = call("GET", f"/api/v1/office/sessions/{session}/applications/export?format=xlsx")
        export_s = time.perf_counter() - t
        after = rss()
        print(f"XLSX export of {total} rows: {export_s:.2f} s, {len(xlsx) / 1e6:.1f} MB; server RSS "
              f"{before[0]:.0f} MiB before, {after[0]:.0f} MiB after, peak {after[1]:.0f} MiB")
        t = time.perf_counter()
        _, csv = call("GET", f"/api/v1/office/sessions/{session}/applications/export?format=csv")
        print(f"CSV export of {total} rows: {time.perf_counter() - t:.2f} s, {len(csv) / 1e6:.1f} MB")
        samples = []
        for i in range(3 + args.requests // 4):
            t = time.perf_counter()
            status, html = call("GET", f"/office/sessions/{session}/report")
            if i >= 3:
                samples.append(time.perf_counter() - t)
        print(f"{'dashboard (6 SVG charts + tables)':34} {len(samples):5} {pct(samples, 50):8.1f} "
              f"{pct(samples, 90):8.1f} {pct(samples, 99):8.1f} {max(samples) * 1000:8.1f}  ({len(html) // 1024} KiB)")
    finally:
        server.terminate()
        server.wait(timeout=10)
        subprocess.run(["rm", "-rf", str(tmp)])


if __name__ == "__main__":
    main()
