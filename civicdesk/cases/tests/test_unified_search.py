"""One search box over the knowledge base and cases, each part through its own rules."""

from __future__ import annotations

import pytest
from django.urls import reverse

from civicdesk.cases.services import register_contact, set_confidentiality
from civicdesk.org.choices import Role

pytestmark = pytest.mark.django_db


def search(client, **params):
    return client.get(reverse("search"), params).content.decode()


def test_one_search_finds_articles_cards_and_cases(client, tenant_a, knowledge_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    register_contact(
        actor=agent,
        organisation=tenant_a.organisation,
        channel="phone",
        case_type=tenant_a.case_type,
        subject="Glasa in altanen",
        description="Frågar om bygglov för altan",
    )
    client.force_login(agent)
    page = search(client, q="bygglov")
    assert "Bygglov för altan" in page
    assert "Glasa in altanen" in page
    assert 'id="section-case"' in page
    only_cases = search(client, q="bygglov", kind="case")
    assert "Glasa in altanen" in only_cases and 'id="section-article"' not in only_cases


def test_confidential_cases_stay_with_their_group(client, tenant_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    case = register_contact(
        actor=agent,
        organisation=tenant_a.organisation,
        channel="phone",
        case_type=tenant_a.case_type,
        subject="Ekonomiskt bistånd hemligt",
    )
    set_confidentiality(actor=agent, case=case, confidential=True, reason="Social matter")
    client.force_login(tenant_a.user(Role.SPECIALIST_AGENT))
    assert "Ekonomiskt bistånd hemligt" not in search(client, q="bistånd")


def test_another_organisations_knowledge_and_cases_are_not_found(
    client, tenant_a, tenant_b, knowledge_a
):
    client.force_login(tenant_b.user(Role.GENERAL_AGENT))
    page = search(client, q="bygglov")
    assert "Bygglov för altan" not in page
    found = search(client, q=tenant_a.case.reference)
    assert reverse("cases:detail", args=[tenant_a.case.pk]) not in found
