"""Everything that changes a case. Each function checks the actor, validates before its first
write, changes the case and appends its timeline event in one transaction; mail leaves through
the outbox after the commit."""

from __future__ import annotations

import datetime
import hashlib
import os

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civicdesk.cases import deadlines, notifications
from civicdesk.cases.choices import (
    OPEN_STATUSES,
    TRANSITIONS,
    Channel,
    Direction,
    EventKind,
    Outcome,
    Priority,
    Status,
)
from civicdesk.cases.models import Case, CaseAttachment, CaseContact, CaseEvent, CaseSequence
from civicdesk.cases.search import index_case
from civicdesk.cases.tasks import index_registered_case
from civicdesk.catalog.models import CaseType
from civicdesk.core import authz
from civicdesk.core.errors import DomainError
from civicdesk.customers.models import Customer
from civicdesk.org.models import AnswerGroup, Organisation, ServicePoint, User

MAX_TEXT = 10_000
MAX_SUBJECT = 200
MAX_CONTACT_SECONDS = 8 * 3600


# --- validation helpers -----------------------------------------------------------------------


def _text(value: str, *, field: str, required: bool, limit: int = MAX_TEXT) -> str:
    value = (value or "").strip()
    if required and not value:
        raise DomainError(_("This cannot be empty."), field=field)
    if len(value) > limit:
        raise DomainError(
            _("This is too long: %(length)s characters, at most %(limit)s.")
            % {"length": len(value), "limit": limit},
            field=field,
        )
    return value


def _choice(value: str, choices, *, field: str) -> str:
    if value not in choices.values:
        raise DomainError(
            _("“%(value)s” is not one of: %(choices)s.")
            % {"value": value, "choices": ", ".join(choices.values)},
            field=field,
        )
    return value


def _duration(seconds: int | None) -> int:
    seconds = int(seconds or 0)
    if not 0 <= seconds <= MAX_CONTACT_SECONDS:
        raise DomainError(_("A contact must last between 0 seconds and 8 hours."), field="duration")
    return seconds


def _same_organisation(organisation_id: int, obj, *, field: str, message: str) -> None:
    if obj is not None and obj.organisation_id != organisation_id:
        raise DomainError(message, field=field)


def _move(case: Case, to: str) -> str:
    """Checks that the case may move to `to`; returns the status it leaves."""
    if to not in TRANSITIONS.get(case.status, frozenset()):
        raise DomainError(
            _("A case that is “%(current)s” cannot become “%(target)s”.")
            % {"current": Status(case.status).label, "target": Status(to).label},
            field="status",
            code="illegal_transition",
        )
    previous = case.status
    case.status = to
    return previous


def _locked(case: Case) -> Case:
    """Re-reads the case under its row lock, so that two agents acting on it at once take
    turns and each sees the other's change (SQLite's IMMEDIATE transactions lock anyway)."""
    case.refresh_from_db(from_queryset=Case.objects.select_for_update())
    return case


def _event(
    *,
    case: Case,
    actor: User | None,
    kind: str,
    text: str = "",
    data: dict | None = None,
    contact: CaseContact | None = None,
    corrects: CaseEvent | None = None,
) -> CaseEvent:
    return CaseEvent(
        organisation_id=case.organisation_id,
        case=case,
        actor=actor,
        kind=kind,
        text=text,
        data=data or {},
        contact=contact,
        corrects=corrects,
    )


def record_event(
    *,
    case: Case,
    actor: User | None,
    kind: str,
    text: str = "",
    data: dict | None = None,
    contact: CaseContact | None = None,
    corrects: CaseEvent | None = None,
) -> CaseEvent:
    event = _event(
        case=case, actor=actor, kind=kind, text=text, data=data, contact=contact, corrects=corrects
    )
    event.save()
    return event


def _save(case: Case, *fields: str) -> None:
    """Writes the changed fields, then brings the case's alarms and search entry in step."""
    case.save(update_fields=[*dict.fromkeys(fields), "updated_at"])
    deadlines.sync_alarms(case)
    index_case(case)


