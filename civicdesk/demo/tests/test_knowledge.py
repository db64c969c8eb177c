"""The demo knowledge base: loaded through the services, found again on a second load, and
searchable as the relevance test measures it."""

from __future__ import annotations

import pytest

from civicdesk.demo.constants import DEMO_PASSWORD
from civicdesk.demo.data import DEMO_ORGANISATIONS
from civicdesk.demo.knowledge import generate_articles, load_knowledge
from civicdesk.demo.services import LoadReport, ensure_installation_admin, load_organisation
from civicdesk.knowledge import search
from civicdesk.knowledge.models import (
    Article,
    Checklist,
    DirectoryEntry,
    Notice,
    Quiz,
    ServiceCard,
)
from civicdesk.knowledge.selectors import search_knowledge
from civicdesk.org.models import Organisation, User

pytestmark = pytest.mark.django_db

MODELS = (Article, Checklist, ServiceCard, Notice, DirectoryEntry, Quiz)


def load_all() -> LoadReport:
    report = LoadReport()
    admin = ensure_installation_admin(password=DEMO_PASSWORD, report=report)
    for spec in DEMO_ORGANISATIONS:
        load_organisation(actor=admin, spec=spec, password=DEMO_PASSWORD, report=report)
        load_knowledge(spec=spec, report=report)
    return report


def test_the_demo_knowledge_base_loads_once_and_is_found_again():
    first = load_all()
    counts = {model.__name__: model.objects.count() for model in MODELS}
    assert counts["Article"] == 64
    assert counts["ServiceCard"] == 6
    assert all(counts.values())
    assert all(first.created[model.__name__] == counts[model.__name__] for model in MODELS)
    second = load_all()
    assert {model.__name__: model.objects.count() for model in MODELS} == counts
    assert not any(second.created[model.__name__] for model in MODELS)


def test_demo_agents_find_answers_and_the_review_queue_has_work():
    load_all()
    agent = User.objects.get(username="aspa.agent")
    found = search_knowledge(agent, "passikuva kuvatunnus")
    assert found[0].kind == search.ARTICLE and "Passi" in found[0].title
    assert Article.objects.stale().filter(organisation__slug="skelleftea").count() == 2
    assert Article.objects.filter(owner__username="aspa.expert").exists()


def test_benchmark_articles_are_written_and_indexed_in_batches():
    load_all()
    organisation = Organisation.objects.get(slug="zielona-linia")
    before = Article.objects.filter(organisation=organisation).count()
    progress = list(generate_articles(organisation=organisation, count=250, batch=100))
    assert [written for written, _seconds in progress] == [100, 200, 250]
    assert Article.objects.filter(organisation=organisation).count() == before + 225
    assert ServiceCard.objects.filter(organisation=organisation).count() == 25
    agent = User.objects.get(username="zl.agent")
    assert search_knowledge(agent, "zasiłek")
