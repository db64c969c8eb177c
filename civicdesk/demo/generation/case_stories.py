"""Generated cases as plain rows: what happened to each case, built in worker processes.

A case's story follows the seeds' figures: about 65 % are resolved at first contact, 30 % are
forwarded to the case type's answer group (8 % of all cases are confidential and always go
to their group), and 5 % wait for the customer and are resolved in the centre later. A
forwarded case is taken by a member of the group, who calls the customer back, nearly always
within the three working days, and resolves it. What would happen after the run's `until`
has not happened yet: recent forwarded cases are still open, and a few old ones were never
taken, so they are overdue. Everything is decided here from the seed; the writing process
only adds database ids and reference numbers.

The events, their texts and their data are those the case services write for the same
actions (register_contact, set_confidentiality, forward_case_to_group, take_case,
add_note, append_contact, wait_for_customer, resolve_case); deadlines and alarms follow
civicdesk.cases.deadlines (see case_clocks.py).
"""

from __future__ import annotations

import datetime
import itertools
import math
import random
import zoneinfo
from functools import lru_cache
from types import SimpleNamespace
from typing import Final

from civicdesk.cases import choices
from civicdesk.catalog import choices as catalog_choices
from civicdesk.demo.generation.calendar import contact_calendar
from civicdesk.demo.generation.case_clocks import (
    FEEDBACK,
    FIRST_RESPONSE,
    RESOLUTION,
    Clocks,
    office_hours,
)
from civicdesk.demo.generation.case_rows import (
    Batch,
    CaseRow,
    CaseTypeProfile,
    Contact,
    Desk,
    Event,
)
from civicdesk.demo.generation.case_text import theme_of, writer


def _values(choices_class) -> SimpleNamespace:
    """The choices' values as plain strings under the members' names. Rows go through pickle
    by the million, and a member pickles three times larger than its value (and hashes by
    its name, so it is no dict key for a value read from the database)."""
    return SimpleNamespace(**{member.name: member.value for member in choices_class})


Channel, Direction, EventKind, Outcome, Priority, Status = map(
    _values,
    (
        choices.Channel,
        choices.Direction,
        choices.EventKind,
        choices.Outcome,
        choices.Priority,
        choices.Status,
    ),
)
RosaTier = _values(catalog_choices.RosaTier)

DAY: Final = 86_400
CONFIDENTIAL_SHARE: Final = 0.08
FIRST_CONTACT_SHARE: Final = 0.65
LATER_IN_CENTRE_SHARE: Final = 0.05  # waits for the customer; the rest is forwarded
IDENTIFIED_SHARE: Final = 0.70
NEVER_TAKEN_SHARE: Final = 0.005  # forgotten in the group's queue: overdue forever
LATE_CONTACT_SHARE: Final = 0.03  # the department calls back after the deadline
NOTE_SHARE: Final = 0.15
OTHER_LANGUAGE = {"sv": "fi", "fi": "sv", "pl": "en", "en": "sv"}
ENGLISH_SHARE: Final = 0.06
NEIGHBOUR_SHARE: Final = 0.04

# Channels while the phone line is open and outside its hours, by country: the Finnish
# service points are counters first.
_OPEN_MIX = {
    "FI": {
        Channel.PHONE: 45, Channel.VISIT: 25, Channel.EMAIL: 12, Channel.WEB_FORM: 6,
        Channel.REMOTE: 6, Channel.CHAT: 4, Channel.SMS: 2,
    },
    "default": {
        Channel.PHONE: 68, Channel.EMAIL: 12, Channel.WEB_FORM: 8, Channel.VISIT: 6,
        Channel.CHAT: 4, Channel.REMOTE: 1, Channel.SMS: 1,
    },
}  # fmt: skip
_CLOSED_MIX = {Channel.EMAIL: 55, Channel.WEB_FORM: 38, Channel.SMS: 4, Channel.SOCIAL: 3}
_PRIORITIES = {Priority.NORMAL: 920, Priority.HIGH: 40, Priority.LOW: 35, Priority.URGENT: 5}
# The channels that answer the customer while they are there (services: first_response_at).
_SYNCHRONOUS = frozenset({Channel.PHONE, Channel.VISIT, Channel.CHAT, Channel.REMOTE})
# Median length of a contact in seconds; written channels record none.
_MEDIAN_SECONDS = {Channel.PHONE: 120, Channel.VISIT: 420, Channel.CHAT: 360, Channel.REMOTE: 600}


def _shares(mix: dict) -> tuple[tuple, tuple]:
    total = sum(mix.values())
    keys = tuple(mix)
    cumulative, running = [], 0
    for key in keys:
        running += mix[key]
        cumulative.append(running / total)
    return keys, tuple(cumulative)


