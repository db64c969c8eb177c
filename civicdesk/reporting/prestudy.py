"""The pre-study report (issue 7 point 6): what the Swedish pre-studies measure before a
contact centre is set up (shared/seeds: "type of call, waiting time, answer rate and whom the
caller wanted"), from the organisation's own contact and call data over a date range.

- what arrives: the inbound contacts by category (topic and case type), by department, by the
  tier that can answer them (ROSA), and the share in case types the centre's contract covers;
- how long callers wait: median, 90th percentile, share over the service-level threshold;
- how many calls are answered: answer rate, abandonment, service level (figures.call_summary,
  whose abandoned-call convention docs/figures.md states);
- whom the calls were for: the IVR choice, the queue and the department of the answer group;
- when: by hour of the day and by weekday, in the organisation's time.

Every figure comes from reporting.figures. Only counts are shown; confidential cases are counted
like any other and never listed.
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.db.models.functions import ExtractHour, ExtractIsoWeekDay
from django.utils import formats
from django.utils.translation import gettext as _

from civicdesk.cases.choices import Channel, Direction
from civicdesk.cases.models import CaseContact
from civicdesk.catalog.choices import RosaTier
from civicdesk.catalog.models import CaseType, Topic
from civicdesk.core import authz
from civicdesk.core.errors import DomainError
from civicdesk.core.periods import local_days
from civicdesk.org.models import Department, User
from civicdesk.reporting import figures
from civicdesk.telephony.models import Call

MAX_DAYS = 366
NOBODY = None  # the key of calls and contacts without the attribute (no topic, no IVR choice)


@dataclass(frozen=True)
class Share:
    """One member of a distribution: its count and its part of the whole."""

    key: object
    label: str
    count: int
    share: float | None  # of the distribution's total
    bar: float = 0.0  # of the largest count, for its bar

    @property
    def width(self) -> float:
        """The bar's length in a 120-unit track (SVG: the CSP allows no inline styles)."""
        return round(self.bar * 120, 1)


@dataclass(frozen=True)
class CallShare:
    """Calls for one IVR choice, queue, department, hour or weekday, with their figures."""

    key: object
    label: str
    figures: dict  # figures.call_figures
    contacts: int = 0  # inbound contacts in the same hour or weekday (the time tables only)
    bar: float = 0.0

    @property
    def offered(self) -> int:
        return self.figures["offered"]

    @property
    def width(self) -> float:
        return round(self.bar * 120, 1)


@dataclass(frozen=True)
class PreStudy:
    first_day: datetime.date
    last_day: datetime.date
    channel: str  # "" for every channel
    contacts: int
    by_topic: list[Share]
    by_case_type: list[Share]
    by_department: list[Share]
    by_tier: list[Share]
    in_contract: dict  # contacts in case types the centre's contract covers, and their share
    calls: dict  # figures.call_summary
    waits: dict  # figures.wait_distribution
    by_ivr_choice: list[CallShare]
    by_queue: list[CallShare]
    by_call_department: list[CallShare]
    by_hour: list[CallShare]
    by_weekday: list[CallShare]
    notes: list[str] = field(default_factory=list)

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    @property
    def has_calls(self) -> bool:
        return bool(self.calls["offered"] or self.calls["short_abandoned"])


def check_range(first_day: datetime.date | None, last_day: datetime.date | None) -> None:
    """A clear error for a range with no day in it, or too long to read at once."""
    if first_day is None:
        raise DomainError(_("Give the first day of the period."), field="first_day")
    if last_day is None:
        raise DomainError(_("Give the last day of the period."), field="last_day")
    if last_day < first_day:
        raise DomainError(
            _("The period is empty: its last day is before its first day."), field="last_day"
        )
    if (last_day - first_day).days + 1 > MAX_DAYS:
        raise DomainError(_("Choose at most %(days)d days.") % {"days": MAX_DAYS}, field="last_day")


def _shares(counts: dict, names: dict, *, missing: str) -> list[Share]:
    total = sum(counts.values())
    peak = max(counts.values(), default=0) or 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], names.get(item[0], missing)))
    return [
        Share(key, names.get(key, missing), n, figures.share(n, total), n / peak)
        for key, n in ordered
    ]


def _counts(contacts: QuerySet[CaseContact], field_name: str) -> dict:
    return {
        (None if key in (None, "None") else key): n
        for key, n in figures.volume_by(contacts, field_name).items()
    }


