"""The relief report: the department hours the centre saves by resolving cases itself, as the
Swedish pre-study computes it (4,718 contacts x 8 min = 629 h a week = 18 FTE at 35 h)."""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

from django.utils import timezone

from civicdesk.cases.models import Case
from civicdesk.catalog.models import CaseType
from civicdesk.core import authz
from civicdesk.core.periods import local_days
from civicdesk.org.models import User
from civicdesk.reporting import figures


@dataclass(frozen=True)
class ReliefReport:
    first_day: datetime.date
    last_day: datetime.date
    weeks: int
    hours_per_fte: float
    figures: dict  # figures.relief, each row with the case type's name in the reader's language


def relief_report(
    actor: User,
    *,
    weeks: int,
    hours_per_fte: float,
    language: str,
    now: datetime.datetime | None = None,
) -> ReliefReport:
    """The last `weeks` whole weeks (Monday to Sunday, the organisation's time)."""
    authz.require(actor, "reporting.view_relief", actor.organisation)
    zone = zoneinfo.ZoneInfo(actor.organisation.timezone)
    today = (now or timezone.now()).astimezone(zone).date()
    last_day = today - datetime.timedelta(days=today.weekday() + 1)  # last Sunday
    first_day = last_day - datetime.timedelta(weeks=weeks, days=-1)
    start, end = local_days(actor.organisation.timezone, first_day, last_day)
    cases = Case.objects.filter(
        organisation_id=actor.organisation_id, resolved_at__gte=start, resolved_at__lt=end
    )
    result = figures.relief(cases, weeks=weeks, hours_per_fte=hours_per_fte)
    names = {
        case_type.pk: case_type.name_in(language)
        for case_type in CaseType.objects.filter(
            pk__in=[row["case_type_id"] for row in result["rows"]]
        )
    }
    for row in result["rows"]:
        row["name"] = names.get(row["case_type_id"], row["code"])
    return ReliefReport(first_day, last_day, weeks, hours_per_fte, result)