def _draw(rng: random.Random, shares: tuple[tuple, tuple]):
    keys, cumulative = shares
    point = rng.random()
    for key, bound in zip(keys, cumulative, strict=True):
        if point < bound:
            return key
    return keys[-1]


_OPEN = {country: _shares(mix) for country, mix in _OPEN_MIX.items()}
_CLOSED = _shares(_CLOSED_MIX)
_PRIORITY = _shares(_PRIORITIES)


def build_rows(batch: Batch) -> list[CaseRow]:
    """Runs in a worker: every case of the batch, in the run's index order."""
    rng = random.Random(f"{batch.seed}:cases:{batch.start}")
    desks = len(batch.desks)
    rows = []
    for index in range(batch.start, batch.start + batch.size):
        slot = (batch.first_desk + index) % desks
        first = (slot - batch.first_desk) % desks  # the run's first index of this desk
        ordinal, count = (index - first) // desks, math.ceil((batch.run_size - first) / desks)
        desk = batch.desks[slot]
        calendar = contact_calendar(timezone=desk.timezone, country=desk.country, until=batch.until)
        # A random point inside the case's own share of the calendar: times grow with the
        # ordinal, so the desk's cases come in time order.
        registered_at, line_open = calendar.moment((ordinal + rng.random()) / count)
        rows.append(_Story(desk, slot, rng, registered_at, line_open, batch.until).row())
    return rows


