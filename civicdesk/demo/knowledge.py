"""Loading a demo organisation's knowledge base: the relevance corpus's articles and the
checklists, service cards, notices, contacts and quizzes of civicdesk.demo.data.knowledge.

Everything goes through the knowledge services, written by the organisation's team lead
(`<prefix>.lead`), with articles owned by the expert of their department where there is one.
Each object is found again by a natural key (an article by its title, a checklist by its case
type and name, a card by its code, a notice by its title, a contact by its name, a quiz by its
title), so loading twice creates nothing the second time. Call it after `load_organisation`
(and after the demo cases, which do not depend on it): `load_knowledge(spec=spec, report=report)`.

`generate_articles` makes large numbers of articles and service cards for benchmarks.
"""

from __future__ import annotations

import datetime
import random
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from civicdesk.catalog.models import CaseType, Topic
from civicdesk.core.search import SearchDocument, index_documents
from civicdesk.demo.data.knowledge import KNOWLEDGE
from civicdesk.knowledge import relevance, services
from civicdesk.knowledge import search as knowledge_search
from civicdesk.knowledge.models import (
    Article,
    ArticleTranslation,
    Checklist,
    DirectoryEntry,
    Notice,
    Quiz,
    ServiceCard,
    ServiceCardTranslation,
)
from civicdesk.org.choices import Role
from civicdesk.org.models import Department, Organisation, ServicePoint, User

if TYPE_CHECKING:
    from civicdesk.demo.services import LoadReport


@transaction.atomic
def load_knowledge(*, spec: dict, report: LoadReport) -> None:
    organisation = Organisation.objects.get(slug=spec["slug"])
    data = KNOWLEDGE.get(spec["slug"])
    if data is None:
        return
    lead = User.objects.get(username=f"{spec['username_prefix']}.lead")
    departments = {d.code: d for d in Department.objects.filter(organisation=organisation)}
    articles = _load_articles(organisation, lead, departments, data, report)
    _load_checklists(organisation, lead, data, report)
    _load_cards(organisation, lead, departments, data, report)
    _load_notices(organisation, lead, departments, data, report)
    _load_directory(organisation, lead, data, report)
    _load_quizzes(organisation, lead, articles, data, report)


def _owners(organisation: Organisation) -> dict[str, User]:
    """Per department code, an expert who works for it."""
    owners: dict[str, User] = {}
    experts = User.objects.filter(
        organisation=organisation, role_assignments__role=Role.DEPARTMENT_EXPERT, is_active=True
    ).select_related("department")
    for expert in experts.order_by("username"):
        if expert.department is not None:
            owners.setdefault(expert.department.code, expert)
    return owners


def _load_articles(organisation, lead, departments, data, report) -> dict[str, Article]:
    titles = dict(
        ArticleTranslation.objects.filter(article__organisation=organisation).values_list(
            "title", "article_id"
        )
    )
    found: dict[str, Article] = {}
    for item in relevance.articles_of(organisation.slug):
        first = next(iter(item["translations"].values()))["title"]
        if first in titles:
            found[item["key"]] = Article.objects.get(pk=titles[first])
    for _key in found:
        report.count(Article, created=False)
    created = relevance.load_articles(
        actor=lead,
        organisation=organisation,
        skip=found,
        owners=_owners(organisation),
        due=data["due"],
    )
    for _key in created:
        report.count(Article, created=True)
    return {**found, **created}


def _load_checklists(organisation, lead, data, report) -> None:
    case_types = {ct.code: ct for ct in CaseType.objects.filter(organisation=organisation)}
    for item in data["checklists"]:
        case_type = case_types.get(item["case_type"])
        if case_type is None:
            continue
        name = item["names"][organisation.default_language]
        exists = Checklist.objects.filter(
            case_type=case_type, **{f"name_{organisation.default_language}": name}
        ).exists()
        report.count(Checklist, created=not exists)
        if not exists:
            services.create_checklist(
                actor=lead, case_type=case_type, names=item["names"], steps=item["steps"]
            )


def _load_cards(organisation, lead, departments, data, report) -> None:
    case_types = {ct.code: ct for ct in CaseType.objects.filter(organisation=organisation)}
    points = {p.code: p for p in ServicePoint.objects.filter(organisation=organisation)}
    settings = ("eservice_url", "support_phone", "support_email", "support_hours", "links")
    for item in data["cards"]:
        exists = ServiceCard.objects.filter(organisation=organisation, code=item["code"]).exists()
        report.count(ServiceCard, created=not exists)
        if exists:
            continue
        services.create_service_card(
            actor=lead,
            producer=departments[item["producer"]],
            code=item["code"],
            delivery=item["delivery"],
            translations=item["texts"],
            case_types=[case_types[code] for code in item["case_types"] if code in case_types],
            service_points=[points[code] for code in item["points"] if code in points],
            publish=True,
            **{name: item[name] for name in settings if name in item},
        )


def _load_notices(organisation, lead, departments, data, report) -> None:
    points = {p.code: p for p in ServicePoint.objects.filter(organisation=organisation)}
    today = timezone.localdate()
    for item in data["notices"]:
        exists = Notice.objects.filter(organisation=organisation, title=item["title"]).exists()
        report.count(Notice, created=not exists)
        if exists:
            continue
        starts = today + datetime.timedelta(days=item["starts"])
        services.create_notice(
            actor=lead,
            organisation=organisation,
            category=item["category"],
            language=item["language"],
            title=item["title"],
            body=item["body"],
            valid_from=starts,
            valid_until=starts + datetime.timedelta(days=item["lasts"]),
            department=departments.get(item.get("department")),
            service_point=points.get(item.get("service_point")),
        )


