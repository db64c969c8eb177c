"""The knowledge base through the REST API: search, suggestions, articles with versions and
diffs, checklists, service cards and notices; the same reads and writes as the pages."""

from django.utils.translation import get_language, gettext_lazy
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from civicdesk.catalog import selectors as catalog_selectors
from civicdesk.core.api import actor_of, error_responses
from civicdesk.core.errors import DomainError
from civicdesk.core.pagination import Pagination
from civicdesk.knowledge import search, selectors, services
from civicdesk.knowledge.schemas import (
    ArticleIn,
    ArticleListOut,
    ArticleOut,
    ArticlePatch,
    ChecklistOut,
    DiffOut,
    NoticeOut,
    ResultOut,
    ReviewIn,
    ServiceCardOut,
    StatusIn,
    SuggestionsOut,
    VersionOut,
)
from civicdesk.org import selectors as org_selectors

router = Router(tags=["knowledge"])
WRITE_ERRORS = error_responses(400, 403, 404)


def _reader_language(actor) -> str:
    return actor.ui_language or get_language() or "en"


def _referenced(getter, actor, pk, *, field: str, message):
    if pk is None:
        return None
    try:
        return getter(actor, pk)
    except DomainError:
        raise DomainError(message, field=field) from None


def _case_types(actor, ids: list[int]):
    found = list(
        catalog_selectors.case_types_for_actor(actor, include_inactive=True).filter(pk__in=ids)
    )
    if len(found) != len(set(ids)):
        raise DomainError(gettext_lazy("There is no such case type."), field="case_type_ids")
    return found


# --- outputs ------------------------------------------------------------------------------------


def article_out(article, language: str, *, full: bool = False) -> dict:
    shown = article.translation_in(language)
    out = {
        "id": article.pk,
        "title": shown.title,
        "summary": shown.summary,
        "language": shown.language,
        "languages": article.languages(),
        "department_id": article.department_id,
        "audience": article.audience,
        "status": article.status,
        "review_by": article.review_by,
        "is_stale": article.is_stale,
        "version": article.version,
    }
    if full:
        out |= {
            "owner_id": article.owner_id,
            "tags": [tag.name for tag in article.tags.all()],
            "case_type_ids": [case_type.pk for case_type in article.case_types.all()],
            "content_updated_at": article.content_updated_at,
            "translations": [
                {
                    "language": row.language,
                    "title": row.title,
                    "summary": row.summary,
                    "body": row.body,
                }
                for row in article.translations.all()
            ],
        }
    return out


def checklist_out(checklist) -> dict:
    return {
        "id": checklist.pk,
        "name": checklist.name,
        "names": checklist.names(),
        "case_type_id": checklist.case_type_id,
        "department_id": checklist.department_id,
        "is_active": checklist.is_active,
        "steps": [
            {"id": step.pk, "position": step.position, "text": step.text, "texts": step.texts()}
            for step in checklist.steps.all()
        ],
    }


def card_out(card) -> dict:
    return {
        "id": card.pk,
        "code": card.code,
        "name": str(card),
        "producer_id": card.producer_id,
        "delivery": card.delivery,
        "needs_booking": card.needs_booking,
        "eservice_url": card.eservice_url,
        "support_phone": card.support_phone,
        "support_email": card.support_email,
        "support_chat_url": card.support_chat_url,
        "support_hours": card.support_hours,
        "links": card.links,
        "status": card.status,
        "version": card.version,
        "case_type_ids": [case_type.pk for case_type in card.case_types.all()],
        "service_point_ids": [point.pk for point in card.service_points.all()],
        "translations": [
            {
                "language": row.language,
                "name": row.name,
                "description": row.description,
                "eligibility": row.eligibility,
                "documents": row.documents,
                "fees": row.fees,
                "instructions": row.instructions,
            }
            for row in card.translations.all()
        ],
    }


def result_out(result) -> dict:
    return {
        "kind": result.kind,
        "id": result.obj.pk,
        "title": result.title,
        "snippet": str(result.snippet),
        "language": result.language,
        "url": result.url,
        "score": round(result.score, 4),
    }


# --- search -------------------------------------------------------------------------------------


