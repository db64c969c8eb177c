"""The citizens' FAQ: public articles only, without signing in, in the citizen's language."""

from __future__ import annotations

import pytest
from django.urls import reverse

from civicdesk.testing import factories

pytestmark = pytest.mark.django_db


def faq(organisation, **params):
    return reverse("portal:faq", args=[organisation.slug]), params


def test_the_faq_lists_public_articles_without_login(client, tenant_a, knowledge_a):
    url, _params = faq(tenant_a.organisation)
    page = client.get(url).content.decode()
    assert "Sophämtning" in page
    assert "Bygglov för altan" not in page  # internal
    assert "Utkast om färdtjänst" not in page  # draft
    assert client.get(reverse("portal:index")).status_code == 200


def test_citizens_search_public_articles_only(client, tenant_a, knowledge_a):
    url, _params = faq(tenant_a.organisation)
    found = client.get(url, {"q": "sophämtning varannan"}).content.decode()
    assert "Sophämtning" in found
    assert "<mark>" in found
    internal = client.get(url, {"q": "bygglov altan", "lang": "en"}).content.decode()
    assert "Bygglov för altan" not in internal
    assert "Building permit for a porch" not in internal
    assert "No answer matches" in internal


def test_internal_drafts_and_other_organisations_articles_are_404(
    client, tenant_a, tenant_b, knowledge_a
):
    for article in (knowledge_a.article, knowledge_a.draft):
        url = reverse("portal:article", args=[tenant_a.organisation.slug, article.pk])
        assert client.get(url).status_code == 404
    theirs = reverse(
        "portal:article", args=[tenant_b.organisation.slug, knowledge_a.public_article.pk]
    )
    assert client.get(theirs).status_code == 404
    assert client.get(reverse("portal:faq", args=["no-such-organisation"])).status_code == 404


def test_the_article_is_shown_in_the_chosen_language_with_a_fallback_notice(client, tenant_a):
    article = factories.ArticleFactory(
        organisation=tenant_a.organisation,
        audience="public",
        translations={
            "sv": ("Ansöka om förskoleplats", "<p>Ansök fyra månader innan.</p>"),
            "pl": (
                "Wniosek o miejsce w przedszkolu",
                "<p>Złóż wniosek cztery miesiące wcześniej.</p>",
            ),
        },
    )
    url = reverse("portal:article", args=[tenant_a.organisation.slug, article.pk])
    polish = client.get(url, {"lang": "pl"})
    page = polish.content.decode()
    assert '<html lang="pl">' in page
    assert "Wniosek o miejsce w przedszkolu" in page
    assert polish["Content-Language"] == "pl"
    finnish = client.get(url, {"lang": "fi"}).content.decode()
    assert '<html lang="fi">' in finnish
    assert 'lang="sv"' in finnish and "Ansöka om förskoleplats" in finnish
    default = client.get(url).content.decode()
    assert "Ansöka om förskoleplats" in default  # the organisation's language


def test_script_in_an_article_never_reaches_the_citizen(client, tenant_a):
    from civicdesk.knowledge.services import create_article
    from civicdesk.org.choices import Role

    article = create_article(
        actor=tenant_a.user(Role.TEAM_LEAD),
        department=tenant_a.department,
        audience="public",
        publish=True,
        translations={
            "sv": {
                "title": "Öppettider",
                "body": '<p onload="x()">Öppet 8–16 <a href="javascript:steal()">här</a></p>'
                "<script>steal()</script>",
            }
        },
    )
    page = client.get(
        reverse("portal:article", args=[tenant_a.organisation.slug, article.pk])
    ).content.decode()
    assert "steal" not in page
    assert "onload" not in page
    assert "Öppet 8–16" in page
