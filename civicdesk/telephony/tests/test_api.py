"""POST /api/v1/telephony/events and GET /api/v1/telephony/calls/{id}."""

import pytest
from django.test import Client

from civicdesk.org.choices import Role
from civicdesk.org.services import create_api_token
from civicdesk.telephony.models import Call, CallEvent, Extension
from civicdesk.telephony.tests.conftest import at

pytestmark = pytest.mark.django_db

URL = "/api/v1/telephony/events"


def post(secret, **body):
    return Client().post(
        URL, body, content_type="application/json", headers={"Authorization": f"Bearer {secret}"}
    )


def event(kind, seconds, **fields):
    return {
        "kind": kind,
        "call_id": "1700000000.42",
        "timestamp": at(seconds).isoformat(),
        **fields,
    }


@pytest.mark.parametrize(
    ("kind", "fields", "state"),
    [
        ("offered", {"caller_number": "+46705550101", "queue": "bygglov"}, "offered"),
        ("answered", {"agent": "1001"}, "answered"),
        ("transferred", {"target": "skolan"}, "offered"),
        ("ended", {}, "ended"),
        ("abandoned", {}, "abandoned"),
    ],
)
def test_each_kind_of_event_is_recorded(phone_token, tenant_a, agent, kind, fields, state):
    Extension.objects.create(organisation=tenant_a.organisation, number="1001", user=agent)
    response = post(phone_token, **event(kind, 10, **fields))

    assert response.status_code == 200, response.content
    assert response.json()["recorded"] is True
    assert response.json()["call"]["state"] == state
    assert CallEvent.objects.get().kind == kind


def test_a_repeat_answers_200_and_records_nothing(phone_token, agent):
    first = post(phone_token, **event("answered", 10, agent=agent.username))
    again = post(phone_token, **event("answered", 10, agent=agent.username))

    assert (first.status_code, again.status_code) == (200, 200)
    assert again.json() == {**first.json(), "recorded": False}
    assert CallEvent.objects.count() == 1


def test_a_full_call_out_of_order_sums_up(phone_token, agent):
    post(phone_token, **event("ended", 150))
    post(phone_token, **event("answered", 25, agent=agent.username))
    call = post(phone_token, **event("offered", 0, caller_number="0705550101")).json()["call"]

    assert (call["state"], call["wait_seconds"], call["talk_seconds"]) == ("ended", 25, 125)
    assert call["agent_id"] == agent.pk and call["customer_id"] is not None


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        (event("answered", 10, agent="no-such-agent"), 400, "agent"),
        ({**event("offered", 10), "timestamp": "2026-11-23T09:00:00"}, 400, "timestamp"),
        ({**event("offered", 10), "timestamp": "2126-11-23T09:00:00Z"}, 400, "timestamp"),
        (event("ringing", 10), 422, None),
        ({"kind": "offered"}, 422, None),
    ],
)
def test_bad_input_is_a_4xx_with_a_message(phone_token, body, status, field):
    response = post(phone_token, **body)

    assert response.status_code == status, response.content
    assert response.json()["detail"]
    if status == 400:
        assert response.json()["field"] == field
    assert not Call.objects.exists()


def test_negative_times_are_refused(phone_token, agent):
    post(phone_token, **event("answered", 100, agent=agent.username))
    response = post(phone_token, **event("ended", 40))

    assert response.status_code == 400
    assert response.json()["code"] == "negative_time"


def test_an_agent_token_may_not_report_calls(tenant_a, agent):
    _token, secret = create_api_token(
        actor=tenant_a.user(Role.ADMINISTRATOR), user=agent, name="desk"
    )
    assert post(secret, **event("offered", 0)).status_code == 403


def test_a_call_reads_back_for_its_organisation_only(phone_token, tenant_a, tenant_b):
    call_id = post(phone_token, **event("offered", 0)).json()["call"]["id"]
    ours = create_api_token(
        actor=tenant_a.user(Role.ADMINISTRATOR), user=tenant_a.user(Role.TEAM_LEAD), name="r"
    )[1]
    theirs = create_api_token(
        actor=tenant_b.user(Role.ADMINISTRATOR), user=tenant_b.user(Role.TEAM_LEAD), name="r"
    )[1]

    def get(secret):
        return Client().get(
            f"/api/v1/telephony/calls/{call_id}", headers={"Authorization": f"Bearer {secret}"}
        )

    assert get(ours).status_code == 200
    assert get(theirs).status_code == 404
