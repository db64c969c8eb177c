"""The knowledge API: status codes and the error shape."""

from __future__ import annotations

import pytest

from civicdesk.knowledge.models import Article
from civicdesk.org.choices import Role

pytestmark = pytest.mark.django_db

URL = "/api/v1/knowledge"


def post(client, url, data):
    return client.post(url, data, content_type="application/json")


def test_an_article_is_created_changed_and_its_diff_read(client, tenant_a):
    client.force_login(tenant_a.user(Role.TEAM_LEAD))
    created = post(
        client,
        f"{URL}/articles",
        {
            "department_id": tenant_a.department.pk,
            "audience": "public",
            "translations": {"sv": {"title": "Sophämtning", "body": "<p>Varannan vecka.</p>"}},
            "tags": ["avfall"],
            "case_type_ids": [tenant_a.case_type.pk],
            "publish": True,
        },
    )
    assert created.status_code == 201, created.content
    article = created.json()
    assert (article["title"], article["version"], article["tags"]) == ("Sophämtning", 1, ["avfall"])
    changed = client.patch(
        f"{URL}/articles/{article['id']}",
        {"translations": {"en": {"title": "Waste collection", "body": "<p>Every other week.</p>"}}},
        content_type="application/json",
    )
    assert changed.status_code == 200
    assert changed.json()["version"] == 2
    diff = client.get(f"{URL}/articles/{article['id']}/diff")
    assert diff.status_code == 200
    assert {change["field"] for change in diff.json()["changes"]} == {
        "translations.en.title",
        "translations.en.body",
    }
    versions = client.get(f"{URL}/articles/{article['id']}/versions").json()
    assert [version["number"] for version in versions] == [2, 1]
    found = client.get(f"{URL}/search", {"q": "waste"}).json()
    assert [(hit["kind"], hit["id"]) for hit in found] == [("article", article["id"])]


@pytest.mark.parametrize(
    ("translations", "field"),
    [
        ({"sv": {"title": ""}}, "translations"),
        ({"xx": {"title": "Title"}}, "translations"),
        ({"sv": {"title": "T", "body": "<p>" + "x" * 100_001 + "</p>"}}, "translations.sv.body"),
        ({"sv": {"title": "T", "body": "<div><p>x</div>"}}, "translations.sv.body"),
    ],
)
def test_bad_articles_are_a_400_with_the_field(client, tenant_a, translations, field):
    client.force_login(tenant_a.user(Role.TEAM_LEAD))
    response = post(
        client,
        f"{URL}/articles",
        {"department_id": tenant_a.department.pk, "translations": translations},
    )
    assert response.status_code == 400
    assert response.json()["field"] == field
    assert response.json()["detail"]
    assert not Article.objects.exists()


def test_an_agent_may_read_but_not_write(client, tenant_a, knowledge_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    assert client.get(f"{URL}/articles/{knowledge_a.article.pk}").status_code == 200
    assert client.get(f"{URL}/articles/{knowledge_a.draft.pk}").status_code == 404
    response = post(
        client,
        f"{URL}/articles",
        {"department_id": tenant_a.department.pk, "translations": {"sv": {"title": "T"}}},
    )
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"


def test_lists_and_suggestions(client, tenant_a, knowledge_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    assert client.get(f"{URL}/articles").json()["count"] == 2
    assert (
        client.get(f"{URL}/checklists", {"case_type_id": tenant_a.case_type.pk}).json()["count"]
        == 1
    )
    cards = client.get(f"{URL}/service-cards").json()["items"]
    assert cards[0]["delivery"] == "eservice"
    assert client.get(f"{URL}/notices").json()["count"] == 1
    suggestions = client.get(
        f"{URL}/suggestions",
        {"text": "glasa in altanen, bygglov?", "case_type_id": tenant_a.case_type.pk},
    ).json()
    assert [item["id"] for item in suggestions["checklists"]] == [knowledge_a.checklist.pk]
    assert suggestions["articles"][0]["id"] == knowledge_a.article.pk
    assert client.get(f"{URL}/search", {"q": "x", "kind": "nonsense"}).status_code == 400