def _ints(counts: dict) -> dict:
    return {(None if key is None else int(key)): n for key, n in counts.items()}


def _call_shares(rows: list[dict], key: str, names: dict, *, missing: str) -> list[CallShare]:
    convention = figures.CallConvention.configured()
    shares = []
    for row in rows:
        calls = figures.call_figures(row, convention)
        if not calls["offered"]:
            continue  # only short abandons or calls still waiting: nobody was offered
        value = row[key]
        if value in (None, ""):
            value, label = NOBODY, missing
        else:
            label = names.get(value, str(value))
        shares.append(CallShare(value, label, calls))
    peak = max((share.offered for share in shares), default=0) or 1
    shares.sort(key=lambda share: (-share.offered, share.label))
    return [
        CallShare(share.key, share.label, share.figures, 0, share.offered / peak)
        for share in shares
    ]


def _by_time(
    calls: QuerySet[Call], contacts: QuerySet[CaseContact], unit, keys: list, labels: dict, zone
) -> list[CallShare]:
    """Calls and contacts per hour of the day or ISO weekday, every slot present (zero too)."""
    convention = figures.CallConvention.configured()
    call_rows = {
        row["slot"]: row
        for row in figures.call_counts_by(
            calls.annotate(slot=unit("offered_at", tzinfo=zone)), "slot", convention=convention
        )
    }
    contact_rows = dict(
        contacts.annotate(slot=unit("started_at", tzinfo=zone))
        .order_by()
        .values("slot")
        .annotate(n=Count("pk"))
        .values_list("slot", "n")
    )
    empty = dict.fromkeys(figures.call_aggregates(convention), 0)
    shares = [
        (key, figures.call_figures(call_rows.get(key, empty), convention), contact_rows.get(key, 0))
        for key in keys
    ]
    # The bars show calls where the phone system reported any, else the contacts.
    use_calls = any(calls_of["offered"] for _key, calls_of, _n in shares)
    sizes = [calls_of["offered"] if use_calls else n for _key, calls_of, n in shares]
    peak = max(sizes, default=0) or 1
    return [
        CallShare(key, labels[key], calls_of, n, size / peak)
        for (key, calls_of, n), size in zip(shares, sizes, strict=True)
    ]


def prestudy(
    actor: User,
    *,
    first_day: datetime.date,
    last_day: datetime.date,
    channel: str = "",
    language: str,
) -> PreStudy:
    authz.require(actor, "reporting.view_prestudy", actor.organisation)
    check_range(first_day, last_day)
    if channel and channel not in Channel.values:
        raise DomainError(_("Unknown channel."), field="channel")
    organisation = actor.organisation
    zone = zoneinfo.ZoneInfo(organisation.timezone)
    start, end = local_days(organisation.timezone, first_day, last_day)

    contacts = CaseContact.objects.filter(
        organisation_id=organisation.pk,
        started_at__gte=start,
        started_at__lt=end,
        direction=Direction.INBOUND,
    )
    if channel:
        contacts = contacts.filter(channel=channel)
    calls = Call.objects.filter(
        organisation_id=organisation.pk, offered_at__gte=start, offered_at__lt=end
    )

    by_topic = _ints(_counts(contacts, "case__topic_id"))
    by_case_type = _ints(_counts(contacts, "case__case_type_id"))
    by_department = _ints(_counts(contacts, "case__department_id"))
    by_tier = _counts(contacts, "case__rosa_tier")
    in_contract = contacts.filter(case__handled_by_centre=True).count()
    total = sum(by_case_type.values())

    topics = {
        t.pk: t.name_in(language) for t in Topic.objects.in_bulk(set(by_topic) - {None}).values()
    }
    case_types = {
        t.pk: t.name_in(language)
        for t in CaseType.objects.in_bulk(set(by_case_type) - {None}).values()
    }
    departments = {d.pk: d.name for d in Department.objects.filter(organisation_id=organisation.pk)}

    convention = figures.CallConvention.configured()
    ivr = figures.call_counts_by(calls, "ivr_choice", convention=convention)
    queues = figures.call_counts_by(calls, "queue", convention=convention)
    call_departments = figures.call_counts_by(
        calls, "answer_group__department_id", convention=convention
    )
    weekdays = {
        day: formats.date_format(datetime.date(2024, 1, day), "l") for day in range(1, 8)
    }  # 1 January 2024 was a Monday: ISO weekday 1
    hours = {hour: f"{hour:02d}:00" for hour in range(24)}
    notes = []
    summary = figures.call_summary(calls, convention)
    if not summary["offered"] and not summary["short_abandoned"]:
        notes.append(
            _("The phone system reported no calls in this period: waits, answer rate and whom "
              "the calls were for need the telephony integration's calls.")
        )  # fmt: skip
    return PreStudy(
        first_day=first_day,
        last_day=last_day,
        channel=channel,
        contacts=total,
        by_topic=_shares(by_topic, topics, missing=_("No topic")),
        by_case_type=_shares(by_case_type, case_types, missing=_("No case type")),
        by_department=_shares(by_department, departments, missing=_("No department")),
        by_tier=_shares(by_tier, {k: str(v) for k, v in RosaTier.choices}, missing="—"),
        in_contract={"contacts": in_contract, "share": figures.share(in_contract, total)},
        calls=summary,
        waits=figures.wait_distribution(calls, convention),
        by_ivr_choice=_call_shares(ivr, "ivr_choice", {}, missing=_("No IVR choice")),
        by_queue=_call_shares(queues, "queue", {}, missing=_("No queue")),
        by_call_department=_call_shares(
            call_departments,
            "answer_group__department_id",
            departments,
            missing=_("Not routed to a department"),
        ),
        by_hour=_by_time(calls, contacts, ExtractHour, list(range(24)), hours, zone),
        by_weekday=_by_time(calls, contacts, ExtractIsoWeekDay, list(range(1, 8)), weekdays, zone),
        notes=notes,
    )


