"""Shared by surge.py and crash.py: the venv bootstrap, the server process, candidate setup
(register → verification mail → verify → login → profile), the four submission requests,
PDFs and statistics.

Only the standard library is imported at module level, so `bootstrap()` can run before httpx
is importable.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import hashlib
import math
import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV = Path(os.environ.get("COHORT_TOOLS_DIR", "/var/tmp/cohort-tools")) / "venv"
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", "/var/tmp/cohort-target"))
DEFAULT_BINARY = TARGET / "release" / "cohort"
PASSWORD = "correct horse battery"
BOOT_FLAG = "COHORT_DEADLINE_DAY_BOOTSTRAPPED"

# The profile of crates/web/tests/all/applications.rs (`eligible_profile`): meets NATO's rules.
PROFILE = {
    "given_names": "Ana",
    "family_name": "Popescu",
    "birth_date": "2001-05-04",
    "nationalities": ["RO"],
    "education": {
        "level": "master",
        "field": "law",
        "institution": "Universitatea din București",
        "years_completed": 4,
        "enrolled": True,
        "graduation_date": "2029-07-01",
    },
    "languages": [{"language": "en", "level": "C1"}, {"language": "fr", "level": "B2"}],
}


def log(msg: str) -> None:
    print(msg, flush=True)


def loadavg() -> str:
    a, b, c = os.getloadavg()
    return f"load {a:.2f} {b:.2f} {c:.2f}"


# ---------------------------------------------------------------- venv and httpx


def bootstrap() -> None:
    """Re-runs this script with the venv's Python, installing httpx there when missing.
    Prints what it did."""
    venv_python = VENV / "bin" / "python"
    in_venv = Path(sys.prefix).resolve() == VENV.resolve()
    if not in_venv:
        if os.environ.get(BOOT_FLAG):
            sys.exit(f"bootstrap: still not running in {VENV} after re-exec; giving up")
        if not venv_python.exists():
            log(f"bootstrap: {VENV} missing (./scripts/test --setup-only creates it); "
                f"creating a bare venv there")
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        os.environ[BOOT_FLAG] = "1"
        script = str(Path(sys.argv[0]).resolve())
        os.execv(str(venv_python), [str(venv_python), script, *sys.argv[1:]])
    try:
        import httpx  # noqa: F401

        log(f"bootstrap: httpx {httpx.__version__} already in {VENV}")
    except ImportError:
        log(f"bootstrap: httpx missing from {VENV}; installing it with pip")
        subprocess.run(
            [str(VENV / "bin" / "pip"), "install", "-q", "--disable-pip-version-check",
             "httpx>=0.27,<1"],
            check=True,
        )
        import importlib

        importlib.invalidate_caches()
        import httpx  # noqa: F401

        log(f"bootstrap: installed httpx {httpx.__version__} into {VENV}")


# ---------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process (and its reaped children), from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    ticks = os.sysconf("SC_CLK_TCK")
    # fields[0] is state (field 3); utime is field 14 → index 11, stime 12
    return (int(fields[11]) + int(fields[12])) / ticks


class Server:
    def __init__(self, binary: Path, data_dir: Path, mail_dir: Path, log_path: Path,
                 extra_args: list | None = None):
        self.binary = binary
        self.extra_args = list(extra_args or [])
        self.data_dir = data_dir
        self.mail_dir = mail_dir
        self.log_path = log_path
        self.port = free_port()
        self.proc: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        if not self.binary.exists():
            sys.exit(
                f"{self.binary} not found; build it with\n"
                f"  CARGO_TARGET_DIR={TARGET} cargo build --release -p cohort"
            )
        logf = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            [str(self.binary), "serve", "--bind", f"127.0.0.1:{self.port}",
             "--data-dir", str(self.data_dir), "--mail-dir", str(self.mail_dir),
             # the setup plays many candidates from one machine: each registers from its
             # own client address (X-Forwarded-For), as behind a reverse proxy, so that
             # the per-client registration limit applies to each as in production
             "--trusted-proxies", "127.0.0.1",
             *self.extra_args],
            stdout=logf, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
        logf.close()

    async def wait_ready(self, timeout: float = 60.0) -> float:
        import httpx

        t0 = time.perf_counter()
        async with httpx.AsyncClient(timeout=2.0) as c:
            while time.perf_counter() - t0 < timeout:
                if self.proc and self.proc.poll() is not None:
                    sys.exit(f"the server exited with {self.proc.returncode}; see {self.log_path}")
                try:
                    r = await c.get(self.base + "/readyz")
                    if r.status_code == 200:
                        return time.perf_counter() - t0
                except httpx.HTTPError:
                    pass
                await asyncio.sleep(0.05)
        sys.exit(f"the server was not ready within {timeout}s; see {self.log_path}")

    def cpu(self) -> float:
        return cpu_seconds(self.proc.pid) if self.proc else float("nan")

    def kill(self) -> None:
        """SIGKILL, by pid (only the process this script started)."""
        if self.proc and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


# ---------------------------------------------------------------- documents


def make_pdf(kb: int, tag: str) -> bytes:
    """A one-page PDF of exactly `kb` KiB, padded with a PDF comment of random hex (so every
    file differs)."""
    head = (
        "%PDF-1.4\n"
        "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
        f"% {tag}\n"
    ).encode()
    tail = b"trailer << /Root 1 0 R >>\n%%EOF\n"
    size = kb * 1024
    pad = size - len(head) - len(tail)
    full, rest = divmod(pad, 79)  # lines of "% " + 76 hex digits + "\n"
    hexdigits = os.urandom(full * 38 + 1).hex().encode()
    lines = [b"% " + hexdigits[i * 76:(i + 1) * 76] + b"\n" for i in range(full)]
    if rest == 1:
        lines.append(b"\n")
    elif rest >= 2:
        lines.append(b"%" + b"0" * (rest - 2) + b"\n")
    body = head + b"".join(lines) + tail
    assert len(body) == size, (len(body), size)
    return body


def multipart(kind: str, pdf: bytes) -> tuple[bytes, str]:
    """A pre-encoded multipart body (kind, file) and its content type: encoded once in the
    untimed setup so the load generator spends no CPU on it during the surge."""
    boundary = "dd" + os.urandom(12).hex()
    parts = [
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n{kind}\r\n".encode(),
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{kind}.pdf\"\r\n"
        f"Content-Type: application/pdf\r\n\r\n".encode(),
        pdf,
        f"\r\n--{boundary}--\r\n".encode(),
    ]
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------- candidates


@dataclass
class Candidate:
    index: int
    email: str
    client: object = None  # httpx.AsyncClient, one per candidate (its own connection)
    csrf: str = ""
    docs: dict = field(default_factory=dict)  # kind -> (multipart body, content type, sha256)

    def headers(self) -> dict:
        return {"x-csrf-token": self.csrf, "accept-language": "en"}


TOKEN_RE = re.compile(r"token=([0-9a-fA-F]+)")


def read_tokens(mail_dir: Path, seen: set, tokens: dict) -> None:
    """Reads the verification tokens of new .eml files into tokens[to-address]."""
    for path in mail_dir.glob("*.eml"):
        if path.name in seen:
            continue
        try:
            msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        except OSError:
            continue
        body = msg.get_body(preferencelist=("plain", "html"))
        text = body.get_content() if body is not None else ""
        m = TOKEN_RE.search(text)
        if not m:
            continue  # not complete yet, or another mail: look again next time
        seen.add(path.name)
        tokens[str(msg["To"]).strip().lower()] = m.group(1)


def new_client(base: str):
    import httpx

    return httpx.AsyncClient(
        base_url=base,
        timeout=httpx.Timeout(120.0),
        limits=httpx.Limits(max_connections=2, max_keepalive_connections=2),
    )


async def setup_candidates(base: str, mail_dir: Path, n: int, prefix: str,
                           concurrency: int) -> tuple[list, dict]:
    """Registers, verifies, signs in and gives an eligible profile to n candidates, with at
    most `concurrency` requests in flight (argon2 is deliberately slow). Returns them and
    the time of each phase."""
    cands = [Candidate(i, f"{prefix}-{i}@example.org") for i in range(n)]
    sem = asyncio.Semaphore(concurrency)
    times = {}

    async def expect(resp, codes, what):
        if resp.status_code not in codes:
            raise RuntimeError(f"{what}: {resp.status_code} {resp.text[:300]}")
        return resp

    async def register(c: Candidate):
        async with sem:
            c.client = new_client(base)
            # an address of the benchmarking range 198.18.0.0/15 (RFC 2544), one each
            forwarded = f"198.18.{c.index // 256 % 256}.{c.index % 256}"
            r = await c.client.post("/api/v1/auth/register",
                                    json={"email": c.email, "password": PASSWORD},
                                    headers={"x-forwarded-for": forwarded})
            await expect(r, (202,), f"register {c.email}")

    t0 = time.perf_counter()
    await asyncio.gather(*(register(c) for c in cands))
    times["register"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    tokens, seen = {}, set()
    deadline = time.monotonic() + 60
    wanted = {c.email.lower() for c in cands}
    while not wanted <= tokens.keys():
        if time.monotonic() > deadline:
            missing = sorted(wanted - tokens.keys())
            raise RuntimeError(f"no verification mail within 60 s for {len(missing)}: {missing[:5]}")
        read_tokens(mail_dir, seen, tokens)
        if not wanted <= tokens.keys():
            await asyncio.sleep(0.1)
    times["mail"] = time.perf_counter() - t0

    async def sign_in(c: Candidate):
        async with sem:
            r = await c.client.post("/api/v1/auth/verify", json={"token": tokens[c.email.lower()]})
            await expect(r, (200,), f"verify {c.email}")
            r = await c.client.post("/api/v1/auth/login",
                                    json={"email": c.email, "password": PASSWORD})
            await expect(r, (200,), f"login {c.email}")
            c.csrf = r.json()["csrf_token"]
            r = await c.client.put("/api/v1/me/profile", json=PROFILE, headers=c.headers())
            await expect(r, (200,), f"profile {c.email}")

    t0 = time.perf_counter()
    await asyncio.gather(*(sign_in(c) for c in cands))
    times["verify+login+profile"] = time.perf_counter() - t0
    return cands, times


def attach_documents(cands: list, kb: int) -> None:
    for c in cands:
        for kind in ("cv", "letter"):
            pdf = make_pdf(kb, f"{kind} of {c.email}")
            body, ctype = multipart(kind, pdf)
            c.docs[kind] = (body, ctype, sha256(pdf))


async def session_and_choices(base: str) -> tuple[int, list]:
    import httpx

    async with httpx.AsyncClient(base_url=base, timeout=30) as c:
        sessions = (await c.get("/api/v1/sessions")).json()
        open_ = [s for s in sessions if s.get("window") == "open"] or sessions
        sid = open_[0]["id"]
        placements = (await c.get(f"/api/v1/sessions/{sid}/placements")).json()
        return sid, [p["id"] for p in placements[:3]]


STEPS = ("draft", "cv", "letter", "submit")


def request_for(step: str, c: Candidate, sid: int, choices: list) -> dict:
    path = f"/api/v1/sessions/{sid}/application"
    if step == "draft":
        return dict(method="PUT", url=path, headers=c.headers(),
                    json={"choices": choices, "motivation": f"Deadline day, {c.email}."})
    if step in ("cv", "letter"):
        body, ctype, _ = c.docs[step]
        return dict(method="POST", url=path + "/documents",
                    headers={**c.headers(), "content-type": ctype}, content=body)
    return dict(method="POST", url=path + "/submit", headers=c.headers())


def expected_status(step: str) -> int:
    return 201 if step in ("cv", "letter") else 200


# ---------------------------------------------------------------- statistics


def percentile(sorted_values: list, p: float) -> float:
    if not sorted_values:
        return float("nan")
    # nearest rank: the smallest value with at least p % of the values at or below it
    k = max(0, min(len(sorted_values) - 1, math.ceil(p / 100 * len(sorted_values)) - 1))
    return sorted_values[k]


def latency_table(samples: dict) -> str:
    """samples: name -> list of seconds. A table in milliseconds."""
    rows = [f"  {'request':<8} {'n':>6} {'p50':>8} {'p90':>8} {'p99':>8} {'max':>8}   (ms)"]
    for name, values in samples.items():
        v = sorted(values)
        rows.append(
            f"  {name:<8} {len(v):>6} "
            + " ".join(f"{percentile(v, p) * 1000:>8.1f}" for p in (50, 90, 99))
            + f" {(v[-1] * 1000 if v else float('nan')):>8.1f}"
        )
    return "\n".join(rows)
