"""A small, hand-counted month of service events for two producers (October 2026, Stockholm).

Producer A at point P (all times local):
  manual (mapped case type):  01.10 09:00, 15.10 23:30          price 10.00 until 15.10
                              16.10 00:30, 31.10 15:00, 20.10 (a confidential case)
                                                                price 12.50 from 16.10
  remote (by its service card's delivery mode):   05.10 10:00   no price: flagged
  a case type mapped to nothing:                  07.10 11:00   no event type: flagged
Producer A at point Q: manual 12.10 -> its own statement.
Producer B at point P: manual 10.10                              price 8.00

Not service events: a phone call about a manual case type, a visit whose case was registered
at no service point, a visit for a department that is no producer, a labour office's visit at
its own office, and visits just outside the month (30.09 23:50 and 01.11 00:10 local).

Statement A@P: 2 x 10.00 = 20.00, 3 x 12.50 = 37.50, and two flagged lines: total 57.50,
7 events, 2 flagged, 1 confidential.
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

import pytest
import time_machine

from civicdesk.billing import services
from civicdesk.cases import services as case_services
from civicdesk.org.choices import DepartmentKind, Role, ServicePointKind
from civicdesk.testing import factories

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
OCTOBER = datetime.date(2026, 10, 1)
# When the tests run: November, so October is a closed month.
NOVEMBER_NOW = datetime.datetime(2026, 11, 3, 9, 0, tzinfo=STOCKHOLM)


def local(month: int, day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2026, month, day, hour, minute, tzinfo=STOCKHOLM)


@dataclass
class Billing:
    tenant: object
    producer_a: object
    producer_b: object
    point_p: object
    point_q: object
    manual: object
    remote: object
    manual_a: object  # case types
    remote_a: object
    unmapped_a: object
    confidential_a: object
    manual_b: object
    contact_a: object = None  # users
    contact_b: object = None

    def visit(self, case_type, when, *, point=None, channel="visit"):
        agent = self.tenant.user(Role.GENERAL_AGENT)
        with time_machine.travel(when, tick=False):
            return case_services.register_contact(
                actor=agent,
                organisation=self.tenant.organisation,
                channel=channel,
                case_type=case_type,
                subject="At the counter",
                service_point=self.point_p if point is None else point,
                started_at=when,
            )


@pytest.fixture
def billing(tenant_a) -> Billing:
    organisation = tenant_a.organisation
    administrator = tenant_a.user(Role.ADMINISTRATOR)
    producer_a = factories.DepartmentFactory(
        organisation=organisation, kind=DepartmentKind.SERVICE_PRODUCER, code="kela", name="Kela"
    )
    producer_b = factories.DepartmentFactory(
        organisation=organisation, kind=DepartmentKind.SERVICE_PRODUCER, code="vero", name="Vero"
    )
    point_p = factories.ServicePointFactory(
        organisation=organisation, kind=ServicePointKind.COUNTER, code="p", name="Point P"
    )
    point_q = factories.ServicePointFactory(
        organisation=organisation, kind=ServicePointKind.COUNTER, code="q", name="Point Q"
    )
    manual = services.create_event_type(
        actor=administrator,
        organisation=organisation,
        code="manual",
        names={"en": "Manual service event", "fi": "Manuaalinen palvelutapahtuma"},
        delivery="manual",
    )
    remote = services.create_event_type(
        actor=administrator,
        organisation=organisation,
        code="remote",
        names={"en": "Remote service", "fi": "Etäpalvelu"},
        delivery="remote",
    )

    def case_type(producer, **extra):
        return factories.CaseTypeFactory(organisation=organisation, department=producer, **extra)

    manual_a, remote_a, unmapped_a = (
        case_type(producer_a),
        case_type(producer_a),
        case_type(producer_a),
    )
    confidential_a = case_type(producer_a, confidential_by_default=True)
    manual_b = case_type(producer_b)
    for mapped in (manual_a, confidential_a, manual_b):
        services.map_case_type(actor=administrator, case_type=mapped, event_type=manual)
    # remote_a is billed through its producer's service card, delivered as remote service.
    factories.ServiceCardFactory(
        organisation=organisation, producer=producer_a, delivery="remote", eservice_url=""
    ).case_types.add(remote_a)

    services.set_price(
        actor=administrator,
        producer=producer_a,
        event_type=manual,
        amount_cents=1000,
        valid_from=datetime.date(2026, 9, 1),
    )
    services.set_price(  # the mid-month change: ends the 10.00 price on 15.10
        actor=administrator,
        producer=producer_a,
        event_type=manual,
        amount_cents=1250,
        valid_from=datetime.date(2026, 10, 16),
    )
    services.set_price(
        actor=administrator,
        producer=producer_b,
        event_type=manual,
        amount_cents=800,
        valid_from=datetime.date(2026, 1, 1),
    )
    data = Billing(
        tenant=tenant_a,
        producer_a=producer_a,
        producer_b=producer_b,
        point_p=point_p,
        point_q=point_q,
        manual=manual,
        remote=remote,
        manual_a=manual_a,
        remote_a=remote_a,
        unmapped_a=unmapped_a,
        confidential_a=confidential_a,
        manual_b=manual_b,
    )
    data.visit(manual_a, local(10, 1, 9))
    data.visit(manual_a, local(10, 15, 23, 30))
    data.visit(manual_a, local(10, 16, 0, 30))
    data.visit(manual_a, local(10, 31, 15))
    data.visit(confidential_a, local(10, 20, 10))
    data.visit(remote_a, local(10, 5, 10), channel="remote")
    data.visit(unmapped_a, local(10, 7, 11))
    data.visit(manual_a, local(10, 12, 10), point=point_q)
    data.visit(manual_b, local(10, 10, 10))
    # Not service events:
    data.visit(manual_a, local(10, 8, 10), channel="phone")
    with time_machine.travel(local(10, 9, 10), tick=False):
        case_services.register_contact(
            actor=tenant_a.user(Role.GENERAL_AGENT),
            organisation=organisation,
            channel="visit",
            case_type=manual_a,
            subject="Registered at no service point",
        )
    data.visit(tenant_a.case_type, local(10, 9, 11))  # its department is no producer
    labour_office = factories.DepartmentFactory(
        organisation=organisation, kind=DepartmentKind.LABOUR_OFFICE, code="pup"
    )
    own_office = factories.ServicePointFactory(
        organisation=organisation, kind=ServicePointKind.LOCAL_OFFICE, department=labour_office
    )
    own_case_type = case_type(labour_office)
    services.map_case_type(actor=administrator, case_type=own_case_type, event_type=manual)
    data.visit(own_case_type, local(10, 9, 12), point=own_office)
    data.visit(manual_a, local(9, 30, 23, 50))
    data.visit(manual_a, local(11, 1, 0, 10))

    data.contact_a = factories.UserFactory(
        organisation=organisation, roles=[Role.PRODUCER_CONTACT], department=producer_a
    )
    data.contact_b = factories.UserFactory(
        organisation=organisation, roles=[Role.PRODUCER_CONTACT], department=producer_b
    )
    return data
