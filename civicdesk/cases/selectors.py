"""Reads of cases, always through `Case.objects.for_actor(actor)`, which hides confidential
cases from everyone outside their group."""

from __future__ import annotations

import datetime
import zoneinfo

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import ExtractHour
from django.utils import timezone

from civicdesk.cases import search as case_search
from civicdesk.cases.choices import OPEN_STATUSES, EventKind
from civicdesk.cases.deadlines import overdue_filter
from civicdesk.cases.models import Case, CaseAttachment, CaseEvent, open_cases
from civicdesk.cases.queries import CasePage, CaseQuery, registration_window
from civicdesk.core.selectors import get_for_actor
from civicdesk.org.models import User

LIST_RELATED = ("case_type", "answer_group", "handler", "department", "organisation")


def cases_for_actor(actor: User) -> QuerySet[Case]:
    return Case.objects.for_actor(actor).select_related(*LIST_RELATED)


def get_case(actor: User, case_id) -> Case:
    return get_for_actor(cases_for_actor(actor).select_related("customer", "topic"), case_id)


def get_case_by_reference(actor: User, reference: str) -> Case:
    from civicdesk.core.errors import NotFound

    case = cases_for_actor(actor).filter(reference=reference.strip().upper()).first()
    if case is None:
        raise NotFound()
    return case


def timeline(case: Case) -> list[CaseEvent]:
    """The case's events, oldest first, each assignment with its `assignee` read in one query;
    the caller has fetched the case through the actor."""
    files = Prefetch("attachments", queryset=CaseAttachment.objects.defer("content"))
    events = list(
        case.events.select_related("actor", "contact", "corrects")
        .prefetch_related(files)
        .order_by("at", "pk")
    )
    assigned = [event for event in events if event.kind == EventKind.ASSIGNED]
    people = User.objects.in_bulk({event.data.get("to_handler") for event in assigned} - {None})
    for event in assigned:
        event.assignee = people.get(event.data.get("to_handler"))
    return events


# --- work lists ---------------------------------------------------------------------------------

WORK_LISTS = ("mine", "groups", "department", "overdue", "unassigned", "incoming")


def my_cases(actor: User) -> QuerySet[Case]:
    return cases_for_actor(actor).filter(handler=actor, status__in=OPEN_STATUSES)


def my_groups_cases(actor: User) -> QuerySet[Case]:
    return cases_for_actor(actor).filter(
        answer_group_id__in=actor.group_ids, status__in=OPEN_STATUSES
    )


def forwarded_to_my_department(actor: User) -> QuerySet[Case]:
    department_ids = set(actor.answer_groups.values_list("department_id", flat=True)) | (
        {actor.department_id} if actor.department_id else set()
    )
    return cases_for_actor(actor).filter(
        department_id__in=department_ids, forward_count__gt=0, status__in=OPEN_STATUSES
    )


def overdue_cases(actor: User, *, now: datetime.datetime | None = None) -> QuerySet[Case]:
    """Open cases with a deadline passed unmet (see deadlines.overdue_filter)."""
    return cases_for_actor(actor).filter(overdue_filter(now or timezone.now()))


def unassigned_group_cases(actor: User) -> QuerySet[Case]:
    return my_groups_cases(actor).filter(handler__isnull=True)


def incoming_cases(actor: User) -> QuerySet[Case]:
    """What the channels brought to the front line (mail, web form, SMS) that nobody took yet."""
    return cases_for_actor(actor).filter(
        answer_group__isnull=True, handler__isnull=True, status__in=OPEN_STATUSES
    )


def work_list(actor: User, name: str) -> QuerySet[Case]:
    lists = {
        "mine": my_cases,
        "groups": my_groups_cases,
        "department": forwarded_to_my_department,
        "overdue": overdue_cases,
        "unassigned": unassigned_group_cases,
        "incoming": incoming_cases,
    }
    return lists[name](actor).order_by("-registered_at", "-pk")


