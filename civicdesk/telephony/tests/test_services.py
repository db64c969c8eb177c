"""The CTI service: each kind of event, repeats, any order of arrival, refusals, talk time."""

import itertools

import pytest

from civicdesk.cases import services as case_services
from civicdesk.cases.choices import EventKind
from civicdesk.core.errors import DomainError, Forbidden
from civicdesk.org.choices import Role
from civicdesk.telephony.models import Call, CallEvent, CallState, Extension
from civicdesk.telephony.services import CallReport, import_calls, link_call, report_call_event
from civicdesk.telephony.tests.conftest import T0, at

pytestmark = pytest.mark.django_db


def report(actor, organisation, kind, seconds, call_id="c-1", **fields):
    return report_call_event(
        actor=actor,
        organisation=organisation,
        report=CallReport(kind=kind, call_id=call_id, timestamp=at(seconds), **fields),
    )


def answered_call(phone_system, tenant, agent, call_id="c-1"):
    """Offered at 0 s, answered after 30 s; still on the line."""
    organisation = tenant.organisation
    report(
        phone_system,
        organisation,
        "offered",
        0,
        call_id,
        caller_number="070-555 01 01",
        called_number="0910-73 50 00",
        ivr_choice="2",
        queue="bygglov",
    )
    call, _new = report(phone_system, organisation, "answered", 30, call_id, agent=agent.username)
    return call


def test_an_answered_call_waits_talks_and_finds_its_caller(phone_system, tenant_a, agent):
    answered_call(phone_system, tenant_a, agent)
    call, recorded = report(phone_system, tenant_a.organisation, "ended", 155)

    assert recorded
    assert (call.state, call.wait_seconds, call.talk_seconds) == (CallState.ENDED, 30, 125)
    assert (call.offered_at, call.answered_at, call.ended_at) == (at(0), at(30), at(155))
    assert (call.agent, call.customer) == (agent, tenant_a.customer)
    # The national number is stored as E.164, as the customer register keeps it.
    assert (call.caller_number, call.queue, call.ivr_choice) == ("+46705550101", "bygglov", "2")
    assert CallEvent.objects.get(kind="answered").pop_to == agent


def test_an_abandoned_call_has_a_wait_and_no_talk(phone_system, tenant_a):
    organisation = tenant_a.organisation
    report(phone_system, organisation, "offered", 0, queue="bygglov")
    call, _new = report(phone_system, organisation, "abandoned", 48)

    assert (call.state, call.wait_seconds, call.talk_seconds) == (CallState.ABANDONED, 48, None)
    assert call.abandoned_at == call.ended_at == at(48)


def test_a_transfer_to_an_agent_pops_their_screen_and_counts_once(phone_system, tenant_a, agent):
    specialist = tenant_a.user(Role.SPECIALIST_AGENT)
    Extension.objects.create(organisation=tenant_a.organisation, number="2002", user=specialist)
    answered_call(phone_system, tenant_a, agent)
    for _repeat in range(2):
        call, _new = report(
            phone_system,
            tenant_a.organisation,
            "transferred",
            90,
            agent=agent.username,
            target="2002",
        )

    transfer = CallEvent.objects.get(kind="transferred")
    assert (call.transfer_count, call.agent, call.state) == (1, agent, CallState.ANSWERED)
    assert (transfer.target_agent, transfer.pop_to) == (specialist, specialist)


def test_a_repeated_event_changes_nothing(phone_system, tenant_a, agent):
    first = answered_call(phone_system, tenant_a, agent)
    again, recorded = report(
        phone_system, tenant_a.organisation, "answered", 30, agent=agent.username
    )

    assert not recorded
    assert again.pk == first.pk and again.updated_at == first.updated_at
    assert CallEvent.objects.filter(call=first).count() == 2


EVENTS = [
    ("offered", 0, {"caller_number": "+46705550101", "queue": "bygglov"}),
    ("answered", 20, {"agent": "ske-agent"}),
    ("ended", 200, {}),
]


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_the_order_of_arrival_does_not_matter(phone_system, tenant_a, order):
    tenant_a.user(Role.GENERAL_AGENT).username = "ske-agent"
    tenant_a.user(Role.GENERAL_AGENT).save()
    for index in order:
        kind, seconds, fields = EVENTS[index]
        call, _new = report(phone_system, tenant_a.organisation, kind, seconds, **fields)

    assert (call.state, call.offered_at, call.wait_seconds, call.talk_seconds) == (
        CallState.ENDED,
        at(0),
        20,
        180,
    )
    assert (call.queue, call.customer) == ("bygglov", tenant_a.customer)


