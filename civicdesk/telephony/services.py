"""Writes of telephony: what the phone system reports about calls, and a call's link to the
contact an agent registered for it. The CTI API and the Asterisk bridge both end here."""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civicdesk.cases import services as case_services
from civicdesk.cases.choices import Channel
from civicdesk.cases.models import Case, CaseContact
from civicdesk.core import authz
from civicdesk.core.errors import DomainError
from civicdesk.customers.contacts import normalise_phone
from civicdesk.customers.selectors import customer_ids_by_phone, sole_customer_reachable_at
from civicdesk.org.models import Organisation, User
from civicdesk.org.services import channel_service_user
from civicdesk.telephony import realtime
from civicdesk.telephony.calls import DETAILS, fold
from civicdesk.telephony.models import Call, CallEvent, CallEventKind, CallState, Extension

# A phone system's clock may run a little ahead of ours; an event further in the future is an
# error in the integration, not a call.
CLOCK_SKEW = datetime.timedelta(minutes=5)
LIMITS = {"caller_number": 40, "called_number": 40, "ivr_choice": 60, "queue": 60}
# An answer reported later than this (a retried request, a replayed log) opens no screen: the
# agent has moved on, and a page that jumps to an old call loses their work.
POP_WINDOW = datetime.timedelta(minutes=2)


@dataclass(frozen=True)
class CallReport:
    """One event as the phone system reports it (the CTI API's body, or the Asterisk bridge's
    reading of AMI events). `agent` and `target` are an extension or a user name."""

    kind: str
    call_id: str
    timestamp: datetime.datetime
    caller_number: str = ""
    called_number: str = ""
    ivr_choice: str = ""
    queue: str = ""
    agent: str = ""
    target: str = ""


def phone_account(organisation: Organisation) -> User:
    """The account the phone system acts as on cases (recording talk time)."""
    return channel_service_user(organisation, Channel.PHONE)


def find_agent(organisation: Organisation, name: str) -> User | None:
    """The organisation's active user with this extension, or else this user name."""
    name = (name or "").strip()
    if not name:
        return None
    extension = (
        Extension.objects.filter(organisation=organisation, number=name, user__is_active=True)
        .select_related("user")
        .first()
    )
    if extension is not None:
        return extension.user
    return User.objects.filter(organisation=organisation, username=name, is_active=True).first()


def _validated(report: CallReport) -> CallReport:
    if report.kind not in CallEventKind.values:
        raise DomainError(
            _("“%(value)s” is not one of: %(choices)s.")
            % {"value": report.kind, "choices": ", ".join(CallEventKind.values)},
            field="kind",
        )
    if not (report.call_id or "").strip() or len(report.call_id) > 120:
        raise DomainError(_("Give the call's id, at most 120 characters."), field="call_id")
    at = report.timestamp
    if at is None or timezone.is_naive(at):
        raise DomainError(_("Give the time with its time zone."), field="timestamp")
    if at > timezone.now() + CLOCK_SKEW:
        raise DomainError(_("The time lies in the future."), field="timestamp")
    for name, limit in LIMITS.items():
        if len(getattr(report, name) or "") > limit:
            raise DomainError(
                _("This is too long: at most %(limit)s characters.") % {"limit": limit},
                field=name,
            )
    if report.kind == CallEventKind.ANSWERED and not report.agent.strip():
        raise DomainError(_("Say which agent answered the call."), field="agent")
    if report.kind == CallEventKind.TRANSFERRED and not report.target.strip():
        raise DomainError(_("Say where the call was transferred."), field="target")
    return report


def _phone_number(raw: str, organisation: Organisation) -> str:
    """E.164 when the number is valid (so it matches the customer register), else as given:
    a withheld or internal number is still worth keeping."""
    raw = (raw or "").strip()
    try:
        return normalise_phone(raw, region=organisation.country)
    except DomainError:
        return raw


def _event_from(
    report: CallReport, *, organisation: Organisation, actor: User, find=find_agent
) -> CallEvent:
    """The report as an unsaved event row (no call yet); refuses an agent nobody has. A
    transfer's target may be an agent, a queue or a number: only an agent is looked up."""
    agent = find(organisation, report.agent)
    if report.agent.strip() and agent is None:
        raise DomainError(
            _("No agent of this organisation has the extension or user name “%(name)s”.")
            % {"name": report.agent.strip()},
            field="agent",
        )
    details = {name: (getattr(report, name) or "").strip() for name in DETAILS}
    details["caller_number"] = _phone_number(details["caller_number"], organisation)
    return CallEvent(
        organisation=organisation,
        kind=report.kind,
        at=report.timestamp,
        agent=agent,
        target=report.target.strip(),
        target_agent=find(organisation, report.target),
        details={name: value for name, value in details.items() if value},
        reported_by=actor,
    )


