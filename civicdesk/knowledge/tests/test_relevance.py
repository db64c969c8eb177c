"""Relevance is measured, not guessed: recall@3 of the query set over the corpus, on whichever
database the suite runs (SQLite by default, PostgreSQL under .ci/run)."""

from __future__ import annotations

import pytest
from django.db import connection

from civicdesk.knowledge import relevance
from civicdesk.knowledge.search import ARTICLE
from civicdesk.knowledge.selectors import search_knowledge
from civicdesk.org.choices import Country, Role
from civicdesk.testing import factories

pytestmark = pytest.mark.django_db

COUNTRY_OF = {"pl": Country.POLAND, "sv": Country.SWEDEN, "fi": Country.FINLAND}
REQUIRED_RECALL = 0.9


def build_corpus_organisations() -> dict[str, tuple[object, dict[int, str]]]:
    """The corpus's three organisations with their departments and case types, an agent of
    each, and the articles loaded: {slug: (agent, {article id: key})}."""
    loaded = {}
    for slug, spec in relevance.corpus()["organisations"].items():
        organisation = factories.OrganisationFactory(
            slug=slug, name=slug, country=COUNTRY_OF[spec["language"]]
        )
        departments = {
            code: factories.DepartmentFactory(organisation=organisation, code=code, name=name)
            for code, name in spec["departments"].items()
        }
        for code, case_type in spec["case_types"].items():
            factories.CaseTypeFactory(
                organisation=organisation,
                department=departments[case_type["department"]],
                code=code,
                **{f"name_{language}": name for language, name in case_type["names"].items()},
            )
        lead = factories.UserFactory(organisation=organisation, roles=[Role.TEAM_LEAD])
        agent = factories.UserFactory(organisation=organisation, roles=[Role.GENERAL_AGENT])
        articles = relevance.load_articles(actor=lead, organisation=organisation)
        loaded[slug] = (agent, {article.pk: key for key, article in articles.items()})
    return loaded


def test_the_query_set_is_large_enough_and_covers_four_languages():
    languages = {item["language"] for item in relevance.queries()}
    assert len(relevance.queries()) >= 60
    assert languages == {"pl", "sv", "fi", "en"}
    assert all(
        sum(item["language"] == language for item in relevance.queries()) >= 15
        for language in languages
    )


def test_recall_at_3_is_at_least_0_9():
    loaded = build_corpus_organisations()

    def search(slug: str, query: str) -> list[str]:
        agent, keys = loaded[slug]
        return [
            keys[result.obj.pk]
            for result in search_knowledge(agent, query, kinds=[ARTICLE], limit=relevance.K)
        ]

    evaluation = relevance.evaluate(search)
    report = {
        language: round(evaluation.recall_in(language), 3) for language in evaluation.by_language
    }
    print(f"recall@3 on {connection.vendor}: {evaluation.recall:.3f} {report}")
    for query, expected, keys in evaluation.misses:
        print(f"  missed {query!r}: expected {expected}, got {keys}")
    assert evaluation.recall >= REQUIRED_RECALL, evaluation.misses
