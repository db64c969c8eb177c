"""Suggestions beside what the agent reads on the case page: the incoming message."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from civicdesk.cases.services import register_contact
from civicdesk.org.choices import Role
from civicdesk.testing import factories

pytestmark = pytest.mark.django_db


def test_the_case_page_suggests_answers_to_the_incoming_message(client, tenant_a, knowledge_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    case = register_contact(
        actor=agent,
        organisation=tenant_a.organisation,
        channel="email",
        # Another case type than the article's: the message's words find it.
        case_type=factories.CaseTypeFactory(
            organisation=tenant_a.organisation,
            department=tenant_a.department,
            default_group=tenant_a.group,
        ),
        subject="Fråga från e-post",
        description="Hej! Måste jag söka bygglov om jag glasar in min altan?",
    )
    client.force_login(agent)
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    panel = re.search(r'id="suggestion-list"[^>]*hx-get="([^"]+)"', page)
    suggested = client.get(html.unescape(panel.group(1))).content.decode()
    assert "Bygglov för altan" in suggested