def export_rows(study: PreStudy) -> list[list]:
    """The whole report as one long table (section, item, figure, value): every number the
    page shows, in a shape both a spreadsheet and a script can read."""
    rows: list[list] = []

    def add(section: str, item: str, name: str, value) -> None:
        rows.append([section, item, name, "" if value is None else value])

    def rate(value):
        return None if value is None else round(value, 4)

    period = f"{study.first_day.isoformat()} – {study.last_day.isoformat()}"
    add(_("Period"), period, _("Inbound contacts"), study.contacts)
    add(_("Period"), period, _("In the centre's contract"), study.in_contract["contacts"])
    add(_("Period"), period, _("Share in the centre's contract"), rate(study.in_contract["share"]))
    for section, shares in (
        (_("By topic"), study.by_topic),
        (_("By case type"), study.by_case_type),
        (_("By department"), study.by_department),
        (_("By tier"), study.by_tier),
    ):
        for share in shares:
            add(section, share.label, _("Contacts"), share.count)
            add(section, share.label, _("Share"), rate(share.share))
    calls, waits = study.calls, study.waits
    for name, value in (
        (_("Calls offered"), calls["offered"]),
        (_("Answered"), calls["answered"]),
        (_("Abandoned"), calls["abandoned"]),
        (_("Short abandons (not offered)"), calls["short_abandoned"]),
        (_("Answer rate"), rate(calls["answer_rate"])),
        (_("Service level"), rate(calls["service_level"])),
        (_("Median wait (s)"), waits["median_seconds"]),
        (_("90th percentile of the wait (s)"), waits["p90_seconds"]),
        (_("Waited longer than the threshold"), waits["over_threshold"]),
        (_("Share waiting longer than the threshold"), rate(waits["over_threshold_share"])),
        (_("Threshold (s)"), waits["threshold_seconds"]),
    ):
        add(_("Calls"), "", name, value)
    for section, shares in (
        (_("By IVR choice"), study.by_ivr_choice),
        (_("By queue"), study.by_queue),
        (_("By department called"), study.by_call_department),
        (_("By hour of the day"), study.by_hour),
        (_("By weekday"), study.by_weekday),
    ):
        timed = shares is study.by_hour or shares is study.by_weekday
        for share in shares:
            add(section, share.label, _("Calls offered"), share.offered)
            add(section, share.label, _("Answered"), share.figures["answered"])
            add(section, share.label, _("Answer rate"), rate(share.figures["answer_rate"]))
            if timed:
                add(section, share.label, _("Inbound contacts"), share.contacts)
    return rows