def _next_reference(organisation: Organisation, moment: datetime.datetime) -> tuple[int, int]:
    """The next number of the organisation's year, taken with one UPDATE ... RETURNING, which
    both engines run under the row's write lock, so two registrations never share a number."""
    year = timezone.localtime(moment, timezone=_zone(organisation)).year
    table = CaseSequence._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_number = last_number + 1 "  # noqa: S608 (our table name)
            "WHERE organisation_id = %s AND year = %s RETURNING last_number",
            [organisation.pk, year],
        )
        row = cursor.fetchone()
    if row is not None:
        return year, row[0]
    try:
        with transaction.atomic():
            CaseSequence.objects.create(organisation=organisation, year=year, last_number=1)
            return year, 1
    except IntegrityError:  # another registration created this year's row first
        return _next_reference(organisation, moment)


def _zone(organisation: Organisation):
    import zoneinfo

    return zoneinfo.ZoneInfo(organisation.timezone)


def format_reference(organisation: Organisation, year: int, number: int) -> str:
    return f"{organisation.reference_prefix}-{year}-{number:06d}"


def _contact(
    *,
    case: Case,
    actor: User,
    channel: str,
    direction: str,
    duration_seconds: int,
    summary: str,
    started_at: datetime.datetime | None,
    by_department: bool = False,
) -> CaseContact:
    return CaseContact(
        organisation_id=case.organisation_id,
        case=case,
        channel=channel,
        direction=direction,
        started_at=started_at or timezone.now(),
        duration_seconds=duration_seconds,
        summary=summary,
        agent=actor,
        by_department=by_department,
    )


def _add_contact(
    *,
    case: Case,
    actor: User,
    channel: str,
    direction: str,
    duration_seconds: int,
    summary: str,
    started_at: datetime.datetime | None,
    by_department: bool = False,
) -> CaseContact:
    """Records the contact; the caller saves the case's counters (contact_count and
    handle_seconds), which it holds under the row's write lock inside its transaction."""
    contact = _contact(
        case=case,
        actor=actor,
        channel=channel,
        direction=direction,
        duration_seconds=duration_seconds,
        summary=summary,
        started_at=started_at,
        by_department=by_department,
    )
    contact.save()
    case.contact_count += 1
    case.handle_seconds += duration_seconds
    return contact


# --- registering contacts -----------------------------------------------------------------------


@transaction.atomic
def register_contact(
    *,
    actor: User,
    organisation: Organisation,
    channel: str,
    case_type: CaseType,
    subject: str = "",
    description: str = "",
    customer: Customer | None = None,
    direction: str = Direction.INBOUND,
    duration_seconds: int = 0,
    summary: str = "",
    priority: str = Priority.NORMAL,
    service_point: ServicePoint | None = None,
    started_at: datetime.datetime | None = None,
    answer_group: AnswerGroup | None = None,
    assign_to_actor: bool = True,
) -> Case:
    """A contact that opens a new case. Every channel ends here or in `append_contact`.

    A channel without a person behind it (a mailbox, the web form, SMS) registers as its service
    user with `assign_to_actor=False`, so the case waits unassigned in the front line, or in
    `answer_group` when the contact arrived in that group's own mailbox.
    """
    authz.require(actor, "cases.register_contact", organisation)
    channel = _choice(channel, Channel, field="channel")
    direction = _choice(direction, Direction, field="direction")
    priority = _choice(priority, Priority, field="priority")
    if case_type is None or case_type.organisation_id != organisation.pk or not case_type.is_active:
        raise DomainError(_("Choose a case type of this organisation."), field="case_type")
    _same_organisation(
        organisation.pk,
        customer,
        field="customer",
        message=_("The customer belongs to another organisation."),
    )
    _same_organisation(
        organisation.pk,
        service_point,
        field="service_point",
        message=_("The service point belongs to another organisation."),
    )
    _same_organisation(
        organisation.pk,
        answer_group,
        field="answer_group",
        message=_("The answer group belongs to another organisation."),
    )
    subject = _text(
        subject or case_type.name_in(organisation.default_language),
        field="subject",
        required=True,
        limit=MAX_SUBJECT,
    )
    description = _text(description, field="description", required=False)
    summary = _text(summary, field="summary", required=False)
    duration_seconds = _duration(duration_seconds)

    now = timezone.now()
    year, number = _next_reference(organisation, now)
    case = Case(
        organisation=organisation,
        reference=format_reference(organisation, year, number),
        year=year,
        number=number,
        channel=channel,
        case_type=case_type,
        topic_id=case_type.topic_id,
        department_id=case_type.department_id,
        rosa_tier=case_type.rosa_tier,
        handled_by_centre=case_type.handled_by_centre,
        customer=customer,
        subject=subject,
        description=description,
        priority=priority,
        answer_group=answer_group,
        handler=actor if assign_to_actor else None,
        service_point=service_point,
        is_confidential=case_type.confidential_by_default,
        registered_by=actor,
        registered_at=now,
        first_response_at=now
        if direction == Direction.INBOUND
        and channel in {Channel.PHONE, Channel.VISIT, Channel.CHAT, Channel.REMOTE}
        else None,
        # The contact below, counted on the case as _add_contact counts it, before the INSERT.
        contact_count=1,
        handle_seconds=duration_seconds,
    )
    # The clocks are known before the row exists: one INSERT, no UPDATE after it.
    deadlines.start_clocks(case)
    case.save(force_insert=True)
    contact = _contact(
        case=case,
        actor=actor,
        channel=channel,
        direction=direction,
        duration_seconds=duration_seconds,
        summary=summary,
        started_at=started_at,
    )
    contact.save()
    CaseEvent.objects.bulk_create(
        [
            _event(
                case=case,
                actor=actor,
                kind=EventKind.REGISTERED,
                data={
                    "channel": channel,
                    "case_type": case_type.pk,
                    "confidential": case.is_confidential,
                },
            ),
            _event(
                case=case,
                actor=actor,
                kind=EventKind.CONTACT,
                text=summary,
                data={
                    "channel": channel,
                    "direction": direction,
                    "duration_seconds": duration_seconds,
                },
                contact=contact,
            ),
        ]
    )
    deadlines.create_alarms(case)  # a new case has no alarm rows to compare with
    # Full-text search finds the case once a worker has indexed it (about a second on an idle
    # queue): the FTS write is the dearest part of a registration, and the agent has the case
    # in hand. The task commits with the case, so neither exists without the other.
    index_registered_case.enqueue(case_id=case.pk)
    return case


