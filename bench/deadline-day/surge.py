#!/usr/bin/env python3
"""Deadline day, the surge: N candidates submit a complete application (draft, CV, letter,
submit) at the same moment, against the release server on SQLite.

Setup (not timed, reported apart): a release server on a free port with a fresh data dir;
N × R candidates registered, verified (token from the .eml the outbox writes), signed in and
given an eligible profile with bounded concurrency (argon2 is deliberately slow); their PDFs
generated and their multipart bodies encoded.

Timed: R rounds back to back; in each, N fresh candidates start together and each sends
PUT application, POST documents (cv), POST documents (letter), POST submit — one after the
other, as a browser would. Reported per round and overall: complete submissions per second
(completed submissions / wall time of the round), latency p50/p90/p99/max per request type
and overall, errors by request and status, CPU used by the server and by this client, and
the load average.

    bench/deadline-day/surge.py [--candidates 200] [--pdf-kb 200] [--rounds 1]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ddcommon as dd  # noqa: E402

TARGET_RATE = 300.0  # complete submissions per second
TARGET_P99 = 0.250  # seconds, per request


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--candidates", type=int, default=200, help="concurrent candidates per round (200)")
    p.add_argument("--pdf-kb", type=int, default=200, help="size of each PDF in KiB (200)")
    p.add_argument("--rounds", type=int, default=1, help="surges back to back, fresh candidates each (1)")
    p.add_argument("--setup-concurrency", type=int, default=4,
                   help="requests in flight during the setup (4; argon2 is CPU-bound)")
    p.add_argument("--binary", type=Path, default=dd.DEFAULT_BINARY, help="the cohort binary")
    p.add_argument("--server-arg", action="append", default=[], metavar="ARG",
                   help="one more argument for `cohort serve`, e.g. --server-arg=--sqlite-sync=full")
    p.add_argument("--client", choices=("rust", "python"), default="rust",
                   help="the load generator of the timed rounds: the compiled "
                        "deadline-day-client (default; little CPU) or this script's httpx")
    p.add_argument("--client-binary", type=Path, default=dd.TARGET / "release" / "deadline-day-client",
                   help="the compiled load generator")
    p.add_argument("--keep", action="store_true", help="keep the temporary data dir")
    p.add_argument("--json", type=Path, help="also write the figures as JSON here")
    p.add_argument("--attach", metavar="CMD",
                   help="a profiler started on the server just before the timed rounds and "
                        "sent SIGINT after them; {pid} is the server's pid, e.g. "
                        "'perf record -g -p {pid} -o /tmp/perf.data' or 'strace -f -c -p {pid} -o /tmp/s.txt'")
    p.add_argument("--check", action="store_true",
                   help="exit 2 when the target (>= 300/s, every p99 < 250 ms) is missed")
    return p.parse_args()


class Round:
    def __init__(self):
        self.lat = {s: [] for s in dd.STEPS}
        self.errors = {}  # (step, status or exception) -> count
        self.error_samples = {}
        self.completed = 0
        self.done_at = []


async def flow(c, sid, choices, start, rec: Round):
    import httpx

    await start.wait()
    for step in dd.STEPS:
        t0 = dd.time.perf_counter()
        try:
            r = await c.client.request(**dd.request_for(step, c, sid, choices))
        except httpx.HTTPError as e:
            key = (step, type(e).__name__)
            rec.errors[key] = rec.errors.get(key, 0) + 1
            rec.error_samples.setdefault(key, str(e)[:200])
            return
        rec.lat[step].append(dd.time.perf_counter() - t0)
        if r.status_code != dd.expected_status(step):
            key = (step, r.status_code)
            rec.errors[key] = rec.errors.get(key, 0) + 1
            rec.error_samples.setdefault(key, r.text[:200])
            return
    rec.completed += 1
    rec.done_at.append(dd.time.perf_counter())


async def one_round(cands, sid, choices, server) -> dict:
    import asyncio
    import resource

    rec = Round()
    start = asyncio.Event()
    tasks = [asyncio.create_task(flow(c, sid, choices, start, rec)) for c in cands]
    await asyncio.sleep(0.2)  # let every task reach the barrier
    load_before = dd.loadavg()
    srv0, cli0 = server.cpu(), resource.getrusage(resource.RUSAGE_SELF)
    t0 = dd.time.perf_counter()
    start.set()
    await asyncio.gather(*tasks)
    wall = dd.time.perf_counter() - t0
    srv1, cli1 = server.cpu(), resource.getrusage(resource.RUSAGE_SELF)
    client_cpu = (cli1.ru_utime + cli1.ru_stime) - (cli0.ru_utime + cli0.ru_stime)
    per_second = {}
    for t in rec.done_at:
        b = int(t - t0)
        per_second[b] = per_second.get(b, 0) + 1
    return {
        "candidates": len(cands),
        "completed": rec.completed,
        "wall_s": wall,
        "rate": rec.completed / wall if wall else 0.0,
        "latency": rec.lat,
        "errors": {f"{s} {code}": n for (s, code), n in sorted(rec.errors.items(), key=str)},
        "error_samples": {f"{s} {code}": t for (s, code), t in rec.error_samples.items()},
        "server_cpu_s": srv1 - srv0,
        "client_cpu_s": client_cpu,
        "load_before": load_before,
        "load_after": dd.loadavg(),
        "completions_per_second": [per_second.get(i, 0) for i in range(int(wall) + 1)],
    }


async def one_round_rust(cands, sid, choices, server, binary: Path, work: Path) -> dict:
    """The same round, driven by the compiled client: the manifest holds each candidate's
    cookie, CSRF token and pre-encoded bodies (written to files here, untimed)."""
    import asyncio
    import json
    import resource

    if not binary.exists():
        sys.exit(f"{binary} not found; build it with\n"
                 f"  CARGO_TARGET_DIR={dd.TARGET} cargo build --release -p deadline-day-client")
    work.mkdir(parents=True, exist_ok=True)
    manifest = {"address": server.base.removeprefix("http://"), "session": sid,
                "choices": choices, "candidates": []}
    for c in cands:
        entry = {"email": c.email, "csrf": c.csrf,
                 "cookie": "; ".join(f"{k}={v}" for k, v in c.client.cookies.items())}
        for kind in ("cv", "letter"):
            body, ctype, _ = c.docs[kind]
            path = work / f"{c.index}-{kind}.body"
            path.write_bytes(body)
            entry[f"{kind}_body"], entry[f"{kind}_type"] = str(path), ctype
        manifest["candidates"].append(entry)
    (work / "manifest.json").write_text(json.dumps(manifest))
    load_before = dd.loadavg()
    srv0, cli0 = server.cpu(), resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = await asyncio.create_subprocess_exec(str(binary), str(work / "manifest.json"),
                                                str(work / "outcome.json"))
    if await proc.wait() != 0:
        sys.exit(f"{binary} failed with {proc.returncode}")
    srv1, cli1 = server.cpu(), resource.getrusage(resource.RUSAGE_CHILDREN)
    out = json.loads((work / "outcome.json").read_text())
    wall = out["wall_s"]
    per_second = {}
    for t in out["done_at"]:
        per_second[int(t)] = per_second.get(int(t), 0) + 1
    return {
        "candidates": len(cands),
        "completed": out["completed"],
        "wall_s": wall,
        "rate": out["completed"] / wall if wall else 0.0,
        "latency": {s: out["latency"].get(s, []) for s in dd.STEPS},
        "errors": out["errors"],
        "error_samples": out["error_samples"],
        "server_cpu_s": srv1 - srv0,
        # the client's whole life, connecting and reading its files included
        "client_cpu_s": (cli1.ru_utime + cli1.ru_stime) - (cli0.ru_utime + cli0.ru_stime),
        "load_before": load_before,
        "load_after": dd.loadavg(),
        "completions_per_second": [per_second.get(i, 0) for i in range(int(wall) + 1)],
    }


def print_round(i, r):
    lat = dict(r["latency"])
    lat["overall"] = [x for s in dd.STEPS for x in r["latency"][s]]
    dd.log(
        f"\n-- round {i}: {r['completed']}/{r['candidates']} complete submissions in "
        f"{r['wall_s']:.2f} s = {r['rate']:.1f} submissions/s "
        f"({r['rate'] * 4:.0f} requests/s)\n"
        f"   {r['load_before']} before, {r['load_after']} after; "
        f"CPU: server {r['server_cpu_s']:.2f} s ({r['server_cpu_s'] / r['wall_s'] * 100:.0f} % of a core), "
        f"this client {r['client_cpu_s']:.2f} s ({r['client_cpu_s'] / r['wall_s'] * 100:.0f} %)\n"
        f"   completions per second of the round: {r['completions_per_second']}"
    )
    dd.log(dd.latency_table(lat))
    if r["errors"]:
        dd.log("   errors: " + ", ".join(f"{k}: {n}" for k, n in r["errors"].items()))
        for k, t in r["error_samples"].items():
            dd.log(f"     e.g. {k}: {t!r}")
    else:
        dd.log("   errors: none")


async def main(args) -> int:
    import asyncio
    import shutil
    import tempfile

    tmp = Path(tempfile.mkdtemp(prefix="cohort-deadline-"))
    server = dd.Server(args.binary, tmp / "data", tmp / "mail", tmp / "server.log",
                       args.server_arg)
    dd.log(f"server: {args.binary} on {server.base}, data in {tmp} ({dd.loadavg()})")
    server.start()
    try:
        ready = await server.wait_ready()
        dd.log(f"ready in {ready:.2f} s")
        sid, choices = await dd.session_and_choices(server.base)
        n_total = args.candidates * args.rounds
        dd.log(f"session {sid}, choices {choices}; setting up {n_total} candidates "
               f"(concurrency {args.setup_concurrency}) — not timed ({dd.loadavg()})")
        t0 = dd.time.perf_counter()
        cands, phases = await dd.setup_candidates(server.base, server.mail_dir, n_total,
                                                  "surge", args.setup_concurrency)
        t1 = dd.time.perf_counter()
        dd.attach_documents(cands, args.pdf_kb)
        t2 = dd.time.perf_counter()
        dd.log(f"setup: {t1 - t0:.1f} s for {n_total} candidates ("
               + ", ".join(f"{k} {v:.1f} s" for k, v in phases.items())
               + f"), PDFs and bodies {t2 - t1:.1f} s ({dd.loadavg()})")

        profiler = None
        if args.attach:
            import shlex
            import subprocess

            profiler = subprocess.Popen(shlex.split(args.attach.format(pid=server.proc.pid)))
            dd.log(f"attached: {args.attach.format(pid=server.proc.pid)}")
            await asyncio.sleep(1.0)
        rounds = []
        for i in range(args.rounds):
            batch = cands[i * args.candidates:(i + 1) * args.candidates]
            if args.client == "rust":
                r = await one_round_rust(batch, sid, choices, server, args.client_binary,
                                         tmp / f"round-{i + 1}")
            else:
                r = await one_round(batch, sid, choices, server)
            rounds.append(r)
            print_round(i + 1, r)
            for c in batch:
                c.docs.clear()

        if profiler:
            import signal

            profiler.send_signal(signal.SIGINT)
            profiler.wait(timeout=60)
        completed = sum(r["completed"] for r in rounds)
        wall = sum(r["wall_s"] for r in rounds)
        rate = completed / wall if wall else 0.0
        lat = {s: [x for r in rounds for x in r["latency"][s]] for s in dd.STEPS}
        lat["overall"] = [x for s in dd.STEPS for x in lat[s]]
        p99 = {s: dd.percentile(sorted(v), 99) for s, v in lat.items()}
        errors = {}
        for r in rounds:
            for k, n in r["errors"].items():
                errors[k] = errors.get(k, 0) + n
        met = rate >= TARGET_RATE and all(v < TARGET_P99 for v in p99.values())
        dd.log(
            f"\n== overall: {args.rounds} round(s) × {args.candidates} candidates, "
            f"{args.pdf_kb} KiB PDFs: {completed} complete submissions in {wall:.2f} s of surge "
            f"= {rate:.1f} submissions/s; {dd.loadavg()}"
        )
        dd.log(dd.latency_table(lat))
        dd.log("   errors: " + (", ".join(f"{k}: {n}" for k, n in errors.items()) or "none"))
        dd.log(f"   target (>= {TARGET_RATE:.0f}/s and every p99 < {TARGET_P99 * 1000:.0f} ms): "
               + ("MET" if met else "MISSED"))
        if args.json:
            import json

            out = {
                "candidates": args.candidates, "pdf_kb": args.pdf_kb, "rounds": rounds,
                "setup_s": t1 - t0, "setup_phases": phases, "completed": completed,
                "wall_s": wall, "rate": rate, "p99_s": p99, "errors": errors, "target_met": met,
            }
            for r in out["rounds"]:
                r["latency"] = {s: sorted(v) for s, v in r["latency"].items()}
            args.json.write_text(json.dumps(out, indent=1))
        for c in cands:
            await c.client.aclose()
        return 2 if (args.check and not met) else 0
    finally:
        server.stop()
        if args.keep:
            dd.log(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    arguments = parse_args()
    dd.bootstrap()
    import asyncio

    sys.exit(asyncio.run(main(arguments)))
