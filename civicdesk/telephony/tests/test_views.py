"""The popped screen: the new-contact screen for an answered call."""

import pytest
from django.urls import reverse

from civicdesk.cases.models import Case
from civicdesk.customers.models import PersonalDataAccess
from civicdesk.org.choices import Role
from civicdesk.telephony.services import CallReport, report_call_event
from civicdesk.telephony.tests.conftest import at

pytestmark = pytest.mark.django_db


def call_answered_by(phone_system, tenant, agent, caller="+46705550101"):
    organisation = tenant.organisation
    for kind, seconds, fields in [
        ("offered", 0, {"caller_number": caller, "queue": "bygglov", "ivr_choice": "2"}),
        ("answered", 12, {"agent": agent.username}),
    ]:
        call, _new = report_call_event(
            actor=phone_system,
            organisation=organisation,
            report=CallReport(kind=kind, call_id="c-7", timestamp=at(seconds), **fields),
        )
    return call


def end(phone_system, tenant, seconds):
    return report_call_event(
        actor=phone_system,
        organisation=tenant.organisation,
        report=CallReport(kind="ended", call_id="c-7", timestamp=at(seconds)),
    )[0]


def test_the_popped_screen_shows_the_caller_and_their_cases(client, phone_system, tenant_a, agent):
    call = call_answered_by(phone_system, tenant_a, agent)
    client.force_login(agent)

    page = client.get(reverse("telephony:call", args=[call.pk])).content.decode()

    assert tenant_a.customer.name in page
    assert tenant_a.case.reference in page  # the earlier case beside the form
    assert f'value="{tenant_a.customer.pk}" form="new-contact"' in page and "checked" in page
    assert "bygglov" in page
    opened = PersonalDataAccess.objects.get(customer=tenant_a.customer, actor=agent)
    assert (opened.action, opened.purpose, opened.via) == ("record", "contact", "ui")


def test_an_unknown_caller_is_looked_up_by_the_number(client, phone_system, tenant_a, agent):
    call = call_answered_by(phone_system, tenant_a, agent, caller="+46705559999")
    client.force_login(agent)

    page = client.get(reverse("telephony:call", args=[call.pk])).content.decode()

    assert call.customer is None
    assert 'value="+46705559999"' in page and "Nobody matches" in page


def test_registering_from_the_pop_links_the_call_and_takes_its_talk_time(
    client, phone_system, tenant_a, agent
):
    call = call_answered_by(phone_system, tenant_a, agent)
    client.force_login(agent)
    response = client.post(
        reverse("telephony:call", args=[call.pk]),
        {
            "customer": tenant_a.customer.pk,
            "channel": "phone",
            "case_type": tenant_a.case_type.code,
            "notes": "Explained the permit process",
            "minutes": "1",
            "action": "resolve",
        },
    )
    case = Case.objects.latest("pk")
    assert response.status_code == 302 and case.status == "resolved"
    call.refresh_from_db()
    assert (call.case, call.contact) == (case, case.contacts.get())

    end(phone_system, tenant_a, 200)

    case.refresh_from_db()
    assert case.contacts.get().duration_seconds == case.handle_seconds == 188
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Talk time from the phone system: 3:08 (recorded before: 1:00)" in page


def test_registered_after_the_end_the_contact_has_the_talk_time_at_once(
    client, phone_system, tenant_a, agent
):
    call = call_answered_by(phone_system, tenant_a, agent)
    end(phone_system, tenant_a, 72)
    client.force_login(agent)
    client.post(
        reverse("telephony:call", args=[call.pk]),
        {"channel": "phone", "case_type": tenant_a.case_type.code, "action": "save"},
    )

    case = Case.objects.latest("pk")
    assert case.contacts.get().duration_seconds == 60
    assert not case.events.filter(kind="correction").exists()


def test_another_organisations_call_is_not_found(client, phone_system, tenant_a, tenant_b, agent):
    call = call_answered_by(phone_system, tenant_a, agent)
    client.force_login(tenant_b.user(Role.GENERAL_AGENT))

    assert client.get(reverse("telephony:call", args=[call.pk])).status_code == 404
