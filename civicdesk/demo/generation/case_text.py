"""What generated cases say: subjects, descriptions and timeline texts from the phrase data.

Every list is drawn with Zipf weights (rank r has weight 1 / r), so the first phrases of a
list make most of the text and the tail makes rare words, as in real case text; search then
has common words with hundreds of thousands of matches and rare ones with a handful.
"""

from __future__ import annotations

import bisect
import itertools
import random
from functools import cache
from types import ModuleType

from civicdesk.demo.data.phrases import GENERAL, PHRASES, THEME_OF_CASE_TYPE
from civicdesk.demo.names import FIRST_NAMES, LAST_NAMES

# The share of cases whose {thing} is the case type's own name rather than a theme phrase.
TYPE_NAME_SHARE = 0.15
# How the customer got in touch decides how the agent writes it up: OPENINGS and SUMMARIES.
MODE_OF_CHANNEL = {"phone": "call", "visit": "visit", "remote": "visit"}
# The slots a template may name (see civicdesk.demo.data.phrases).
SLOTS = frozenset(
    {"thing", "Thing", "issue", "doc", "who", "Who", "place", "street", "object", "name",
     "number", "hour", "month", "weekday", "date", "amount"}
)  # fmt: skip
# Whose names the texts mention ({name}): English-speaking customers meet Swedish staff.
NAMES_OF_LANGUAGE = {"sv": "SE", "pl": "PL", "fi": "FI", "en": "SE"}


class Zipf:
    """A list drawn with weight 1 / rank."""

    def __init__(self, items):
        self.items = tuple(items)
        self.cumulative = tuple(itertools.accumulate(1 / rank for rank in range(1, len(self) + 1)))

    def __len__(self) -> int:
        return len(self.items)

    def pick(self, rng: random.Random):
        return self.items[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]


class _Slots(dict):
    """Slot values made when a template asks for them, so unused slots cost nothing."""

    def __init__(self, writer: Writer, rng: random.Random, thing: str, theme: str, mode: str):
        super().__init__(thing=thing, Thing=_capitalised(thing))
        self.writer, self.rng, self.theme, self.mode = writer, rng, theme, mode

    def __missing__(self, key: str) -> str:
        value = self.writer.slot(key, self.rng, self)
        self[key] = value
        return value


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lowered(name: str) -> str:
    """A case type's name inside a sentence: "Skolskjuts" -> "skolskjuts", "EURES" stays."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


class Writer:
    """The phrases of one language, ready to draw from."""

    def __init__(self, phrases: ModuleType, country: str):
        self.first_names = Zipf(name for names in FIRST_NAMES[country].values() for name in names)
        self.last_names = Zipf(LAST_NAMES[country])
        self.things = {theme: Zipf(items) for theme, items in phrases.THINGS.items()}
        self.details = {theme: Zipf(items) for theme, items in phrases.DETAILS.items()}
        self.general_details = Zipf(phrases.GENERAL_DETAILS)
        self.who = {theme: Zipf(items) for theme, items in phrases.WHO.items()}
        self.openings = {mode: Zipf(items) for mode, items in phrases.OPENINGS.items()}
        self.summaries = {mode: Zipf(items) for mode, items in phrases.SUMMARIES.items()}
        self.lists = {
            name: Zipf(getattr(phrases, name.upper()))
            for name in (
                "subjects", "issues", "documents", "places", "streets", "objects", "resolutions",
                "forward_reasons", "call_backs", "department_resolutions", "waiting",
                "replies", "confidential", "notes",
            )
        }  # fmt: skip
        self.months = phrases.MONTHS
        self.weekdays = phrases.WEEKDAYS
        self.date = phrases.DATE
        self.amount = phrases.AMOUNT

    def thing(self, rng: random.Random, theme: str, type_name: str) -> str:
        things = self.things.get(theme)
        if things is None or rng.random() < TYPE_NAME_SHARE:
            return _lowered(type_name)
        return things.pick(rng)

    def slot(self, key: str, rng: random.Random, slots: _Slots) -> str:
        match key:
            case "issue":
                return self.lists["issues"].pick(rng)
            case "object":
                return self.lists["objects"].pick(rng)
            case "name":
                return f"{self.first_names.pick(rng)} {self.last_names.pick(rng)}"
            case "doc":
                return self.lists["documents"].pick(rng)
            case "who":
                return self.who.get(slots.theme, self.who["general"]).pick(rng)
            case "Who":
                return _capitalised(slots["who"])
            case "place":
                return self.lists["places"].pick(rng)
            case "street":
                return f"{self.lists['streets'].pick(rng)} {rng.randint(1, 60)}"
            case "hour":
                return str(rng.randint(9, 16))
            case "number":
                return str(rng.choice((2, 3, 4, 5, 6, 8, 10, 12, 14, 20, 25, 30, 45, 60)))
            case "month":
                return rng.choice(self.months)
            case "weekday":
                return rng.choice(self.weekdays)
            case "date":
                return self.date.format(day=rng.randint(1, 28), month=rng.choice(self.months))
            case "amount":
                return self.amount.format(amount=rng.randrange(100, 15_000, 50))
        raise KeyError(key)

    def fill(self, template: str, slots: _Slots) -> str:
        return template.format_map(slots)

    def slots(self, rng: random.Random, theme: str, type_name: str, channel: str) -> _Slots:
        mode = MODE_OF_CHANNEL.get(channel, "written")
        return _Slots(self, rng, self.thing(rng, theme, type_name), theme, mode)

    def phrase(self, name: str, slots: _Slots) -> str:
        return self.fill(self.lists[name].pick(slots.rng), slots)

    def summary(self, slots: _Slots) -> str:
        """What the agent notes about the first contact, in the words of its channel."""
        return self.fill(self.summaries[slots.mode].pick(slots.rng), slots)

    def description(self, slots: _Slots) -> str:
        rng = slots.rng
        details = self.details.get(slots.theme, self.general_details)
        sentences = [self.fill(self.openings[slots.mode].pick(rng), slots)]
        sentences += [self.fill(details.pick(rng), slots) for _ in range(rng.choice((1, 1, 2)))]
        if rng.random() < 0.5:
            sentences.append(self.fill(self.general_details.pick(rng), slots))
        return " ".join(dict.fromkeys(sentences))


@cache
def writer(language: str) -> Writer:
    return Writer(PHRASES[language], NAMES_OF_LANGUAGE[language])


def theme_of(case_type_code: str) -> str:
    return THEME_OF_CASE_TYPE.get(case_type_code, GENERAL)
