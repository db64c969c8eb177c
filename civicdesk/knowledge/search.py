"""The knowledge base in the shared search module: what is indexed, and how it is ranked.

Kinds: an article or a service card is indexed once per language version (object id = the
translation's id), analysed with that language's stemmer only; a checklist and a directory
entry once, in all four languages; a notice in its own language. Only what agents may read
is indexed: published articles and cards, active checklists and entries, notices not yet
expired (the daily job removes expired ones; readers filter by date as well).

Filter tokens, applied inside the engine:
- `aud:public` / `aud:internal` on articles: citizens search with [["aud:public"]], staff
  without an audience condition. Other kinds are for staff only and the portal never asks
  for them.
- `type:<case type id>` on articles, checklists and cards: the case type at hand is boosted.
- `dept:<id>`, `lang:<code>`, `point:<service point id>` for narrowing.

Ranking (measured on the relevance set, see docs/decisions/0010-knowledge-base.md): field weights
title 4, body 1, extra 2 (summary, tags, case-type names), freshness with a half-life of two
years of `content_updated_at`, and a case-type boost that doubles the score of entries tagged
with the case type at hand. A question ("Hur ansöker jag om bygglov?") is reduced to its
keywords and matched with every keyword first; when that finds too little, any keyword may
match and those hits follow.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from civicdesk.core import search
from civicdesk.core.i18n import LANGUAGE_CODES
from civicdesk.knowledge import querytext
from civicdesk.knowledge.choices import Audience, PublicationStatus

ARTICLE: Final = "article"
CHECKLIST: Final = "checklist"
SERVICE_CARD: Final = "service_card"
NOTICE: Final = "notice"
DIRECTORY: Final = "directory"
STAFF_KINDS: Final = (ARTICLE, CHECKLIST, SERVICE_CARD, NOTICE, DIRECTORY)

WEIGHTS: Final = {"title": 4.0, "body": 1.0, "extra": 2.0}
FRESHNESS_HALF_LIFE: Final = 2 * 365 * 86_400  # seconds of content age that halve a score
CASE_TYPE_BOOST: Final = 1.0  # entries tagged with the case type at hand score (1 + this) x
FETCHED: Final = 60  # entries read from the engine per search, before grouping


def _timestamp(moment) -> int:
    return max(0, int(moment.timestamp()))


# --- documents ----------------------------------------------------------------------------------


def article_documents(article) -> list[search.SearchDocument]:
    """One document per language version of a published article; none for the others."""
    if article.status != PublicationStatus.PUBLISHED:
        return []
    case_types = list(article.case_types.all())
    tags = " ".join(tag.name for tag in article.tags.all())
    filters = {
        f"aud:{article.audience}",
        f"dept:{article.department_id}",
        *(f"type:{case_type.pk}" for case_type in case_types),
    }
    return [
        search.SearchDocument(
            kind=ARTICLE,
            object_id=translation.pk,
            organisation_id=article.organisation_id,
            language=translation.language,
            fields={
                "title": translation.title,
                "body": translation.body_text,
                "extra": " ".join(
                    [
                        translation.summary,
                        tags,
                        *(case_type.name_in(translation.language) for case_type in case_types),
                    ]
                ),
            },
            filters=frozenset({*filters, f"lang:{translation.language}"}),
            sort_key=_timestamp(article.content_updated_at),
        )
        for translation in article.translations.all()
    ]


def checklist_documents(checklist) -> list[search.SearchDocument]:
    if not checklist.is_active:
        return []
    steps = [step for step in checklist.steps.all() if step.is_active]
    return [
        search.SearchDocument(
            kind=CHECKLIST,
            object_id=checklist.pk,
            organisation_id=checklist.organisation_id,
            language=None,
            fields={
                "title": " ".join(filter(None, checklist.names().values())),
                "body": "\n".join(text for step in steps for text in step.texts().values() if text),
                "extra": " ".join(filter(None, checklist.case_type.names().values())),
            },
            filters=frozenset(
                {f"type:{checklist.case_type_id}", f"dept:{checklist.department_id}"}
            ),
            sort_key=_timestamp(checklist.updated_at),
        )
    ]


def card_documents(card) -> list[search.SearchDocument]:
    if card.status != PublicationStatus.PUBLISHED:
        return []
    case_types = list(card.case_types.all())
    filters = {
        f"dept:{card.producer_id}",
        f"delivery:{card.delivery}",
        *(f"type:{case_type.pk}" for case_type in case_types),
        *(f"point:{point.pk}" for point in card.service_points.all()),
    }
    return [
        search.SearchDocument(
            kind=SERVICE_CARD,
            object_id=translation.pk,
            organisation_id=card.organisation_id,
            language=translation.language,
            fields={
                "title": translation.name,
                "body": translation.text(),
                "extra": " ".join(
                    [
                        card.producer.name,
                        *(case_type.name_in(translation.language) for case_type in case_types),
                    ]
                ),
            },
            filters=frozenset({*filters, f"lang:{translation.language}"}),
            sort_key=_timestamp(card.content_updated_at),
        )
        for translation in card.translations.all()
    ]


def notice_documents(notice) -> list[search.SearchDocument]:
    filters = {f"category:{notice.category}"}
    if notice.department_id:
        filters.add(f"dept:{notice.department_id}")
    if notice.service_point_id:
        filters.add(f"point:{notice.service_point_id}")
    return [
        search.SearchDocument(
            kind=NOTICE,
            object_id=notice.pk,
            organisation_id=notice.organisation_id,
            language=notice.language,
            fields={
                "title": notice.title,
                "body": notice.body_text,
                "extra": notice.get_category_display(),
            },
            filters=frozenset(filters),
            sort_key=_timestamp(notice.updated_at),
        )
    ]


def directory_documents(entry) -> list[search.SearchDocument]:
    if not entry.is_active:
        return []
    return [
        search.SearchDocument(
            kind=DIRECTORY,
            object_id=entry.pk,
            organisation_id=entry.organisation_id,
            language=None,
            fields={
                "title": entry.name,
                "body": "\n".join([entry.institution, entry.role, entry.notes]),
                "extra": entry.address,
            },
            filters=frozenset({f"kind:{entry.kind}"}),
            sort_key=_timestamp(entry.updated_at),
        )
    ]


# --- writing ------------------------------------------------------------------------------------


def reindex(kind: str, documents: list[search.SearchDocument], stale_ids: Iterable[int]) -> None:
    """Replace an object's entries: remove those of `stale_ids` no document replaces."""
    kept = {document.object_id for document in documents}
    gone = [object_id for object_id in stale_ids if object_id not in kept]
    if gone:
        search.remove_documents(kind, gone)
    if documents:
        search.index_documents(documents)


