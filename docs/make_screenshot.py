"""Takes docs/screenshot.png: the Swedish demo agent's catalogue, in Debian's chromium.

Run with `make screenshot`. Uses a throw-away SQLite database and a server on a free port.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="civicdesk-shot-"))
    env = {
        **os.environ,
        "DJANGO_DEBUG": "1",
        "CIVICDESK_VAR_DIR": str(workdir),
        "DATABASE_URL": f"sqlite:///{workdir}/db.sqlite3",
    }
    for command in (["migrate", "--no-input"], ["load_demo"]):
        subprocess.run(
            [PYTHON, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    port = free_port()
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "uvicorn",
            "civicdesk.asgi:application",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)  # noqa: S310
                break
            except OSError:
                time.sleep(0.1)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                ],
            )
            page = browser.new_page(viewport={"width": 1280, "height": 760})
            page.goto(base + "/accounts/login/")
            page.fill("input[name=username]", "ske.agent")
            page.fill("input[name=password]", "civicdesk-demo")
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(base + "/")
            page.goto(base + "/catalogue/")
            page.screenshot(path=str(ROOT / "docs" / "screenshot.png"))
            browser.close()
    finally:
        server.terminate()
        server.wait()
    print("Wrote docs/screenshot.png")


if __name__ == "__main__":
    main()
