"""Cases in the shared search module: what is indexed and how visibility becomes a filter."""

from __future__ import annotations

from civicdesk.cases.choices import OPEN_STATUSES, EventKind
from civicdesk.cases.models import (
    Case,
    CaseEvent,
    may_see_all_confidential,
    only_producer_contact,
)
from civicdesk.cases.queries import CaseQuery
from civicdesk.core import search

KIND = "case"
# The timeline entries whose text an agent would search for.
SEARCHED_EVENTS = (
    EventKind.NOTE,
    EventKind.CONTACT,
    EventKind.CUSTOMER_CONTACTED,
    EventKind.FORWARDED,
    EventKind.RESOLVED,
    EventKind.CORRECTION,
    EventKind.STATUS,
    EventKind.REOPENED,
)
PUBLIC = "vis:all"


def _visibility_tokens(case: Case) -> set[str]:
    if not case.is_confidential:
        return {PUBLIC}
    tokens = {"vis:confidential"}
    if case.answer_group_id:
        tokens.add(f"vis:group:{case.answer_group_id}")
    if case.handler_id:
        tokens.add(f"vis:user:{case.handler_id}")
    return tokens


def case_document(case: Case) -> search.SearchDocument:
    notes = (
        case.events.filter(kind__in=SEARCHED_EVENTS).exclude(text="").values_list("text", flat=True)
    )
    filters = {
        f"status:{case.status}",
        f"type:{case.case_type_id}",
        f"channel:{case.channel}",
        f"department:{case.department_id}",
        *_visibility_tokens(case),
    }
    if case.answer_group_id:
        filters.add(f"group:{case.answer_group_id}")
    if case.customer_id:
        filters.add(f"customer:{case.customer_id}")
    return search.SearchDocument(
        kind=KIND,
        object_id=case.pk,
        organisation_id=case.organisation_id,
        language=None,
        fields={
            "title": f"{case.reference} {case.subject}",
            "body": "\n".join([case.description, *notes]),
        },
        filters=frozenset(filters),
        sort_key=int(case.registered_at.timestamp()),
    )


def index_case(case: Case) -> None:
    search.index_documents([case_document(case)])


def index_case_by_id(case_id: int) -> None:
    """The case as it stands now (it may have changed since the task was queued)."""
    search.index_documents([case_document(Case.objects.get(pk=case_id))])


def visibility_filter(actor) -> list[str] | None:
    """The OR-group of visibility tokens the actor may see; None when they see everything."""
    if may_see_all_confidential(actor):
        return None
    return [PUBLIC, f"vis:user:{actor.pk}", *(f"vis:group:{gid}" for gid in actor.group_ids)]


def visible_case_ids(actor, query: CaseQuery, *, window=None) -> tuple[list[int], bool]:
    """Ids of the cases matching the query's text and filters that the actor may see, newest
    first. Installation administrators without an organisation search no organisation."""
    all_of: list[list[str]] = []
    visibility = visibility_filter(actor)
    if visibility is not None:
        all_of.append(visibility)
    if only_producer_contact(actor):
        all_of.append([f"department:{actor.department_id}"])
    for token, value in (
        ("customer", query.customer_id),
        ("type", query.case_type_id),
        ("group", query.answer_group_id),
        ("channel", query.channel),
    ):
        if value:
            all_of.append([f"{token}:{value}"])
    if query.status == "open":
        all_of.append([f"status:{status}" for status in sorted(OPEN_STATUSES)])
    elif query.status:
        all_of.append([f"status:{query.status}"])
    if actor.organisation_id is None:
        return [], False
    page = search.search(
        kinds=[KIND],
        text=query.text,
        organisation_id=actor.organisation_id,
        all_of=all_of,
        order="newest",
        limit=query.limit,
        offset=query.offset,
        sort_key_range=(int(window[0].timestamp()), int(window[1].timestamp()) - 1)
        if window
        else None,
    )
    return [hit.object_id for hit in page.hits], page.has_more


def snippets(cases: list[Case], text: str) -> dict[int, str]:
    """A highlighted excerpt per case, from its subject, description and searched notes."""
    notes: dict[int, list[str]] = {}
    for case_id, note in (
        CaseEvent.objects.filter(case_id__in=[case.pk for case in cases], kind__in=SEARCHED_EVENTS)
        .exclude(text="")
        .values_list("case_id", "text")
    ):
        notes.setdefault(case_id, []).append(note)
    return {
        case.pk: search.highlight(
            "\n".join([case.subject, case.description, *notes.get(case.pk, [])]), text
        )
        for case in cases
    }
