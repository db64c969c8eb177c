"""Ticking the case type's checklist on a case: recorded on the timeline, refused when wrong."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from civicdesk.cases.checklists import checklists_on_case, tick_checklist_step
from civicdesk.cases.choices import EventKind
from civicdesk.core.errors import DomainError, Forbidden
from civicdesk.org.choices import Role
from civicdesk.testing import factories

pytestmark = pytest.mark.django_db


def steps_of(knowledge):
    return list(knowledge.checklist.steps.order_by("position"))


def test_a_tick_is_a_timeline_event_with_the_step_and_who(tenant_a, knowledge_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    first, second = steps_of(knowledge_a)
    event = tick_checklist_step(actor=agent, case=tenant_a.case, step=first, done=True)
    assert (event.kind, event.actor, event.text) == (
        EventKind.CHECKLIST,
        agent,
        "Check the identity",
    )
    assert event.data == {"checklist": knowledge_a.checklist.pk, "step": first.pk, "done": True}
    (panel,) = checklists_on_case(agent, tenant_a.case)
    assert [(state.step, state.done, state.by) for state in panel.steps] == [
        (first, True, agent),
        (second, False, None),
    ]
    assert panel.done_count == 1


def test_ticking_twice_records_once_and_unticking_is_recorded_too(tenant_a, knowledge_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    first, _second = steps_of(knowledge_a)
    tick_checklist_step(actor=agent, case=tenant_a.case, step=first, done=True)
    assert tick_checklist_step(actor=agent, case=tenant_a.case, step=first, done=True) is None
    untick = tick_checklist_step(actor=agent, case=tenant_a.case, step=first, done=False)
    # Written in the organisation's language (Swedish), like every timeline text.
    assert untick.text == "Avbockning ångrad: Check the identity"
    assert tenant_a.case.events.filter(kind=EventKind.CHECKLIST).count() == 2
    (panel,) = checklists_on_case(agent, tenant_a.case)
    assert not panel.steps[0].done


def test_a_step_of_another_case_types_checklist_is_refused(tenant_a, knowledge_a):
    other = factories.ChecklistFactory(
        case_type=factories.CaseTypeFactory(organisation=tenant_a.organisation)
    )
    with pytest.raises(DomainError) as refused:
        tick_checklist_step(
            actor=tenant_a.user(Role.GENERAL_AGENT),
            case=tenant_a.case,
            step=other.steps.first(),
            done=True,
        )
    assert refused.value.field == "step"
    assert not tenant_a.case.events.filter(kind=EventKind.CHECKLIST).exists()


def test_only_those_who_work_on_the_case_tick(tenant_a, knowledge_a):
    step = steps_of(knowledge_a)[0]
    for role in (Role.ADMINISTRATOR, Role.PRODUCER_CONTACT):
        with pytest.raises((Forbidden, DomainError)):
            tick_checklist_step(actor=tenant_a.user(role), case=tenant_a.case, step=step, done=True)
    assert not tenant_a.case.events.filter(kind=EventKind.CHECKLIST).exists()


def test_the_case_page_shows_the_checklist_and_ticks_through_the_form(
    client, tenant_a, knowledge_a
):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    detail = client.get(reverse("cases:detail", args=[tenant_a.case.pk])).content.decode()
    assert 'id="checklist"' in detail
    assert "Check the identity" in detail
    assert 'id="suggestions-heading"' in detail
    step = steps_of(knowledge_a)[1]
    response = client.post(
        reverse("cases:checklist", args=[tenant_a.case.pk]), {"step": step.pk, "done": "1"}
    )
    assert response.status_code == 302
    fragment = client.post(
        reverse("cases:checklist", args=[tenant_a.case.pk]),
        {"step": step.pk, "done": "0"},
        headers={"HX-Request": "true"},
    )
    assert fragment.status_code == 200
    assert 'aria-pressed="false"' in fragment.content.decode()
    timeline = client.get(reverse("cases:detail", args=[tenant_a.case.pk])).content.decode()
    assert "Checklist step ticked" in timeline
    assert "Avbockning ångrad: Give the form" in html.unescape(timeline)


def test_a_step_from_another_organisation_is_refused_on_the_page(client, tenant_a, tenant_b):
    theirs = factories.ChecklistFactory(case_type=tenant_b.case_type)
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    response = client.post(
        reverse("cases:checklist", args=[tenant_a.case.pk]),
        {"step": theirs.steps.first().pk, "done": "1"},
    )
    assert response.status_code == 400
    assert not tenant_a.case.events.filter(kind=EventKind.CHECKLIST).exists()


def test_ticks_through_the_api(client, tenant_a, knowledge_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    step = steps_of(knowledge_a)[0]
    response = client.post(
        f"/api/v1/cases/{tenant_a.case.pk}/checklist",
        {"step_id": step.pk, "done": True},
        content_type="application/json",
    )
    assert response.status_code == 200
    (checklist,) = response.json()
    assert [state["done"] for state in checklist["steps"]] == [True, False]
    missing = client.post(
        f"/api/v1/cases/{tenant_a.case.pk}/checklist",
        {"step_id": 0},
        content_type="application/json",
    )
    assert missing.status_code == 400
    assert missing.json()["field"] == "step_id"


def test_the_new_contact_screen_carries_the_suggestion_panel(client, tenant_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    page = client.get(reverse("cases:new_contact")).content.decode()
    assert 'hx-include="#id_notes, #id_subject, #id_case_type"' in page
