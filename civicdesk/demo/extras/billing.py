"""Billing demo for ASPA Kauhajoki: the five ASPA service event types, each case type's type,
prices for the six service producers (Kela's manual service dearer from the 16th of last month),
last month's visits at the two counters, and last month's statements: issued, except the
town's, left as a draft for the point's lead to check and issue.

Idempotent: event types, mappings and prices are found by their codes and first days; the
visits of a month are told once (found by their subject); producing statements again changes
nothing that did not change.
"""

from __future__ import annotations

import datetime
import random
import zoneinfo

import time_machine
from django.utils import timezone

from civicdesk.billing import services as billing_services
from civicdesk.billing.choices import StatementStatus
from civicdesk.billing.models import EventTypeMapping, Price, ServiceEventType, Statement
from civicdesk.cases import services as case_services
from civicdesk.cases.models import Case
from civicdesk.catalog.models import CaseType
from civicdesk.org.models import Department, Organisation, ServicePoint, User

SLUG = "aspa-kauhajoki"
VISIT_SUBJECT = "Asiointi palvelupisteessä"
LEFT_AS_DRAFT = "kauhajoen-kaupunki"

# The five ways a service point delivers a producer's service (seeds/004, palvelukortit).
EVENT_TYPES = [
    {
        "code": "sahkoinen-asiointi",
        "delivery": "eservice",
        "names": {
            "fi": "Opastus sähköiseen asiointiin",
            "sv": "Vägledning till e-tjänst",
            "en": "Guidance to an e-service",
            "pl": "Pomoc w korzystaniu z e-usługi",
        },
    },
    {
        "code": "etapalvelu",
        "delivery": "remote",
        "names": {
            "fi": "Etäpalvelu",
            "sv": "Distanstjänst",
            "en": "Remote service session",
            "pl": "Usługa zdalna (wideo)",
        },
    },
    {
        "code": "tapaaminen",
        "delivery": "meeting",
        "names": {
            "fi": "Palveluntuottajan tapaaminen pisteessä",
            "sv": "Möte med tjänsteproducenten",
            "en": "Meeting with the producer",
            "pl": "Spotkanie z usługodawcą",
        },
    },
    {
        "code": "manuaalinen",
        "delivery": "manual",
        "names": {
            "fi": "Manuaalinen palvelutapahtuma",
            "sv": "Manuell servicehändelse",
            "en": "Manual service event",
            "pl": "Obsługa ręczna (formularz, skan, płatność)",
        },
    },
    {
        "code": "neuvonta",
        "delivery": "guidance",
        "names": {
            "fi": "Neuvonta ja ohjaus",
            "sv": "Rådgivning och vägledning",
            "en": "Advice and guidance",
            "pl": "Doradztwo i wskazówki",
        },
    },
]

# Each case type's event type, as its service card delivers it.
CASE_TYPES = {
    "verokortti": "sahkoinen-asiointi",
    "veroilmoituksen-korjaus": "sahkoinen-asiointi",
    "asumistuki-hakemus": "manuaalinen",
    "liitteiden-toimitus-kelaan": "manuaalinen",
    "perustoimeentulotuki": "manuaalinen",
    "tyonhakijaksi-ilmoittautuminen": "sahkoinen-asiointi",
    "starttiraha": "tapaaminen",
    "passihakemus": "etapalvelu",
    "henkilokorttihakemus": "etapalvelu",
    "aselupa": "neuvonta",
    "lainhuuto": "manuaalinen",
    "kiinteistorekisteriote": "manuaalinen",
    "vuokra-asuntohakemus": "manuaalinen",
}

# Euro cents per event; every producer pays for advice and e-service guidance, and for the
# delivery modes its services use.
PRICES = {
    "verohallinto": {"sahkoinen-asiointi": 650, "neuvonta": 400, "manuaalinen": 950},
    "kela": {"sahkoinen-asiointi": 650, "neuvonta": 400, "manuaalinen": 950},
    "te-palvelut": {"sahkoinen-asiointi": 650, "neuvonta": 400, "tapaaminen": 1200},
    "poliisi": {"etapalvelu": 1800, "neuvonta": 400, "manuaalinen": 950},
    "maanmittauslaitos": {"manuaalinen": 1100, "neuvonta": 400},
    "kauhajoen-kaupunki": {"manuaalinen": 800, "neuvonta": 350, "sahkoinen-asiointi": 500},
}
PRICES_FROM = datetime.date(2025, 1, 1)
# Kela's manual service event costs more from the 16th of last month: two lines on its statement.
KELA_NEW_MANUAL_CENTS = 1050

# Visits per case type last month, (Kauhajoki, Teuva).
VISITS = {
    "verokortti": (5, 2),
    "veroilmoituksen-korjaus": (2, 1),
    "asumistuki-hakemus": (4, 2),
    "liitteiden-toimitus-kelaan": (5, 2),
    "perustoimeentulotuki": (2, 1),
    "tyonhakijaksi-ilmoittautuminen": (3, 2),
    "starttiraha": (1, 1),
    "passihakemus": (4, 1),
    "henkilokorttihakemus": (2, 1),
    "lainhuuto": (1, 1),
    "kiinteistorekisteriote": (2, 0),
    "vuokra-asuntohakemus": (3, 1),
}
REMOTE_CASE_TYPES = {"passihakemus", "henkilokorttihakemus"}