def index_article(article, *, former_translation_ids: Iterable[int] = ()) -> None:
    ids = [row.pk for row in article.translations.all()]
    reindex(ARTICLE, article_documents(article), [*ids, *former_translation_ids])


def index_checklist(checklist) -> None:
    reindex(CHECKLIST, checklist_documents(checklist), [checklist.pk])


def index_card(card, *, former_translation_ids: Iterable[int] = ()) -> None:
    ids = [row.pk for row in card.translations.all()]
    reindex(SERVICE_CARD, card_documents(card), [*ids, *former_translation_ids])


def index_notice(notice) -> None:
    reindex(NOTICE, notice_documents(notice), [notice.pk])


def index_directory_entry(entry) -> None:
    reindex(DIRECTORY, directory_documents(entry), [entry.pk])


# --- reading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    kind: str
    object_id: int
    score: float
    all_words: bool  # matched every keyword (listed before hits that match some)


def find(
    *,
    organisation_id: int,
    text: str,
    kinds: Iterable[str] = STAFF_KINDS,
    audience: str | None = None,
    case_type_id: int | None = None,
    language: str | None = None,
    question: bool | None = None,
    limit: int = FETCHED,
) -> list[Hit]:
    """Entries matching `text`, best first. audience="public" for citizens (public articles
    only); None for the organisation's staff. `question` (default: guessed from the text)
    searches the keywords of a sentence, without prefix matching."""
    kinds = list(kinds)
    if question is None:
        question = querytext.is_question(text)
    wanted = querytext.keywords(text) if question else text
    if not wanted.strip() or not kinds:
        return []
    all_of: list[list[str]] = []
    if audience is not None:
        all_of.append([f"aud:{Audience(audience).value}"])
    if language is not None and language in LANGUAGE_CODES:
        all_of.append([f"lang:{language}"])
    options = {
        "kinds": kinds,
        "text": wanted,
        "organisation_id": organisation_id,
        "order": "relevance",
        "limit": limit,
        "prefix": "none" if question else "last",
        "weights": WEIGHTS,
        "freshness": FRESHNESS_HALF_LIFE,
    }
    hits = [
        Hit(hit.kind, hit.object_id, hit.score, True)
        for hit in search.search(match="all", all_of=all_of, **options).hits
    ]
    if len(hits) < limit and len(wanted.split()) > 1:
        seen = {(hit.kind, hit.object_id) for hit in hits}
        hits += [
            Hit(hit.kind, hit.object_id, hit.score, False)
            for hit in search.search(match="any", all_of=all_of, **options).hits
            if (hit.kind, hit.object_id) not in seen
        ][: limit - len(hits)]
    if case_type_id is not None and hits:
        tagged = {
            (hit.kind, hit.object_id)
            for hit in search.search(
                match="any", all_of=[*all_of, [f"type:{case_type_id}"]], **options
            ).hits
        }
        hits = [
            Hit(hit.kind, hit.object_id, hit.score * (1 + CASE_TYPE_BOOST), hit.all_words)
            if (hit.kind, hit.object_id) in tagged
            else hit
            for hit in hits
        ]
    hits.sort(key=lambda hit: (not hit.all_words, -hit.score))
    return hits
