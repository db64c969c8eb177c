"""Reads for the citizens' pages. Nobody signs in here, so nothing is read through an actor:
each function names the organisation, and what it returns is what a citizen may see."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from civicdesk.cases.choices import Status
from civicdesk.cases.models import Case
from civicdesk.catalog.choices import RosaTier
from civicdesk.catalog.models import CaseType, Topic
from civicdesk.core import crypto
from civicdesk.core.errors import NotFound
from civicdesk.org.models import Organisation
from civicdesk.portal.models import CodeChannel, StatusCode

# --- topics ------------------------------------------------------------------------------------

_TIER_ORDER = {RosaTier.GENERAL: 0, RosaTier.SPECIALIST: 1, RosaTier.EXPERT: 2}


@dataclass(frozen=True)
class ContactTopic:
    topic: Topic
    case_type: CaseType


def contact_topics(organisation: Organisation) -> list[ContactTopic]:
    """The topics a citizen can write about, in the catalogue's order, each with the case type
    a message on it is registered as.

    The case type is the topic's first active, non-confidential one that the centre handles,
    the lowest ROSA tier first (general, specialist, expert), then by code: the front line
    receives the message and sets the precise case type when it answers. A topic whose case
    types are all confidential is not offered: such matters (social services, say) are not
    taken through an unauthenticated form.
    """
    case_types = (
        CaseType.objects.for_organisation(organisation.pk)
        .filter(is_active=True, confidential_by_default=False, topic__is_active=True)
        .select_related("topic")
    )
    best: dict[int, tuple[tuple, CaseType]] = {}
    for case_type in case_types:
        rank = (not case_type.handled_by_centre, _TIER_ORDER[case_type.rosa_tier], case_type.code)
        if case_type.topic_id not in best or rank < best[case_type.topic_id][0]:
            best[case_type.topic_id] = (rank, case_type)
    topics = []
    for _rank, case_type in best.values():
        # The organisation is at hand: naming the topic in a fallback language reads it.
        case_type.organisation = case_type.topic.organisation = organisation
        topics.append(ContactTopic(topic=case_type.topic, case_type=case_type))
    return sorted(topics, key=lambda item: (item.topic.position, item.topic.code))


# --- the web form's sender ---------------------------------------------------------------------


def contact_hash(kind: str, value: str) -> str:
    """The keyed hash a web-form sender's normalised e-mail address or phone number is kept as."""
    return crypto.lookup_hash(f"portal-contact:{kind}", value)


def web_form_case(organisation: Organisation, reference: str, kind: str, value: str) -> Case | None:
    """The web-form case with this reference whose sender gave this e-mail address or phone
    number (normalised); None when either does not match."""
    sent_with = (
        {"web_form_contact__email_hash": contact_hash(kind, value)}
        if kind == CodeChannel.EMAIL
        else {"web_form_contact__phone_hash": contact_hash(kind, value)}
    )
    return (
        Case.objects.for_organisation(organisation.pk)
        .filter(reference=reference, **sent_with)
        .select_related("web_form_contact")
        .first()
    )


def get_status_code(organisation: Organisation, token: str) -> StatusCode:
    found = (
        StatusCode.objects.for_organisation(organisation.pk)
        .filter(token=token)
        .select_related("case__topic__organisation")
        .first()
    )
    if found is None:
        raise NotFound()
    return found


# --- what the citizen sees of a case -----------------------------------------------------------

# The statuses as a citizen would say them.
PUBLIC_STATUS = {
    Status.NEW: pgettext_lazy("public case status", "Received"),
    Status.IN_PROGRESS: pgettext_lazy("public case status", "Being handled"),
    Status.FORWARDED: pgettext_lazy("public case status", "With the responsible department"),
    Status.WAITING: pgettext_lazy("public case status", "Waiting for information from you"),
    Status.RESOLVED: pgettext_lazy("public case status", "Answered"),
    Status.CLOSED: pgettext_lazy("public case status", "Closed"),
    Status.REOPENED: pgettext_lazy("public case status", "Being handled again"),
}


@dataclass
class PublicStatus:
    reference: str
    status: str
    confidential: bool
    topic: Topic | None = None
    milestones: list[tuple[str, datetime.datetime]] = field(default_factory=list)


def public_status(case: Case) -> PublicStatus:
    """The status of a case and its public milestones: when it was registered, forwarded to a
    department and answered. Never a note, a name, a group or the text; of a confidential
    case, only the status."""
    shown = PublicStatus(
        reference=case.reference,
        status=PUBLIC_STATUS[case.status],
        confidential=case.is_confidential,
    )
    if case.is_confidential:
        return shown
    shown.topic = case.topic
    milestones = [
        (_("Registered"), case.registered_at),
        (_("Forwarded to the responsible department"), case.forwarded_at),
        (pgettext_lazy("public case milestone", "Answered"), case.resolved_at),
    ]
    shown.milestones = [(label, at) for label, at in milestones if at is not None]
    return shown
