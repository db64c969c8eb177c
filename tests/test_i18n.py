"""The interface speaks pl, sv, fi and en completely, and formats dates per locale."""

import datetime
import gettext
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.urls import reverse
from django.utils import formats, translation

from civicdesk.core.i18n import LANGUAGE_CODES
from civicdesk.org.choices import Role

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "civicdesk" / "locale"


def catalogue(language: str):
    with open(LOCALE / language / "LC_MESSAGES" / "django.po", "rb") as handle:
        return read_po(handle, locale=language)


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_every_message_is_translated(language):
    missing = [
        message.id
        for message in catalogue(language)
        if message.id
        and (
            not message.string
            or message.fuzzy
            or (isinstance(message.string, tuple) and not all(message.string))
        )
    ]
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_compiled_catalogues_match_their_sources(language):
    with open(LOCALE / language / "LC_MESSAGES" / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message in catalogue(language):
        if not message.id or message.pluralizable:
            continue
        shown = (
            compiled.pgettext(message.context, message.id)
            if message.context
            else compiled.gettext(message.id)
        )
        assert shown == message.string, f"{message.id!r}: run `make messages`"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="make test installs gettext")
def test_catalogues_hold_every_message_in_the_source(tmp_path):
    """Extracts messages from a copy of the code and compares with the committed catalogue."""
    shutil.copytree(
        ROOT / "civicdesk",
        tmp_path / "civicdesk",
        ignore=shutil.ignore_patterns("__pycache__", "*.mo"),
    )
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "sv", "--no-obsolete", "--no-location"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={"DJANGO_DEBUG": "1", "PATH": "/usr/bin:/bin", "CIVICDESK_VAR_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    with open(tmp_path / "civicdesk/locale/sv/LC_MESSAGES/django.po", "rb") as handle:
        extracted = {message.id for message in read_po(handle) if message.id}
    committed = {message.id for message in catalogue("sv") if message.id}
    assert extracted - committed == set(), "new messages: run `make messages` and translate"


@pytest.mark.django_db
def test_switching_language_changes_the_interface_and_is_remembered(client, tenant_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    client.force_login(agent)
    response = client.post(reverse("switch_language"), {"language": "sv", "next": "/"}, follow=True)
    assert response.status_code == 200
    assert '<html lang="sv">' in response.content.decode()
    with translation.override("sv"):
        assert translation.gettext("Look up a caller") in response.content.decode()
    agent.refresh_from_db()
    assert agent.ui_language == "sv"


@pytest.mark.django_db
def test_an_unknown_language_is_refused_with_a_message_and_changes_nothing(client, tenant_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    client.force_login(agent)
    response = client.post(reverse("switch_language"), {"language": "tlh", "next": "/"})
    assert response.status_code == 400
    assert "Unknown language" in response.content.decode()
    agent.refresh_from_db()
    assert agent.ui_language == ""
    assert "civicdesk_language" not in response.cookies


def test_dates_and_numbers_follow_the_locale():
    day = datetime.date(2026, 11, 11)
    shown = {}
    for language in LANGUAGE_CODES:
        with translation.override(language):
            shown[language] = (
                formats.date_format(day, "SHORT_DATE_FORMAT"),
                formats.number_format(1234.5, 1, force_grouping=True),
            )
    assert shown["sv"][0] == "2026-11-11"
    assert shown["pl"][0] == "11.11.2026"
    assert shown["fi"][0] == "11.11.2026"
    assert shown["sv"][1] != shown["en"][1]  # decimal comma and space grouping
