"""Reads of the knowledge base, always through the actor (or, on the portal, through the
organisation's public articles)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Max, Prefetch, Q, QuerySet, Sum

from civicdesk.catalog.models import CaseType
from civicdesk.core.errors import DomainError, NotFound
from civicdesk.core.search import highlight
from civicdesk.core.selectors import get_for_actor
from civicdesk.knowledge import querytext, search
from civicdesk.knowledge.choices import Audience, PublicationStatus
from civicdesk.knowledge.models import (
    Article,
    ArticleTranslation,
    ArticleVersion,
    Checklist,
    ChecklistStep,
    DirectoryEntry,
    Notice,
    Quiz,
    QuizAnswer,
    QuizAttempt,
    QuizQuestion,
    ServiceCard,
    ServiceCardTranslation,
    ServiceCardVersion,
    today,
)
from civicdesk.knowledge.permissions import EDITORS, WRITERS
from civicdesk.knowledge.versions import Change, diff_articles, diff_cards
from civicdesk.org.models import Organisation, ServicePoint, User

REVIEW_SOON = datetime.timedelta(days=30)


def writes_knowledge(actor: User) -> bool:
    """Writers and editors also see drafts and archived content of their organisation."""
    return actor.is_superuser or actor.has_role(*WRITERS, *EDITORS)


# --- articles -----------------------------------------------------------------------------------


def articles_for_actor(actor: User) -> QuerySet[Article]:
    articles = Article.objects.for_actor(actor).select_related(
        "department", "owner", "organisation"
    )
    if not writes_knowledge(actor):
        articles = articles.published()
    return articles.prefetch_related("translations")


def _case_types_with_names() -> Prefetch:
    # A case type's name falls back to its organisation's language: read both at once.
    return Prefetch("case_types", queryset=CaseType.objects.select_related("organisation"))


def get_article(actor: User, pk) -> Article:
    return get_for_actor(
        articles_for_actor(actor).prefetch_related("tags", _case_types_with_names()), pk
    )


def article_list(
    actor: User,
    *,
    department_id: int | None = None,
    audience: str = "",
    case_type_id: int | None = None,
    tag: str = "",
    status: str = "",
    stale: bool = False,
) -> QuerySet[Article]:
    articles = articles_for_actor(actor).prefetch_related("tags")
    if department_id:
        articles = articles.filter(department_id=department_id)
    if audience in Audience.values:
        articles = articles.filter(audience=audience)
    if case_type_id:
        articles = articles.filter(case_types=case_type_id)
    if tag:
        articles = articles.filter(tags__name=tag.lower())
    if status in PublicationStatus.values:
        articles = articles.filter(status=status)
    if stale:
        articles = articles.stale()
    return articles.order_by("-content_updated_at", "-pk")


@dataclass
class ReviewQueue:
    """Per owner, the published articles due for review: overdue first, then due soon."""

    owner: User | None
    overdue: list[Article] = field(default_factory=list)
    due_soon: list[Article] = field(default_factory=list)


def review_queue(actor: User, *, owner_id: int | None = None) -> list[ReviewQueue]:
    soon = today() + REVIEW_SOON
    articles = (
        articles_for_actor(actor)
        .published()
        .filter(review_by__lte=soon)
        .order_by("owner__username", "review_by", "pk")
    )
    if owner_id is not None:
        articles = articles.filter(owner_id=owner_id)
    queues: dict[int | None, ReviewQueue] = {}
    for article in articles:
        queue = queues.setdefault(article.owner_id, ReviewQueue(owner=article.owner))
        (queue.overdue if article.is_stale else queue.due_soon).append(article)
    return list(queues.values())


def versions_of(article: Article) -> QuerySet[ArticleVersion]:
    return article.versions.select_related("author").order_by("-number")


def _version(versions: QuerySet, number, *, field: str):
    try:
        return versions.get(number=int(number))
    except (ValueError, TypeError, versions.model.DoesNotExist):
        raise DomainError(_no_such_version(), field=field, code="not_found") from None


def _no_such_version() -> str:
    from django.utils.translation import gettext

    return gettext("There is no such version.")


def article_diff(
    article: Article, from_number, to_number
) -> tuple[ArticleVersion, ArticleVersion, list[Change]]:
    versions = article.versions.select_related("author")
    old = _version(versions, from_number, field="from")
    new = _version(versions, to_number, field="to")
    return old, new, diff_articles(old.snapshot, new.snapshot)


# --- checklists ---------------------------------------------------------------------------------

_ACTIVE_STEPS = Prefetch(
    "steps", queryset=ChecklistStep.objects.filter(is_active=True).order_by("position", "pk")
)


def checklists_for_actor(actor: User) -> QuerySet[Checklist]:
    checklists = Checklist.objects.for_actor(actor).select_related(
        "case_type__organisation", "department", "organisation"
    )
    if not writes_knowledge(actor):
        checklists = checklists.filter(is_active=True)
    return checklists.prefetch_related(_ACTIVE_STEPS)


def get_checklist(actor: User, pk) -> Checklist:
    return get_for_actor(checklists_for_actor(actor), pk)


def get_checklist_step(actor: User, pk) -> ChecklistStep:
    return get_for_actor(
        ChecklistStep.objects.filter(
            checklist__in=Checklist.objects.for_actor(actor)
        ).select_related("checklist"),
        pk,
    )


def checklists_for_case_type(actor: User, case_type_id: int) -> list[Checklist]:
    return list(checklists_for_actor(actor).filter(case_type_id=case_type_id, is_active=True))


# --- service cards ------------------------------------------------------------------------------


def cards_for_actor(actor: User) -> QuerySet[ServiceCard]:
    cards = ServiceCard.objects.for_actor(actor).select_related(
        "producer", "maintainer", "organisation"
    )
    if not writes_knowledge(actor):
        cards = cards.published()
    return cards.prefetch_related("translations")


def get_card(actor: User, pk) -> ServiceCard:
    return get_for_actor(
        cards_for_actor(actor).prefetch_related(_case_types_with_names(), "service_points"), pk
    )


def card_list(
    actor: User,
    *,
    producer_id: int | None = None,
    service_point_id: int | None = None,
    delivery: str = "",
) -> QuerySet[ServiceCard]:
    cards = cards_for_actor(actor)
    if producer_id:
        cards = cards.filter(producer_id=producer_id)
    if service_point_id:
        cards = cards.filter(service_points=service_point_id)
    if delivery:
        cards = cards.filter(delivery=delivery)
    return cards.order_by("producer__name", "code")


def catalogue_of(actor: User, point: ServicePoint) -> QuerySet[ServiceCard]:
    """The services a service point offers (its palveluluettelo)."""
    return card_list(actor, service_point_id=point.pk)


def card_diff(card: ServiceCard, from_number, to_number):
    versions = card.versions.select_related("author")
    old = _version(versions, from_number, field="from")
    new = _version(versions, to_number, field="to")
    return old, new, diff_cards(old.snapshot, new.snapshot)


def card_versions_of(card: ServiceCard) -> QuerySet[ServiceCardVersion]:
    return card.versions.select_related("author").order_by("-number")


# --- notices and the directory ------------------------------------------------------------------


def notices_for_actor(actor: User, *, include_past: bool = False) -> QuerySet[Notice]:
    """Current notices; writers managing them also see upcoming and, if asked, expired ones."""
    notices = Notice.objects.for_actor(actor).select_related(
        "department", "service_point", "author"
    )
    if include_past and writes_knowledge(actor):
        return notices
    if writes_knowledge(actor):
        return notices.filter(valid_until__gte=today())
    return notices.current()


def get_notice(actor: User, pk) -> Notice:
    return get_for_actor(notices_for_actor(actor, include_past=True), pk)


def directory_for_actor(actor: User, *, include_inactive: bool = False) -> QuerySet[DirectoryEntry]:
    entries = DirectoryEntry.objects.for_actor(actor).select_related("department")
    if not include_inactive:
        entries = entries.filter(is_active=True)
    return entries


def get_directory_entry(actor: User, pk) -> DirectoryEntry:
    return get_for_actor(directory_for_actor(actor, include_inactive=True), pk)


# --- quizzes ------------------------------------------------------------------------------------


def quizzes_for_actor(actor: User) -> QuerySet[Quiz]:
    quizzes = Quiz.objects.for_actor(actor).select_related("topic", "created_by")
    if not actor.has_perm("knowledge.manage_quiz", actor.organisation):
        quizzes = quizzes.filter(is_active=True)
    return quizzes.annotate(question_count=Count("questions", distinct=True))


def get_quiz(actor: User, pk) -> Quiz:
    return get_for_actor(
        quizzes_for_actor(actor).prefetch_related(
            Prefetch(
                "questions",
                queryset=QuizQuestion.objects.prefetch_related("choices").select_related("article"),
            )
        ),
        pk,
    )


def get_question(quiz: Quiz, pk) -> QuizQuestion:
    return get_for_actor(quiz.questions.all(), pk)


def get_attempt(actor: User, pk) -> QuizAttempt:
    """An agent's own attempt; quiz managers see everybody's."""
    attempts = QuizAttempt.objects.for_actor(actor).select_related("quiz", "user")
    if not actor.has_perm("knowledge.view_quiz_results", actor.organisation):
        attempts = attempts.filter(user=actor)
    return get_for_actor(
        attempts.prefetch_related("answers__question__choices", "answers__question__article"),
        pk,
    )


def my_attempts(actor: User) -> QuerySet[QuizAttempt]:
    return QuizAttempt.objects.for_actor(actor).filter(user=actor).select_related("quiz")


@dataclass
class AgentResult:
    user: User
    attempts: int
    correct: int
    answered: int
    last: datetime.datetime

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.answered) if self.answered else 0


@dataclass
class TopicResult:
    topic: str
    agents: int
    correct: int
    answered: int

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.answered) if self.answered else 0


def results_by_agent(actor: User, *, quiz_id: int | None = None) -> list[AgentResult]:
    """Per agent: attempts, and the share of questions answered right, over all attempts."""
    attempts = QuizAttempt.objects.for_actor(actor)
    if quiz_id is not None:
        attempts = attempts.filter(quiz_id=quiz_id)
    rows = (
        attempts.values("user_id")
        .annotate(
            attempts=Count("pk"),
            correct=Sum("score"),
            answered=Sum("total"),
            last=Max("created_at"),
        )
        .order_by("user_id")
    )
    rows = list(rows)
    users = User.objects.in_bulk([row["user_id"] for row in rows])
    results = [
        AgentResult(
            user=users[row["user_id"]],
            attempts=row["attempts"],
            correct=row["correct"] or 0,
            answered=row["answered"] or 0,
            last=row["last"],
        )
        for row in rows
        if row["user_id"] in users
    ]
    return sorted(results, key=lambda result: (result.percent, str(result.user)))


def results_by_topic(actor: User) -> list[TopicResult]:
    """Per topic of the quizzes: how many agents answered and the share answered right."""
    answers = QuizAnswer.objects.filter(attempt__in=QuizAttempt.objects.for_actor(actor))
    rows = (
        answers.values("attempt__quiz__topic_id")
        .annotate(
            agents=Count("attempt__user", distinct=True),
            correct=Count("pk", filter=Q(is_correct=True)),
            answered=Count("pk"),
        )
        .order_by("attempt__quiz__topic_id")
    )
    from civicdesk.catalog.models import Topic

    rows = list(rows)
    topics = Topic.objects.in_bulk([row["attempt__quiz__topic_id"] for row in rows])
    results = [
        TopicResult(
            topic=str(topics[topic_id])
            if (topic_id := row["attempt__quiz__topic_id"]) in topics
            else "",
            agents=row["agents"],
            correct=row["correct"],
            answered=row["answered"],
        )
        for row in rows
    ]
    return sorted(results, key=lambda result: result.percent)


def average_score(actor: User) -> float | None:
    return QuizAttempt.objects.for_actor(actor).aggregate(value=Avg("score"))["value"]


# --- search -------------------------------------------------------------------------------------


@dataclass
class Result:
    """One thing found: an article, checklist, service card, notice or directory entry."""

    kind: str
    obj: object
    title: str
    snippet: Snippet | str
    score: float
    language: str | None = None  # of the version that matched, when it has one

    @property
    def url(self) -> str:
        return self.obj.get_absolute_url()


class Snippet:
    """A highlighted excerpt, made only when shown: a search reads more hits than it shows,
    and highlighting is the costliest step of a knowledge search (measured: three quarters of
    its time when every hit was highlighted)."""

    MAX_SOURCE = 20_000  # characters of a long text that are searched for the first match

    def __init__(self, text: str, query: str, *, question: bool) -> None:
        self.text, self.query, self.question = text[: self.MAX_SOURCE], query, question
        self._html: str | None = None

    def __html__(self) -> str:
        if self._html is None:
            prefix = "none" if self.question else "last"
            self._html = highlight(self.text, self.query, prefix=prefix)
        return self._html

    def __str__(self) -> str:
        return self.__html__()

    def __bool__(self) -> bool:
        return bool(self.text.strip())


def _snippet(text: str, query: str, *, question: bool) -> Snippet:
    return Snippet(text, query, question=question)


def _visible(readable: QuerySet, ids: list[int]) -> set[int]:
    """Which of `ids` the actor's queryset holds, asked by id: as a subquery beside the hits
    ("article in the actor's articles") SQLite read all 16,000 articles of an organisation
    first, 8 ms a search (measured at 50,000 articles)."""
    return set(readable.filter(pk__in=ids).values_list("pk", flat=True))


def _load(actor: User, hits: list[search.Hit], query: str, *, question: bool) -> list[Result]:
    """The hits' objects, read through the actor (a query or two per kind), best first; a second
    language version of an article or card that matched is dropped."""
    by_kind: dict[str, list[int]] = {}
    for hit in hits:
        by_kind.setdefault(hit.kind, []).append(hit.object_id)
    found: dict[tuple[str, int], Result] = {}
    if ids := by_kind.get(search.ARTICLE):
        rows = ArticleTranslation.objects.filter(pk__in=ids).select_related("article__department")
        visible = _visible(articles_for_actor(actor).published(), [row.article_id for row in rows])
        for row in rows:
            if row.article_id not in visible:
                continue
            found[search.ARTICLE, row.pk] = Result(
                search.ARTICLE,
                row.article,
                row.title,
                _snippet(row.summary + "\n" + row.body_text, query, question=question),
                0.0,
                row.language,
            )
    if ids := by_kind.get(search.SERVICE_CARD):
        rows = ServiceCardTranslation.objects.filter(pk__in=ids).select_related("card__producer")
        visible = _visible(cards_for_actor(actor).published(), [row.card_id for row in rows])
        for row in rows:
            if row.card_id not in visible:
                continue
            found[search.SERVICE_CARD, row.pk] = Result(
                search.SERVICE_CARD,
                row.card,
                row.name,
                _snippet(row.text(), query, question=question),
                0.0,
                row.language,
            )
    if ids := by_kind.get(search.CHECKLIST):
        for checklist in checklists_for_actor(actor).filter(pk__in=ids, is_active=True):
            steps = "\n".join(step.text for step in checklist.steps.all())
            found[search.CHECKLIST, checklist.pk] = Result(
                search.CHECKLIST,
                checklist,
                checklist.name,
                _snippet(steps, query, question=question),
                0.0,
            )
    if ids := by_kind.get(search.NOTICE):
        for notice in Notice.objects.for_actor(actor).current().filter(pk__in=ids):
            found[search.NOTICE, notice.pk] = Result(
                search.NOTICE,
                notice,
                notice.title,
                _snippet(notice.body_text, query, question=question),
                0.0,
                notice.language,
            )
    if ids := by_kind.get(search.DIRECTORY):
        for entry in directory_for_actor(actor).filter(pk__in=ids):
            found[search.DIRECTORY, entry.pk] = Result(
                search.DIRECTORY,
                entry,
                entry.name,
                _snippet(
                    "\n".join([entry.institution, entry.role, entry.notes]),
                    query,
                    question=question,
                ),
                0.0,
            )
    results: list[Result] = []
    seen: set[tuple[str, int]] = set()
    for hit in hits:
        result = found.get((hit.kind, hit.object_id))
        if result is None or (result.kind, result.obj.pk) in seen:
            continue
        seen.add((result.kind, result.obj.pk))
        result.score = hit.score
        results.append(result)
    return results


def search_knowledge(
    actor: User,
    text: str,
    *,
    kinds: Iterable[str] | None = None,
    case_type_id: int | None = None,
    limit: int = 20,
    question: bool | None = None,
) -> list[Result]:
    """What the actor may read that matches `text`, best first; the case type at hand, if
    any, ranks its own articles, checklists and cards higher."""
    if actor.organisation_id is None or not text.strip():
        return []
    kinds = [kind for kind in (kinds or search.STAFF_KINDS) if kind in search.STAFF_KINDS]
    if question is None:
        question = querytext.is_question(text)
    hits = search.find(
        organisation_id=actor.organisation_id,
        text=text,
        kinds=kinds,
        case_type_id=case_type_id,
        question=question,
        # Twice what is shown: a second language version of a hit is dropped.
        limit=min(search.FETCHED, 2 * limit + 10),
    )
    shown = querytext.keywords(text) if question else text
    return _load(actor, hits, shown, question=question)[:limit]


@dataclass
class Suggestions:
    articles: list = field(default_factory=list)
    checklists: list = field(default_factory=list)
    cards: list = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.articles or self.checklists or self.cards)


def suggestions(
    actor: User, *, text: str, case_type_id: int | None, per_kind: int = 3
) -> Suggestions:
    """Beside notes being written or a message being read: the case type's checklists, and
    the articles and service cards that best answer the text (the case type's own first)."""
    found = Suggestions()
    if case_type_id is not None:
        found.checklists = [
            Result(search.CHECKLIST, checklist, checklist.name, "", 0.0)
            for checklist in checklists_for_case_type(actor, case_type_id)
        ]
    if querytext.keywords(text).strip():
        results = search_knowledge(
            actor,
            text,
            kinds=[search.ARTICLE, search.SERVICE_CARD, search.CHECKLIST],
            case_type_id=case_type_id,
            limit=30,
            question=True,
        )
    elif case_type_id is not None:
        results = [
            Result(search.ARTICLE, article, str(article), article.translation_in().summary, 0.0)
            for article in articles_for_actor(actor)
            .published()
            .filter(case_types=case_type_id)
            .order_by("-content_updated_at")[:per_kind]
        ] + [
            Result(search.SERVICE_CARD, card, str(card), "", 0.0)
            for card in cards_for_actor(actor)
            .published()
            .filter(case_types=case_type_id)
            .order_by("code")[:per_kind]
        ]
    else:
        results = []
    known = {checklist.obj.pk for checklist in found.checklists}
    for result in results:
        if result.kind == search.ARTICLE and len(found.articles) < per_kind:
            found.articles.append(result)
        elif result.kind == search.SERVICE_CARD and len(found.cards) < per_kind:
            found.cards.append(result)
        elif (
            result.kind == search.CHECKLIST
            and result.obj.pk not in known
            and len(found.checklists) < per_kind
        ):
            found.checklists.append(result)
    return found


# --- the portal: public articles, no actor ------------------------------------------------------


def public_organisation(slug: str) -> Organisation:
    organisation = Organisation.objects.filter(slug=slug, is_active=True).first()
    if organisation is None:
        raise NotFound()
    return organisation


def public_articles(organisation: Organisation) -> QuerySet[Article]:
    return (
        Article.objects.for_organisation(organisation.pk)
        .public()
        .select_related("organisation")
        .prefetch_related("translations", "case_types__topic")
    )


def get_public_article(organisation: Organisation, pk) -> Article:
    return get_for_actor(public_articles(organisation), pk)


@dataclass
class PublicResult:
    article: Article
    translation: ArticleTranslation
    snippet: Snippet


def search_public(
    organisation: Organisation, text: str, *, language: str, limit: int = 20
) -> list[PublicResult]:
    """Public articles of one organisation matching a citizen's words, in their language
    where a version exists (the snippet comes from the version that matched)."""
    if not text.strip():
        return []
    question = querytext.is_question(text)
    hits = search.find(
        organisation_id=organisation.pk,
        text=text,
        kinds=[search.ARTICLE],
        audience=Audience.PUBLIC,
        question=question,
    )
    ids = [hit.object_id for hit in hits]
    rows = {
        row.pk: row
        for row in ArticleTranslation.objects.filter(
            pk__in=ids, article__in=public_articles(organisation)
        ).select_related("article")
    }
    articles = {
        article.pk: article
        for article in public_articles(organisation).filter(
            pk__in={row.article_id for row in rows.values()}
        )
    }
    shown = querytext.keywords(text) if question else text
    results: list[PublicResult] = []
    seen: set[int] = set()
    for hit in hits:
        row = rows.get(hit.object_id)
        if row is None or row.article_id in seen or row.article_id not in articles:
            continue
        seen.add(row.article_id)
        article = articles[row.article_id]
        shown_version = article.translation_in(language)
        text_of = row if shown_version.language == row.language else shown_version
        results.append(
            PublicResult(
                article,
                shown_version,
                _snippet(text_of.summary + "\n" + text_of.body_text, shown, question=question),
            )
        )
        if len(results) == limit:
            break
    return results