@transaction.atomic
def append_contact(
    *,
    actor: User,
    case: Case,
    channel: str,
    direction: str = Direction.INBOUND,
    duration_seconds: int = 0,
    summary: str = "",
    started_at: datetime.datetime | None = None,
) -> CaseContact:
    """A further contact on an open case: the citizen calls again, or is called back."""
    _locked(case)
    authz.require(
        actor,
        "cases.receive_contact" if direction == Direction.INBOUND else "cases.work_on_case",
        case,
    )
    if case.status not in OPEN_STATUSES:
        raise DomainError(
            _("The case is “%(status)s”; reopen it or register a new case.")
            % {"status": Status(case.status).label},
            field="case",
            code="illegal_transition",
        )
    channel = _choice(channel, Channel, field="channel")
    direction = _choice(direction, Direction, field="direction")
    summary = _text(summary, field="summary", required=direction == Direction.OUTBOUND)
    duration_seconds = _duration(duration_seconds)
    by_department = case.answer_group_id is not None and case.answer_group_id in actor.group_ids
    contact = _add_contact(
        case=case,
        actor=actor,
        channel=channel,
        direction=direction,
        duration_seconds=duration_seconds,
        summary=summary,
        started_at=started_at,
        by_department=by_department,
    )
    now = timezone.now()
    changed = []
    data = {"channel": channel, "direction": direction, "duration_seconds": duration_seconds}
    if direction == Direction.INBOUND and case.status == Status.WAITING:
        # The customer answered: the case is worked on again and its clocks run on.
        data["from_status"] = _move(case, Status.IN_PROGRESS)
        changed += ["status", *deadlines.resume_clocks(case, now)]
    if direction == Direction.OUTBOUND and case.first_response_at is None:
        case.first_response_at = now
        changed.append("first_response_at")
    if by_department and direction == Direction.OUTBOUND and case.department_contacted_at is None:
        case.department_contacted_at = now
        changed.append("department_contacted_at")
    kind = (
        EventKind.CUSTOMER_CONTACTED
        if by_department and direction == Direction.OUTBOUND
        else EventKind.CONTACT
    )
    record_event(case=case, actor=actor, kind=kind, text=summary, data=data, contact=contact)
    _save(case, "contact_count", "handle_seconds", *changed)
    return contact


