"""Runs a management command in a child process of the tests, as manage.py does.

    python -m civicdesk.jobs.tests.testapp.child run_scheduler --interval 0.1

The only difference from manage.py: the settings are the children's, and the test periodic
jobs are registered before the command starts: these here, and those of the modules a test
names in CIVICDESK_TEST_PERIODIC_MODULES (comma-separated), so that an app above jobs can race
its own jobs without jobs importing it.
"""

import importlib
import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civicdesk.jobs.tests.testapp.settings")
    import django

    django.setup()
    from django.core.management import execute_from_command_line

    from civicdesk.jobs.tests.testapp import periodic_jobs  # noqa: F401

    for module in filter(None, os.environ.get("CIVICDESK_TEST_PERIODIC_MODULES", "").split(",")):
        importlib.import_module(module)

    execute_from_command_line(["manage.py", *sys.argv[1:]])


if __name__ == "__main__":
    main()
