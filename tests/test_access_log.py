"""Every view of a customer's personal data leaves an access-log row: who, when, why, how."""

import pytest
from django.urls import reverse

from civicdesk.customers.models import PersonalDataAccess
from civicdesk.org.choices import Role
from civicdesk.org.services import create_api_token

pytestmark = pytest.mark.django_db


def ui_views(customer):
    detail = reverse("customers:detail", args=[customer.pk])
    return [
        (
            "lookup",
            "get",
            reverse("customers:lookup"),
            {"q": customer.name, "purpose": "contact"},
            "search_result",
            "contact",
        ),
        ("record", "get", detail, {"purpose": "case", "reason": "callback"}, "record", "case"),
        (
            "reveal",
            "post",
            reverse("customers:national_id", args=[customer.pk]),
            {"purpose": "contact"},
            "national_id",
            "contact",
        ),
        (
            "edit form",
            "get",
            reverse("customers:edit", args=[customer.pk]) + "?purpose=contact",
            {},
            "record",
            "contact",
        ),
    ]


@pytest.mark.parametrize("index", range(4))
def test_each_agent_view_of_personal_data_is_logged(client, tenant_a, index):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    client.force_login(agent)
    name, method, url, data, action, purpose = ui_views(tenant_a.customer)[index]
    response = getattr(client, method)(url, data)
    assert response.status_code == 200, name
    entry = PersonalDataAccess.objects.get()
    assert (entry.actor, entry.customer, entry.action, entry.purpose, entry.via) == (
        agent,
        tenant_a.customer,
        action,
        purpose,
        "ui",
    )
    assert entry.at is not None


def test_the_record_is_not_shown_before_a_purpose_is_given(client, tenant_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    response = client.get(reverse("customers:detail", args=[tenant_a.customer.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert tenant_a.customer.name not in page
    assert 'name="purpose"' in page
    assert not PersonalDataAccess.objects.exists()


def test_the_reason_given_is_kept(client, tenant_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    client.get(
        reverse("customers:detail", args=[tenant_a.customer.pk]),
        {"purpose": "data_request", "reason": "Art. 15 request 2026-11-23"},
    )
    assert PersonalDataAccess.objects.get().reason == "Art. 15 request 2026-11-23"


def test_each_api_read_of_personal_data_is_logged(client, tenant_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    _token, secret = create_api_token(
        actor=tenant_a.user(Role.ADMINISTRATOR), user=agent, name="CRM"
    )
    auth = {"Authorization": f"Bearer {secret}"}
    base = f"/api/v1/customers/{tenant_a.customer.pk}"
    calls = [
        ("/api/v1/customers", {"q": tenant_a.customer.name, "purpose": "contact"}, "search_result"),
        (base, {"purpose": "case"}, "record"),
        (base + "/national-id", {"purpose": "contact"}, "national_id"),
    ]
    for url, params, action in calls:
        before = PersonalDataAccess.objects.count()
        assert client.get(url, params, headers=auth).status_code == 200, url
        entry = PersonalDataAccess.objects.latest("pk")
        assert PersonalDataAccess.objects.count() == before + 1
        assert (entry.actor, entry.action, entry.via) == (agent, action, "api")


def test_an_api_read_without_a_purpose_is_refused_and_not_logged(client, tenant_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    response = client.get(f"/api/v1/customers/{tenant_a.customer.pk}")
    assert response.status_code == 422
    assert not PersonalDataAccess.objects.exists()


def test_admin_pages_showing_customers_are_logged(client, tenant_a):
    administrator = tenant_a.user(Role.ADMINISTRATOR)
    client.force_login(administrator)
    assert client.get(reverse("admin:customers_customer_changelist")).status_code == 200
    assert (
        client.get(
            reverse("admin:customers_customer_change", args=[tenant_a.customer.pk])
        ).status_code
        == 200
    )
    assert list(
        PersonalDataAccess.objects.order_by("pk").values_list("action", "via", "purpose")
    ) == [
        ("search_result", "admin", "administration"),
        ("record", "admin", "administration"),
    ]


def test_administrators_see_who_opened_a_record(client, tenant_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    client.get(reverse("customers:detail", args=[tenant_a.customer.pk]), {"purpose": "contact"})
    client.force_login(tenant_a.user(Role.ADMINISTRATOR))
    page = client.get(reverse("customers:access_log", args=[tenant_a.customer.pk]))
    assert tenant_a.user(Role.GENERAL_AGENT).get_full_name() in page.content.decode()
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    assert (
        client.get(reverse("customers:access_log", args=[tenant_a.customer.pk])).status_code == 403
    )
