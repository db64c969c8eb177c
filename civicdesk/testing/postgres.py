"""A throw-away PostgreSQL cluster for CI and benchmarks: temp dir, 127.0.0.1, a free port.

    python -m civicdesk.testing.postgres run [--fast] -- COMMAND [ARG...]
        start a cluster, run COMMAND with DATABASE_URL pointing at it, stop and delete it;
        exits with COMMAND's exit status
    python -m civicdesk.testing.postgres start [--dir DIR] [--fast]
        start a cluster and leave it running; prints only the DATABASE_URL on stdout, so
        `export DATABASE_URL=$(python -m civicdesk.testing.postgres start --dir /tmp/pg)` works
    python -m civicdesk.testing.postgres stop --dir DIR
        stop the cluster started in DIR and delete DIR

--fast turns durability off (fsync, synchronous_commit, full_page_writes): right for tests,
wrong for benchmarks that compare with SQLite's synchronous=FULL. PostgreSQL refuses to run
as root, so as root every server command runs as the `postgres` user through runuser. The
binaries are found in $PG_BIN, else the newest /usr/lib/postgresql/*/bin.

In Python: `with throwaway_cluster() as url: ...`.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

DATABASE = "civicdesk"
_FAST = ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
# What docs/operations.md recommends for production: room for the search index in memory, and
# no JIT, whose compile time costs more than it saves on the short queries civicdesk makes.
_TUNED = ["-c", "shared_buffers=4GB", "-c", "jit=off"]


def _bin_dir() -> Path:
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda path: int(path.split("/")[-2])
    )
    if not candidates:
        sys.exit("No PostgreSQL found: install postgresql or set PG_BIN.")
    return Path(candidates[-1])


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _run(command: list[str]) -> None:
    subprocess.run(_as_server_user(command), check=True, stdout=subprocess.DEVNULL)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(directory: Path, *, fast: bool = False) -> str:
    """Initialise and start a cluster in `directory`; returns its DATABASE_URL."""
    directory.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        postgres = pwd.getpwnam("postgres")
        os.chown(directory, postgres.pw_uid, postgres.pw_gid)
    pg, data, port = _bin_dir(), directory / "data", _free_port()
    _run([str(pg / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
          "-E", "UTF8", "--locale=C", "--no-sync"])  # fmt: skip
    options = ["-c", "listen_addresses=127.0.0.1", "-c", f"port={port}",
               "-c", f"unix_socket_directories={directory}"]  # fmt: skip
    options += _FAST if fast else _TUNED
    _run([str(pg / "pg_ctl"), "-D", str(data), "-l", str(directory / "server.log"),
          "-w", "-o", " ".join(options), "start"])  # fmt: skip
    _run([str(pg / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", DATABASE])
    (directory / "port").write_text(str(port))
    return f"postgres://postgres@127.0.0.1:{port}/{DATABASE}"


def stop(directory: Path) -> None:
    """Stop the cluster in `directory` (if it runs) and delete the directory."""
    data = directory / "data"
    if (data / "postmaster.pid").exists():
        _run([str(_bin_dir() / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"])
    shutil.rmtree(directory, ignore_errors=True)


@contextlib.contextmanager
def throwaway_cluster(*, fast: bool = False) -> Iterator[str]:
    directory = Path(tempfile.mkdtemp(prefix="civicdesk-pg-"))
    try:
        yield start(directory, fast=fast)
    finally:
        stop(directory)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run", help="run a command against a throw-away cluster")
    run_parser.add_argument("--fast", action="store_true")
    run_parser.add_argument("argv", nargs=argparse.REMAINDER)
    start_parser = commands.add_parser("start", help="start a cluster and leave it running")
    start_parser.add_argument("--dir", type=Path)
    start_parser.add_argument("--fast", action="store_true")
    stop_parser = commands.add_parser("stop", help="stop a cluster and delete its directory")
    stop_parser.add_argument("--dir", type=Path, required=True)
    args = parser.parse_args(argv)

    if args.command == "start":
        directory = args.dir or Path(tempfile.mkdtemp(prefix="civicdesk-pg-"))
        print(start(directory, fast=args.fast))
        print(
            f"Started in {directory}; stop with: "
            f"python -m civicdesk.testing.postgres stop --dir {directory}",
            file=sys.stderr,
        )
        return 0
    if args.command == "stop":
        stop(args.dir)
        return 0
    command = args.argv[1:] if args.argv[:1] == ["--"] else args.argv
    if not command:
        parser.error("run needs a command after --")
    with throwaway_cluster(fast=args.fast) as url:
        return subprocess.run(command, env={**os.environ, "DATABASE_URL": url}).returncode


if __name__ == "__main__":
    sys.exit(main())