def _call_locked(organisation: Organisation, external_id: str, at: datetime.datetime) -> Call:
    """The call row under its write lock, created by its first event."""
    try:
        with transaction.atomic():
            call, _created = Call.objects.get_or_create(
                organisation=organisation, external_id=external_id, defaults={"offered_at": at}
            )
    except IntegrityError:  # another event of the same call created it at the same moment
        call = Call.objects.get(organisation=organisation, external_id=external_id)
    return Call.objects.select_for_update().get(pk=call.pk)


@transaction.atomic
def report_call_event(
    *, actor: User, organisation: Organisation, report: CallReport
) -> tuple[Call, bool]:
    """Records one event of a call and folds the call's summary again from all its events.

    Returns the call and whether the event was new: the same kind at the same moment again
    changes nothing. An agent who answers (or receives a transfer) while the call is still on
    gets the screen pop, if the event is news (POP_WINDOW). When the call has ended and its
    contact is registered, the contact's duration becomes the call's talk time.
    """
    authz.require(actor, "telephony.report_call_events", organisation)
    event = _event_from(_validated(report), organisation=organisation, actor=actor)
    call = _call_locked(organisation, report.call_id.strip(), report.timestamp)
    events = list(call.events.all())
    if any(e.kind == event.kind and e.at == event.at for e in events):
        return call, False
    event.call = call
    summary = fold([*events, event])  # refuses contradicting times before anything is written
    live = timezone.now() - report.timestamp <= POP_WINDOW
    if live and summary["state"] == CallState.ANSWERED:  # still on the line
        if report.kind == CallEventKind.ANSWERED:
            event.pop_to = event.agent
        elif report.kind == CallEventKind.TRANSFERRED:
            event.pop_to = event.target_agent
    event.save()

    for name, value in summary.items():
        setattr(call, name, value)
    if call.customer_id is None and call.caller_number.startswith("+"):
        call.customer = sole_customer_reachable_at(actor.organisation_id, phone=call.caller_number)
    call.save()
    if call.talk_seconds is not None and call.contact_id is not None:
        case_services.record_talk_time(
            actor=phone_account(organisation), contact=call.contact, seconds=call.talk_seconds
        )
    if event.pop_to is not None:
        realtime.announce_on_commit(event)
    return call, True


@transaction.atomic
def import_calls(
    *, actor: User, organisation: Organisation, calls: dict[str, list[CallReport]]
) -> int:
    """Past calls in bulk, each with all its events (a phone system's log when the centre
    starts with civicdesk, the demo): validated and folded as `report_call_event` does, but in
    a few statements, with no screen pops, and a call already stored is left as it is.
    Returns how many calls were added."""
    authz.require(actor, "telephony.report_call_events", organisation)
    stored = set(
        Call.objects.filter(organisation=organisation, external_id__in=list(calls)).values_list(
            "external_id", flat=True
        )
    )
    find = functools.cache(find_agent)  # a log names the same few agents again and again
    new: list[tuple[Call, list[CallEvent]]] = []
    for external_id, reports in calls.items():
        if external_id in stored or not reports:
            continue
        events: dict[tuple[str, datetime.datetime], CallEvent] = {}
        for report in reports:
            event = _event_from(
                _validated(report), organisation=organisation, actor=actor, find=find
            )
            events.setdefault((event.kind, event.at), event)
        call = Call(organisation=organisation, external_id=external_id.strip())
        for name, value in fold(events.values()).items():
            setattr(call, name, value)
        new.append((call, list(events.values())))
    customers = customer_ids_by_phone(actor=actor, phones={call.caller_number for call, _e in new})
    for call, _events in new:
        call.customer_id = customers.get(call.caller_number)
    Call.objects.bulk_create([call for call, _events in new], batch_size=500)
    for call, events in new:
        for event in events:
            event.call = call
    CallEvent.objects.bulk_create([e for _call, events in new for e in events], batch_size=500)
    return len(new)


@transaction.atomic
def link_call(*, actor: User, call: Call, case: Case, contact: CaseContact) -> Call:
    """The agent registered the call's contact from the popped screen: the call points at it,
    and if the call has ended by now, the contact's duration is its talk time."""
    call = Call.objects.select_for_update().get(pk=call.pk)
    authz.require(actor, "telephony.link_call", call)
    if case.organisation_id != call.organisation_id or contact.case_id != case.pk:
        raise DomainError(_("The contact belongs to another case."), field="call")
    if call.contact_id is not None:
        return call  # the first contact registered for the call keeps it
    call.case, call.contact = case, contact
    call.customer_id = call.customer_id or case.customer_id
    call.save(update_fields=["case", "contact", "customer", "updated_at"])
    if call.talk_seconds is not None:
        case_services.record_talk_time(
            actor=phone_account(call.organisation), contact=contact, seconds=call.talk_seconds
        )
    return call
