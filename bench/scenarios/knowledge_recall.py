"""(l) Knowledge-base relevance: recall@3 of the relevance query set, on the bench's database.

Loads the three demo organisations and their knowledge base (the relevance corpus, see
civicdesk/knowledge/relevance.py) into the benchmark database, where the search index already
holds the generated cases and, when knowledge_search ran first, the generated articles, and
asks every query of the set as an agent of the query's organisation. The test suite asserts
the same figure on a small database (knowledge/tests/test_relevance.py); here it shows that a
large index shared with other organisations changes nothing. Target: at least 0.9.
"""

from __future__ import annotations

from civicdesk.demo.constants import DEMO_PASSWORD
from civicdesk.demo.data import DEMO_ORGANISATIONS
from civicdesk.demo.knowledge import load_knowledge
from civicdesk.demo.services import LoadReport, ensure_installation_admin, load_organisation
from civicdesk.knowledge import relevance
from civicdesk.knowledge.models import Article
from civicdesk.knowledge.search import ARTICLE
from civicdesk.knowledge.selectors import search_knowledge
from civicdesk.org.models import User


def run(bench) -> None:
    report = LoadReport()
    admin = ensure_installation_admin(password=DEMO_PASSWORD, report=report)
    agents = {}
    keys: dict[int, str] = {}
    for spec in DEMO_ORGANISATIONS:
        organisation = load_organisation(
            actor=admin, spec=spec, password=DEMO_PASSWORD, report=report
        )
        load_knowledge(spec=spec, report=report)
        agents[spec["slug"]] = User.objects.get(username=f"{spec['username_prefix']}.agent")
        titles = {
            translation["title"]: item["key"]
            for item in relevance.articles_of(spec["slug"])
            for translation in item["translations"].values()
        }
        for article in Article.objects.filter(organisation=organisation).prefetch_related(
            "translations"
        ):
            for row in article.translations.all():
                if row.title in titles:
                    keys[article.pk] = titles[row.title]

    def search(slug: str, query: str) -> list[str]:
        results = search_knowledge(agents[slug], query, kinds=[ARTICLE], limit=relevance.K)
        return [keys.get(result.obj.pk, "") for result in results]

    evaluation = relevance.evaluate(search)
    bench.record("knowledge.recall_at_3", evaluation.recall, "ratio")
    for language in sorted(evaluation.by_language):
        bench.record(f"knowledge.recall_at_3.{language}", evaluation.recall_in(language), "ratio")
    bench.record("knowledge.recall_queries", evaluation.asked, "count")
    if evaluation.recall < 0.9:
        bench.note(f"knowledge.recall_at_3 {evaluation.recall:.3f} is below 0.9")
    for query, expected, found in evaluation.misses:
        bench.note(f"knowledge recall: {query!r} expected {expected}, got {found}")