def load(*, spec: dict, report) -> None:
    if spec["slug"] != SLUG:
        return
    organisation = Organisation.objects.get(slug=SLUG)
    prefix = spec["username_prefix"]
    users = {
        user.username.removeprefix(f"{prefix}."): user
        for user in User.objects.filter(organisation=organisation)
    }
    month = billing_services.previous_month(organisation)
    event_types = _event_types(organisation, users["admin"], report)
    _mappings(organisation, users["admin"], event_types, report)
    _prices(organisation, users["admin"], event_types, month, report)
    _visits(organisation, users["agent"], month, report)
    _statements(organisation, users["lead"], month, report)


def _event_types(organisation, admin, report) -> dict[str, ServiceEventType]:
    found = {}
    for spec in EVENT_TYPES:
        existing = ServiceEventType.objects.filter(
            organisation=organisation, code=spec["code"]
        ).first()
        report.count(ServiceEventType, created=existing is None)
        found[spec["code"]] = existing or billing_services.create_event_type(
            actor=admin,
            organisation=organisation,
            code=spec["code"],
            names=spec["names"],
            delivery=spec["delivery"],
        )
    return found


def _mappings(organisation, admin, event_types, report) -> None:
    case_types = CaseType.objects.filter(organisation=organisation, code__in=CASE_TYPES)
    for case_type in case_types:
        exists = EventTypeMapping.objects.filter(case_type=case_type).exists()
        report.count(EventTypeMapping, created=not exists)
        if not exists:
            billing_services.map_case_type(
                actor=admin, case_type=case_type, event_type=event_types[CASE_TYPES[case_type.code]]
            )


def _prices(organisation, admin, event_types, month, report) -> None:
    producers = {d.code: d for d in Department.objects.filter(organisation=organisation)}
    wanted = [
        (producers[code], event_types[type_code], cents, PRICES_FROM)
        for code, prices in PRICES.items()
        for type_code, cents in prices.items()
    ]
    wanted.append(
        (
            producers["kela"],
            event_types["manuaalinen"],
            KELA_NEW_MANUAL_CENTS,
            month.replace(day=16),
        )
    )
    for producer, event_type, cents, valid_from in wanted:
        exists = Price.objects.filter(
            producer=producer, event_type=event_type, valid_from=valid_from
        ).exists()
        report.count(Price, created=not exists)
        if (
            not exists
            and not Price.objects.filter(
                producer=producer, event_type=event_type, valid_from__gt=valid_from
            ).exists()
        ):
            billing_services.set_price(
                actor=admin,
                producer=producer,
                event_type=event_type,
                amount_cents=cents,
                valid_from=valid_from,
            )


def _working_moments(organisation, month, count: int, rng: random.Random):
    """`count` moments spread over the weekdays of the month, in the counters' hours (09-16)."""
    zone = zoneinfo.ZoneInfo(organisation.timezone)
    days = []
    day = month
    while day.month == month.month:
        if day.weekday() < 5:
            days.append(day)
        day += datetime.timedelta(days=1)
    offset = rng.randrange(len(days))
    for index in range(count):
        chosen = days[(offset + index * len(days) // count) % len(days)]
        yield datetime.datetime.combine(
            chosen, datetime.time(rng.randint(9, 15), rng.choice((0, 10, 20, 30, 40, 50))), zone
        )


def _visits(organisation, agent, month, report) -> None:
    subject = f"{VISIT_SUBJECT} {month:%m/%Y}"
    if Case.objects.filter(organisation=organisation, subject__startswith=subject).exists():
        report.count(Case, created=False)
        return
    rng = random.Random(f"{SLUG}-{month:%Y-%m}")
    points = list(ServicePoint.objects.filter(organisation=organisation).order_by("code"))
    points_by_code = {point.code: point for point in points}
    case_types = {c.code: c for c in CaseType.objects.filter(organisation=organisation)}
    plan = []
    for code, (kauhajoki, teuva) in VISITS.items():
        for point_code, count in (("kauhajoki", kauhajoki), ("teuva", teuva)):
            for moment in _working_moments(organisation, month, count, rng):
                plan.append((moment, code, points_by_code[point_code]))
    for number, (moment, code, point) in enumerate(sorted(plan, key=lambda item: item[0]), 1):
        case_type = case_types[code]
        with time_machine.travel(moment, tick=False):
            case_services.register_and_resolve(
                actor=agent,
                resolution="Palvelutapahtuma suoritettu palvelukortin ohjeen mukaan.",
                organisation=organisation,
                channel="remote" if code in REMOTE_CASE_TYPES else "visit",
                case_type=case_type,
                subject=f"{subject} · {number}",
                summary=case_type.name_in("fi"),
                duration_seconds=rng.randint(300, 1200),
                service_point=point,
                started_at=moment,
            )
        report.count(Case, created=True)


def _statements(organisation, lead, month, report) -> None:
    now = timezone.now()
    result = billing_services.produce_statements(
        actor=lead, organisation=organisation, month=month, now=now
    )
    for _statement in [*result.created, *result.updated]:
        report.count(Statement, created=True)
    for statement in Statement.objects.filter(
        organisation=organisation, month=month, status=StatementStatus.DRAFT, flagged_count=0
    ).exclude(producer__code=LEFT_AS_DRAFT):
        billing_services.issue_statement(actor=lead, statement=statement, now=now)
