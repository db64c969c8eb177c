"""A real IMAP server for tests: Debian's dovecot (package dovecot-imapd) on loopback.

Each server lives in a throw-away directory: its own configuration, a passwd-file with one
user and a plain password, maildirs, the logs. No TLS (loopback only). Messages reach it the
way a mail server's would reach a real mailbox, by IMAP APPEND. `make test` installs the
package; without it the tests that need the server fail (they are never skipped).

    with DovecotServer() as server:
        folder = server.new_folder()
        server.append(folder, [raw_message, ...])

Dovecot's login processes refuse to run as root: when the tests run as root (CI does), they
run as Debian's `dovenull` and the mail as `dovecot`, both created by the package; otherwise
everything runs as the current user.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from imap_tools import MailBoxUnencrypted

from civicdesk.testing.smtp import free_port

DOVECOT = "/usr/sbin/dovecot"
USERNAME = "civicdesk"
PASSWORD = "imap-test-password"  # noqa: S105 (a throw-away server on loopback)

CONFIG = """\
protocols = imap
listen = 127.0.0.1
base_dir = {directory}/run
state_dir = {directory}/state
log_path = {directory}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
mail_location = maildir:{directory}/mail/%u
# Tests deliver thousands of messages; durability is not what they measure.
mail_fsync = never
auth_failure_delay = 0
default_internal_user = {internal_user}
default_internal_group = {internal_group}
default_login_user = {login_user}
first_valid_uid = {mail_uid}
last_valid_uid = {mail_uid}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {directory}/passwd
}}
userdb {{
  driver = static
  args = uid={mail_uid} gid={mail_gid} home={directory}/home/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"""


class DovecotMissing(RuntimeError):
    pass


def _users() -> dict[str, object]:
    if os.geteuid() != 0:
        me = pwd.getpwuid(os.getuid())
        return {
            "internal_user": me.pw_name,
            "internal_group": me.pw_name,
            "login_user": me.pw_name,
            "mail_uid": me.pw_uid,
            "mail_gid": me.pw_gid,
        }
    try:
        mail = pwd.getpwnam("dovecot")
        pwd.getpwnam("dovenull")
    except KeyError as error:
        raise DovecotMissing(
            f"{error}: the users of Debian's dovecot-core are missing; install dovecot-imapd."
        ) from None
    return {
        "internal_user": "dovecot",
        "internal_group": "dovecot",
        "login_user": "dovenull",
        "mail_uid": mail.pw_uid,
        "mail_gid": mail.pw_gid,
    }


class DovecotServer:
    """One dovecot process with one user; `start` waits until it greets, `stop` ends it."""

    host = "127.0.0.1"
    username = USERNAME
    password = PASSWORD

    def __init__(self) -> None:
        self.port = 0
        self.directory: Path | None = None
        self.process: subprocess.Popen | None = None
        self._folders = itertools.count(1)

    # --- life cycle -----------------------------------------------------------------------------
    def start(self, timeout: float = 15.0) -> None:
        if not os.access(DOVECOT, os.X_OK):
            raise DovecotMissing(
                f"{DOVECOT} is missing: install Debian's dovecot-imapd (`make test` does)."
            )
        users = _users()
        # Not pytest's tmp_path: its parents are private to the current user, and dovecot's
        # login processes (another user when running as root) must reach the sockets here.
        self.directory = Path(tempfile.mkdtemp(prefix="civicdesk-dovecot-"))
        self.directory.chmod(0o755)
        mail = self.directory / "mail"
        mail.mkdir()
        (self.directory / "home").mkdir()
        os.chown(mail, users["mail_uid"], users["mail_gid"])
        os.chown(self.directory / "home", users["mail_uid"], users["mail_gid"])
        passwd = self.directory / "passwd"
        passwd.write_text(f"{self.username}:{{PLAIN}}{self.password}::::::\n")
        passwd.chmod(0o644)
        self.port = free_port()
        config = self.directory / "dovecot.conf"
        config.write_text(CONFIG.format(directory=self.directory, port=self.port, **users))
        with open(self.directory / "stdout.log", "wb") as output:
            self.process = subprocess.Popen(
                [DOVECOT, "-F", "-c", str(config)],
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._wait_for_greeting(timeout)

    def _wait_for_greeting(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"dovecot exited at start:\n{self.log()}")
            try:
                with socket.create_connection((self.host, self.port), timeout=1) as probe:
                    if probe.recv(200).startswith(b"* OK"):
                        return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"dovecot did not answer within {timeout} s:\n{self.log()}")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            # dovecot's master ends its children on SIGTERM; the session holds them all.
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self.process = None
        if self.directory is not None:
            shutil.rmtree(self.directory, ignore_errors=True)
            self.directory = None

    def __enter__(self) -> DovecotServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def log(self) -> str:
        if self.directory is None:
            return ""
        parts = []
        for name in ("stdout.log", "dovecot.log"):
            path = self.directory / name
            if path.exists():
                parts.append(path.read_text(errors="replace")[-4000:])
        return "\n".join(parts)

    # --- the mailbox, as a mail server and a mail client would use it ----------------------------
    def client(self) -> MailBoxUnencrypted:
        return MailBoxUnencrypted(self.host, self.port, timeout=10).login(
            self.username, self.password, initial_folder=None
        )

    def new_folder(self) -> str:
        """A folder of its own for one test: tests share the server, never a folder."""
        name = f"test-{os.getpid()}-{next(self._folders)}"
        with self.client() as client:
            client.folder.create(name)
        return name

    def append(self, folder: str, messages: Iterable[bytes]) -> int:
        """Delivers the messages into the folder; returns how many."""
        count = 0
        with self.client() as client:
            for raw in messages:
                client.append(raw, folder)
                count += 1
        return count

    def uids(self, folder: str, criteria: str = "ALL") -> list[int]:
        with self.client() as client:
            client.folder.set(folder)
            return [int(uid) for uid in client.uids(criteria)]

    def status(self, folder: str) -> dict[str, int]:
        with self.client() as client:
            return client.folder.status(folder)

    def recreate(self, folder: str) -> None:
        """Deletes and creates the folder again: it is empty, with a new UIDVALIDITY."""
        with self.client() as client:
            client.folder.delete(folder)
            client.folder.create(folder)
