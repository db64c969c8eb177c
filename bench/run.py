"""Run the civicdesk benchmarks against a scratch database and merge bench/results.json.

    .venv/bin/python bench/run.py [--scale small|full] [--database-url URL | --postgres]
                                  [--only SCENARIO ...] [--seed S] [--results FILE]

small: 20,000 customers and 20,000 cases (a few minutes); full: 1,000,000 of each (an hour).
Without --database-url the run uses a new SQLite file in a temporary directory, and
--postgres a throw-away PostgreSQL cluster (civicdesk/testing/postgres.py); both are deleted
afterwards. A --database-url must point at a database the benchmark may fill; the development
database var/civicdesk.sqlite3 is refused.

DJANGO_DEBUG=1 is set only for the development keys: the scenarios run with DEBUG off, so
Django's query log neither fills memory nor weighs on the timings.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import warnings
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from bench.core import ORGANISATIONS, SCALES, Bench  # noqa: E402
from civicdesk.testing import postgres  # noqa: E402

DEVELOPMENT_DATABASE = REPOSITORY / "var" / "civicdesk.sqlite3"


def _parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="small")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--database-url", help="a scratch database to fill (default: SQLite)")
    where.add_argument("--postgres", action="store_true", help="a throw-away PostgreSQL 15")
    parser.add_argument("--only", nargs="+", metavar="SCENARIO", help="run only these")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--results", type=Path, help="merge into this file instead")
    return parser.parse_args(argv)


def _refuse_development_database(url: str) -> None:
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite://"))
        if path.resolve() == DEVELOPMENT_DATABASE.resolve():
            sys.exit(f"Refusing to benchmark in the development database {path}.")


def _configure_django(database_url: str) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="civicdesk.settings.base",
        DJANGO_DEBUG="1",
        DATABASE_URL=database_url,
        ALLOWED_HOSTS="testserver,127.0.0.1,localhost",  # django.test.Client is "testserver"
        LOG_LEVEL=os.environ.get("LOG_LEVEL", "WARNING"),
    )
    # ServeStatic warns that var/static is missing; nothing is served from it here.
    warnings.filterwarnings("ignore", message="No directory at")
    import django

    django.setup()


def _prepare(bench: Bench) -> None:
    """Migrate and generate the data every scenario reads; the timings feed scenario (a)."""
    from django.core.management import call_command

    from civicdesk.demo.constants import DEMO_PASSWORD
    from civicdesk.demo.generation import STEPS, GenerationRun, generate
    from civicdesk.demo.services import LoadReport, ensure_installation_admin

    call_command("migrate", verbosity=0)
    admin = ensure_installation_admin(password=DEMO_PASSWORD, report=LoadReport())
    run = GenerationRun(seed=bench.seed, actor=admin, workers=os.cpu_count() or 1)
    targets = {
        "organisations": ORGANISATIONS,
        "customers": bench.scale.customers,
        "cases": bench.scale.cases,
    }
    print(f"Generating {bench.scale.customers:,} customers and {bench.scale.cases:,} cases ...")
    bench.generation = generate(run, STEPS, targets)


def _benchmark(database_url: str, args) -> int:
    _configure_django(database_url)
    from django.db import connection, connections

    from bench.results import RESULTS, format_table, merge
    from bench.scenarios import SCENARIOS
    from civicdesk.demo.generation.query_log import query_log_off

    scenarios = [s for s in SCENARIOS if not args.only or s.__name__.split(".")[-1] in args.only]
    bench = Bench(scale=SCALES[args.scale], seed=args.seed, database=connection.vendor)
    with query_log_off():
        _prepare(bench)
        for scenario in scenarios:
            print(f"{scenario.__name__.split('.')[-1]}: {scenario.__doc__.splitlines()[0]}")
            scenario.run(bench)
    connections.close_all()  # before a throw-away server goes away
    results = args.results or RESULTS
    merge(bench.records, results)
    print()
    print(format_table(bench.records))
    print(f"\nMerged into {results}.")
    return 0


def main(argv=None) -> int:
    args = _parse(argv)
    sys.stdout.reconfigure(line_buffering=True)  # progress shows at once in CI logs too
    if args.postgres:
        with postgres.throwaway_cluster() as url:
            return _benchmark(url, args)
    if args.database_url:
        _refuse_development_database(args.database_url)
        return _benchmark(args.database_url, args)
    with tempfile.TemporaryDirectory(prefix="civicdesk-bench-") as scratch:
        return _benchmark(f"sqlite:///{scratch}/bench.sqlite3", args)


if __name__ == "__main__":
    sys.exit(main())
