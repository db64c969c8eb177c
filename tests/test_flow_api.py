"""The Skellefteå flow through the API, with a real SMTP server receiving the notification."""

import pytest

from civicdesk.org.choices import Role
from civicdesk.org.services import create_api_token

pytestmark = pytest.mark.django_db(transaction=True)


def api_client(client_class, tenant, role):
    _token, secret = create_api_token(
        actor=tenant.user(Role.ADMINISTRATOR), user=tenant.user(role), name=f"{role} desk"
    )
    client = client_class()
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {secret}"
    return client


def post(client, url, body):
    response = client.post(url, body, content_type="application/json")
    assert response.status_code in (200, 201), response.content
    return response.json()


def test_register_resolve_forward_take_call_back_resolve(tenant_a, smtp_server):
    from django.test import Client

    agent = api_client(Client, tenant_a, Role.GENERAL_AGENT)
    expert = api_client(Client, tenant_a, Role.DEPARTMENT_EXPERT)

    first = post(
        agent,
        "/api/v1/cases",
        {
            "channel": "phone",
            "case_type_id": tenant_a.case_type.pk,
            "customer_id": tenant_a.customer.pk,
            "subject": "Sophämtning vid helgdag",
            "duration_seconds": 110,
            "summary": "Frågade om hämtningsdag",
        },
    )
    resolved = post(
        agent, f"/api/v1/cases/{first['id']}/resolve", {"resolution": "Svarade utifrån hämtschemat"}
    )
    assert (resolved["status"], resolved["outcome"]) == ("resolved", "first_contact")

    second = post(
        agent,
        "/api/v1/cases",
        {
            "channel": "phone",
            "case_type_id": tenant_a.case_type.pk,
            "customer_id": tenant_a.customer.pk,
            "subject": "Överklagat bygglovsbeslut",
        },
    )
    forwarded = post(
        agent,
        f"/api/v1/cases/{second['id']}/forward",
        {"group_id": tenant_a.group.pk, "reason": "Beslutet kräver handläggare"},
    )
    assert forwarded["status"] == "forwarded"
    assert forwarded["feedback_due_at"]

    expert_email = tenant_a.user(Role.DEPARTMENT_EXPERT).email
    assert smtp_server.recipients() == [expert_email]
    notification = smtp_server.messages[0]
    assert second["reference"] in notification["Subject"]
    assert f"/cases/{second['id']}/" in notification.get_content()

    post(expert, f"/api/v1/cases/{second['id']}/take", {})
    post(
        expert,
        f"/api/v1/cases/{second['id']}/contacts",
        {
            "channel": "phone",
            "direction": "outbound",
            "duration_seconds": 300,
            "summary": "Ringde upp och förklarade överklagandet",
        },
    )
    done = post(
        expert, f"/api/v1/cases/{second['id']}/resolve", {"resolution": "Medborgaren fick besked"}
    )
    assert (done["status"], done["outcome"]) == ("resolved", "after_forwarding")

    timeline = agent.get(f"/api/v1/cases/{second['id']}/events").json()
    assert [(event["kind"], event["actor"]) for event in timeline] == [
        ("registered", tenant_a.user(Role.GENERAL_AGENT).username),
        ("contact", tenant_a.user(Role.GENERAL_AGENT).username),
        ("forwarded", tenant_a.user(Role.GENERAL_AGENT).username),
        ("assigned", tenant_a.user(Role.DEPARTMENT_EXPERT).username),
        ("customer_contacted", tenant_a.user(Role.DEPARTMENT_EXPERT).username),
        ("resolved", tenant_a.user(Role.DEPARTMENT_EXPERT).username),
    ]
    assert all(event["at"] for event in timeline)


@pytest.mark.parametrize(
    ("path", "body", "status", "field"),
    [
        ("/resolve", {"resolution": ""}, 400, "resolution"),
        ("/notes", {"text": ""}, 400, "text"),
        ("/notes", {"text": "x" * 10_001}, 400, "text"),
        ("/close", {}, 400, "status"),
        ("/case-type", {"case_type_id": 999_999}, 400, "case_type_id"),
    ],
)
def test_bad_input_is_a_clear_4xx_and_changes_nothing(tenant_a, path, body, status, field):
    from django.test import Client

    agent = api_client(Client, tenant_a, Role.GENERAL_AGENT)
    case_id = tenant_a.case.pk
    before = agent.get(f"/api/v1/cases/{case_id}/events").json()
    response = agent.post(f"/api/v1/cases/{case_id}{path}", body, content_type="application/json")
    assert response.status_code == status, response.content
    assert response.json()["field"] == field
    assert response.json()["detail"]
    assert agent.get(f"/api/v1/cases/{case_id}/events").json() == before


def test_forwarding_to_a_group_of_another_organisation_is_a_400(tenant_a, tenant_b):
    from django.test import Client

    agent = api_client(Client, tenant_a, Role.GENERAL_AGENT)
    response = agent.post(
        f"/api/v1/cases/{tenant_a.case.pk}/forward",
        {"group_id": tenant_b.group.pk, "reason": "x"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["field"] == "group_id"


def test_an_unknown_case_type_is_a_400(tenant_a, tenant_b):
    from django.test import Client

    agent = api_client(Client, tenant_a, Role.GENERAL_AGENT)
    for case_type_id in (999_999, tenant_b.case_type.pk):
        response = agent.post(
            "/api/v1/cases",
            {"channel": "phone", "case_type_id": case_type_id},
            content_type="application/json",
        )
        assert response.status_code == 400
        assert response.json()["field"] == "case_type_id"
