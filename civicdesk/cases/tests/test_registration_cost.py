"""Registering a case cheaply without changing what is stored or answered, and the queue view
(open cases of a group, newest first) through the partial indexes of open cases."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from civicdesk.cases import deadlines, selectors, services, tasks
from civicdesk.cases.models import CaseAlarm, CaseEvent
from civicdesk.cases.queries import CaseQuery
from civicdesk.org.choices import Role
from civicdesk.org.services import create_api_token

pytestmark = pytest.mark.django_db

# What POST /api/v1/cases runs for a phone contact with a customer, the token's look-up and
# the savepoints of the test's transaction included, with the search index task queued as in
# production (the benchmark, outside a transaction, counted 25 before registration stopped
# reading back what it had just written and left the full-text index to a worker).
REGISTER_QUERIES = 12
# Tasks queued in the database, as in production, instead of run at once.
QUEUED = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def _agent_client(tenant) -> Client:
    _token, secret = create_api_token(
        actor=tenant.user(Role.ADMINISTRATOR), user=tenant.user(Role.GENERAL_AGENT), name="desk"
    )
    return Client(headers={"Authorization": f"Bearer {secret}"})


def _register(client: Client, tenant) -> dict:
    response = client.post(
        "/api/v1/cases",
        {
            "channel": "phone",
            "case_type_id": tenant.case_type.pk,
            "customer_id": tenant.customer.pk,
            "subject": "Fråga om bygglov",
            "description": "Hur lång är handläggningstiden?",
            "duration_seconds": 95,
            "summary": "Ringde om bygglov",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    return response.json()


def test_the_answer_to_a_registration_is_the_stored_case(tenant_a):
    client = _agent_client(tenant_a)

    answer = _register(client, tenant_a)

    assert client.get(f"/api/v1/cases/{answer['id']}").json() == answer


@override_settings(TASKS=QUEUED)
def test_a_registration_runs_a_bounded_number_of_queries(tenant_a):
    client = _agent_client(tenant_a)
    _register(client, tenant_a)  # the token's first use stamps last_used_at

    with CaptureQueriesContext(connection) as captured:
        _register(client, tenant_a)

    assert len(captured) <= REGISTER_QUERIES


@override_settings(TASKS=QUEUED)
def test_the_search_index_task_commits_with_the_case(tenant_a):
    from django_tasks_db.models import DBTaskResult

    answer = _register(_agent_client(tenant_a), tenant_a)

    queued = DBTaskResult.objects.get(task_path=f"{tasks.__name__}.index_registered_case")
    assert queued.args_kwargs["kwargs"] == {"case_id": answer["id"]}


def test_a_registered_case_has_the_rows_the_step_by_step_services_write(tenant_a):
    case = services.register_contact(
        actor=tenant_a.user(Role.GENERAL_AGENT),
        organisation=tenant_a.organisation,
        channel="phone",
        case_type=tenant_a.case_type,
        customer=tenant_a.customer,
        duration_seconds=70,
        summary="Ringde om sophämtning",
    )
    alarms = {
        (alarm.deadline, alarm.level, alarm.due_at, alarm.fire_at)
        for alarm in CaseAlarm.objects.filter(case=case)
    }
    case.refresh_from_db()

    deadlines.sync_alarms(case)

    assert {
        (alarm.deadline, alarm.level, alarm.due_at, alarm.fire_at)
        for alarm in CaseAlarm.objects.filter(case=case)
    } == alarms
    assert (case.contact_count, case.handle_seconds) == (1, 70)
    assert list(CaseEvent.objects.filter(case=case).values_list("kind", flat=True)) == [
        "registered",
        "contact",
    ]
    assert selectors.search_cases(
        tenant_a.user(Role.GENERAL_AGENT), CaseQuery(text="sophämtning")
    ).cases == [case]  # the index task ran (at once with the test settings' backend)


def test_the_queue_view_lists_the_open_cases_of_the_group_newest_first(tenant_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    registered = [
        services.register_contact(
            actor=agent,
            organisation=tenant_a.organisation,
            channel="phone",
            case_type=tenant_a.case_type,
            subject=f"Fråga {number}",
        )
        for number in range(4)
    ]
    for case in registered:
        services.forward_case_to_group(
            actor=agent, case=case, group=tenant_a.group, reason="Bygglov"
        )
    services.resolve_case(
        actor=tenant_a.user(Role.DEPARTMENT_EXPERT), case=registered[1], resolution="Svarat"
    )

    page = selectors.search_cases(
        tenant_a.user(Role.TEAM_LEAD), CaseQuery(status="open", answer_group_id=tenant_a.group.pk)
    )

    assert [case.pk for case in page.cases] == [
        case.pk for case in reversed(registered) if case.pk != registered[1].pk
    ]


def test_a_policy_changed_after_a_registration_governs_the_next_one(tenant_a):
    from civicdesk.sla import services as sla_services

    def register():
        return services.register_contact(
            actor=tenant_a.user(Role.GENERAL_AGENT),
            organisation=tenant_a.organisation,
            channel="email",
            case_type=tenant_a.case_type,
        )

    assert register().sla_policy is None  # and the organisation's policies are cached
    policy = sla_services.create_policy(
        actor=tenant_a.user(Role.ADMINISTRATOR),
        organisation=tenant_a.organisation,
        name="Fast",
        case_type=tenant_a.case_type,
        resolution_amount=2,
    )
    first = register()
    sla_services.update_policy(
        actor=tenant_a.user(Role.ADMINISTRATOR), policy=policy, resolution_amount=5
    )
    second = register()

    assert (first.sla_policy, second.sla_policy) == (policy, policy)
    assert second.resolution_due_at > first.resolution_due_at
