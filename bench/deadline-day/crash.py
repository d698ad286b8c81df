#!/usr/bin/env python3
"""Deadline day, the crash: SIGKILL the server in the middle of the surge, restart it on the
same data dir, and check that nothing acknowledged was lost and nothing half-written is
visible as submitted. Exits 1 with the list of what was lost or wrong, 0 otherwise, 3 when it
could not finish within --timeout.

Each trial: N fresh candidates set up (not timed) on the running server; the surge (draft,
cv, letter, submit per candidate, all at once); once a random fraction of the 4N requests
(or, with --kill-on submits, of the N submits) were acknowledged (2xx), SIGKILL; every request's fate is recorded: acknowledged (a 2xx
received — even if read after the kill, the server had answered), refused (another status),
or in flight (no answer: sent before the kill, or refused connection after it). Restart on
the same data dir, then for every candidate of this and every earlier trial:

  - an acknowledged draft exists, with the choices sent;
  - an acknowledged upload is listed and downloads with the SHA-256 that was sent;
  - an acknowledged submit is `submitted`;
  - an application that is `submitted` had its submit acknowledged or in flight, and has
    both documents, each downloading intact (SHA-256 of what was sent);
  - every listed document downloads and matches its listed and sent SHA-256.

Then the server is stopped and the database itself is checked: `PRAGMA integrity_check`, no
`submitted` application with fewer than two document rows, every document row's file on
disk with its size and SHA-256. Trials run on the same data dir, so later trials also check
a database that has already recovered once.

    bench/deadline-day/crash.py [--candidates 200] [--pdf-kb 200] [--trials 1]
                                [--kill-at 0.1..0.9 (random)] [--kill-on requests|submits]
                                [--seed S] [--timeout 600] [--sabotage]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ddcommon as dd  # noqa: E402

ACKED, REFUSED, IN_FLIGHT = "acked", "refused", "in-flight"


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--candidates", type=int, default=200)
    p.add_argument("--pdf-kb", type=int, default=200)
    p.add_argument("--trials", type=int, default=1, help="kill/restart cycles on the same data dir")
    p.add_argument("--kill-at", type=float,
                   help="fraction of the N submissions acknowledged before the kill "
                        "(default: random in [0.1, 0.9] per trial)")
    p.add_argument("--kill-on", choices=("requests", "submits"), default="requests",
                   help="count acknowledged requests of every kind (4 per candidate; default: "
                        "kills land in every phase) or only acknowledged submits (lands late: "
                        "submits finish together)")
    p.add_argument("--seed", type=int, help="seed for the kill points (printed)")
    p.add_argument("--timeout", type=float, default=600, help="whole run, seconds (600)")
    p.add_argument("--setup-concurrency", type=int, default=4)
    p.add_argument("--binary", type=Path, default=dd.DEFAULT_BINARY)
    p.add_argument("--keep", action="store_true", help="keep the data dir")
    p.add_argument("--sabotage", action="store_true",
                   help="self-test of the checker: after each kill, delete one stored file and "
                        "turn one submitted application back into a draft; the run must then fail")
    return p.parse_args()


def sabotage(data_dir: Path) -> str:
    """Damage the data dir the way a lossy server would (for --sabotage)."""
    import sqlite3

    db = sqlite3.connect(data_dir / "cohort.db")
    try:
        row = db.execute("SELECT id FROM applications WHERE status = 'submitted' "
                         "ORDER BY id DESC LIMIT 1").fetchone()
        if row:
            db.execute("UPDATE applications SET status = 'draft' WHERE id = ?", row)
        key = db.execute("SELECT object_key FROM documents ORDER BY rowid LIMIT 1").fetchone()
        db.commit()
    finally:
        db.close()
    if key:
        (data_dir / "files" / key[0]).unlink(missing_ok=True)
    return f"sabotage: application {row and row[0]} back to draft, file {key and key[0]} deleted"


class Fates:
    """What the client knows of each request: candidate index -> step -> fate."""

    def __init__(self):
        self.of = {}
        self.sha = {}  # (candidate index, kind) -> sha256 sent

    def set(self, c, step, fate):
        self.of.setdefault(c.index, {})[step] = fate

    def get(self, c, step):
        return self.of.get(c.index, {}).get(step)


async def surge_and_kill(cands, sid, choices, server, fates: Fates, kill_on: str,
                         kill_after: int, kill_deadline_s: float) -> dict:
    import asyncio

    import httpx

    start = asyncio.Event()
    acked_submits = 0
    acked_requests = 0
    killed = {"at": None, "acked_submits": None}

    def kill(reason):
        if killed["at"] is None:
            server.kill()
            killed["at"] = dd.time.perf_counter()
            killed["acked_submits"] = acked_submits
            killed["reason"] = reason

    async def flow(c):
        nonlocal acked_submits, acked_requests
        await start.wait()
        for step in dd.STEPS:
            if step in ("cv", "letter"):
                fates.sha[(c.index, step)] = c.docs[step][2]
            fates.set(c, step, IN_FLIGHT)
            try:
                r = await c.client.request(**dd.request_for(step, c, sid, choices))
            except httpx.HTTPError:
                return  # stays in flight: no answer
            if 200 <= r.status_code < 300:
                fates.set(c, step, ACKED)
                acked_requests += 1
                if kill_on == "requests" and acked_requests >= kill_after:
                    kill(f"{acked_requests} requests acknowledged")
            else:
                fates.set(c, step, (REFUSED, r.status_code, r.text[:200]))
                return
        acked_submits += 1
        if kill_on == "submits" and acked_submits >= kill_after:
            kill(f"{acked_submits} submissions acknowledged")

    tasks = [asyncio.create_task(flow(c)) for c in cands]
    await asyncio.sleep(0.2)
    t0 = dd.time.perf_counter()
    start.set()

    async def fallback():
        await asyncio.sleep(kill_deadline_s)
        kill(f"fallback after {kill_deadline_s:.0f} s")

    guard = asyncio.create_task(fallback())
    await asyncio.gather(*tasks)
    guard.cancel()
    kill("the surge ended before the kill point")  # no-op when already killed
    killed["after_s"] = killed["at"] - t0
    killed["acked_total"] = acked_submits  # including 2xx read after the kill
    return killed


async def check_candidate(c, base, sid, choices, fates: Fates) -> list:
    """Problems for one candidate, as text."""
    import httpx

    problems = []
    f = {s: fates.get(c, s) for s in dd.STEPS}
    who = f"{c.email}"
    path = f"/api/v1/sessions/{sid}/application"
    async with httpx.AsyncClient(base_url=base, cookies=c.client.cookies, timeout=60) as h:
        r = await h.get(path)
        if r.status_code == 404:
            app = None
        elif r.status_code == 200:
            app = r.json()
        else:
            return [f"{who}: GET application answered {r.status_code} {r.text[:200]}"]
        if app is None:
            for s in dd.STEPS:
                if f[s] == ACKED:
                    problems.append(f"LOST {who}: {s} was acknowledged but there is no application")
            return problems
        status = app.get("status")
        if f["draft"] == ACKED and app.get("choices") != choices:
            problems.append(f"LOST {who}: choices {app.get('choices')} != sent {choices}")
        if f["submit"] == ACKED and status != "submitted":
            problems.append(f"LOST {who}: submit acknowledged but status is {status!r}")
        if status != "draft" and f["submit"] not in (ACKED, IN_FLIGHT):
            problems.append(f"WRONG {who}: status {status!r} but its submit was {f['submit']!r}")
        r = await h.get(path + "/documents")
        if r.status_code != 200:
            return problems + [f"{who}: GET documents answered {r.status_code} {r.text[:200]}"]
        listed = {d["kind"]: d for d in r.json()["documents"]}
        for kind in ("cv", "letter"):
            sent = fates.sha.get((c.index, kind))
            doc = listed.get(kind)
            if doc is None:
                if f[kind] == ACKED:
                    problems.append(f"LOST {who}: {kind} upload acknowledged but not listed")
                if status != "draft":
                    problems.append(f"HALF-WRITTEN {who}: {status!r} without its {kind}")
                continue
            d = await h.get(f"{path}/documents/{kind}")
            if d.status_code != 200:
                problems.append(f"CORRUPT {who}: {kind} listed but download answered {d.status_code}")
                continue
            got = dd.sha256(d.content)
            if got != doc["sha256"] or len(d.content) != doc["size"]:
                problems.append(f"CORRUPT {who}: {kind} downloads {len(d.content)} B sha {got[:12]}, "
                                f"listed {doc['size']} B sha {doc['sha256'][:12]}")
            if got != sent:
                problems.append(f"CORRUPT {who}: {kind} sha {got[:12]} is not what was sent "
                                f"({(sent or '-')[:12]}, fate {f[kind]!r})")
    return problems


def check_database(data_dir: Path) -> tuple[list, str]:
    """With the server stopped: integrity, submitted ⇒ two document rows, rows ⇒ files."""
    import sqlite3

    problems = []
    db = sqlite3.connect(f"file:{data_dir / 'cohort.db'}?mode=ro", uri=True)
    try:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            problems.append(f"DATABASE integrity_check: {integrity}")
        for (app_id, status, n) in db.execute(
            "SELECT a.id, a.status, (SELECT count(*) FROM documents d WHERE d.application_id = a.id) "
            "FROM applications a WHERE a.status <> 'draft'"
        ):
            if n < 2:
                problems.append(f"HALF-WRITTEN application {app_id}: {status} with {n} document row(s)")
        rows = db.execute("SELECT application_id, kind, object_key, size, sha256 FROM documents").fetchall()
        counts = dict(db.execute("SELECT status, count(*) FROM applications GROUP BY status").fetchall())
    finally:
        db.close()
    files = data_dir / "files"
    referenced = set()
    for (app_id, kind, key, size, sha) in rows:
        p = files / key
        referenced.add(p.name)
        try:
            data = p.read_bytes()
        except OSError as e:
            problems.append(f"MISSING FILE application {app_id} {kind}: {key} ({e.strerror})")
            continue
        if len(data) != size or dd.sha256(data) != sha:
            problems.append(f"CORRUPT FILE application {app_id} {kind}: {key}")
    on_disk = {p.name for p in (files / "documents").glob("*")} if (files / "documents").exists() else set()
    orphans = len(on_disk - referenced)
    summary = (f"database: integrity {integrity}; applications by status {counts}; "
               f"{len(rows)} document rows, all files present and intact unless listed; "
               f"{orphans} unreferenced file(s) on disk (uploads cut by the kill: garbage, not loss)")
    return problems, summary


async def main(args) -> int:
    import asyncio
    import shutil
    import tempfile

    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    tmp = Path(tempfile.mkdtemp(prefix="cohort-crash-"))
    data, mail = tmp / "data", tmp / "mail"
    server = dd.Server(args.binary, data, mail, tmp / "server.log")
    dd.log(f"crash test: seed {seed}, data in {tmp}, {dd.loadavg()}")
    all_problems = []
    everyone = []  # (candidates, fates) of every trial
    server.start()
    try:
        await server.wait_ready()
        sid, choices = await dd.session_and_choices(server.base)
        for trial in range(1, args.trials + 1):
            frac = args.kill_at if args.kill_at is not None else rng.uniform(0.1, 0.9)
            total = args.candidates * (4 if args.kill_on == "requests" else 1)
            kill_after = max(1, round(frac * total))
            t0 = dd.time.perf_counter()
            cands, _ = await dd.setup_candidates(server.base, mail, args.candidates,
                                                 f"crash{trial}-{seed}", args.setup_concurrency)
            dd.attach_documents(cands, args.pdf_kb)
            dd.log(f"\n-- trial {trial}: {args.candidates} candidates set up in "
                   f"{dd.time.perf_counter() - t0:.1f} s; kill after {kill_after} of {total} "
                   f"{args.kill_on} acknowledged ({frac:.2f}); {dd.loadavg()}")
            fates = Fates()
            killed = await surge_and_kill(cands, sid, choices, server, fates, args.kill_on,
                                          kill_after, 60.0)
            for c in cands:
                c.docs.clear()
            counts = {}
            for c in cands:
                for s in dd.STEPS:
                    fate = fates.get(c, s)
                    key = f"{s} {fate[0] if isinstance(fate, tuple) else (fate or 'not sent')}"
                    counts[key] = counts.get(key, 0) + 1
            dd.log(f"   SIGKILL {killed['after_s']:.2f} s into the surge ({killed['reason']}); "
                   f"submissions acknowledged: {killed['acked_submits']} when killed, "
                   f"{killed['acked_total']} in all (answers already in the socket); {dd.loadavg()}")
            dd.log("   requests: " + ", ".join(f"{k}: {n}" for k, n in sorted(counts.items())))
            for c in cands:
                for s in dd.STEPS:
                    fate = fates.get(c, s)
                    if isinstance(fate, tuple):
                        all_problems.append(f"REFUSED before the kill {c.email} {s}: {fate[1]} {fate[2]!r}")
            everyone.append((cands, fates))

            if args.sabotage:
                dd.log("   " + sabotage(data))
            server = dd.Server(args.binary, data, mail, tmp / "server.log")
            server.start()
            ready = await server.wait_ready()
            dd.log(f"   restarted on the same data dir, ready in {ready:.2f} s")
            problems = []
            for cs, fs in everyone:
                sem = asyncio.Semaphore(16)

                async def one(c, fs=fs):
                    async with sem:
                        return await check_candidate(c, server.base, sid, choices, fs)

                for p in await asyncio.gather(*(one(c) for c in cs)):
                    problems.extend(p)
            verified = sum(len(cs) for cs, _ in everyone)
            dd.log(f"   verified {verified} candidates over the API: "
                   + (f"{len(problems)} problem(s)" if problems else "nothing lost"))
            all_problems.extend(problems)

        server.stop()
        db_problems, summary = check_database(data)
        dd.log("\n" + summary)
        all_problems.extend(db_problems)
    finally:
        server.stop()
        for cs, _ in everyone:
            for c in cs:
                await c.client.aclose()
        if args.keep or all_problems:
            dd.log(f"kept {tmp} (server log: {tmp / 'server.log'})")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    if all_problems:
        dd.log(f"\nVERDICT: FAIL — {len(all_problems)} problem(s):")
        for p in all_problems:
            dd.log("  " + p)
        return 1
    dd.log(f"\nVERDICT: PASS — every acknowledged submission and upload survived "
           f"{args.trials} SIGKILL(s) intact; nothing half-written is visible as submitted "
           f"({dd.loadavg()})")
    return 0


if __name__ == "__main__":
    arguments = parse_args()
    dd.bootstrap()
    import asyncio

    async def bounded():
        try:
            return await asyncio.wait_for(main(arguments), arguments.timeout)
        except asyncio.TimeoutError:
            dd.log(f"\nVERDICT: UNFINISHED — the run exceeded --timeout {arguments.timeout:.0f} s")
            return 3

    sys.exit(asyncio.run(bounded()))
