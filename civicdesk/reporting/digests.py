"""The weekly overdue summaries and the monthly statistics, made once per period and scope.

Each digest is a row (unique per kind, scope and period start), so rerunning a job makes
nothing twice; its e-mail goes through the outbox with a key per digest and recipient.
"""

from __future__ import annotations

import datetime
import zoneinfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from civicdesk.cases.deadlines import overdue_filter
from civicdesk.cases.models import Case
from civicdesk.core.periods import local_days
from civicdesk.integrations.mail import queue_email
from civicdesk.org.choices import Role
from civicdesk.org.models import AnswerGroup, Department, Organisation, User
from civicdesk.reporting import figures
from civicdesk.reporting.models import Digest, DigestKind

OVERDUE_LIST_LIMIT = 500


def _local_today(organisation: Organisation, now: datetime.datetime) -> datetime.date:
    return now.astimezone(zoneinfo.ZoneInfo(organisation.timezone)).date()


def _overdue_rows(cases) -> list[dict]:
    """What a manager needs to act; a confidential case shows its reference only."""
    rows = []
    for case in cases.select_related("answer_group", "handler").order_by(
        "feedback_due_at", "resolution_due_at"
    )[:OVERDUE_LIST_LIMIT]:
        rows.append(
            {
                "case_id": case.pk,
                "reference": case.reference,
                "subject": None if case.is_confidential else case.subject,
                "group": case.answer_group.name if case.answer_group else None,
                "handler": str(case.handler) if case.handler else None,
                "feedback_due_at": case.feedback_due_at.isoformat()
                if case.feedback_due_at
                else None,
                "resolution_due_at": case.resolution_due_at.isoformat(),
            }
        )
    return rows


def _create(**fields) -> Digest | None:
    """The digest, or None if this period and scope has one already (a rerun)."""
    try:
        with transaction.atomic():
            return Digest.objects.create(**fields)
    except IntegrityError:
        return None


def _mail(digest: Digest, recipients) -> None:
    url = settings.SITE_URL + reverse("reporting:digest", args=[digest.pk])
    report_url = (
        f"{settings.SITE_URL}{reverse('reporting:monthly_report')}"
        f"?month={digest.period_start:%Y-%m}"
    )
    for person in {user.pk: user for user in recipients if user.is_active and user.email}.values():
        language = person.ui_language or digest.organisation.default_language
        with translation.override(language):
            context = {
                "digest": digest,
                "recipient": person,
                "url": url,
                "report_url": report_url,
                "data": digest.data,
            }
            subject = render_to_string("reporting/email/digest_subject.txt", context)
            body = render_to_string(f"reporting/email/{digest.kind}.txt", context)
        queue_email(
            dedupe_key=f"digest:{digest.pk}:{person.pk}",
            organisation_id=digest.organisation_id,
            to=[person.email],
            subject=" ".join(subject.split()),
            body_text=body,
        )


def _department_managers(department: Department) -> list[User]:
    managers = [group.manager for group in department.answer_groups.all() if group.manager]
    managers += list(
        User.objects.filter(
            department=department, is_active=True, role_assignments__role=Role.TEAM_LEAD
        )
    )
    return managers


@transaction.atomic
def make_weekly_overdue_digests(*, now: datetime.datetime | None = None) -> int:
    """For each organisation, a summary per answer group and per department of the cases
    overdue now, to their managers. Returns how many digests were made."""
    now = now or timezone.now()
    made = 0
    for organisation in Organisation.objects.filter(is_active=True):
        today = _local_today(organisation, now)
        monday = today - datetime.timedelta(days=today.weekday())
        overdue = Case.objects.filter(organisation=organisation).filter(overdue_filter(now))
        period = {"period_start": monday, "period_end": monday + datetime.timedelta(days=6)}
        for group in AnswerGroup.objects.filter(organisation=organisation, is_active=True):
            cases = overdue.filter(answer_group=group)
            digest = _create(
                organisation=organisation,
                kind=DigestKind.WEEKLY_OVERDUE,
                answer_group=group,
                **period,
                data={"count": cases.count(), "cases": _overdue_rows(cases), "at": now.isoformat()},
            )
            if digest is not None:
                made += 1
                _mail(digest, [group.manager] if group.manager else [])
        for department in Department.objects.filter(organisation=organisation, is_active=True):
            cases = overdue.filter(department=department)
            digest = _create(
                organisation=organisation,
                kind=DigestKind.WEEKLY_OVERDUE,
                department=department,
                **period,
                data={"count": cases.count(), "cases": _overdue_rows(cases), "at": now.isoformat()},
            )
            if digest is not None:
                made += 1
                _mail(digest, _department_managers(department))
    return made


def monthly_statistics(
    organisation: Organisation, first: datetime.date, last: datetime.date, *, at: datetime.datetime
) -> dict:
    start, end = local_days(organisation.timezone, first, last)
    registered = Case.objects.filter(
        organisation=organisation, registered_at__gte=start, registered_at__lt=end
    )
    return {
        "cases": figures.volume(registered),
        "by_channel": figures.volume_by(registered, "channel"),
        "by_case_type": figures.volume_by(registered, "case_type__code"),
        "first_contact_resolution": figures.first_contact_resolution(registered),
        "department_feedback_in_time": figures.department_feedback_forwarded_between(
            Case.objects.filter(organisation=organisation), start, end, at=at
        ),
        "overdue_now": figures.overdue(Case.objects.filter(organisation=organisation), at=at),
    }


@transaction.atomic
def make_monthly_statistics(*, now: datetime.datetime | None = None) -> int:
    """Last month's statistics per organisation, to its team leads and administrators."""
    now = now or timezone.now()
    made = 0
    for organisation in Organisation.objects.filter(is_active=True):
        today = _local_today(organisation, now)
        last = today.replace(day=1) - datetime.timedelta(days=1)
        first = last.replace(day=1)
        if Digest.objects.filter(
            organisation=organisation, kind=DigestKind.MONTHLY_STATISTICS, period_start=first
        ).exists():
            continue
        digest = _create(
            organisation=organisation,
            kind=DigestKind.MONTHLY_STATISTICS,
            period_start=first,
            period_end=last,
            data=monthly_statistics(organisation, first, last, at=now),
        )
        if digest is not None:
            made += 1
            _mail(
                digest,
                User.objects.filter(
                    organisation=organisation,
                    is_active=True,
                    role_assignments__role__in=[Role.TEAM_LEAD, Role.ADMINISTRATOR],
                ).distinct(),
            )
    return made
