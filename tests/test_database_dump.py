"""A dump of the database does not reveal national identity numbers in clear text."""

import shutil
import subprocess

import pytest
from django.db import connection

from civicdesk.customers import services
from civicdesk.org.choices import Role

# Each number in the spellings an agent might type and the canonical one we normalise to.
NUMBERS = {
    "SE": ("811228-9874", ["811228-9874", "8112289874", "198112289874"]),
    "PL": ("44051401359", ["44051401359"]),
    "FI": ("131052-308T", ["131052-308T", "131052308T"]),
}


def dump_bytes(tmp_path) -> bytes:
    if connection.vendor == "sqlite":
        target = tmp_path / "dump.sqlite3"
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(target)])
        return target.read_bytes()
    settings = connection.settings_dict
    pg_dump = shutil.which("pg_dump") or "/usr/lib/postgresql/15/bin/pg_dump"
    result = subprocess.run(
        [
            pg_dump,
            "--host",
            settings["HOST"] or "127.0.0.1",
            "--port",
            str(settings["PORT"]),
            "--username",
            settings["USER"],
            "--no-owner",
            connection.settings_dict["NAME"],
        ],
        env={"PGPASSWORD": settings["PASSWORD"] or ""},
        capture_output=True,
        check=True,
    )
    return result.stdout


@pytest.mark.django_db(transaction=True)
def test_the_clear_national_id_is_absent_from_the_database(tenant_a, tmp_path):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    for index, (country, (typed, _spellings)) in enumerate(NUMBERS.items()):
        services.register_customer(
            actor=agent,
            organisation=tenant_a.organisation,
            name=f"Dump Control {index}",
            country=country,
            national_id=typed,
        )
    dump = dump_bytes(tmp_path)
    assert b"Dump Control 2" in dump  # the dump does hold the customers
    for _country, (_typed, spellings) in NUMBERS.items():
        for spelling in spellings:
            assert spelling.encode() not in dump, spelling