@transaction.atomic
def record_talk_time(*, actor: User, contact: CaseContact, seconds: int) -> CaseContact:
    """The phone system measured the call: the contact's duration becomes its talk time and the
    case's handle time follows. A correction of the contact's entry on the timeline says what
    the duration was before, so nothing changes silently; the same time again changes nothing."""
    case = _locked(contact.case)
    authz.require(actor, "cases.receive_contact", case)
    seconds = _duration(seconds)
    contact.refresh_from_db(fields=["duration_seconds"])
    previous = contact.duration_seconds
    if previous == seconds:
        return contact
    contact.duration_seconds = seconds
    contact.save(update_fields=["duration_seconds", "updated_at"])
    case.handle_seconds = max(0, case.handle_seconds + seconds - previous)
    record_event(
        case=case,
        actor=actor,
        kind=EventKind.CORRECTION,
        corrects=case.events.filter(contact=contact).order_by("pk").first(),
        data={"duration_seconds": seconds, "previous_duration_seconds": previous},
    )
    _save(case, "handle_seconds")
    return contact


# --- working on a case --------------------------------------------------------------------------


@transaction.atomic
def add_note(*, actor: User, case: Case, text: str) -> CaseEvent:
    _locked(case)
    authz.require(actor, "cases.work_on_case", case)
    text = _text(text, field="text", required=True)
    event = record_event(case=case, actor=actor, kind=EventKind.NOTE, text=text)
    _save(case)
    return event


@transaction.atomic
def forward_case_to_group(*, actor: User, case: Case, group: AnswerGroup, reason: str) -> Case:
    """Sends the case to a department's answer group, whose members are told by e-mail."""
    _locked(case)
    authz.require(actor, "cases.forward_case", case)
    if group is None or group.organisation_id != case.organisation_id:
        raise DomainError(_("The answer group belongs to another organisation."), field="group")
    if not group.is_active:
        raise DomainError(_("This answer group no longer takes cases."), field="group")
    if group.pk == case.answer_group_id:
        raise DomainError(_("The case is with this answer group already."), field="group")
    reason = _text(reason, field="reason", required=True, limit=2000)
    previous_status = _move(case, Status.FORWARDED)
    previous_group = case.answer_group_id
    now = timezone.now()
    case.answer_group = group
    case.handler = None
    case.forwarded_at = now
    case.forward_count += 1
    # The new group owes the customer a contact of its own.
    case.department_contacted_at = None
    clocks = [*deadlines.resume_clocks(case, now), *deadlines.start_feedback_clock(case, now)]
    record_event(
        case=case,
        actor=actor,
        kind=EventKind.FORWARDED,
        text=reason,
        data={
            "from_group": previous_group,
            "to_group": group.pk,
            "from_status": previous_status,
            "feedback_due_at": case.feedback_due_at.isoformat(),
        },
    )
    _save(
        case,
        "status",
        "answer_group",
        "handler",
        "forwarded_at",
        "forward_count",
        "department_contacted_at",
        *clocks,
    )
    notifications.case_forwarded(case=case, group=group, actor=actor, reason=reason)
    return case


@transaction.atomic
def return_case_to_department(*, actor: User, case: Case, reason: str) -> Case:
    """Outside the centre's contract: the case goes to its type's default answer group."""
    group = case.case_type.default_group
    if group is None:
        raise DomainError(
            _("This case type has no default answer group; forward the case to a group."),
            field="group",
        )
    return forward_case_to_group(actor=actor, case=case, group=group, reason=reason)


@transaction.atomic
def take_case(*, actor: User, case: Case) -> Case:
    _locked(case)
    authz.require(actor, "cases.take_case", case)
    if case.handler_id == actor.pk and case.status == Status.IN_PROGRESS:
        return case
    previous_status = case.status
    if case.status != Status.IN_PROGRESS:
        _move(case, Status.IN_PROGRESS)
    previous_handler = case.handler_id
    case.handler = actor
    record_event(
        case=case,
        actor=actor,
        kind=EventKind.ASSIGNED,
        data={
            "from_handler": previous_handler,
            "to_handler": actor.pk,
            "from_status": previous_status,
            "taken": True,
        },
    )
    _save(case, "status", "handler", *deadlines.resume_clocks(case, timezone.now()))
    return case


