#!/usr/bin/env python3
"""Accounts and data for running schemathesis as signed-in people (scripts/test's fuzz_api).

    api-fuzz-accounts.py setup BASE_URL DATA_DIR COHORT_BIN
        Fills the live server's database (demo candidates, applications and reviews), creates
        a candidate (registered, confirmed by the mailed link, with a profile and a draft
        application), a reviewer of the demo placements' units, a coordinator and an
        administrator (`cohort user add`, password chosen with the printed link), signs each
        in and prints one line per role: ROLE SESSION_COOKIE CSRF_TOKEN.

    api-fuzz-accounts.py count HAR_FILE OPENAPI_FILE
        Prints how many of the schema's operations got at least one answer other than
        401/403 in schemathesis's HAR report, how many a 2xx, and the largest status seen.

Only the standard library: it runs with any python3.
"""

import glob
import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

PASSWORD = "correct horse battery staple 42"


def call(base, method, path, body=None, cookie=None, csrf=None):
    """One JSON request; returns (status, headers, parsed body or None)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if cookie:
        request.add_header("Cookie", cookie)
    if csrf:
        request.add_header("X-CSRF-Token", csrf)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, headers, raw = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, raw = error.code, error.headers, error.read()
    try:
        parsed = json.loads(raw) if raw else None
    except ValueError:
        parsed = None
    return status, headers, parsed


def must(result, what, *ok):
    status, _, body = result
    if status not in (ok or (200, 201, 202, 204)):
        sys.exit(f"api-fuzz-accounts: {what}: HTTP {status} {body}")
    return result


def sign_in(base, email):
    status, headers, body = must(
        call(base, "POST", "/api/v1/auth/login", {"email": email, "password": PASSWORD}),
        f"sign in {email}",
    )
    cookie = next(
        c.split(";")[0]
        for c in headers.get_all("Set-Cookie") or []
        if c.startswith("cohort_session=")
    )
    return cookie, body["csrf_token"]


def staff(base, data_dir, cohort, role, email, units=()):
    args = [cohort, "user", "add", "--email", email, "--role", role, "--public-url", base]
    for unit in units:
        args += ["--unit", unit]
    out = subprocess.run(
        args,
        env={"COHORT_DATA_DIR": data_dir, "COHORT_LOG": "warn", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    token = re.search(r"password-reset\?token=([0-9a-f]{64})", out).group(1)
    must(
        call(base, "POST", "/api/v1/auth/password-reset", {"token": token, "password": PASSWORD}),
        f"choose the password of {email}",
    )
    return sign_in(base, email)


def candidate(base, data_dir, email):
    must(
        call(base, "POST", "/api/v1/auth/register", {"email": email, "password": PASSWORD, "lang": "en"}),
        "register",
    )
    token = None
    for _ in range(100):
        for path in glob.glob(f"{data_dir}/mail/*.eml"):
            text = open(path, encoding="utf-8", errors="replace").read().replace("=\n", "")
            if email in text:
                found = re.search(r"verify\?token=(?:3D)?([0-9a-f]{64})", text)
                token = found and found.group(1)
        if token:
            break
        time.sleep(0.1)
    if not token:
        sys.exit(f"api-fuzz-accounts: no confirmation mail for {email} in {data_dir}/mail")
    must(call(base, "POST", "/api/v1/auth/verify", {"token": token}), "confirm the address")
    cookie, csrf = sign_in(base, email)
    profile = {
        "given_names": "Ana María",
        "family_name": "García",
        "birth_date": "2001-04-23",
        "nationalities": ["ES"],
        "phone": "+34 600 000 000",
        "address": "Calle Mayor 1",
        "city": "Madrid",
        "country": "ES",
        "gender": "undisclosed",
        "languages": [{"language": "en", "level": "C1"}, {"language": "fr", "level": "B2"}],
        "education": {
            "level": "master",
            "field": "international relations",
            "institution": "Universidad Complutense",
            "enrolled": True,
            "years_completed": 3,
            "graduation_date": "2027-06-30",
        },
    }
    status, _, body = call(base, "PUT", "/api/v1/me/profile", profile, cookie, csrf)
    if status != 200:
        print(f"api-fuzz-accounts: the candidate's profile: HTTP {status} {body}", file=sys.stderr)
    _, _, sessions = must(call(base, "GET", "/api/v1/sessions", cookie=cookie), "sessions")
    items = sessions if isinstance(sessions, list) else sessions.get("sessions", [])
    if items:
        session = items[0]["id"]
        _, _, placements = call(base, "GET", f"/api/v1/sessions/{session}/placements", cookie=cookie)
        listed = placements if isinstance(placements, list) else (placements or {}).get("placements", [])
        draft = {"choices": [p["id"] for p in listed[:2]], "motivation": "I would like to work on cyber defence policy."}
        status, _, body = call(base, "PUT", f"/api/v1/sessions/{session}/application", draft, cookie, csrf)
        if status != 200:
            print(f"api-fuzz-accounts: the candidate's draft: HTTP {status} {body}", file=sys.stderr)
    return cookie, csrf


def setup(base, data_dir, cohort):
    subprocess.run(
        [cohort, "demo", "generate", "--applications", "40"],
        env={"COHORT_DATA_DIR": data_dir, "COHORT_LOG": "warn", "PATH": "/usr/bin:/bin"},
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    accounts = {
        "candidate": candidate(base, data_dir, "candidate@fuzz.example"),
        "reviewer": staff(base, data_dir, cohort, "reviewer", "reviewer@fuzz.example", ["ESCD-CYBER", "DI"]),
        "coordinator": staff(base, data_dir, cohort, "coordinator", "coordinator@fuzz.example"),
        "administrator": staff(base, data_dir, cohort, "administrator", "admin@fuzz.example"),
    }
    for role, (cookie, csrf) in accounts.items():
        print(role, cookie, csrf)


def count(har_path, openapi_path):
    spec = json.load(open(openapi_path))
    operations = []
    for path, methods in spec["paths"].items():
        pattern = re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", path) + "$")
        for method in methods:
            operations.append((method.upper(), path, pattern))
    reached, succeeded, statuses = set(), set(), []
    for entry in json.load(open(har_path))["log"]["entries"]:
        method = entry["request"]["method"]
        url = re.sub(r"^[a-z]+://[^/]+", "", entry["request"]["url"]).split("?")[0]
        status = entry["response"]["status"]
        statuses.append(status)
        for m, path, pattern in operations:
            if m == method and pattern.match(url) and status not in (401, 403):
                reached.add((m, path))
                if 200 <= status < 300:
                    succeeded.add((m, path))
    print(f"{len(reached)} of {len(operations)} operations answered other than 401/403, "
          f"{len(succeeded)} with a 2xx; {len(statuses)} requests, largest status "
          f"{max(statuses, default=0)}")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "setup":
        setup(*sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] == "count":
        count(*sys.argv[2:])
    else:
        sys.exit(__doc__)
