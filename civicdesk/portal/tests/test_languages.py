"""The contact form and the status look-up speak the citizen's language: pl, sv, fi or en."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from civicdesk.core.i18n import LANGUAGE_CODES
from civicdesk.portal.tests.helpers import ask_for_code, message, send

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_fill_time")]

PAGES = {"portal:contact": "Write to us", "portal:status": "Follow your case"}


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_the_pages_are_in_the_chosen_language(client, tenant_a, language):
    for name, heading in PAGES.items():
        url = reverse(name, args=[tenant_a.organisation.slug])
        response = client.get(url, {"lang": language})
        page = response.content.decode()
        assert f'<html lang="{language}">' in page
        assert response["Content-Language"] == language
        with translation.override(language):
            translated = translation.gettext(heading)
        assert language == "en" or translated != heading
        assert f"<h1>{translated}</h1>" in page
        # The language switcher keeps the citizen on the same page.
        assert 'href="?lang=fi"' in page


@pytest.mark.parametrize("language", ["pl", "sv", "fi"])
def test_messages_of_the_forms_are_translated(client, tenant_a, language):
    refused = send(client, tenant_a, message(tenant_a, email="", phone=""), lang=language)
    with translation.override(language):
        expected = translation.gettext(
            "Give an e-mail address or a phone number, so that we can answer you."
        )
    assert expected != "Give an e-mail address or a phone number, so that we can answer you."
    assert expected in refused.content.decode()

    asked = ask_for_code(client, tenant_a, tenant_a.case.reference, "x@example.se", lang=language)
    assert asked["Location"].endswith(f"?lang={language}")
    page = client.get(asked["Location"]).content.decode()
    with translation.override(language):
        assert translation.gettext("Enter your code") in page


def test_without_a_choice_the_page_follows_the_browser_then_the_organisation(client, tenant_a):
    url = reverse("portal:contact", args=[tenant_a.organisation.slug])
    assert '<html lang="sv">' in client.get(url).content.decode()  # Skellefteå's language
    finnish = client.get(url, HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert '<html lang="fi">' in finnish
