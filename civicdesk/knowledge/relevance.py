"""The relevance corpus and how search is measured against it.

`tests/relevance/corpus.json` holds 64 articles of the three demo organisations (98 language
versions) and `tests/relevance/queries.json` 92 queries in Polish, Swedish, Finnish and
English, each with the article it must find among the first three. The test suite asserts
recall@3 on SQLite and PostgreSQL (tests/test_relevance.py), `make bench` reports it
(bench/scenarios/knowledge_recall.py), and the demo loads the same articles, so what an agent
searches in the demo is what is measured.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.utils import timezone

from civicdesk.catalog.models import CaseType
from civicdesk.knowledge import services
from civicdesk.knowledge.models import Article
from civicdesk.org.models import Department, Organisation, User

DATA = Path(__file__).resolve().parent / "tests" / "relevance"
K = 3


@cache
def corpus() -> dict:
    return json.loads((DATA / "corpus.json").read_text(encoding="utf-8"))


@cache
def queries() -> list[dict]:
    return json.loads((DATA / "queries.json").read_text(encoding="utf-8"))["queries"]


def articles_of(slug: str) -> list[dict]:
    return [item for item in corpus()["articles"] if item["organisation"] == slug]


def load_articles(
    *,
    actor: User,
    organisation: Organisation,
    now: datetime.datetime | None = None,
    skip: Iterable[str] = (),
    owners: dict[str, User] | None = None,
    due: Iterable[str] = (),
) -> dict[str, Article]:
    """The corpus's articles of `organisation` (matched by slug), created through the
    service, published, dated as the corpus says. Departments and case types are looked up
    by code; a case type the organisation lacks is left out. `skip`: keys not to load;
    `owners`: department code -> owner (default: the actor); `due`: keys already past their
    review date. Returns {key: article}."""
    now = now or timezone.now()
    skip, due, owners = set(skip), set(due), owners or {}
    departments = {
        department.code: department
        for department in Department.objects.filter(organisation=organisation)
    }
    case_types = {
        case_type.code: case_type
        for case_type in CaseType.objects.filter(organisation=organisation)
    }
    loaded: dict[str, Article] = {}
    for item in articles_of(organisation.slug):
        if item["key"] in skip or item["department"] not in departments:
            continue
        updated = now - datetime.timedelta(days=item["updated_days_ago"])
        loaded[item["key"]] = services.create_article(
            actor=actor,
            department=departments[item["department"]],
            translations=item["translations"],
            audience=item["audience"],
            tags=item["tags"],
            case_types=[case_types[code] for code in item["case_types"] if code in case_types],
            owner=owners.get(item["department"]),
            review_by=(now - datetime.timedelta(days=7)).date() if item["key"] in due else None,
            publish=True,
            content_updated_at=updated,
            note="Relevance corpus",
        )
    return loaded


@dataclass
class Evaluation:
    found: int = 0
    asked: int = 0
    by_language: dict[str, list[int]] = field(default_factory=dict)  # language -> [found, asked]
    misses: list[tuple[str, str, list[str]]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.asked if self.asked else 0.0

    def recall_in(self, language: str) -> float:
        found, asked = self.by_language.get(language, [0, 0])
        return found / asked if asked else 0.0


def evaluate(
    search: Callable[[str, str], list[str]], items: Iterable[dict] | None = None
) -> Evaluation:
    """recall@K: `search(organisation slug, query)` returns article keys, best first."""
    evaluation = Evaluation()
    for item in items if items is not None else queries():
        keys = search(item["organisation"], item["query"])[:K]
        hit = item["expect"] in keys
        evaluation.asked += 1
        evaluation.found += hit
        tally = evaluation.by_language.setdefault(item["language"], [0, 0])
        tally[0] += hit
        tally[1] += 1
        if not hit:
            evaluation.misses.append((item["query"], item["expect"], keys))
    return evaluation
