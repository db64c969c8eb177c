"""Generated case stories, their calendar and their words, without a database."""

import datetime
import re
import string
import zoneinfo

import pytest

from civicdesk.demo.data.phrases import PHRASES, THEME_OF_CASE_TYPE
from civicdesk.demo.data.phrases.words import words
from civicdesk.demo.generation.calendar import SPAN_DAYS, contact_calendar
from civicdesk.demo.generation.case_rows import Batch, CaseTypeProfile, Desk
from civicdesk.demo.generation.case_stories import build_rows
from civicdesk.demo.generation.case_text import SLOTS

UNTIL = 1_790_000_000 - 1_790_000_000 % 3600
NAMES = tuple((language, f"Ärende {language}") for language in PHRASES)
DESKS = tuple(
    Desk(
        organisation_id=index,
        country=country,
        language=language,
        timezone=zone,
        case_types=(
            CaseTypeProfile(10 * index + 1, codes[0], NAMES, None, 1, "general", True, False, 5),
            CaseTypeProfile(10 * index + 2, codes[1], NAMES, None, 1, "expert", False, False, 6),
            CaseTypeProfile(10 * index + 3, codes[2], NAMES, None, 2, "expert", False, True, 7),
        ),
        general_agents=(100 + index,),
        specialists=(200 + index,),
        group_members=((5, (300 + index,)), (6, (300 + index,)), (7, (400 + index,))),
        lead_id=500 + index,
        service_point_id=None,
        customers=1000,
    )
    for index, (country, language, zone, codes) in enumerate(
        [
            ("SE", "sv", "Europe/Stockholm", ("bygglov-fragor", "bygglov-status", "orosanmalan")),
            ("PL", "pl", "Europe/Warsaw", ("oferty-pracy", "dotacja-dzialalnosc", "x")),
            ("FI", "fi", "Europe/Helsinki", ("verokortti", "aselupa", "perustoimeentulotuki")),
        ]
    )
)


def _batch(**overrides) -> Batch:
    values = {
        "start": 0, "size": 600, "seed": 3, "until": UNTIL, "desks": DESKS, "first_desk": 0,
        "run_size": 600,
    }  # fmt: skip
    return Batch(**{**values, **overrides})


def test_the_same_seed_builds_the_same_cases():
    assert build_rows(_batch()) == build_rows(_batch())


def test_another_seed_builds_other_cases():
    first, second = build_rows(_batch()), build_rows(_batch(seed=4))
    assert [row.subject for row in first] != [row.subject for row in second]


def test_each_organisations_cases_come_in_time_order_within_the_period():
    rows = build_rows(_batch())
    for desk in range(len(DESKS)):
        times = [row.registered_at for row in rows if row.desk == desk]
        assert times == sorted(times)
        assert times[0] >= UNTIL - SPAN_DAYS * 86_400
        assert times[-1] < UNTIL


def test_nothing_happens_after_the_datas_now():
    rows = build_rows(_batch())
    assert max(event.at for row in rows for event in row.events) <= UNTIL


def test_confidential_cases_are_forwarded_to_their_group():
    rows = build_rows(_batch(size=1500, run_size=1500))
    confidential = [row for row in rows if row.is_confidential]
    assert confidential
    assert all(row.forwarded_at is not None and row.answer_group_id for row in confidential)


def test_the_calendar_is_busiest_on_working_days_during_opening_hours():
    calendar = contact_calendar(timezone="Europe/Stockholm", country="SE", until=UNTIL)
    zone = zoneinfo.ZoneInfo("Europe/Stockholm")
    moments = [calendar.moment(i / 5000)[0] for i in range(5000)]
    local = [datetime.datetime.fromtimestamp(moment, zone) for moment in moments]
    assert moments == sorted(moments)
    weekend = sum(1 for moment in local if moment.weekday() >= 5)
    office = sum(1 for moment in local if moment.weekday() < 5 and 8 <= moment.hour < 17)
    assert weekend < 0.05 * len(local) and office > 0.8 * len(local)


@pytest.mark.parametrize("language", sorted(PHRASES))
def test_every_template_names_only_slots_the_writer_fills(language):
    module = PHRASES[language]
    fields = {
        field
        for name in dir(module)
        if name.isupper() and name not in {"DATE", "AMOUNT"}
        for template in _strings(getattr(module, name))
        for _, field, _, _ in string.Formatter().parse(template)
    }
    assert fields - {None} <= SLOTS


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def test_the_phrases_have_a_few_thousand_distinct_words():
    vocabulary = {
        word.lower()
        for module in PHRASES.values()
        for name in dir(module)
        if name.isupper()
        for text in _strings(getattr(module, name))
        for word in re.findall(r"[^\W\d_]+", re.sub(r"\{\w+\}", "", text))
    }
    assert len(vocabulary) >= 2_500


def test_every_demo_case_type_has_a_theme():
    from civicdesk.demo.data import DEMO_ORGANISATIONS

    codes = {item["code"] for spec in DEMO_ORGANISATIONS for item in spec["case_types"]}
    assert codes == set(THEME_OF_CASE_TYPE)


def test_words_splits_running_text():
    assert words(" a  b\nc ") == ["a", "b", "c"]


def test_deadlines_follow_the_channel_forwarding_and_waiting():
    rows = build_rows(_batch(size=1500, run_size=1500))
    assert all(row.resolution_due_at for row in rows)
    assert all(
        (row.first_response_due_at is None) == (row.channel in {"phone", "visit", "chat", "remote"})
        for row in rows
    )
    assert all((row.feedback_due_at is None) == (row.forwarded_at is None) for row in rows)
    assert all((row.waiting_since is not None) == (row.status == "waiting") for row in rows)


def test_a_customers_answer_puts_a_waiting_case_back_in_progress():
    rows = build_rows(_batch(size=1500, run_size=1500))
    answered = [
        event
        for row in rows
        for event in row.events
        if event.data.get("from_status") == "waiting" and event.kind == "contact"
    ]
    assert answered


def test_alarms_fire_only_at_their_time_and_wait_only_on_open_cases():
    rows = build_rows(_batch(size=1500, run_size=1500))
    alarms = [(row, alarm) for row in rows for alarm in row.alarms]
    assert all(alarm.fired_at is None or alarm.fired_at.timestamp() <= UNTIL for _, alarm in alarms)
    assert all(
        row.status not in {"resolved", "waiting"} for row, alarm in alarms if alarm.fired_at is None
    )