def _load_directory(organisation, lead, data, report) -> None:
    for item in data["directory"]:
        exists = DirectoryEntry.objects.filter(
            organisation=organisation, name=item["name"]
        ).exists()
        report.count(DirectoryEntry, created=not exists)
        if not exists:
            services.save_directory_entry(actor=lead, organisation=organisation, **item)


def _load_quizzes(organisation, lead, articles, data, report) -> None:
    topics = {topic.code: topic for topic in Topic.objects.filter(organisation=organisation)}
    for item in data["quizzes"]:
        exists = Quiz.objects.filter(organisation=organisation, title=item["title"]).exists()
        report.count(Quiz, created=not exists)
        if exists:
            continue
        quiz = services.create_quiz(
            actor=lead,
            organisation=organisation,
            title=item["title"],
            language=item["language"],
            description=item["description"],
            topic=topics.get(item["topic"]),
            articles=[articles[key] for key in item["articles"] if key in articles],
        )
        for question in item["questions"]:
            services.save_question(
                actor=lead,
                quiz=quiz,
                text=question["text"],
                choices=question["choices"],
                correct=question["correct"],
                explanation=question["explanation"],
                article=articles.get(question["article"]),
            )
        services.update_quiz(actor=lead, quiz=quiz, is_active=True)


# --- scale data for benchmarks -------------------------------------------------------------------


def _sentences(rng: random.Random, pool: list[str], count: int) -> str:
    return " ".join(rng.choice(pool) for _ in range(count))


def generate_articles(
    *, organisation: Organisation, count: int, seed: int = 1, batch: int = 2000
) -> Iterator[int]:
    """`count` published articles and service cards (one card per nine articles) in the
    organisation's language, their text recombined from the corpus's sentences, written in
    bulk and indexed in batches. Yields, after each batch, the number written so far and the
    seconds the batch spent in the search module.

    Benchmark data, not demo content: rows go in with bulk_create, without versions, as an
    import would; the search index is written through the search module."""
    rng = random.Random(seed)
    language = organisation.default_language
    pool = [
        sentence.strip()
        for item in relevance.corpus()["articles"]
        for version in item["translations"].values()
        for sentence in version["body"].replace("</p>", ".").replace("<", " <").split(".")
        if sentence.strip() and "<" not in sentence
    ]
    titles = [
        version["title"]
        for item in relevance.corpus()["articles"]
        for version in item["translations"].values()
    ]
    department = Department.objects.filter(organisation=organisation).order_by("pk").first()
    now = timezone.now()
    written = 0
    while written < count:
        size = min(batch, count - written)
        with transaction.atomic():
            documents = _write_batch(
                organisation, department, language, rng, pool, titles, size, now
            )
            started = time.perf_counter()
            index_documents(documents)
            indexing = time.perf_counter() - started
        written += size
        yield written, indexing


def _write_batch(organisation, department, language, rng, pool, titles, size, now):
    cards = size // 10
    articles = Article.objects.bulk_create(
        Article(
            organisation=organisation,
            department=department,
            audience=rng.choice(["internal", "public"]),
            status="published",
            review_by=(now + datetime.timedelta(days=rng.randint(-60, 300))).date(),
            content_updated_at=now - datetime.timedelta(days=rng.randint(0, 1500)),
            version=1,
        )
        for _ in range(size - cards)
    )
    rows = ArticleTranslation.objects.bulk_create(
        ArticleTranslation(
            article=article,
            language=language,
            title=f"{rng.choice(titles)} ({rng.randint(1, 9999)})",
            summary=_sentences(rng, pool, 1),
            body="",
            body_text=_sentences(rng, pool, rng.randint(4, 12)),
        )
        for article in articles
    )
    by_article = {article.pk: article for article in articles}
    documents = [
        SearchDocument(
            kind=knowledge_search.ARTICLE,
            object_id=row.pk,
            organisation_id=organisation.pk,
            language=language,
            fields={"title": row.title, "body": row.body_text, "extra": row.summary},
            filters=frozenset({f"aud:{by_article[row.article_id].audience}", f"lang:{language}"}),
            sort_key=int(by_article[row.article_id].content_updated_at.timestamp()),
        )
        for row in rows
    ]
    base = ServiceCard.objects.filter(organisation=organisation).count()
    new_cards = ServiceCard.objects.bulk_create(
        ServiceCard(
            organisation=organisation,
            producer=department,
            code=f"generated-{base + index}-{rng.randrange(10**9)}",
            delivery="guidance",
            status="published",
            version=1,
        )
        for index in range(cards)
    )
    card_rows = ServiceCardTranslation.objects.bulk_create(
        ServiceCardTranslation(
            card=card,
            language=language,
            name=rng.choice(titles),
            description=_sentences(rng, pool, 3),
            instructions=_sentences(rng, pool, 4),
        )
        for card in new_cards
    )
    documents += [
        SearchDocument(
            kind=knowledge_search.SERVICE_CARD,
            object_id=row.pk,
            organisation_id=organisation.pk,
            language=language,
            fields={"title": row.name, "body": row.text(), "extra": ""},
            filters=frozenset({f"lang:{language}"}),
            sort_key=int(now.timestamp()),
        )
        for row in card_rows
    ]
    return documents
