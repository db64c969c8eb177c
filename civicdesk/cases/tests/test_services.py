import datetime
import zoneinfo

import pytest
import time_machine
from django.core import mail

from civicdesk.cases import selectors, services
from civicdesk.cases.choices import Channel, Direction, EventKind, Outcome, Status
from civicdesk.cases.models import Case, CaseEvent
from civicdesk.core.errors import DomainError, Forbidden
from civicdesk.integrations.models import OutboundEmail
from civicdesk.org.choices import Role
from civicdesk.testing.factories import CaseTypeFactory, UserFactory

pytestmark = pytest.mark.django_db


def register(tenant, **overrides):
    arguments = {
        "actor": tenant.user(Role.GENERAL_AGENT),
        "organisation": tenant.organisation,
        "channel": Channel.PHONE,
        "case_type": tenant.case_type,
        "subject": "Bygglov för garage",
        "description": "Frågar hur lång handläggningstiden är.",
        "customer": tenant.customer,
        "duration_seconds": 95,
        "summary": "Ringde om bygglov",
    }
    arguments.update(overrides)
    return services.register_contact(**arguments)


def kinds(case):
    return list(case.events.order_by("pk").values_list("kind", flat=True))


def test_a_contact_becomes_a_case_with_a_reference_and_a_timeline(tenant_a):
    case = register(tenant_a)
    year = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Stockholm")).year
    # The fixture registered -000001.
    assert case.reference == f"{tenant_a.organisation.reference_prefix}-{year}-000002"
    assert register(tenant_a).reference.endswith("-000003")
    assert case.status == Status.NEW
    assert case.handler == tenant_a.user(Role.GENERAL_AGENT)
    assert case.department == tenant_a.department
    assert (case.contact_count, case.handle_seconds) == (1, 95)
    assert kinds(case) == [EventKind.REGISTERED, EventKind.CONTACT]


def test_references_count_per_organisation(tenant_a, tenant_b):
    register(tenant_a)
    register(tenant_a)
    other = register(
        tenant_b,
        actor=tenant_b.user(Role.GENERAL_AGENT),
        organisation=tenant_b.organisation,
        case_type=tenant_b.case_type,
        customer=tenant_b.customer,
    )
    assert other.reference.endswith("-000002")


def test_resolved_at_first_contact(tenant_a):
    case = services.register_and_resolve(
        actor=tenant_a.user(Role.GENERAL_AGENT),
        resolution="Svarade med svarsstödet",
        organisation=tenant_a.organisation,
        channel=Channel.PHONE,
        case_type=tenant_a.case_type,
    )
    assert (case.status, case.outcome) == (Status.RESOLVED, Outcome.FIRST_CONTACT)
    assert kinds(case)[-1] == EventKind.RESOLVED


def test_the_skelleftea_flow_through_the_services(tenant_a, django_capture_on_commit_callbacks):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    expert = tenant_a.user(Role.DEPARTMENT_EXPERT)
    with django_capture_on_commit_callbacks(execute=True):
        case = services.register_and_forward(
            actor=agent,
            group=tenant_a.group,
            reason="Kräver handläggare på förvaltningen",
            organisation=tenant_a.organisation,
            channel=Channel.PHONE,
            case_type=tenant_a.case_type,
            customer=tenant_a.customer,
        )
    assert case.status == Status.FORWARDED
    assert case.handler is None
    assert case.feedback_due_at > case.forwarded_at
    assert [message.to for message in mail.outbox] == [[expert.email]]
    assert case.reference in mail.outbox[0].subject
    assert f"/cases/{case.pk}/" in mail.outbox[0].body

    services.take_case(actor=expert, case=case)
    services.append_contact(
        actor=expert,
        case=case,
        channel=Channel.PHONE,
        direction=Direction.OUTBOUND,
        duration_seconds=240,
        summary="Ringde upp medborgaren och förklarade beslutet",
    )
    services.resolve_case(actor=expert, case=case, resolution="Besked lämnat")
    services.close_case(actor=expert, case=case)
    case.refresh_from_db()
    assert case.outcome == Outcome.AFTER_FORWARDING
    assert case.department_contacted_at is not None
    assert case.handle_seconds == 240
    assert kinds(case) == [
        EventKind.REGISTERED,
        EventKind.CONTACT,
        EventKind.FORWARDED,
        EventKind.ASSIGNED,
        EventKind.CUSTOMER_CONTACTED,
        EventKind.RESOLVED,
        EventKind.CLOSED,
    ]
    assert {event.actor for event in case.events.all()} == {agent, expert}