@transaction.atomic
def assign_case(*, actor: User, case: Case, handler: User) -> Case:
    _locked(case)
    authz.require(actor, "cases.assign_case", case)
    if handler.organisation_id != case.organisation_id:
        raise DomainError(_("The handler belongs to another organisation."), field="handler")
    if not handler.is_active:
        raise DomainError(_("The handler's account is closed."), field="handler")
    if case.answer_group_id is not None and case.answer_group_id not in handler.group_ids:
        raise DomainError(
            _("The handler is not a member of the case's answer group."), field="handler"
        )
    if not handler.serves_customers:
        raise DomainError(_("The handler does not serve customers."), field="handler")
    previous_status = case.status
    if case.status != Status.IN_PROGRESS:
        _move(case, Status.IN_PROGRESS)
    previous_handler = case.handler_id
    case.handler = handler
    record_event(
        case=case,
        actor=actor,
        kind=EventKind.ASSIGNED,
        data={
            "from_handler": previous_handler,
            "to_handler": handler.pk,
            "from_status": previous_status,
        },
    )
    _save(case, "status", "handler", *deadlines.resume_clocks(case, timezone.now()))
    notifications.case_assigned(case=case, handler=handler, actor=actor)
    return case


@transaction.atomic
def wait_for_customer(*, actor: User, case: Case, reason: str) -> Case:
    _locked(case)
    authz.require(actor, "cases.resolve_case", case)
    reason = _text(reason, field="reason", required=True, limit=2000)
    previous_status = _move(case, Status.WAITING)
    record_event(
        case=case,
        actor=actor,
        kind=EventKind.STATUS,
        text=reason,
        data={"from_status": previous_status, "to_status": Status.WAITING},
    )
    _save(case, "status", *deadlines.pause_clocks(case, timezone.now()))
    return case


def _outcome_of(case: Case) -> str:
    if case.forward_count:
        return Outcome.AFTER_FORWARDING
    if case.contact_count <= 1:
        return Outcome.FIRST_CONTACT
    return Outcome.IN_CENTRE


@transaction.atomic
def resolve_case(*, actor: User, case: Case, resolution: str, withdrawn: bool = False) -> Case:
    """Resolved at first contact, after forwarding or later in the centre, as it happened."""
    _locked(case)
    authz.require(actor, "cases.resolve_case", case)
    resolution = _text(resolution, field="resolution", required=True)
    previous_status = _move(case, Status.RESOLVED)
    case.resolved_at = timezone.now()
    case.outcome = Outcome.WITHDRAWN if withdrawn else _outcome_of(case)
    if case.handler_id is None:
        case.handler = actor
    record_event(
        case=case,
        actor=actor,
        kind=EventKind.RESOLVED,
        text=resolution,
        data={"from_status": previous_status, "outcome": case.outcome},
    )
    case.waiting_since = None
    _save(case, "status", "resolved_at", "outcome", "handler", "waiting_since")
    return case


@transaction.atomic
def close_case(*, actor: User, case: Case) -> Case:
    _locked(case)
    authz.require(actor, "cases.resolve_case", case)
    _move(case, Status.CLOSED)
    case.closed_at = timezone.now()
    record_event(case=case, actor=actor, kind=EventKind.CLOSED)
    _save(case, "status", "closed_at")
    return case


@transaction.atomic
def reopen_case(*, actor: User, case: Case, reason: str) -> Case:
    _locked(case)
    authz.require(actor, "cases.work_on_case", case)
    reason = _text(reason, field="reason", required=True, limit=2000)
    previous_status = _move(case, Status.REOPENED)
    record_event(
        case=case,
        actor=actor,
        kind=EventKind.REOPENED,
        text=reason,
        data={"from_status": previous_status, "previous_outcome": case.outcome},
    )
    case.resolved_at = None
    case.closed_at = None
    case.outcome = ""
    clocks = deadlines.restart_resolution_clock(case, timezone.now())
    _save(case, "status", "resolved_at", "closed_at", "outcome", *clocks)
    return case


@transaction.atomic
def change_case_type(*, actor: User, case: Case, case_type: CaseType) -> Case:
    """Reclassifies the case; the contract it was registered under stays with it."""
    _locked(case)
    authz.require(actor, "cases.work_on_case", case)
    if case_type is None or case_type.organisation_id != case.organisation_id:
        raise DomainError(_("Choose a case type of this organisation."), field="case_type")
    if not case_type.is_active:
        raise DomainError(_("This case type is no longer in use."), field="case_type")
    if case_type.pk == case.case_type_id:
        return case
    data = {"from_case_type": case.case_type_id, "to_case_type": case_type.pk}
    case.case_type = case_type
    case.topic_id = case_type.topic_id
    case.department_id = case_type.department_id
    case.rosa_tier = case_type.rosa_tier
    fields = ["case_type", "topic", "department", "rosa_tier"]
    if case_type.confidential_by_default and not case.is_confidential:
        case.is_confidential = True
        data["confidential"] = True
        fields.append("is_confidential")
    record_event(case=case, actor=actor, kind=EventKind.CASE_TYPE, data=data)
    _save(case, *fields, *deadlines.recompute_clocks(case))
    return case