class _Story:
    """One case from its first contact to where it stands at `until`."""

    def __init__(self, desk, slot, rng, registered_at, line_open, until):
        self.desk, self.slot, self.rng, self.until = desk, slot, rng, until
        self.t = registered_at
        shares = _OPEN.get(desk.country, _OPEN["default"]) if line_open else _CLOSED
        self.channel = _draw(rng, shares)
        self.contacts: list[Contact] = []
        self.events: list[Event] = []

    # --- the parts of the story -------------------------------------------------------------

    def row(self) -> CaseRow:
        rng, desk = self.rng, self.desk
        point = rng.random()
        if point < CONFIDENTIAL_SHARE:
            kind = "confidential"
        elif point < CONFIDENTIAL_SHARE + FIRST_CONTACT_SHARE:
            kind = "first_contact"
        elif point < CONFIDENTIAL_SHARE + FIRST_CONTACT_SHARE + LATER_IN_CENTRE_SHARE:
            kind = "later"
        else:
            kind = "forwarded"
        self.type_index = self._case_type(kind)
        case_type = desk.case_types[self.type_index]
        self.case_type = case_type
        language = self._language()
        write = writer(language)
        self.write = write
        self.slots = write.slots(
            rng, theme_of(case_type.code), case_type.name(language), self.channel
        )
        self.agent = self._front_line(case_type)
        self.is_confidential = case_type.confidential or kind == "confidential"
        self.status, self.handler, self.group = Status.NEW, self.agent, None
        self.first_response = self.t if self.channel in _SYNCHRONOUS else None
        self.forwarded = self.contacted = self.resolved = None
        self.outcome = ""
        self.clocks = Clocks(office_hours(desk.timezone, desk.country))
        self._register()
        if kind == "first_contact":
            self._resolve_at_first_contact()
        elif kind == "later":
            self._wait_for_the_customer()
        else:
            self._forward(marked=self.is_confidential and not case_type.confidential)
        subject = write.phrase("subjects", self.slots)
        return CaseRow(
            desk=self.slot,
            registered_at=self.t,
            year=datetime.datetime.fromtimestamp(self.t, zoneinfo.ZoneInfo(desk.timezone)).year,
            channel=self.channel,
            case_type=self.type_index,
            customer_rank=self._customer(),
            subject=subject[:200],
            description=write.description(self.slots),
            status=self.status,
            priority=_draw(rng, _PRIORITY),
            answer_group_id=self.group,
            handler_id=self.handler,
            service_point_id=desk.service_point_id
            if self.channel in {Channel.VISIT, Channel.REMOTE}
            else None,
            is_confidential=self.is_confidential,
            registered_by_id=self.agent,
            first_response_at=self.first_response,
            first_response_due_at=self.clocks.due.get(FIRST_RESPONSE),
            resolution_due_at=self.clocks.due.get(RESOLUTION),
            waiting_since=self.clocks.waiting_since,
            forwarded_at=self.forwarded,
            feedback_due_at=self.clocks.due.get(FEEDBACK),
            department_contacted_at=self.contacted,
            resolved_at=self.resolved,
            outcome=self.outcome,
            forward_count=1 if self.forwarded is not None else 0,
            contacts=tuple(self.contacts),
            events=tuple(self.events),
            alarms=self._alarms(),
        )

    def _alarms(self):
        answered = self.first_response if self.clocks.due.get(FIRST_RESPONSE) else None
        stopped = {
            FIRST_RESPONSE: _first(answered, self.resolved),
            FEEDBACK: _first(self.contacted, self.resolved),
            RESOLUTION: self.resolved,
        }
        running = self.status not in {Status.RESOLVED, Status.WAITING}
        return self.clocks.alarms(stopped=stopped, running=running, until=self.until)

    def _register(self) -> None:
        duration = self._duration(self.channel)
        self._event(
            EventKind.REGISTERED,
            self.agent,
            self.t,
            data={
                "channel": self.channel,
                "case_type": self.case_type.id,
                "confidential": self.case_type.confidential,
            },
        )
        self._contact(self.channel, Direction.INBOUND, self.t, duration, None, self.agent)
        self.clocks.start(self.t, answered=self.first_response is not None)
        # The agent wraps up after the call; written contacts are answered a while later.
        if duration:
            self.done = self.t + duration + self.rng.randint(20, 120)
        else:
            self.done = self.t + int(self.rng.expovariate(1 / 7200)) + 60

    def _resolve_at_first_contact(self) -> None:
        if self.done <= self.until:
            self._resolve(self.agent, self.done, "resolutions", Outcome.FIRST_CONTACT)

    def _wait_for_the_customer(self) -> None:
        rng = self.rng
        at = min(self.done, self.until)
        self._event(
            EventKind.STATUS,
            self.agent,
            at,
            self.write.phrase("waiting", self.slots),
            {"from_status": Status.NEW, "to_status": Status.WAITING},
        )
        self.status = Status.WAITING
        self.clocks.pause(at)
        reply = at + int(rng.expovariate(1 / (3 * DAY))) + 600
        if reply > self.until:
            return
        # The customer's answer puts the case back in progress and the clocks run on.
        self._contact(
            Channel.EMAIL, Direction.INBOUND, reply, 0, "replies", self.agent,
            data={"from_status": Status.WAITING},
        )  # fmt: skip
        self.status = Status.IN_PROGRESS
        self.clocks.resume(reply)
        resolved = reply + int(rng.expovariate(1 / (4 * 3600))) + 300
        if resolved <= self.until:
            self._resolve(self.agent, resolved, "resolutions", Outcome.IN_CENTRE)

    def _forward(self, *, marked: bool) -> None:
        rng, desk = self.rng, self.desk
        at = min(self.done, self.until)
        if marked:  # the agent hears it is a sensitive matter and says so before forwarding
            self._event(
                EventKind.CONFIDENTIALITY,
                self.agent,
                at,
                self.write.phrase("confidential", self.slots),
                {"confidential": True},
            )
        self.group = self.case_type.group_id
        self.forwarded, self.handler, self.status = at, None, Status.FORWARDED
        due = self.clocks.start_feedback(at)
        self._event(
            EventKind.FORWARDED,
            self.agent,
            at,
            self.write.phrase("forward_reasons", self.slots),
            {
                "from_group": None,
                "to_group": self.group,
                "from_status": Status.NEW,
                "feedback_due_at": due.isoformat(),
            },
        )
        if rng.random() < NEVER_TAKEN_SHARE:
            return
        # A member of the group takes it; a group without members is its manager's problem.
        members = dict(desk.group_members).get(self.group) or (desk.lead_id,)
        taker = rng.choice(members)
        taken = at + int(rng.expovariate(1 / (5 * 3600))) + 300
        if taker is None or taken > self.until:
            return
        self._event(
            EventKind.ASSIGNED,
            taker,
            taken,
            data={"from_handler": None, "to_handler": taker, "from_status": Status.FORWARDED,
                  "taken": True},
        )  # fmt: skip
        self.status, self.handler = Status.IN_PROGRESS, taker
        delay = rng.expovariate(1 / (0.6 * DAY))
        if rng.random() < LATE_CONTACT_SHARE:
            delay += rng.uniform(3, 8) * DAY
        called = taken + int(delay) + 180
        if rng.random() < NOTE_SHARE and taken + 120 <= self.until:
            self._event(EventKind.NOTE, taker, taken + 120, self._text("notes"))
        if called > self.until:
            return
        self._call_back(taker, called)
        resolved = called + int(rng.expovariate(1 / (0.5 * DAY))) + 120
        if resolved <= self.until:
            self._resolve(taker, resolved, "department_resolutions", Outcome.AFTER_FORWARDING)

    def _call_back(self, taker: int, at: int) -> None:
        duration = self._duration(Channel.PHONE) * 2  # the department explains in full
        self._contact(
            Channel.PHONE, Direction.OUTBOUND, at, duration, "call_backs", taker,
            by_department=True, kind=EventKind.CUSTOMER_CONTACTED,
        )  # fmt: skip
        self.contacted = at
        if self.first_response is None:
            self.first_response = at

    def _resolve(self, actor: int | None, at: int, texts: str, outcome: str) -> None:
        self._event(
            EventKind.RESOLVED,
            actor,
            at,
            self._text(texts),
            {"from_status": self.status, "outcome": outcome},
        )
        self.status, self.resolved, self.outcome = Status.RESOLVED, at, outcome
        if self.handler is None:
            self.handler = actor

    # --- small helpers ----------------------------------------------------------------------

    def _text(self, name: str) -> str:
        return self.write.phrase(name, self.slots)

    def _event(self, kind, actor, at, text="", data=None, contact=None) -> None:
        self.events.append(Event(kind, actor, at, text, data or {}, contact))

    def _contact(
        self, channel, direction, at, duration, texts, agent, *, by_department=False,
        kind=EventKind.CONTACT, data=None,
    ) -> None:  # fmt: skip
        summary = self.write.summary(self.slots) if texts is None else self._text(texts)
        self.contacts.append(
            Contact(channel, direction, at, duration, summary, agent, by_department)
        )
        self._event(
            kind,
            agent,
            at,
            summary,
            {"channel": channel, "direction": direction, "duration_seconds": duration}
            | (data or {}),
            len(self.contacts) - 1,
        )

    def _duration(self, channel: str) -> int:
        median = _MEDIAN_SECONDS.get(channel)
        if median is None:
            return 0
        return max(15, min(int(self.rng.lognormvariate(math.log(median), 0.6)), 3 * 3600))

    def _case_type(self, kind: str) -> int:
        """Confidential cases have a confidential type where the organisation has one (the
        agent marks another type's case confidential where it has none)."""
        types = self.desk.case_types
        if kind == "confidential":
            candidates = [i for i, t in enumerate(types) if t.confidential]
            if candidates:
                return self.rng.choice(candidates)
            kind = "forwarded"
        return self.rng.choices(range(len(types)), cum_weights=_type_weights(self.desk, kind))[0]

    def _front_line(self, case_type: CaseTypeProfile) -> int | None:
        desk = self.desk
        specialist = case_type.rosa_tier != RosaTier.GENERAL and self.rng.random() < 0.5
        people = (desk.specialists if specialist else desk.general_agents) or desk.general_agents
        people = people or desk.specialists or ((desk.lead_id,) if desk.lead_id else ())
        return self.rng.choice(people) if people else None

    def _language(self) -> str:
        point = self.rng.random()
        if point < ENGLISH_SHARE:
            return "en"
        if point < ENGLISH_SHARE + NEIGHBOUR_SHARE:
            return OTHER_LANGUAGE[self.desk.language]
        return self.desk.language

    def _customer(self) -> int:
        if not self.desk.customers or self.rng.random() >= IDENTIFIED_SHARE:
            return -1
        # Some customers call often: low ranks are drawn more than high ones.
        return int(self.desk.customers * self.rng.random() ** 1.6)