class SearchFilter(Schema):
    q: str
    kind: str = ""
    case_type_id: int | None = None
    limit: int = 20


@router.get(
    "/search",
    response={200: list[ResultOut], **error_responses(400)},
    summary="Articles, checklists, service cards, notices and contacts matching the words",
)
def search_knowledge(request, filters: Query[SearchFilter]):
    if filters.kind and filters.kind not in search.STAFF_KINDS:
        raise DomainError(gettext_lazy("Unknown kind."), field="kind")
    if not 1 <= filters.limit <= 100:
        raise DomainError(gettext_lazy("The limit is between 1 and 100."), field="limit")
    results = selectors.search_knowledge(
        actor_of(request),
        filters.q[:500],
        kinds=[filters.kind] if filters.kind else None,
        case_type_id=filters.case_type_id,
        limit=filters.limit,
    )
    return [result_out(result) for result in results]


class SuggestionFilter(Schema):
    text: str = ""
    case_type_id: int | None = None


@router.get(
    "/suggestions",
    response=SuggestionsOut,
    summary="The top articles, checklists and cards for an agent's notes or a message",
)
def suggestions(request, filters: Query[SuggestionFilter]):
    found = selectors.suggestions(
        actor_of(request), text=filters.text[:2000], case_type_id=filters.case_type_id
    )
    return {
        "articles": [result_out(item) for item in found.articles],
        "checklists": [result_out(item) for item in found.checklists],
        "service_cards": [result_out(item) for item in found.cards],
    }


# --- articles -----------------------------------------------------------------------------------


class ArticleFilter(Schema):
    department_id: int | None = None
    audience: str = ""
    case_type_id: int | None = None
    tag: str = ""
    status: str = ""
    stale: bool = False


@router.get("/articles", response=list[ArticleListOut])
@paginate(Pagination)
def list_articles(request, filters: Query[ArticleFilter]):
    actor = actor_of(request)
    language = _reader_language(actor)
    articles = selectors.article_list(actor, **filters.dict())
    return [article_out(article, language) for article in articles]


@router.post("/articles", response={201: ArticleOut, **error_responses(400, 403)})
def create_article(request, payload: ArticleIn):
    actor = actor_of(request)
    article = services.create_article(
        actor=actor,
        department=_referenced(
            org_selectors.get_department,
            actor,
            payload.department_id,
            field="department_id",
            message=gettext_lazy("There is no such department."),
        ),
        translations={code: values.dict() for code, values in payload.translations.items()},
        audience=payload.audience,
        tags=payload.tags,
        case_types=_case_types(actor, payload.case_type_ids),
        owner=_referenced(
            org_selectors.get_user,
            actor,
            payload.owner_id,
            field="owner_id",
            message=gettext_lazy("There is no such user."),
        ),
        review_by=payload.review_by,
        publish=payload.publish,
        note=payload.note,
    )
    return Status(
        201,
        article_out(selectors.get_article(actor, article.pk), _reader_language(actor), full=True),
    )


@router.get("/articles/{article_id}", response={200: ArticleOut, **error_responses(404)})
def get_article(request, article_id: int):
    actor = actor_of(request)
    return article_out(selectors.get_article(actor, article_id), _reader_language(actor), full=True)


@router.patch("/articles/{article_id}", response={200: ArticleOut, **WRITE_ERRORS})
def update_article(request, article_id: int, payload: ArticlePatch):
    actor = actor_of(request)
    article = selectors.get_article(actor, article_id)
    changes = payload.dict(exclude_unset=True)
    arguments: dict = {"note": changes.get("note", "")}
    if "translations" in changes and changes["translations"] is not None:
        arguments["translations"] = changes["translations"]
    if changes.get("department_id") is not None:
        arguments["department"] = _referenced(
            org_selectors.get_department,
            actor,
            changes["department_id"],
            field="department_id",
            message=gettext_lazy("There is no such department."),
        )
    if "owner_id" in changes:
        arguments["owner"] = _referenced(
            org_selectors.get_user,
            actor,
            changes["owner_id"],
            field="owner_id",
            message=gettext_lazy("There is no such user."),
        )
    if changes.get("case_type_ids") is not None:
        arguments["case_types"] = _case_types(actor, changes["case_type_ids"])
    for name in ("audience", "tags", "review_by"):
        if changes.get(name) is not None:
            arguments[name] = changes[name]
    services.update_article(actor=actor, article=article, **arguments)
    return article_out(selectors.get_article(actor, article_id), _reader_language(actor), full=True)