def test_an_answer_arriving_after_the_end_pops_nobody(phone_system, tenant_a, agent):
    report(phone_system, tenant_a.organisation, "ended", 200)
    call, _new = report(phone_system, tenant_a.organisation, "answered", 20, agent=agent.username)

    assert (call.state, call.talk_seconds, call.wait_seconds) == (CallState.ENDED, 180, None)
    assert CallEvent.objects.get(kind="answered").pop_to is None


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": "ringing"}, "kind"),
        ({"kind": "answered", "agent": "nobody"}, "agent"),
        ({"kind": "answered"}, "agent"),
        ({"kind": "transferred"}, "target"),
        ({"kind": "offered", "timestamp": T0.replace(tzinfo=None)}, "timestamp"),
        ({"kind": "offered", "timestamp": T0.replace(year=2100)}, "timestamp"),
        ({"kind": "offered", "call_id": " "}, "call_id"),
        ({"kind": "offered", "queue": "q" * 61}, "queue"),
    ],
)
def test_bad_input_is_refused_with_the_field_and_stores_nothing(
    phone_system, tenant_a, fields, field
):
    values = {"call_id": "c-1", "timestamp": T0, **fields}
    with pytest.raises(DomainError) as error:
        report_call_event(
            actor=phone_system, organisation=tenant_a.organisation, report=CallReport(**values)
        )

    assert error.value.field == field and error.value.status_code == 400
    assert not Call.objects.exists()


def test_times_that_contradict_each_other_are_refused(phone_system, tenant_a, agent):
    answered_call(phone_system, tenant_a, agent)
    with pytest.raises(DomainError) as error:
        report(phone_system, tenant_a.organisation, "ended", 10)

    assert error.value.code == "negative_time"
    assert CallEvent.objects.count() == 2 and Call.objects.get().state == CallState.ANSWERED


def test_an_agent_of_another_organisation_is_unknown(phone_system, tenant_a, tenant_b):
    with pytest.raises(DomainError) as error:
        report(
            phone_system,
            tenant_a.organisation,
            "answered",
            5,
            agent=tenant_b.user(Role.GENERAL_AGENT).username,
        )
    assert error.value.field == "agent"


def test_only_administrators_and_channel_accounts_report_calls(tenant_a, tenant_b):
    with pytest.raises(Forbidden):
        report(tenant_a.user(Role.GENERAL_AGENT), tenant_a.organisation, "offered", 0)
    with pytest.raises(Forbidden):
        report(tenant_b.user(Role.ADMINISTRATOR), tenant_a.organisation, "offered", 0)
    call, _new = report(tenant_a.user(Role.ADMINISTRATOR), tenant_a.organisation, "offered", 0)
    assert call.state == CallState.OFFERED


def _register_from_call(agent, tenant, call, minutes=0):
    case = case_services.register_contact(
        actor=agent,
        organisation=tenant.organisation,
        channel="phone",
        case_type=tenant.case_type,
        customer=tenant.customer,
        duration_seconds=minutes * 60,
    )
    link_call(actor=agent, call=call, case=case, contact=case.contacts.get())
    return case


def test_talk_time_reaches_the_contact_when_the_call_ends(phone_system, tenant_a, agent):
    call = answered_call(phone_system, tenant_a, agent)
    case = _register_from_call(agent, tenant_a, call, minutes=1)

    report(phone_system, tenant_a.organisation, "ended", 155)
    report(phone_system, tenant_a.organisation, "ended", 155)  # a repeat records nothing more

    case.refresh_from_db()
    contact = case.contacts.get()
    correction = case.events.get(kind=EventKind.CORRECTION)
    assert (contact.duration_seconds, case.handle_seconds) == (125, 125)
    assert correction.corrects == case.events.get(kind=EventKind.CONTACT)
    assert correction.data == {"duration_seconds": 125, "previous_duration_seconds": 60}
    assert correction.actor.is_channel_account


def test_a_contact_registered_after_the_call_ended_gets_its_talk_time(
    phone_system, tenant_a, agent
):
    call = answered_call(phone_system, tenant_a, agent)
    call, _new = report(phone_system, tenant_a.organisation, "ended", 95)
    case = _register_from_call(agent, tenant_a, call)

    call.refresh_from_db()
    assert (call.case, call.contact) == (case, case.contacts.get())
    assert case.contacts.get().duration_seconds == 65


def test_past_calls_are_imported_in_bulk_once(phone_system, tenant_a, agent):
    def reports(call_id, answered):
        events = [CallReport("offered", call_id, at(0), caller_number="0705550101")]
        if answered:
            events += [
                CallReport("answered", call_id, at(40), agent=agent.username),
                CallReport("answered", call_id, at(40), agent=agent.username),  # a repeat
                CallReport("ended", call_id, at(160)),
            ]
        else:
            events.append(CallReport("abandoned", call_id, at(70)))
        return events

    log = {"a": reports("a", True), "b": reports("b", False)}
    added = import_calls(actor=phone_system, organisation=tenant_a.organisation, calls=log)
    again = import_calls(actor=phone_system, organisation=tenant_a.organisation, calls=log)

    a, b = Call.objects.get(external_id="a"), Call.objects.get(external_id="b")
    assert (added, again) == (2, 0)
    assert (a.state, a.wait_seconds, a.talk_seconds, a.agent) == (CallState.ENDED, 40, 120, agent)
    assert (b.state, b.wait_seconds, a.customer, b.customer) == (
        CallState.ABANDONED,
        70,
        tenant_a.customer,
        tenant_a.customer,
    )
    assert CallEvent.objects.filter(call=a).count() == 3
    assert not CallEvent.objects.filter(pop_to__isnull=False).exists()
