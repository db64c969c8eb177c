from io import StringIO

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command

from civicdesk.cases.models import Case, CaseContact, CaseEvent
from civicdesk.catalog.models import CaseType, Topic
from civicdesk.core import crypto
from civicdesk.core.search.models import SearchEntry
from civicdesk.customers.models import AccessPurpose, Customer, CustomerContact
from civicdesk.customers.selectors import find_customers
from civicdesk.demo.constants import DEMO_PASSWORD
from civicdesk.integrations.models import OutboundEmail
from civicdesk.org.choices import Role
from civicdesk.org.models import (
    AnswerGroup,
    Department,
    GroupMembership,
    Organisation,
    RoleAssignment,
    ServicePoint,
    User,
)

pytestmark = pytest.mark.django_db

MODELS = [
    Organisation, Department, ServicePoint, AnswerGroup, GroupMembership, User, RoleAssignment,
    Topic, CaseType, Customer, CustomerContact, LogEntry, Case, CaseContact, CaseEvent,
    SearchEntry, OutboundEmail,
]  # fmt: skip


def _snapshot():
    def state(model):
        fields = ["pk", "updated_at"] if hasattr(model, "updated_at") else ["pk"]
        return sorted(model.objects.values_list(*fields))

    return {model.__name__: state(model) for model in MODELS}


def _load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_loading_twice_changes_nothing():
    _load_demo()
    before = _snapshot()
    output = _load_demo()
    assert _snapshot() == before
    assert "Created" not in output


def test_prints_every_user_with_the_password_and_the_urls():
    words = set(_load_demo().split())
    assert {"ske.agent", "zl.specialist", "aspa.producer", DEMO_PASSWORD} <= words
    assert any(word.endswith("/api/docs") for word in words)


def test_every_organisation_has_a_user_for_every_role():
    _load_demo()
    roles = set(RoleAssignment.objects.values_list("user__organisation__slug", "role").distinct())
    slugs = ["skelleftea", "zielona-linia", "aspa-kauhajoki"]
    assert {(slug, role) for slug in slugs for role in Role.values} <= roles


def test_demo_users_sign_in_with_the_demo_password():
    _load_demo()
    assert User.objects.get(username="ske.agent").check_password(DEMO_PASSWORD)
    assert User.objects.get(username="admin").is_superuser


def test_the_lead_manages_the_groups_and_the_agents():
    _load_demo()
    lead = User.objects.get(username="zl.lead")
    assert set(AnswerGroup.objects.filter(organisation=lead.organisation).values_list(
        "manager", flat=True
    )) == {lead.pk}  # fmt: skip
    assert User.objects.get(username="zl.agent").manager == lead


def test_agents_find_demo_citizens_by_national_id():
    _load_demo()
    agent = User.objects.get(username="aspa.agent")
    citizen = Customer.objects.filter(
        organisation=agent.organisation, national_id_hash__isnull=False
    ).first()
    found = find_customers(
        actor=agent,
        query=crypto.decrypt(citizen.national_id_encrypted),
        purpose=AccessPurpose.CONTACT,
    )
    assert found == [citizen]