@router.post("/articles/{article_id}/status", response={200: ArticleOut, **WRITE_ERRORS})
def set_status(request, article_id: int, payload: StatusIn):
    actor = actor_of(request)
    article = selectors.get_article(actor, article_id)
    services.set_article_status(
        actor=actor, article=article, status=payload.status, note=payload.note
    )
    return article_out(selectors.get_article(actor, article_id), _reader_language(actor), full=True)


@router.post(
    "/articles/{article_id}/review",
    response={200: ArticleOut, **WRITE_ERRORS},
    summary="Confirm the article still holds; sets the next review date",
)
def review(request, article_id: int, payload: ReviewIn):
    actor = actor_of(request)
    article = selectors.get_article(actor, article_id)
    services.mark_article_reviewed(
        actor=actor, article=article, review_by=payload.review_by, note=payload.note
    )
    return article_out(selectors.get_article(actor, article_id), _reader_language(actor), full=True)


@router.get(
    "/articles/{article_id}/versions", response={200: list[VersionOut], **error_responses(404)}
)
def versions(request, article_id: int):
    article = selectors.get_article(actor_of(request), article_id)
    return [
        {
            "number": version.number,
            "author": version.author.username if version.author else None,
            "created_at": version.created_at,
            "note": version.note,
        }
        for version in selectors.versions_of(article)
    ]


class DiffFilter(Schema):
    from_version: int | None = Field(None, description="Defaults to the one before to_version")
    to_version: int | None = Field(None, description="Defaults to the current version")


@router.get(
    "/articles/{article_id}/diff",
    response={200: DiffOut, **error_responses(400, 404)},
    summary="What changed between two versions, line by line",
)
def diff(request, article_id: int, filters: Query[DiffFilter]):
    article = selectors.get_article(actor_of(request), article_id)
    newer = filters.to_version or article.version
    older = filters.from_version or max(newer - 1, 1)
    old, new, changes = selectors.article_diff(article, older, newer)
    return {
        "from_version": old.number,
        "to_version": new.number,
        "changes": [
            {
                "field": change.field,
                "label": change.label,
                "language": change.language,
                "lines": [{"op": line.op, "text": line.text} for line in change.lines],
            }
            for change in changes
        ],
    }


# --- checklists, service cards, notices ---------------------------------------------------------


@router.get("/checklists", response=list[ChecklistOut])
@paginate(Pagination)
def list_checklists(request, case_type_id: int | None = None):
    checklists = selectors.checklists_for_actor(actor_of(request))
    if case_type_id is not None:
        checklists = checklists.filter(case_type_id=case_type_id)
    return [checklist_out(checklist) for checklist in checklists]


@router.get("/checklists/{checklist_id}", response={200: ChecklistOut, **error_responses(404)})
def get_checklist(request, checklist_id: int):
    return checklist_out(selectors.get_checklist(actor_of(request), checklist_id))


@router.get("/service-cards", response=list[ServiceCardOut])
@paginate(Pagination)
def list_cards(
    request,
    producer_id: int | None = None,
    service_point_id: int | None = None,
    delivery: str = "",
):
    cards = selectors.card_list(
        actor_of(request),
        producer_id=producer_id,
        service_point_id=service_point_id,
        delivery=delivery,
    ).prefetch_related("case_types", "service_points")
    return [card_out(card) for card in cards]


@router.get("/service-cards/{card_id}", response={200: ServiceCardOut, **error_responses(404)})
def get_card(request, card_id: int):
    return card_out(selectors.get_card(actor_of(request), card_id))


@router.get("/notices", response=list[NoticeOut], summary="Notices valid today")
@paginate(Pagination)
def list_notices(request):
    return selectors.notices_for_actor(actor_of(request)).current()


@router.get("/notices/{notice_id}", response={200: NoticeOut, **error_responses(404)})
def get_notice(request, notice_id: int):
    return selectors.get_notice(actor_of(request), notice_id)
