"""Demo calls for the reports: four weeks of a phone queue at Skellefteå's kundtjänst and at
Zielona Linia, each call with its events as a phone system reports them.

The figures follow the seeds: talk time about two minutes (Skellefteå reached ~2 min), most
calls answered within 120 seconds (the target is 90 %, reached 85 %), a few callers giving up.
Waits are exponential (mean 40 s), a caller's patience too (mean 10 min), talk times log-normal
around 110 s; mornings are busier than afternoons, Mondays busier than Fridays. The calls
arrive through `telephony.services.import_calls`, the bulk form of the CTI service (the same
validation and folding, no screen pops).

Idempotent: each call's id is the day and its number that day (`demo-20261123-017`), each day's
calls come from a generator seeded with the queue's number and the day, and a call already
stored is skipped, so loading again adds only the days that have passed since.
"""

from __future__ import annotations

import datetime
import math
import random
import zoneinfo

from django.utils import timezone

from civicdesk.customers.models import ContactKind, CustomerContact
from civicdesk.org.models import Organisation, User
from civicdesk.telephony.models import Call
from civicdesk.telephony.services import CallReport, import_calls, phone_account

DAYS = 28
QUEUES = {
    "skelleftea": {
        "per_day": 40,
        "hours": (8, 16),
        "number": "0910735000",
        "queues": [("bygga-bo", "1"), ("skola", "2"), ("gator-avfall", "3"), ("omsorg", "4")],
        # PTS keeps 070-174 06 05 to 070-174 06 99 for fiction.
        "strangers": [f"+467017406{n:02d}" for n in range(5, 100)],
    },
    "zielona-linia": {
        "per_day": 60,
        "hours": (8, 18),
        "number": "19524",
        "queues": [("bezrobotni", "1"), ("pracodawcy", "2"), ("informacja", "3")],
        "strangers": [f"+4822000{n:04d}" for n in range(100)],
    },
}
BUSIER = {0: 1.3, 1: 1.1, 2: 1.0, 3: 1.0, 4: 0.8}  # Monday .. Friday


def load(*, spec: dict, report) -> None:
    plan = QUEUES.get(spec["slug"])
    if plan is None:
        return
    organisation = Organisation.objects.get(slug=spec["slug"])
    account = phone_account(organisation)
    agents = list(
        User.objects.filter(
            username__in=[f"{spec['username_prefix']}.{name}" for name in ("agent", "specialist")]
        )
        .order_by("username")
        .values_list("username", flat=True)
    )
    known_callers = list(
        CustomerContact.objects.filter(organisation=organisation, kind=ContactKind.PHONE)
        .order_by("pk")
        .values_list("value", flat=True)
    )
    zone = zoneinfo.ZoneInfo(organisation.timezone)
    today = timezone.localdate(timezone=zone)
    for offset in range(DAYS, 0, -1):
        day = today - datetime.timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        calls = dict(_day_of_calls(plan, day, zone, agents, known_callers))
        added = import_calls(actor=account, organisation=organisation, calls=calls)
        for count, created in ((added, True), (len(calls) - added, False)):
            if count:
                (report.created if created else report.existing)[Call.__name__] += count


def _day_of_calls(plan, day, zone, agents, known_callers):
    rng = random.Random(f"{plan['number']}/{day.isoformat()}")
    opens, closes = plan["hours"]
    count = round(plan["per_day"] * BUSIER[day.weekday()] * rng.uniform(0.85, 1.15))
    starts = sorted(
        # A morning peak: the triangular distribution leans to an hour after opening.
        datetime.datetime.combine(day, datetime.time(), tzinfo=zone)
        + datetime.timedelta(hours=rng.triangular(opens, closes, opens + 1.5))
        for _ in range(count)
    )
    for number, start in enumerate(starts):
        external_id = f"demo-{day:%Y%m%d}-{number:03d}"
        queue, choice = rng.choice(plan["queues"])
        caller = (
            rng.choice(known_callers)
            if known_callers and rng.random() < 0.35
            else rng.choice(plan["strangers"])
        )
        wait = min(rng.expovariate(1 / 40), 900)
        patience = rng.expovariate(1 / 600)
        details = {
            "caller_number": caller,
            "called_number": plan["number"],
            "ivr_choice": choice,
            "queue": queue,
        }
        reports = [_report("offered", external_id, start, **details)]
        if patience < wait:
            reports.append(_report("abandoned", external_id, start + _seconds(patience)))
        else:
            answered = start + _seconds(wait)
            talk = max(20.0, rng.lognormvariate(math.log(110), 0.45))
            reports += [
                _report("answered", external_id, answered, agent=rng.choice(agents)),
                _report("ended", external_id, answered + _seconds(talk)),
            ]
        yield external_id, reports


def _seconds(value: float) -> datetime.timedelta:
    return datetime.timedelta(seconds=round(value, 1))


def _report(kind: str, external_id: str, at: datetime.datetime, **fields) -> CallReport:
    return CallReport(
        kind=kind, call_id=external_id, timestamp=at.astimezone(datetime.UTC), **fields
    )
