"""Alarm rows leave room on their page for the row's one update, firing (PostgreSQL only).

Firing sets `fired_at`, which no index holds; with free space on the page PostgreSQL writes
the new row version there (a HOT update) and touches no index. At 1,000,000 open cases with
100,000 due, the tick's UPDATE took 1.0 s with full pages and 0.2 s with this. SQLite rewrites
rows in place and has no such setting.
"""

from django.db import migrations


def set_fillfactor(apps, schema_editor, value=70):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE cases_casealarm SET (fillfactor = {int(value)})")


def reset_fillfactor(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE cases_casealarm RESET (fillfactor)")


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_case_open_queue_indexes")]

    operations = [migrations.RunPython(set_fillfactor, reset_fillfactor, elidable=False)]
