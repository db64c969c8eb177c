"""The demo's cases: registered through the case services, something in every work list."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from civicdesk.cases import alarms
from civicdesk.cases.choices import OPEN_STATUSES, EventKind, Outcome, Status
from civicdesk.cases.deadlines import overdue_filter
from civicdesk.cases.models import Case, CaseAlarm
from civicdesk.cases.queries import CaseQuery
from civicdesk.cases.selectors import cases_for_actor, search_cases, work_list_counts
from civicdesk.catalog.models import CaseType
from civicdesk.demo.data import DEMO_ORGANISATIONS
from civicdesk.demo.data.cases import DEMO_CASES
from civicdesk.org.models import User

pytestmark = pytest.mark.django_db

SLUGS = [spec["slug"] for spec in DEMO_ORGANISATIONS]
PREFIXES = {spec["slug"]: spec["username_prefix"] for spec in DEMO_ORGANISATIONS}


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


def _cases(slug):
    return Case.objects.filter(organisation__slug=slug)


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("slug", SLUGS)
def test_every_story_is_one_case(slug):
    # The demo extras (mail, SMS, billing's visits, ...) add cases of their own beside the stories.
    subjects = Counter(_cases(slug).values_list("subject", flat=True))
    stories = [story["subject"] for story in DEMO_CASES[slug]]
    assert {subject: subjects[subject] for subject in stories} == dict.fromkeys(stories, 1)


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("slug", SLUGS)
def test_each_organisation_has_open_resolved_and_confidential_cases(slug):
    cases = _cases(slug)
    assert cases.filter(status__in=OPEN_STATUSES, answer_group__isnull=False).exists()
    assert cases.filter(outcome=Outcome.FIRST_CONTACT).exists()
    assert cases.filter(outcome=Outcome.AFTER_FORWARDING).exists()
    assert cases.filter(status=Status.WAITING).exists()
    assert cases.filter(customer__isnull=True).exists()
    assert cases.filter(is_confidential=True, status=Status.FORWARDED).exists()


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("slug", SLUGS)
def test_a_case_resolved_after_a_call_back_shows_the_department_contact(slug):
    case = _cases(slug).filter(outcome=Outcome.AFTER_FORWARDING).first()
    kinds = list(case.events.values_list("kind", flat=True))
    assert kinds[:2] == [EventKind.REGISTERED, EventKind.CONTACT]
    assert {EventKind.FORWARDED, EventKind.ASSIGNED, EventKind.RESOLVED} <= set(kinds)
    assert case.department_contacted_at is not None
    assert case.contacts.filter(by_department=True).exists()


@pytest.mark.usefixtures("demo")
def test_confidential_cases_stay_inside_their_group():
    agent = User.objects.get(username="ske.agent")
    social = User.objects.get(username="ske.social")
    confidential = _cases("skelleftea").filter(is_confidential=True)
    assert not cases_for_actor(agent).filter(pk__in=confidential).exists()
    assert set(cases_for_actor(social).filter(pk__in=confidential)) == set(confidential)


@pytest.mark.usefixtures("demo")
def test_the_answer_groups_have_work_waiting_and_in_progress():
    counts = work_list_counts(User.objects.get(username="ske.expert"))
    assert counts["groups"] > counts["unassigned"] > 0
    assert counts["mine"] > 0


@pytest.mark.usefixtures("demo")
def test_the_team_lead_finds_the_open_cases():
    page = search_cases(User.objects.get(username="zl.lead"), CaseQuery(status="open"))
    assert {case.status for case in page.cases} >= {Status.FORWARDED, Status.WAITING}


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize(
    ("username", "text", "subject"),
    [
        ("ske.agent", "sophämtning", "Byte till fyrfackskärl för sophämtning"),
        ("zl.agent", "zasiłku", "Komu przysługuje zasiłek dla bezrobotnych?"),
        ("aspa.agent", "verokortti", "Verokortin muutos uuden työpaikan vuoksi"),
    ],
)
def test_agents_find_demo_cases_by_a_word_in_their_language(username, text, subject):
    page = search_cases(User.objects.get(username=username), CaseQuery(text=text))
    assert subject in {case.subject for case in page.cases}


def test_loading_twice_registers_no_case_twice():
    call_command("load_demo", stdout=StringIO())
    before = Case.objects.count()
    output = StringIO()
    call_command("load_demo", stdout=output)
    assert Case.objects.count() == before
    assert "Created" not in output.getvalue()


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("slug", SLUGS)
def test_a_fresh_demo_has_overdue_cases_whose_alarms_the_first_tick_fires(slug):
    told_back = {story["subject"] for story in DEMO_CASES[slug] if story.get("days_ago")}
    overdue = _cases(slug).filter(overdue_filter(timezone.now()))
    assert set(overdue.values_list("subject", flat=True)) == told_back
    # Registered ten days ago through the services: the feedback deadline passed long since.
    for case in overdue:
        assert (timezone.now() - case.registered_at).days == 10
        assert case.feedback_due_at < timezone.now()
    assert alarms.fire_due_alarms() > 0
    fired = CaseAlarm.objects.filter(case__in=overdue, fired_at__isnull=False)
    assert {(alarm.deadline, alarm.level) for alarm in fired} >= {
        ("feedback", "warning"),
        ("feedback", "breach"),
        ("feedback", "second"),
    }
    lead = User.objects.get(username=f"{PREFIXES[slug]}.lead")
    assert set(alarms.alarms_for(lead).values_list("case__subject", flat=True)) == told_back


@pytest.mark.usefixtures("demo")
def test_case_types_carry_the_seeds_department_minutes_for_the_relief_report():
    minutes = dict(
        CaseType.objects.values_list("organisation__slug", "department_minutes").distinct()
    )
    assert minutes == {"skelleftea": 8, "zielona-linia": 5, "aspa-kauhajoki": None}
