"""Writing generated cases: references, rows of four tables and search entries, per batch.

The rows are stored as the case services store them, written in bulk instead of one service
call each (see inserts.py): a case with its reference from the organisation's CaseSequence,
its deadlines, timeline events, contacts and alarms, and its search entry through
civicdesk.core.search.index_documents. The search document is built from the generated
values with the same fields, filters and sort key as civicdesk.cases.search.case_document
(a test compares the two), because case_document reads each case's events back, one query
per case.

Numbers are handed out here and the sequence rows written at the end of each batch, so run
generation while the organisations take no contacts: a registration in between would take
a number this run also gives.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from django.db import connection, transaction
from django.utils import timezone

from civicdesk.cases.models import Case, CaseAlarm, CaseContact, CaseEvent, CaseSequence
from civicdesk.cases.search import KIND, PUBLIC, SEARCHED_EVENTS
from civicdesk.cases.services import format_reference
from civicdesk.core import search
from civicdesk.demo.generation.case_rows import (
    Alarm,
    CaseRow,
    CaseTypeProfile,
    Contact,
    Desk,
    Event,
)
from civicdesk.demo.generation.inserts import RowInserter, moment_adapter
from civicdesk.org.models import Organisation

_SEARCHED = frozenset(str(kind) for kind in SEARCHED_EVENTS)


class Numbering:
    """Reference numbers per organisation and year, continuing the CaseSequence rows, so
    contacts registered after the generated ones continue the numbering."""

    def __init__(self, organisations: Iterable[Organisation]):
        self.organisations = {organisation.pk: organisation for organisation in organisations}
        self.last = {
            (organisation_id, year): number
            for organisation_id, year, number in CaseSequence.objects.filter(
                organisation_id__in=self.organisations
            ).values_list("organisation_id", "year", "last_number")
        }
        self.changed: set[tuple[int, int]] = set()

    def next(self, organisation_id: int, year: int) -> tuple[int, str]:
        key = (organisation_id, year)
        number = self.last.get(key, 0) + 1
        self.last[key] = number
        self.changed.add(key)
        return number, format_reference(self.organisations[organisation_id], year, number)

    def save(self) -> None:
        """Writes the numbers given since the last save, in the caller's transaction."""
        for organisation_id, year in sorted(self.changed):
            CaseSequence.objects.update_or_create(
                organisation_id=organisation_id,
                year=year,
                defaults={"last_number": self.last[organisation_id, year]},
            )
        self.changed.clear()


CASE_FIELDS = (
    "organisation", "reference", "year", "number", "channel", "case_type", "topic",
    "department", "rosa_tier", "handled_by_centre", "customer", "subject", "description",
    "status", "priority", "answer_group", "handler", "service_point", "is_confidential",
    "registered_by", "registered_at", "first_response_at", "first_response_due_at",
    "resolution_due_at", "waiting_since", "forwarded_at", "feedback_due_at",
    "department_contacted_at", "resolved_at", "closed_at", "outcome", "forward_count",
    "contact_count", "handle_seconds", "created_at", "updated_at",
)  # fmt: skip
CONTACT_FIELDS = (
    "organisation", "case", "channel", "direction", "started_at", "duration_seconds",
    "summary", "agent", "by_department", "created_at", "updated_at",
)  # fmt: skip
ALARM_FIELDS = (
    "organisation", "case", "deadline", "level", "due_at", "fire_at", "fired_at", "notified_at",
)  # fmt: skip
EVENT_FIELDS = (
    "organisation", "case", "kind", "actor", "at", "text", "data", "contact", "corrects",
    "created_at", "updated_at",
)  # fmt: skip


@dataclass(frozen=True)
class NewCase:
    """What the search document needs of a written case besides its row."""

    id: int
    organisation_id: int
    reference: str
    case_type: CaseTypeProfile
    customer_id: int | None


