"""Generated cases at scale: `generate_data --cases N`.

Case number i of the run belongs to generated organisation (existing + i) % n, continuing the
round robin of earlier runs, and is registered at a time drawn from that organisation's
contact calendar so that its cases come in time order (see calendar.py). Workers build the
stories (case_rows.py); this process numbers them and writes them (case_writing.py), one
transaction per batch, so an interrupted run leaves whole cases and consistent sequences
and the next run tops up from there.

The data's "now" is the start of the current hour, UTC: the same seed on the same hour of
the same day builds the same cases.
"""

from __future__ import annotations

import sys
import time
from array import array
from collections.abc import Iterator

from django.core.management.base import CommandError
from tqdm import tqdm

from civicdesk.cases.models import Case
from civicdesk.catalog.models import CaseType
from civicdesk.customers.models import Customer
from civicdesk.demo.generation.base import GenerationRun, Step
from civicdesk.demo.generation.calendar import HOUR
from civicdesk.demo.generation.case_rows import Batch, CaseTypeProfile, Desk
from civicdesk.demo.generation.case_stories import build_rows
from civicdesk.demo.generation.case_writing import CaseWriter, Numbering
from civicdesk.demo.generation.organisations import generated_organisations
from civicdesk.demo.generation.workers import built_in_order
from civicdesk.org.choices import CUSTOMER_SERVING_ROLES, Role, ServicePointKind
from civicdesk.org.models import GroupMembership, Organisation, ServicePoint, User


def _case_types(organisation: Organisation) -> tuple[CaseTypeProfile, ...]:
    return tuple(
        CaseTypeProfile(
            id=case_type.pk,
            code=case_type.code,
            names=tuple(
                (language, case_type.name_in(language)) for language in ("sv", "pl", "fi", "en")
            ),
            topic_id=case_type.topic_id,
            department_id=case_type.department_id,
            rosa_tier=case_type.rosa_tier,
            handled_by_centre=case_type.handled_by_centre,
            confidential=case_type.confidential_by_default,
            group_id=case_type.default_group_id,
        )
        for case_type in CaseType.objects.filter(
            organisation=organisation, is_active=True
        ).order_by("pk")
    )


def _people(organisation: Organisation, role: str) -> tuple[int, ...]:
    return tuple(
        User.objects.filter(organisation=organisation, is_active=True, role_assignments__role=role)
        .order_by("pk")
        .values_list("pk", flat=True)
        .distinct()
    )


def _group_members(organisation: Organisation) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """Who may take a group's cases: its members who serve customers."""
    members: dict[int, list[int]] = {}
    for group_id, user_id in (
        GroupMembership.objects.filter(
            group__organisation=organisation,
            user__is_active=True,
            user__role_assignments__role__in=CUSTOMER_SERVING_ROLES,
        )
        .order_by("group_id", "user_id")
        .values_list("group_id", "user_id")
        .distinct()
    ):
        members.setdefault(group_id, []).append(user_id)
    return tuple((group_id, tuple(users)) for group_id, users in members.items())


def _service_point(organisation: Organisation) -> int | None:
    points = ServicePoint.objects.filter(organisation=organisation).order_by("pk")
    counter = points.filter(kind=ServicePointKind.COUNTER).first()
    point = counter or points.first()
    return point.pk if point else None


def desks(organisations: list[Organisation], customers: list[array]) -> tuple[Desk, ...]:
    return tuple(
        Desk(
            organisation_id=organisation.pk,
            country=organisation.country,
            language=organisation.default_language,
            timezone=organisation.timezone,
            case_types=_case_types(organisation),
            general_agents=_people(organisation, Role.GENERAL_AGENT),
            specialists=_people(organisation, Role.SPECIALIST_AGENT),
            group_members=_group_members(organisation),
            lead_id=next(iter(_people(organisation, Role.TEAM_LEAD)), None),
            service_point_id=_service_point(organisation),
            customers=len(register),
        )
        for organisation, register in zip(organisations, customers, strict=True)
    )


def customer_registers(organisations: list[Organisation]) -> list[array]:
    """Each organisation's customer ids in id order: rows name customers by rank."""
    return [
        array(
            "q",
            Customer.objects.filter(organisation=organisation)
            .order_by("pk")
            .values_list("pk", flat=True)
            .iterator(chunk_size=20_000),
        )
        for organisation in organisations
    ]


def _batches(run: GenerationRun, existing: int, target: int, until: int, desks) -> Iterator[Batch]:
    size = target - existing
    for start in range(0, size, run.batch_size):
        yield Batch(
            start=start,
            size=min(run.batch_size, size - start),
            seed=run.seed,
            until=until,
            desks=desks,
            first_desk=existing % len(desks),
            run_size=size,
        )


def current_hour() -> int:
    now = int(time.time())
    return now - now % HOUR


class CasesStep(Step):
    option = "cases"
    unit = "cases"
    help = "How many cases the generated organisations should have in all."

    def fill(self, run: GenerationRun, target: int) -> int:
        organisations = list(generated_organisations())
        if not organisations:
            raise CommandError("There are no generated organisations: add --organisations N.")
        existing = Case.objects.filter(organisation__in=organisations).count()
        if existing >= target:
            return 0
        customers = customer_registers(organisations)
        run_desks = desks(organisations, customers)
        writer = CaseWriter(run_desks, customers, Numbering(organisations))
        batches = _batches(run, existing, target, current_hour(), run_desks)
        with tqdm(
            total=target - existing,
            unit=" cases",
            unit_scale=True,
            file=sys.stderr,
            disable=not run.progress,
        ) as bar:
            for rows in built_in_order(build_rows, batches, run.workers):
                writer.write(rows)
                bar.update(len(rows))
        return target - existing