@lru_cache(maxsize=256)
def _type_weights(desk: Desk, kind: str) -> tuple[float, ...]:
    """Cumulative weights of the desk's case types for a kind of story: the first types of
    a catalogue are the common ones; first-contact answers come from the types the centre
    handles, weighted to the general tier; forwarded cases lean to the expert tier and to
    the types outside the centre's contract."""
    weights = []
    for position, case_type in enumerate(desk.case_types):
        weight = 1 / (position + 1)
        if case_type.confidential:
            weight = 0.0  # only through the confidential share
        elif kind == "forwarded":
            outside = 1 if case_type.handled_by_centre else 2
            weight *= 0.0 if case_type.group_id is None else _SECOND_LINE[case_type.rosa_tier]
            weight *= outside
        else:
            weight *= _FIRST_LINE[case_type.rosa_tier] if case_type.handled_by_centre else 0.0
        weights.append(weight)
    if not any(weights):
        weights = [1.0] * len(weights)
    return tuple(itertools.accumulate(weights))


def _first(*moments: int | None) -> int | None:
    """The earliest of the moments that happened."""
    return min((m for m in moments if m is not None), default=None)


_FIRST_LINE = {RosaTier.GENERAL: 3.0, RosaTier.SPECIALIST: 1.5, RosaTier.EXPERT: 0.3}
_SECOND_LINE = {RosaTier.GENERAL: 0.5, RosaTier.SPECIALIST: 1.5, RosaTier.EXPERT: 3.0}