@transaction.atomic
def set_confidentiality(*, actor: User, case: Case, confidential: bool, reason: str) -> Case:
    _locked(case)
    authz.require(actor, "cases.set_confidentiality", case)
    reason = _text(reason, field="reason", required=True, limit=2000)
    if case.is_confidential == confidential:
        return case
    case.is_confidential = confidential
    record_event(
        case=case,
        actor=actor,
        kind=EventKind.CONFIDENTIALITY,
        text=reason,
        data={"confidential": confidential},
    )
    _save(case, "is_confidential")
    return case


@transaction.atomic
def correct_event(*, actor: User, event: CaseEvent, text: str) -> CaseEvent:
    """A correction is a new event pointing at the one it corrects; nothing is overwritten."""
    authz.require(actor, "cases.work_on_case", event.case)
    if event.actor_id != actor.pk and not actor.has_perm("cases.assign_case", event.case):
        raise DomainError(
            _("Only the author or a team lead may correct an entry."),
            field="event",
            code="forbidden",
        )
    text = _text(text, field="text", required=True)
    correction = record_event(
        case=event.case, actor=actor, kind=EventKind.CORRECTION, text=text, corrects=event
    )
    _save(event.case)
    return correction


# --- composite actions of the new-contact screen -------------------------------------------------


@transaction.atomic
def register_and_resolve(*, actor: User, resolution: str, **contact) -> Case:
    """The front line answers at once: the case is registered and resolved in one step."""
    case = register_contact(actor=actor, **contact)
    return resolve_case(actor=actor, case=case, resolution=resolution)


@transaction.atomic
def register_and_forward(*, actor: User, group: AnswerGroup, reason: str, **contact) -> Case:
    case = register_contact(actor=actor, **contact)
    return forward_case_to_group(actor=actor, case=case, group=group, reason=reason)


# --- attachments --------------------------------------------------------------------------------


def check_attachment(*, filename: str, content_type: str, size: int) -> None:
    """Raises a DomainError naming the limit a file breaks; channels call it before they accept
    anything, so a refused file is reported (or quarantined) and nothing half-stored remains."""
    content_type = (content_type or "").split(";")[0].strip().lower()
    if size > settings.CIVICDESK_ATTACHMENT_MAX_BYTES:
        raise DomainError(
            _("“%(name)s” is %(size)s MiB; files may be at most %(limit)s MiB.")
            % {
                "name": filename,
                "size": round(size / 1048576, 1),
                "limit": round(settings.CIVICDESK_ATTACHMENT_MAX_BYTES / 1048576, 1),
            },
            field="attachment",
            code="attachment_too_large",
        )
    if content_type not in settings.CIVICDESK_ATTACHMENT_TYPES:
        raise DomainError(
            _("“%(name)s” is of a type that is not accepted (%(type)s).")
            % {"name": filename, "type": content_type or "?"},
            field="attachment",
            code="attachment_type",
        )


def _clean_filename(filename: str) -> str:
    name = os.path.basename((filename or "").replace("\\", "/")).strip().strip(".")
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '<>:"/\\|?*')
    return name[:255] or "attachment"


def attach_file(
    *,
    actor: User,
    case: Case,
    filename: str,
    content_type: str,
    content: bytes,
    event: CaseEvent | None = None,
) -> CaseAttachment:
    """Stores a file on the case, in the caller's transaction (no event of its own: the contact
    or note that brought it is the event)."""
    authz.require(actor, "cases.receive_contact", case)
    check_attachment(filename=filename, content_type=content_type, size=len(content))
    if event is not None and event.case_id != case.pk:
        raise DomainError(_("The event belongs to another case."), field="event")
    return CaseAttachment.objects.create(
        organisation_id=case.organisation_id,
        case=case,
        event=event,
        filename=_clean_filename(filename),
        content_type=content_type.split(";")[0].strip().lower(),
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
    )