def test_the_outbox_keeps_a_message_the_mail_server_refused(
    tenant_a, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    case = register(tenant_a)
    with django_capture_on_commit_callbacks(execute=True):
        services.forward_case_to_group(
            actor=tenant_a.user(Role.GENERAL_AGENT),
            case=case,
            group=tenant_a.group,
            reason="Till förvaltningen",
        )
    queued = OutboundEmail.objects.get()
    assert (queued.status, queued.attempts) == ("pending", 1)
    assert "Error" in queued.last_error or "refused" in queued.last_error.lower()


@pytest.mark.parametrize(
    ("action", "arguments"),
    [
        (services.close_case, {}),
        (services.reopen_case, {"reason": "x"}),
        (services.wait_for_customer, {"reason": "x"}),
    ],
)
def test_illegal_transitions_are_refused_and_change_nothing(tenant_a, action, arguments):
    case = register(tenant_a) if action is not services.wait_for_customer else None
    if case is None:
        case = services.register_and_resolve(
            actor=tenant_a.user(Role.GENERAL_AGENT),
            resolution="Klart",
            organisation=tenant_a.organisation,
            channel=Channel.PHONE,
            case_type=tenant_a.case_type,
        )
    before = (Case.objects.filter(pk=case.pk).values().get(), CaseEvent.objects.count())
    with pytest.raises(DomainError) as caught:
        action(actor=tenant_a.user(Role.GENERAL_AGENT), case=case, **arguments)
    assert caught.value.code == "illegal_transition"
    assert "cannot become" in str(caught.value)
    assert (Case.objects.filter(pk=case.pk).values().get(), CaseEvent.objects.count()) == before


def test_forwarding_to_a_group_of_another_organisation_is_refused(tenant_a, tenant_b):
    case = register(tenant_a)
    before = CaseEvent.objects.count()
    with pytest.raises(DomainError) as caught:
        services.forward_case_to_group(
            actor=tenant_a.user(Role.GENERAL_AGENT), case=case, group=tenant_b.group, reason="x"
        )
    assert caught.value.field == "group"
    case.refresh_from_db()
    assert (case.status, case.answer_group, CaseEvent.objects.count()) == (Status.NEW, None, before)


def test_a_case_type_of_another_organisation_is_refused(tenant_a, tenant_b):
    before = Case.objects.count()
    with pytest.raises(DomainError) as caught:
        register(tenant_a, case_type=tenant_b.case_type)
    assert caught.value.field == "case_type"
    assert Case.objects.count() == before


@pytest.mark.parametrize(
    ("text", "complaint"), [("   ", "cannot be empty"), ("x" * 10_001, "too long")]
)
def test_an_empty_or_oversized_note_is_refused(tenant_a, text, complaint):
    case = register(tenant_a)
    before = CaseEvent.objects.count()
    with pytest.raises(DomainError, match=complaint) as caught:
        services.add_note(actor=tenant_a.user(Role.GENERAL_AGENT), case=case, text=text)
    assert caught.value.field == "text"
    assert CaseEvent.objects.count() == before


def test_timeline_events_cannot_be_edited_or_deleted(tenant_a):
    event = register(tenant_a).events.first()
    event.text = "rewritten"
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    with pytest.raises(ValueError, match="append-only"):
        event.delete()


def test_a_correction_is_a_new_event_pointing_at_the_old(tenant_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    case = register(tenant_a)
    note = services.add_note(actor=agent, case=case, text="Kunden heter Ana")
    correction = services.correct_event(actor=agent, event=note, text="Kunden heter Anna")
    assert correction.corrects == note
    assert CaseEvent.objects.get(pk=note.pk).text == "Kunden heter Ana"


def test_cases_keep_the_contract_they_were_registered_under(tenant_a):
    case = register(tenant_a)
    tenant_a.case_type.handled_by_centre = False
    tenant_a.case_type.save()
    case.refresh_from_db()
    assert case.handled_by_centre is True
    assert register(tenant_a).handled_by_centre is False


def test_returning_a_case_to_its_department_forwards_it_to_the_default_group(tenant_a):
    case = register(tenant_a)
    services.return_case_to_department(
        actor=tenant_a.user(Role.GENERAL_AGENT), case=case, reason="Ingår inte i avtalet"
    )
    assert case.answer_group == tenant_a.case_type.default_group


def test_only_group_members_or_leads_take_a_forwarded_case(tenant_a):
    case = register(tenant_a)
    services.forward_case_to_group(
        actor=tenant_a.user(Role.GENERAL_AGENT), case=case, group=tenant_a.group, reason="x"
    )
    with pytest.raises(Forbidden):
        services.take_case(actor=tenant_a.user(Role.SPECIALIST_AGENT), case=case)
    services.take_case(actor=tenant_a.user(Role.TEAM_LEAD), case=case)
    assert case.handler == tenant_a.user(Role.TEAM_LEAD)


def test_assigning_to_a_non_member_is_refused(tenant_a):
    case = register(tenant_a)
    services.forward_case_to_group(
        actor=tenant_a.user(Role.GENERAL_AGENT), case=case, group=tenant_a.group, reason="x"
    )
    with pytest.raises(DomainError) as caught:
        services.assign_case(
            actor=tenant_a.user(Role.TEAM_LEAD),
            case=case,
            handler=tenant_a.user(Role.GENERAL_AGENT),
        )
    assert caught.value.field == "handler"


def test_a_confidential_case_disappears_for_the_front_line_once_forwarded(tenant_a):
    confidential_type = CaseTypeFactory(
        organisation=tenant_a.organisation,
        department=tenant_a.department,
        confidential_by_default=True,
    )
    agent = tenant_a.user(Role.GENERAL_AGENT)
    case = register(tenant_a, case_type=confidential_type)
    assert case.is_confidential
    assert selectors.get_case(agent, case.pk) == case  # its handler, for now
    services.forward_case_to_group(
        actor=agent, case=case, group=tenant_a.group, reason="Socialtjänsten"
    )
    assert not selectors.cases_for_actor(agent).filter(pk=case.pk).exists()
    expert = tenant_a.user(Role.DEPARTMENT_EXPERT)
    assert selectors.get_case(expert, case.pk) == case
    assert selectors.work_list_counts(agent)["department"] == 0


def test_forwarding_notifies_without_details_of_a_confidential_case(
    tenant_a, django_capture_on_commit_callbacks
):
    confidential_type = CaseTypeFactory(
        organisation=tenant_a.organisation,
        department=tenant_a.department,
        confidential_by_default=True,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.register_and_forward(
            actor=tenant_a.user(Role.GENERAL_AGENT),
            group=tenant_a.group,
            reason="Orosanmälan om barn",
            organisation=tenant_a.organisation,
            channel=Channel.PHONE,
            case_type=confidential_type,
            subject="Orosanmälan",
            description="Granne oroar sig för barnen i familjen Svensson",
        )
    message = mail.outbox[0]
    for secret in ("Svensson", "Orosanmälan", "barn"):
        assert secret not in message.subject + message.body


def test_forwarding_sets_the_deadline_in_the_organisations_calendar(tenant_a):
    friday = datetime.datetime(2026, 11, 20, 9, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Stockholm"))
    with time_machine.travel(friday, tick=False):
        case = register(tenant_a)
        services.forward_case_to_group(
            actor=tenant_a.user(Role.GENERAL_AGENT), case=case, group=tenant_a.group, reason="x"
        )
    assert case.feedback_due_at == datetime.datetime(
        2026, 11, 25, 9, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Stockholm")
    )


def test_work_lists_hold_the_right_cases(tenant_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    expert = tenant_a.user(Role.DEPARTMENT_EXPERT)
    mine = register(tenant_a)
    forwarded = register(tenant_a)
    services.forward_case_to_group(actor=agent, case=forwarded, group=tenant_a.group, reason="x")
    assert list(selectors.work_list(agent, "mine")) == [mine, tenant_a.case]
    assert list(selectors.work_list(expert, "groups")) == [forwarded]
    assert list(selectors.work_list(expert, "unassigned")) == [forwarded]
    assert list(selectors.work_list(expert, "department")) == [forwarded]
    assert selectors.work_list_counts(expert) == {
        "mine": 0,
        "groups": 1,
        "department": 1,
        "overdue": 0,
        "unassigned": 1,
        "incoming": 0,
    }


def test_a_producer_contact_sees_only_their_departments_cases(tenant_a):
    from civicdesk.testing.factories import DepartmentFactory

    case = register(tenant_a)
    producer = tenant_a.user(Role.PRODUCER_CONTACT)
    assert not selectors.cases_for_actor(producer).exists()
    producer.department = tenant_a.department
    assert list(selectors.cases_for_actor(producer)) == [case, tenant_a.case]
    producer.department = DepartmentFactory(organisation=tenant_a.organisation)
    assert not selectors.cases_for_actor(producer).exists()


def test_an_inactive_user_cannot_register(tenant_a):
    agent = UserFactory(
        organisation=tenant_a.organisation, roles=[Role.GENERAL_AGENT], is_active=False
    )
    with pytest.raises(Forbidden):
        register(tenant_a, actor=agent)
