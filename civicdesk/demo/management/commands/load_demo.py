"""manage.py load_demo: three demo organisations (SE, PL, FI), their staff, customers and cases.

Safe to run again: what exists is left as it is. Prints who can sign in, and where.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from civicdesk.demo.constants import DEMO_PASSWORD, DEMO_PATHS
from civicdesk.demo.data import DEMO_ORGANISATIONS
from civicdesk.demo.data.cases import DEMO_CASES
from civicdesk.demo.extras import extra_loaders
from civicdesk.demo.services import (
    LoadReport,
    ensure_installation_admin,
    load_cases,
    load_organisation,
)


class Command(BaseCommand):
    help = "Load the demo organisations, users, customers and cases (idempotent)."

    def handle(self, *args, **options):
        report = LoadReport()
        admin = ensure_installation_admin(password=DEMO_PASSWORD, report=report)
        for spec in DEMO_ORGANISATIONS:
            load_organisation(actor=admin, spec=spec, password=DEMO_PASSWORD, report=report)
            load_cases(spec=spec, cases=DEMO_CASES[spec["slug"]], report=report)
            for load_extra in extra_loaders():
                load_extra(spec=spec, report=report)

        created, existing = sum(report.created.values()), sum(report.existing.values())
        if created:
            details = ", ".join(f"{n} {model}" for model, n in sorted(report.created.items()))
            self.stdout.write(self.style.SUCCESS(f"Created {created} objects: {details}."))
        if existing:
            self.stdout.write(f"{existing} objects were there already and were left as they are.")
        self.stdout.write("")
        self._write_users_table(report)
        self.stdout.write("")
        for label, path in DEMO_PATHS:
            self.stdout.write(f"  {label + ':':<14}{settings.SITE_URL}{path}")

    def _write_users_table(self, report: LoadReport) -> None:
        header = ("organisation", "username", "role", "password")
        rows = [(u.organisation, u.username, u.roles, DEMO_PASSWORD) for u in report.users]
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
        line = "  ".join(f"{{:<{width}}}" for width in widths)
        self.stdout.write(self.style.MIGRATE_HEADING(line.format(*header).rstrip()))
        self.stdout.write(line.format(*("-" * width for width in widths)))
        for row in rows:
            self.stdout.write(line.format(*row).rstrip())
