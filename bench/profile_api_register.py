"""Where the time of POST /api/v1/cases goes, step by step, against the bare insert.

    .venv/bin/python bench/profile_api_register.py --database-url sqlite:////tmp/bench.sqlite3
    python -m civicdesk.testing.postgres run --fast -- \\
        sh -c '.venv/bin/python bench/profile_api_register.py --database-url "$DATABASE_URL"'

Needs a database that bench/run.py (or generate_data) has filled. Sends the same requests as
the api_register scenario and prints, per step of the registration path, its mean wall time
per request (steps nest: a step's time includes the steps inside it), the time spent in the
database driver, the statements of one request with their times, and the functions with the
most time of their own under cProfile. Writes nothing to bench/results.json.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import io
import os
import pstats
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

STEPS = [
    # (label, module, attribute): wrapped where the caller looks them up
    ("token authentication", "civicdesk.api", "authenticate_api_token"),
    ("customer reference read", "civicdesk.cases.api", "get_customer_reference"),
    ("case type read", "civicdesk.cases.api", "_case_type"),
    ("service register_contact (one transaction)", "civicdesk.cases.services", "register_contact"),
    ("  authz.require", "civicdesk.core.authz", "require"),
    ("  next reference (UPDATE ... RETURNING)", "civicdesk.cases.services", "_next_reference"),
    ("  start_clocks (policy, deadlines)", "civicdesk.cases.deadlines", "start_clocks"),
    ("  create_alarms (one bulk INSERT)", "civicdesk.cases.deadlines", "create_alarms"),
    ("case read for the answer (selectors.get_case)", "civicdesk.cases.selectors", "get_case"),
    ("answer serialised (CaseOut)", "ninja.operation", "Operation._result_to_response"),
]


def _wrap(totals, label, module, attribute):
    import importlib

    owner = importlib.import_module(module)
    *path, attribute = attribute.split(".")
    for name in path:
        owner = getattr(owner, name)
    original = getattr(owner, attribute)

    @functools.wraps(original)
    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            totals[label] += time.perf_counter() - started

    setattr(owner, attribute, timed)


COMMIT = "COMMIT (SQLite: synchronous=FULL, one fsync)"


def _wrap_commit(totals, connection) -> None:
    """Transactions commit through the connection, not a cursor: timed separately."""
    original = connection.commit

    def commit():
        started = time.perf_counter()
        try:
            return original()
        finally:
            totals[COMMIT] += time.perf_counter() - started

    connection.commit = commit


def _sql_timer(totals, statements):
    def wrapper(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            elapsed = time.perf_counter() - started
            totals["database driver (all statements)"] += elapsed
            statements.append((elapsed, sql))

    return wrapper


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args(argv)

    from bench.run import _configure_django

    _configure_django(args.database_url)
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    from bench.sampling import agents_by_organisation
    from bench.scenarios import api_register as scenario
    from civicdesk.demo.generation.query_log import query_log_off
    from civicdesk.org.models import User
    from civicdesk.org.services import create_api_token

    agent = next(iter(agents_by_organisation().values()))
    admin = User.objects.get(username="admin")
    _token, secret = create_api_token(actor=admin, user=agent, name="profile")
    bodies = scenario._registration(agent.organisation_id, random.Random(1))
    totals: dict[str, float] = defaultdict(float)
    for label, module, attribute in STEPS:
        _wrap(totals, label, module, attribute)
    _wrap_commit(totals, connection)

    with connection.schema_editor() as editor:
        editor.create_model(scenario.BareInsert)
    try:
        with query_log_off(), override_settings(ROOT_URLCONF=scenario._urlconf()):
            client = Client()
            for index in range(20):
                scenario._post(client, scenario.REGISTER_URL, bodies[index % 64], secret)
                scenario._post(client, scenario.BARE_URL, {"note": "warm-up"}, secret)
            totals.clear()
            for name, url, body in (
                ("bare insert", scenario.BARE_URL, lambda i: {"note": f"n{i}"}),
                ("register case", scenario.REGISTER_URL, lambda i: bodies[i % 64]),
            ):
                totals.clear()
                statements: list[tuple[float, str]] = []
                profile = cProfile.Profile()
                wall = 0.0
                with connection.execute_wrapper(_sql_timer(totals, statements)):
                    for index in range(args.requests):
                        started = time.perf_counter()
                        scenario._post(client, url, body(index), secret)
                        wall += time.perf_counter() - started
                    steps = dict(totals)  # before the single and the profiled requests
                    statements.clear()
                    scenario._post(client, url, body(args.requests), secret)
                    one_request = list(statements)
                    profile.enable()
                    for index in range(args.requests):
                        scenario._post(client, url, body(index), secret)
                    profile.disable()
                _report(name, wall, args.requests, steps, one_request, profile)
    finally:
        with connection.schema_editor() as editor:
            editor.delete_model(scenario.BareInsert)
    return 0


def _report(name, wall, requests, totals, one_request, profile) -> None:
    print(f"\n=== {name}: {wall / requests * 1000:.2f} ms per request ({requests / wall:.0f}/s)")
    for label, _module, _attribute in STEPS:
        if label in totals:
            print(f"  {label:<52} {totals[label] / requests * 1000:7.2f} ms")
    for label in ("database driver (all statements)", COMMIT):
        print(f"  {label:<52} {totals.get(label, 0.0) / requests * 1000:7.2f} ms")
    print(f"  statements of one request ({len(one_request)}):")
    for elapsed, sql in one_request:
        print(f"    {elapsed * 1000:6.3f} ms  {' '.join(sql.split())[:110]}")
    out = io.StringIO()
    # PROFILE_SORT=cumulative PROFILE_FILTER=civicdesk PROFILE_CALLERS=name narrow the listing.
    stats = pstats.Stats(profile, stream=out).sort_stats(os.environ.get("PROFILE_SORT", "tottime"))
    only = os.environ.get("PROFILE_FILTER", "")
    stats.print_stats(only, 40 if only else 15)
    if os.environ.get("PROFILE_CALLERS"):
        stats.print_callers(os.environ["PROFILE_CALLERS"])
    print("  own time under cProfile (slows everything ~2x; for proportions):")
    for line in out.getvalue().splitlines()[7:]:
        if line.strip():
            print("   ", line[:150])


if __name__ == "__main__":
    sys.exit(main())
