"""The REST API: authentication, documentation, pagination and the error shape."""

import pytest

from civicdesk.catalog.models import CaseType
from civicdesk.customers.models import Customer
from civicdesk.org.choices import Role
from civicdesk.org.models import GroupMembership
from civicdesk.org.services import create_api_token, revoke_api_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def agent_api(client, tenant_a):
    _token, secret = create_api_token(
        actor=tenant_a.user(Role.ADMINISTRATOR), user=tenant_a.user(Role.GENERAL_AGENT), name="test"
    )
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {secret}"
    return client


@pytest.fixture
def admin_api(client, tenant_a):
    _token, secret = create_api_token(
        actor=tenant_a.user(Role.ADMINISTRATOR),
        user=tenant_a.user(Role.ADMINISTRATOR),
        name="admin",
    )
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {secret}"
    return client


def test_the_documentation_is_served(client):
    assert client.get("/api/docs").status_code == 200
    schema = client.get("/api/openapi.json").json()
    assert schema["info"]["title"] == "civicdesk API"
    assert "/api/v1/customers" in schema["paths"]


def test_calls_without_credentials_are_refused(client, tenant_a):
    assert client.get("/api/v1/org/me").status_code == 401


def test_a_token_acts_as_its_service_user(agent_api, tenant_a):
    me = agent_api.get("/api/v1/org/me").json()
    assert me["username"] == tenant_a.user(Role.GENERAL_AGENT).username
    assert me["roles"] == [Role.GENERAL_AGENT]
    assert me["organisation"]["reference_prefix"] == tenant_a.organisation.reference_prefix


def test_a_revoked_token_is_refused(client, tenant_a):
    token, secret = create_api_token(
        actor=tenant_a.user(Role.ADMINISTRATOR), user=tenant_a.user(Role.GENERAL_AGENT), name="old"
    )
    revoke_api_token(actor=tenant_a.user(Role.ADMINISTRATOR), token=token)
    response = client.get("/api/v1/org/me", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 401


def test_a_session_user_can_read(client, tenant_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    assert (
        client.get("/api/v1/org/me").json()["username"]
        == tenant_a.user(Role.GENERAL_AGENT).username
    )


def test_lists_are_paginated_and_scoped(agent_api, tenant_a, tenant_b):
    page = agent_api.get("/api/v1/org/users", {"limit": 2}).json()
    assert page["count"] == len(tenant_a.users)
    assert len(page["items"]) == 2
    everyone = agent_api.get("/api/v1/org/users", {"limit": 500}).json()["items"]
    assert {user["username"] for user in everyone} == {
        user.username for user in tenant_a.users.values()
    }
    assert agent_api.get("/api/v1/org/users", {"limit": 501}).status_code == 422


def test_an_unknown_language_is_a_clear_400_and_changes_nothing(agent_api, tenant_a):
    response = agent_api.put(
        "/api/v1/org/me/language", {"language": "xx"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["field"] == "language"
    assert "Unknown language" in response.json()["detail"]
    tenant_a.user(Role.GENERAL_AGENT).refresh_from_db()
    assert tenant_a.user(Role.GENERAL_AGENT).ui_language == ""


def test_a_malformed_national_id_is_a_clear_400_and_nothing_is_created(agent_api):
    before = Customer.objects.count()
    response = agent_api.post(
        "/api/v1/customers",
        {"name": "Jan Kowalski", "national_id": "811228-9875"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "detail": (
            "The identity number is not valid (personnummer): the check digit does not match."
        ),
        "field": "national_id",
        "code": "invalid",
    }
    assert Customer.objects.count() == before


def test_a_customer_is_registered_and_read_back(agent_api):
    response = agent_api.post(
        "/api/v1/customers",
        {
            "name": "Jan Kowalski",
            "national_id": "811228-9874",
            "phones": ["0705550111"],
            "preferred_language": "pl",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["national_id_masked"] == "••••••••9874"
    assert body["contacts"][0]["value"] == "+46705550111"
    assert "811228" not in response.content.decode()


def test_adding_a_user_of_another_organisation_to_a_group_is_404(admin_api, tenant_a, tenant_b):
    before = GroupMembership.objects.count()
    response = admin_api.post(
        f"/api/v1/org/groups/{tenant_a.group.pk}/members",
        {"user_id": tenant_b.user(Role.GENERAL_AGENT).pk},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert GroupMembership.objects.count() == before


def test_a_case_type_with_another_organisations_department_is_refused(admin_api, tenant_b):
    before = CaseType.objects.count()
    response = admin_api.post(
        "/api/v1/catalog/case-types",
        {"code": "x", "names": {"sv": "X"}, "department_id": tenant_b.department.pk},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["field"] == "department_id"
    assert CaseType.objects.count() == before


def test_a_case_type_is_created_and_found_by_type_ahead(admin_api, tenant_a):
    response = admin_api.post(
        "/api/v1/catalog/case-types",
        {
            "code": "snow",
            "names": {"sv": "Snöröjning", "en": "Snow clearing"},
            "department_id": tenant_a.department.pk,
            "rosa_tier": "general",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    found = admin_api.get("/api/v1/catalog/case-types", {"q": "snow"}).json()
    assert [item["code"] for item in found["items"]] == ["snow"]


def test_an_agent_may_not_change_the_catalogue(agent_api, tenant_a):
    response = agent_api.patch(
        f"/api/v1/catalog/case-types/{tenant_a.case_type.pk}",
        {"handled_by_centre": False},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert response.json()["detail"]