class CaseWriter:
    """Writes batches of generated rows: cases, then their contacts, events and entries."""

    def __init__(self, desks: Sequence[Desk], customers: Sequence[array], numbering: Numbering):
        self.desks, self.customers, self.numbering = desks, customers, numbering
        self.cases = RowInserter(Case, CASE_FIELDS, returning=True)
        self.contacts = RowInserter(CaseContact, CONTACT_FIELDS, returning=True)
        self.events = RowInserter(CaseEvent, EVENT_FIELDS)
        self.alarms = RowInserter(CaseAlarm, ALARM_FIELDS)
        self.moment = moment_adapter()

    def write(self, rows: Sequence[CaseRow]) -> list[NewCase]:
        """One batch, one transaction; returns the cases written, in row order."""
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with transaction.atomic():
            values, written = [], []
            for row in rows:
                case_row, new = self._case(row, now)
                values.append(case_row)
                written.append(new)
            ids = self.cases.insert(values)
            written = [replace(new, id=id_) for new, id_ in zip(written, ids, strict=True)]
            contact_ids = iter(
                self.contacts.insert(
                    [
                        self._contact(new, contact, now)
                        for new, row in zip(written, rows, strict=True)
                        for contact in row.contacts
                    ]
                )
            )
            events = []
            for new, row in zip(written, rows, strict=True):
                contacts = [next(contact_ids) for _ in row.contacts]
                events += [self._event(new, event, contacts, now) for event in row.events]
            self.events.insert(events)
            self.alarms.insert(
                [
                    self._alarm(new, alarm)
                    for new, row in zip(written, rows, strict=True)
                    for alarm in row.alarms
                ]
            )
            search.index_documents(
                generated_case_document(new, row) for new, row in zip(written, rows, strict=True)
            )
            self.numbering.save()
        return written

    def _case(self, row: CaseRow, now) -> tuple[tuple, NewCase]:
        desk = self.desks[row.desk]
        case_type = desk.case_types[row.case_type]
        number, reference = self.numbering.next(desk.organisation_id, row.year)
        customer_id = (
            self.customers[row.desk][row.customer_rank] if row.customer_rank >= 0 else None
        )
        moment = self.moment
        values = (
            desk.organisation_id, reference, row.year, number, row.channel, case_type.id,
            case_type.topic_id, case_type.department_id, case_type.rosa_tier,
            case_type.handled_by_centre, customer_id, row.subject, row.description, row.status,
            row.priority, row.answer_group_id, row.handler_id, row.service_point_id,
            row.is_confidential, row.registered_by_id, moment(row.registered_at),
            moment(row.first_response_at), moment(row.first_response_due_at),
            moment(row.resolution_due_at), moment(row.waiting_since), moment(row.forwarded_at),
            moment(row.feedback_due_at), moment(row.department_contacted_at),
            moment(row.resolved_at), None, row.outcome,
            row.forward_count, len(row.contacts),
            sum(contact.duration for contact in row.contacts), now, now,
        )  # fmt: skip
        return values, NewCase(0, desk.organisation_id, reference, case_type, customer_id)

    def _contact(self, new: NewCase, contact: Contact, now) -> tuple:
        return (
            new.organisation_id, new.id, contact.channel, contact.direction,
            self.moment(contact.at), contact.duration, contact.summary, contact.agent_id,
            contact.by_department, now, now,
        )  # fmt: skip

    def _alarm(self, new: NewCase, alarm: Alarm) -> tuple:
        moment = self.moment
        fired = moment(alarm.fired_at)
        return (
            new.organisation_id, new.id, alarm.deadline, alarm.level, moment(alarm.due_at),
            moment(alarm.fire_at), fired, fired,
        )  # fmt: skip

    def _event(self, new: NewCase, event: Event, contacts: list[int], now) -> tuple:
        return (
            new.organisation_id, new.id, event.kind, event.actor_id, self.moment(event.at),
            event.text, connection.ops.adapt_json_value(event.data, None),
            None if event.contact is None else contacts[event.contact], None, now, now,
        )  # fmt: skip


def _visibility_tokens(row: CaseRow) -> Iterable[str]:
    """As civicdesk.cases.search does: who may find the case."""
    if not row.is_confidential:
        return (PUBLIC,)
    tokens = ["vis:confidential"]
    if row.answer_group_id:
        tokens.append(f"vis:group:{row.answer_group_id}")
    if row.handler_id:
        tokens.append(f"vis:user:{row.handler_id}")
    return tokens


def generated_case_document(new: NewCase, row: CaseRow) -> search.SearchDocument:
    """case_document(case), from the generated values instead of the database."""
    notes = [event.text for event in row.events if event.kind in _SEARCHED and event.text]
    filters = {
        f"status:{row.status}",
        f"type:{new.case_type.id}",
        f"channel:{row.channel}",
        f"department:{new.case_type.department_id}",
        *_visibility_tokens(row),
    }
    if row.answer_group_id:
        filters.add(f"group:{row.answer_group_id}")
    if new.customer_id:
        filters.add(f"customer:{new.customer_id}")
    return search.SearchDocument(
        kind=KIND,
        object_id=new.id,
        organisation_id=new.organisation_id,
        language=None,
        fields={
            "title": f"{new.reference} {row.subject}",
            "body": "\n".join([row.description, *notes]),
        },
        filters=frozenset(filters),
        sort_key=row.registered_at,
    )
