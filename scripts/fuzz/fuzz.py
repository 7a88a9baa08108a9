#!/usr/bin/env python3
"""HTTP fuzzing of one service from its own /openapi.json, with schemathesis (issue 7).

    .deps/venv/bin/python scripts/fuzz/fuzz.py --url http://127.0.0.1:8000 [--max-seconds 60] [--max-examples N]
        [--header 'Authorization: Bearer KEY']

Runs `st run` (schemathesis 4: examples, coverage, fuzzing and stateful phases, positive and
negative data) against every operation of the document, for at most --max-seconds, with a fixed
seed and no example database, so that a run depends only on the service. It fails when:

- a response has status >= 500, or the service does not answer (connection refused, reset, timeout);
- a response contradicts the document (status code, content type, schema), the service accepts data
  the document forbids, or rejects data it allows;
- a 4xx response is not `{"errors": ["…", …]}` with non-empty strings (the check below);
- the service no longer answers `GET /health` with 200 at the end.

With --header carrying a credential (the services started with API_KEYS), every request sends it, and
schemathesis' `ignored_auth` check also sends each operation without it and with a made-up one, which
must be refused.

Exit status 0 when all hold, 1 otherwise, 2 when the service cannot be reached at all. Each distinct
failure is printed by schemathesis with its method, path, status, response body and a curl command
holding the request body.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import schemathesis

SEED = 7

# Built-in checks left out, with the reason:
# - positive_data_acceptance: the document cannot say that itemsCount must equal the number of items
#   when both are given, so schema-valid bodies that break that rule are rightly rejected.
EXCLUDED_CHECKS = ["positive_data_acceptance"]


@schemathesis.check
def errors_shape(ctx, response, case):
    """Every 4xx answer is `{"errors": [<non-empty strings>]}`, as the README promises."""
    if not 400 <= response.status_code < 500 or case.method.upper() == "HEAD":
        return None
    try:
        body = json.loads(response.content)
    except ValueError:
        raise AssertionError(f"{response.status_code} answer is not JSON: {response.content[:200]!r}")
    errors = body.get("errors") if isinstance(body, dict) else None
    if not isinstance(errors, list) or not errors or not all(isinstance(e, str) and e for e in errors):
        raise AssertionError(f'{response.status_code} answer is not {{"errors": ["…"]}}: {response.content[:200]!r}')
    return None


def get(url, timeout=5.0):
    """(status, body) of a GET; an HTTP error status is an answer too."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def health_after(url, deadline_seconds=15.0):
    """Polls GET /health until it answers 200 or the deadline passes; returns the last outcome."""
    deadline = time.monotonic() + deadline_seconds
    outcome = "no answer"
    while True:
        try:
            status, body = get(f"{url}/health")
            outcome = f"{status} {body[:300].decode(errors='replace')}"
            if status == 200:
                return True, outcome
        except OSError as error:
            outcome = f"no answer ({error})"
        if time.monotonic() > deadline:
            return False, outcome
        time.sleep(0.5)


def main():
    parser = argparse.ArgumentParser(description="Fuzz a service from its /openapi.json with schemathesis.")
    parser.add_argument("--url", required=True, help="base URL of the service, e.g. http://127.0.0.1:8000")
    parser.add_argument("--max-seconds", type=int, default=60, help="time budget of the run (default 60)")
    parser.add_argument("--max-examples", type=int, help="test cases per operation and round (schemathesis' default)")
    parser.add_argument("--seed", type=int, default=SEED, help=f"random seed (default {SEED})")
    parser.add_argument("--header", action="append", default=[], help="'Name: value' sent with every request (repeatable)")
    args = parser.parse_args()
    url = args.url.rstrip("/")

    try:
        status, _ = get(f"{url}/openapi.json")
    except OSError as error:
        print(f"fuzz: {url}/openapi.json cannot be reached: {error}", file=sys.stderr)
        return 2
    if status != 200:
        print(f"fuzz: {url}/openapi.json answered {status}", file=sys.stderr)
        return 2

    command = [
        sys.executable, "-m", "schemathesis.cli", "run", f"{url}/openapi.json",
        "--checks", "all,errors_shape", "--exclude-checks", ",".join(EXCLUDED_CHECKS),
        "--max-time", str(args.max_seconds),
        "--seed", str(args.seed),
        "--generation-database", "none",
        "--workers", "1",
        "--request-timeout", "10",
        "--no-color",
    ]
    if args.max_examples:
        command += ["--max-examples", str(args.max_examples)]
    for header in args.header:
        command += ["--header", header]
    # schemathesis imports this file as its hooks module, which registers `errors_shape`.
    env = dict(os.environ, SCHEMATHESIS_HOOKS="fuzz")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [os.path.dirname(os.path.abspath(__file__)), env.get("PYTHONPATH")]))

    started = time.monotonic()
    # Header values are credentials: not printed.
    shown = [part.split(":")[0] + ": …" if previous == "--header" else part for previous, part in zip([""] + command, command)]
    print(f"fuzz: {' '.join(shown[1:])}", flush=True)
    try:
        # Loading, shrinking and the report come on top of --max-time; past this, the run is stuck.
        # In a scratch directory: schemathesis keeps a crash cache in ./.schemathesis, which would
        # litter the caller's directory and carry state from one run to the next.
        with tempfile.TemporaryDirectory(prefix="fuzz-") as scratch:
            run = subprocess.run(command, env=env, cwd=scratch, timeout=args.max_seconds + 120)
        fuzzing_ok = run.returncode == 0
    except subprocess.TimeoutExpired:
        print(f"fuzz: schemathesis did not finish within {args.max_seconds + 120} s", file=sys.stderr)
        fuzzing_ok = False

    healthy, outcome = health_after(url)
    print(f"fuzz: GET {url}/health after fuzzing: {outcome}")
    ok = fuzzing_ok and healthy
    verdict = "passed" if ok else "FAILED" + ("" if healthy else " (the service no longer answers /health with 200)")
    print(f"fuzz: {url} {verdict} in {time.monotonic() - started:.0f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
