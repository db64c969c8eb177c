from django.utils.translation import gettext_lazy
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from civicdesk.catalog import selectors, services
from civicdesk.catalog.choices import RosaTier
from civicdesk.catalog.schemas import CaseTypeIn, CaseTypeOut, CaseTypePatch, TopicOut
from civicdesk.core.api import actor_of, error_responses
from civicdesk.core.errors import DomainError
from civicdesk.core.pagination import Pagination
from civicdesk.org import selectors as org_selectors

router = Router(tags=["catalogue"])


class CaseTypeFilter(Schema):
    q: str | None = None
    topic_id: int | None = None
    rosa_tier: RosaTier | None = None
    department_id: int | None = None


@router.get("/topics", response=list[TopicOut])
@paginate(Pagination)
def list_topics(request):
    return selectors.topics_for_actor(actor_of(request))


@router.get(
    "/case-types",
    response=list[CaseTypeOut],
    summary="Case types, with type-ahead over names in every language",
)
@paginate(Pagination)
def list_case_types(request, filters: Query[CaseTypeFilter]):
    actor = actor_of(request)
    queryset = (
        selectors.search_case_types(actor, filters.q, limit=None)
        if filters.q
        else selectors.case_types_for_actor(actor)
    )
    for field in ("topic_id", "rosa_tier", "department_id"):
        value = getattr(filters, field)
        if value is not None:
            queryset = queryset.filter(**{field: value})
    return queryset


@router.get("/case-types/{case_type_id}", response={200: CaseTypeOut, **error_responses(404)})
def get_case_type(request, case_type_id: int):
    return selectors.get_case_type(actor_of(request), case_type_id)


_REFERENCES = {
    "department_id": ("department", org_selectors.get_department),
    "topic_id": ("topic", selectors.get_topic),
    "default_group_id": ("default_group", org_selectors.get_answer_group),
}
_MISSING = {
    "department_id": gettext_lazy("There is no such department."),
    "topic_id": gettext_lazy("There is no such topic."),
    "default_group_id": gettext_lazy("There is no such answer group."),
}


def _referenced_rows(actor, values: dict) -> dict:
    """Fetches referenced rows through the actor: another organisation's ids do not exist."""
    related = {}
    for field, (name, getter) in _REFERENCES.items():
        if field not in values:
            continue
        if values[field] is None:
            related[name] = None
            continue
        try:
            related[name] = getter(actor, values[field])
        except DomainError:
            raise DomainError(_MISSING[field], field=field) from None
    return related


@router.post("/case-types", response={201: CaseTypeOut, **error_responses(400, 403)})
def create_case_type(request, payload: CaseTypeIn):
    actor = actor_of(request)
    related = _referenced_rows(actor, payload.dict())
    case_type = services.create_case_type(
        actor=actor,
        organisation=related["department"].organisation,
        code=payload.code,
        names=payload.names,
        rosa_tier=payload.rosa_tier,
        confidential_by_default=payload.confidential_by_default,
        handled_by_centre=payload.handled_by_centre,
        department_minutes=payload.department_minutes,
        **related,
    )
    return Status(201, case_type)


@router.patch(
    "/case-types/{case_type_id}", response={200: CaseTypeOut, **error_responses(400, 403, 404)}
)
def update_case_type(request, case_type_id: int, payload: CaseTypePatch):
    actor = actor_of(request)
    case_type = selectors.get_case_type(actor, case_type_id)
    changes = payload.dict(exclude_unset=True)
    names = changes.pop("names", None)
    related = _referenced_rows(actor, changes)
    changes = {key: value for key, value in changes.items() if key not in _REFERENCES}
    changes.update(related)
    return services.update_case_type(actor=actor, case_type=case_type, names=names, **changes)
