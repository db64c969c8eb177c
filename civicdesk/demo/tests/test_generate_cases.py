"""generate_data --cases: cases stored as the case services store them, at scale."""

import re
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import F

from civicdesk.cases import deadlines, services
from civicdesk.cases.choices import Channel, EventKind, Status
from civicdesk.cases.deadlines import DEFAULTS
from civicdesk.cases.models import Case, CaseAlarm, CaseContact, CaseEvent, CaseSequence
from civicdesk.cases.queries import CaseQuery
from civicdesk.cases.search import case_document
from civicdesk.cases.selectors import search_cases
from civicdesk.core.search.models import SearchEntry
from civicdesk.demo.generation.case_rows import Batch
from civicdesk.demo.generation.case_stories import build_rows
from civicdesk.demo.generation.case_writing import CaseWriter, Numbering, generated_case_document
from civicdesk.demo.generation.cases import current_hour, customer_registers, desks
from civicdesk.demo.generation.organisations import generated_organisations
from civicdesk.org.choices import Role
from civicdesk.org.models import User

pytestmark = pytest.mark.django_db

REFERENCE = re.compile(r"G[A-Z]{3}-\d{4}-\d{6}")


def _generate(**targets) -> None:
    options = [f"--{name}={value}" for name, value in targets.items()]
    call_command("generate_data", *options, "--workers=1", "--no-progress", stdout=StringIO())


@pytest.fixture
def generated(db):
    _generate(organisations=3, customers=150, cases=300)


@pytest.mark.usefixtures("generated")
def test_numbers_are_targets_so_a_second_run_adds_nothing_and_a_larger_one_tops_up():
    _generate(organisations=3, customers=150, cases=300)
    assert Case.objects.count() == 300
    _generate(cases=330)
    assert Case.objects.count() == SearchEntry.objects.filter(kind="case").count() == 330


@pytest.mark.usefixtures("generated")
def test_references_follow_the_sequence_so_registrations_continue_the_numbering():
    references = list(Case.objects.values_list("reference", flat=True))
    assert all(REFERENCE.fullmatch(reference) for reference in references)
    for sequence in CaseSequence.objects.all():
        numbers = Case.objects.filter(
            organisation=sequence.organisation, year=sequence.year
        ).values_list("number", flat=True)
        assert sorted(numbers) == list(range(1, sequence.last_number + 1))
    case = Case.objects.order_by("-registered_at").first()
    agent = User.objects.get(organisation=case.organisation, role_assignments__role="general_agent")
    new = services.register_contact(
        actor=agent,
        organisation=case.organisation,
        channel=Channel.PHONE,
        case_type=case.case_type,
        subject="Efter genereringen",
    )
    last = CaseSequence.objects.get(organisation=case.organisation, year=new.year).last_number
    assert new.number == last


@pytest.mark.usefixtures("generated")
def test_references_grow_with_the_registration_time():
    for organisation_id, year in CaseSequence.objects.values_list("organisation", "year"):
        numbers = Case.objects.filter(organisation_id=organisation_id, year=year).order_by(
            "registered_at", "pk"
        )
        assert list(numbers.values_list("number", flat=True)) == sorted(
            numbers.values_list("number", flat=True)
        )


@pytest.mark.usefixtures("generated")
def test_every_case_has_its_timeline_and_contacts():
    for case in Case.objects.prefetch_related("events", "contacts"):
        kinds = [event.kind for event in case.events.all()]
        assert kinds[:2] == [EventKind.REGISTERED, EventKind.CONTACT]
        assert case.contact_count == len(case.contacts.all()) >= 1
        assert case.handle_seconds == sum(c.duration_seconds for c in case.contacts.all())
        assert (EventKind.FORWARDED in kinds) == (case.forward_count == 1)
        assert (EventKind.RESOLVED in kinds) == (case.status == Status.RESOLVED)
        times = [event.at for event in case.events.all()]
        assert times == sorted(times) and times[0] == case.registered_at


@pytest.mark.usefixtures("generated")
def test_contacts_and_events_belong_to_the_cases_organisation():
    assert not CaseContact.objects.exclude(organisation=F("case__organisation")).exists()
    assert not CaseEvent.objects.exclude(organisation=F("case__organisation")).exists()


def test_the_search_document_of_a_generated_case_is_its_case_document():
    _generate(organisations=3, customers=90)
    organisations = list(generated_organisations())
    customers = customer_registers(organisations)
    run_desks = desks(organisations, customers)
    batch = Batch(
        start=0, size=150, seed=7, until=current_hour(), desks=run_desks, first_desk=0,
        run_size=150,
    )  # fmt: skip
    rows = build_rows(batch)
    numbering = Numbering(organisations)
    written = CaseWriter(run_desks, customers, numbering).write(rows)
    stored = Case.objects.in_bulk([new.id for new in written])
    for new, row in zip(written, rows, strict=True):
        assert generated_case_document(new, row) == case_document(stored[new.id])


@pytest.mark.usefixtures("generated")
def test_agents_find_generated_cases_but_not_the_confidential_ones_of_other_groups():
    case = (
        Case.objects.filter(is_confidential=True, answer_group__isnull=False)
        .exclude(answer_group__members__role_assignments__role=Role.GENERAL_AGENT)
        .first()
    )
    agent = User.objects.get(
        organisation=case.organisation, role_assignments__role=Role.GENERAL_AGENT
    )
    members = User.objects.filter(answer_groups=case.answer_group)
    public = Case.objects.filter(organisation=case.organisation, is_confidential=False).first()
    word = public.subject.split()[0]
    query = CaseQuery(reference=case.reference)
    assert search_cases(agent, query).cases == []
    assert all(search_cases(member, query).cases == [case] for member in members)
    found = search_cases(agent, CaseQuery(text=word, limit=200)).cases
    assert found and not any(c.is_confidential for c in found)


@pytest.mark.usefixtures("generated")
def test_the_shares_look_like_a_contact_centre():
    cases = Case.objects.all()
    total = cases.count()
    channels = Counter(cases.values_list("channel", flat=True))
    assert channels.most_common(1)[0][0] == Channel.PHONE
    assert 0.55 <= cases.filter(outcome="first_contact").count() / total <= 0.75
    assert 0.2 <= cases.filter(forward_count=1).count() / total <= 0.4
    assert 0.03 <= cases.filter(is_confidential=True).count() / total <= 0.14
    assert 0.6 <= cases.filter(customer__isnull=False).count() / total <= 0.8


@pytest.mark.usefixtures("generated")
def test_deadlines_are_those_the_deadline_rules_give():
    never_waited = Case.objects.exclude(events__kind=EventKind.STATUS).select_related(
        "organisation"
    )
    for case in never_waited:
        calendar = deadlines.calendar_of(case)
        resolution = deadlines.add_duration(calendar, case.registered_at, *DEFAULTS["resolution"])
        assert case.resolution_due_at == resolution
        feedback = case.forwarded_at and deadlines.add_duration(
            calendar, case.forwarded_at, *DEFAULTS["feedback"]
        )
        assert case.feedback_due_at == feedback


@pytest.mark.usefixtures("generated")
def test_the_alarm_rows_are_what_sync_alarms_keeps():
    def alarms():
        return sorted(
            CaseAlarm.objects.values_list(
                "case", "deadline", "level", "due_at", "fire_at", "fired_at"
            )
        )

    before = alarms()
    for case in Case.objects.select_related("organisation"):
        deadlines.sync_alarms(case)
    assert alarms() == before
