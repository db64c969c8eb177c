"""Every role x every action and read x confidential or not x own or other organisation.

Each cell is stated, not computed, so the table is the specification. "ok" means the action
went through, "forbidden" that the actor sees the case but may not do this, "absent" that the
case does not exist for the actor (404 everywhere, never counted or found).
"""

from __future__ import annotations

import pytest

from civicdesk.cases import selectors, services
from civicdesk.cases.choices import Channel, Direction
from civicdesk.core.errors import Forbidden, NotFound
from civicdesk.org.choices import Role
from civicdesk.testing.factories import AnswerGroupFactory, CaseTypeFactory

pytestmark = pytest.mark.django_db

GENERAL, SPECIALIST, EXPERT = Role.GENERAL_AGENT, Role.SPECIALIST_AGENT, Role.DEPARTMENT_EXPERT
LEAD, ADMIN, PRODUCER = Role.TEAM_LEAD, Role.ADMINISTRATOR, Role.PRODUCER_CONTACT
SECRET = "hemligtord"


def ok(*roles):
    return dict.fromkeys(roles, "ok")


def row(default, **cells):
    return {role: cells.get(role, default) for role in Role.values}


# A case forwarded to the answer group (the expert is a member, the lead its manager).
PUBLIC = {
    "view": row("ok", producer_contact="absent"),
    "note": row("ok", administrator="forbidden", producer_contact="absent"),
    "contact": row("ok", administrator="forbidden", producer_contact="absent"),
    "forward": row("ok", administrator="forbidden", producer_contact="absent"),
    "take": row("forbidden", department_expert="ok", team_lead="ok", producer_contact="absent"),
    "assign": row("forbidden", team_lead="ok", administrator="ok", producer_contact="absent"),
    "resolve": row("forbidden", department_expert="ok", team_lead="ok", producer_contact="absent"),
    "confidentiality": row(
        "forbidden", department_expert="ok", team_lead="ok", producer_contact="absent"
    ),
}
# The same, confidential: it exists only for the group's members.
CONFIDENTIAL = {action: row("absent", department_expert="ok") for action in PUBLIC} | {
    "assign": row("absent", department_expert="forbidden")
}


def attempt(action: str, actor, case_id: int, tenant) -> str:
    try:
        case = selectors.get_case(actor, case_id)
        if action == "note":
            services.add_note(actor=actor, case=case, text=f"note {SECRET}")
        elif action == "contact":
            services.append_contact(
                actor=actor,
                case=case,
                channel=Channel.PHONE,
                direction=Direction.OUTBOUND,
                summary="called back",
            )
        elif action == "forward":
            other_group = AnswerGroupFactory(organisation=case.organisation)
            services.forward_case_to_group(
                actor=actor, case=case, group=other_group, reason="elsewhere"
            )
        elif action == "take":
            services.take_case(actor=actor, case=case)
        elif action == "assign":
            services.assign_case(
                actor=actor, case=case, handler=tenant.user(Role.DEPARTMENT_EXPERT)
            )
        elif action == "resolve":
            services.resolve_case(actor=actor, case=case, resolution="done")
        elif action == "confidentiality":
            services.set_confidentiality(
                actor=actor, case=case, confidential=not case.is_confidential, reason="r"
            )
    except NotFound:
        return "absent"
    except Forbidden:
        return "forbidden"
    return "ok"


def forwarded_case(tenant, *, confidential: bool):
    case_type = CaseTypeFactory(
        organisation=tenant.organisation,
        department=tenant.department,
        confidential_by_default=confidential,
    )
    return services.register_and_forward(
        actor=tenant.user(Role.GENERAL_AGENT),
        group=tenant.group,
        reason="to the department",
        organisation=tenant.organisation,
        channel=Channel.PHONE,
        case_type=case_type,
        subject=f"Ärende {SECRET}",
        description=f"Beskrivning {SECRET}",
    )


@pytest.mark.parametrize("confidential", [False, True], ids=["public", "confidential"])
@pytest.mark.parametrize("action", sorted(PUBLIC))
def test_each_role_may_do_exactly_what_the_table_says(tenant_a, tenant_b, action, confidential):
    expected = (CONFIDENTIAL if confidential else PUBLIC)[action]
    outcomes, other_organisation = {}, {}
    for role in Role.values:
        # A fresh case per role, so one role's action does not change the next one's case.
        case = forwarded_case(tenant_a, confidential=confidential)
        outcomes[role] = attempt(action, tenant_a.user(role), case.pk, tenant_a)
        theirs = forwarded_case(tenant_b, confidential=confidential)
        other_organisation[role] = attempt(action, tenant_a.user(role), theirs.pk, tenant_b)
    assert outcomes == expected
    assert set(other_organisation.values()) == {"absent"}


@pytest.mark.parametrize("role", Role.values)
def test_nothing_of_an_invisible_case_leaks_through_lists_counts_or_search(
    tenant_a, tenant_b, role, client
):
    public = forwarded_case(tenant_a, confidential=False)
    confidential = forwarded_case(tenant_a, confidential=True)
    forwarded_case(tenant_b, confidential=False)
    actor = tenant_a.user(role)
    sees_confidential = role == EXPERT
    sees_public = role != PRODUCER
    visible = ({public.pk, tenant_a.case.pk} if sees_public else set()) | (
        {confidential.pk} if sees_confidential else set()
    )

    assert set(selectors.cases_for_actor(actor).values_list("pk", flat=True)) == visible
    counts = selectors.work_list_counts(actor)
    assert counts["groups"] == (2 if role == EXPERT else 0)
    assert counts["department"] <= len(visible)
    found = selectors.search_cases(actor, selectors.CaseQuery(text=SECRET))
    assert {case.pk for case in found.cases} == visible - {tenant_a.case.pk}
    assert all(SECRET in snippet for snippet in found.snippets.values())

    client.force_login(actor)
    listing = client.get("/api/v1/cases", {"q": SECRET}).content.decode()
    if not sees_confidential:
        assert confidential.reference not in listing
    assert tenant_b.organisation.reference_prefix not in listing
    assert client.get(f"/api/v1/cases/{confidential.pk}").status_code == (
        200 if sees_confidential else 404
    )


def test_an_administrator_granted_confidential_access_sees_confidential_cases(tenant_a):
    confidential = forwarded_case(tenant_a, confidential=True)
    administrator = tenant_a.user(ADMIN)
    assert not selectors.cases_for_actor(administrator).filter(pk=confidential.pk).exists()
    administrator.confidential_access = True
    assert selectors.get_case(administrator, confidential.pk) == confidential
    found = selectors.search_cases(administrator, selectors.CaseQuery(text=SECRET))
    assert confidential in found.cases


def test_the_grant_means_nothing_without_the_administrator_role(tenant_a):
    confidential = forwarded_case(tenant_a, confidential=True)
    agent = tenant_a.user(GENERAL)
    agent.confidential_access = True
    assert not selectors.cases_for_actor(agent).filter(pk=confidential.pk).exists()