def work_list_counts(actor: User) -> dict[str, int]:
    """How many cases each list holds for this actor (confidential ones only if visible)."""
    now = timezone.now()
    visible = cases_for_actor(actor).filter(status__in=OPEN_STATUSES)
    department_ids = set(actor.answer_groups.values_list("department_id", flat=True))
    if actor.department_id:
        department_ids.add(actor.department_id)
    return visible.aggregate(
        mine=Count("pk", filter=Q(handler=actor)),
        groups=Count("pk", filter=Q(answer_group_id__in=actor.group_ids)),
        department=Count("pk", filter=Q(department_id__in=department_ids, forward_count__gt=0)),
        overdue=Count("pk", filter=overdue_filter(now)),
        unassigned=Count("pk", filter=Q(answer_group_id__in=actor.group_ids, handler__isnull=True)),
        incoming=Count("pk", filter=Q(answer_group__isnull=True, handler__isnull=True)),
    )


def earlier_cases_of_customer(actor: User, customer_id: int, *, limit: int = 10) -> list[Case]:
    return list(
        cases_for_actor(actor).filter(customer_id=customer_id).order_by("-registered_at")[:limit]
    )


def open_cases_of_customer(actor: User, customer_id: int) -> QuerySet[Case]:
    return cases_for_actor(actor).filter(customer_id=customer_id, status__in=OPEN_STATUSES)


# --- search -------------------------------------------------------------------------------------


def _timezone_of(actor: User) -> str:
    return actor.organisation.timezone if actor.organisation_id else "UTC"


def _narrowed_for_reports(actor: User, cases: QuerySet[Case], query: CaseQuery) -> QuerySet[Case]:
    """The filters a report's drill-down adds (department, service point, who registered the
    case, the local hour it was registered in); with words, they narrow the page of hits."""
    if query.department_id:
        cases = cases.filter(department_id=query.department_id)
    if query.service_point_id:
        cases = cases.filter(service_point_id=query.service_point_id)
    if query.registered_by_id:
        cases = cases.filter(registered_by_id=query.registered_by_id)
    if query.registered_hour is not None:
        zone = zoneinfo.ZoneInfo(_timezone_of(actor))
        cases = cases.annotate(registered_hour=ExtractHour("registered_at", tzinfo=zone)).filter(
            registered_hour=query.registered_hour
        )
    return cases


def search_cases(actor: User, query: CaseQuery) -> CasePage:
    """Old cases by reference, customer, free text, type, status, group, channel and dates.

    Free text goes through the shared search module with the actor's visibility as a filter
    inside the engine, so a confidential case is never a hit, a count or a snippet for anyone
    outside its group; the hits are then read through the same queryset rule once more.
    """
    if query.reference:
        cases = list(cases_for_actor(actor).filter(reference=query.reference.strip().upper()))
        return CasePage(cases=cases, has_more=False, snippets={})
    if query.text.strip():
        ids, has_more = case_search.visible_case_ids(
            actor,
            query,
            window=registration_window(_timezone_of(actor), query)
            if query.registered_from or query.registered_to
            else None,
        )
        found = _narrowed_for_reports(actor, cases_for_actor(actor), query).in_bulk(ids)
        cases = [found[pk] for pk in ids if pk in found]
        return CasePage(
            cases=cases, has_more=has_more, snippets=case_search.snippets(cases, query.text)
        )
    cases = cases_for_actor(actor)
    if query.customer_id:
        cases = cases.filter(customer_id=query.customer_id)
    if query.case_type_id:
        cases = cases.filter(case_type_id=query.case_type_id)
    if query.status == "open":
        cases = cases.filter(open_cases())
    elif query.status:
        cases = cases.filter(status=query.status)
    if query.answer_group_id:
        cases = cases.filter(answer_group_id=query.answer_group_id)
    if query.channel:
        cases = cases.filter(channel=query.channel)
    if query.registered_from or query.registered_to:
        start, end = registration_window(_timezone_of(actor), query)
        cases = cases.filter(registered_at__gte=start, registered_at__lt=end)
    cases = _narrowed_for_reports(actor, cases, query)
    window = list(
        cases.order_by("-registered_at", "-pk")[query.offset : query.offset + query.limit + 1]
    )
    return CasePage(cases=window[: query.limit], has_more=len(window) > query.limit, snippets={})
