"""What counts as a service event, and of which type (docs/billing.md, "What is a service event").

A service event is a contact of a case, made at a service point for a service producer:

- the contact is a visit at the counter or a remote service (video) session, and was made by the
  service point's advisor, not by the producer's own expert (`by_department`);
- its case was registered at a service point: that point served the customer;
- the case's owning department is a producer (a service producer or a labour office), and the
  service point is not the producer's own office (a labour office's PAK point serving its own
  customers bills nobody).

Its type is the event type the case type is mapped to; failing that, the event type that
stands for the delivery mode of the producer's published service cards for the case type, if
they agree on one; failing that it has no type, and the statement flags it.

Events are derived from the contacts when a statement is produced; the statement then keeps
the events it billed (`StatementEvent`), so an issued one never changes with later data.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import F

from civicdesk.billing.choices import PRODUCER_KINDS, SERVICE_EVENT_CHANNELS
from civicdesk.billing.models import EventTypeMapping, ServiceEventType
from civicdesk.cases.models import CaseContact
from civicdesk.core.periods import local_days
from civicdesk.knowledge.choices import PublicationStatus
from civicdesk.knowledge.models import ServiceCard
from civicdesk.org.models import Organisation


@dataclass(frozen=True)
class ServiceEvent:
    contact_id: int
    case_id: int
    occurred_at: datetime.datetime
    day: datetime.date  # in the organisation's time zone: the day whose price applies
    producer_id: int
    service_point_id: int
    case_type_id: int
    event_type_id: int | None
    is_confidential: bool


def service_event_contacts(organisation_id: int, start, end):
    """The contacts in [start, end) that are service events (the rule above)."""
    return CaseContact.objects.filter(
        organisation_id=organisation_id,
        started_at__gte=start,
        started_at__lt=end,
        channel__in=SERVICE_EVENT_CHANNELS,
        by_department=False,
        case__service_point__isnull=False,
        case__department__kind__in=PRODUCER_KINDS,
    ).exclude(case__service_point__department_id=F("case__department_id"))


class EventTypeResolver:
    """A case type's event type: mapped, else by its producer's service cards' delivery."""

    def __init__(self, organisation_id: int):
        self.mapped = dict(
            EventTypeMapping.objects.filter(
                event_type__organisation_id=organisation_id
            ).values_list("case_type_id", "event_type_id")
        )
        self.by_delivery = dict(
            ServiceEventType.objects.filter(organisation_id=organisation_id, is_active=True)
            .exclude(delivery="")
            .values_list("delivery", "pk")
        )
        deliveries: dict[int, set[str]] = defaultdict(set)
        links = ServiceCard.case_types.through.objects.filter(
            servicecard__organisation_id=organisation_id,
            servicecard__status=PublicationStatus.PUBLISHED,
        ).values_list(
            "casetype_id",
            "servicecard__delivery",
            "servicecard__producer_id",
            "casetype__department_id",
        )
        for case_type_id, delivery, producer_id, department_id in links:
            if producer_id == department_id:
                deliveries[case_type_id].add(delivery)
        self.deliveries = deliveries

    def __call__(self, case_type_id: int) -> int | None:
        if case_type_id in self.mapped:
            return self.mapped[case_type_id]
        modes = self.deliveries.get(case_type_id, set())
        if len(modes) == 1:
            return self.by_delivery.get(next(iter(modes)))
        return None


def service_events(
    organisation: Organisation,
    first_day: datetime.date,
    last_day: datetime.date,
    *,
    producer_id: int | None = None,
    service_point_id: int | None = None,
) -> list[ServiceEvent]:
    """The service events of the organisation's days `first_day` to `last_day`."""
    zone = zoneinfo.ZoneInfo(organisation.timezone)
    start, end = local_days(organisation.timezone, first_day, last_day)
    contacts = service_event_contacts(organisation.pk, start, end)
    if producer_id is not None:
        contacts = contacts.filter(case__department_id=producer_id)
    if service_point_id is not None:
        contacts = contacts.filter(case__service_point_id=service_point_id)
    resolve = EventTypeResolver(organisation.pk)
    rows = contacts.order_by("started_at", "pk").values_list(
        "pk",
        "case_id",
        "started_at",
        "case__department_id",
        "case__service_point_id",
        "case__case_type_id",
        "case__is_confidential",
    )
    return [
        ServiceEvent(
            contact_id=pk,
            case_id=case_id,
            occurred_at=started_at,
            day=started_at.astimezone(zone).date(),
            producer_id=producer,
            service_point_id=point,
            case_type_id=case_type,
            event_type_id=resolve(case_type),
            is_confidential=confidential,
        )
        for pk, case_id, started_at, producer, point, case_type, confidential in rows
    ]
