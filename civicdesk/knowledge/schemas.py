from __future__ import annotations

import datetime

from ninja import Field, Schema

from civicdesk.knowledge.choices import Audience, Delivery, NoticeCategory, PublicationStatus


class TranslationIn(Schema):
    title: str = ""
    summary: str = ""
    body: str = Field("", description="HTML; sanitised, malformed markup is refused")


class TranslationOut(Schema):
    language: str
    title: str
    summary: str
    body: str = Field(description="Sanitised HTML")


class ArticleIn(Schema):
    department_id: int
    translations: dict[str, TranslationIn] = Field(
        description="Language versions keyed by pl, sv, fi or en; at least one with a title."
    )
    audience: Audience = Audience.INTERNAL
    tags: list[str] = []
    case_type_ids: list[int] = []
    owner_id: int | None = Field(None, description="Defaults to the caller")
    review_by: datetime.date | None = Field(None, description="Defaults to six months ahead")
    publish: bool = False
    note: str = ""


class ArticlePatch(Schema):
    translations: dict[str, TranslationIn | None] | None = Field(
        None, description="The languages to change; null removes a language version."
    )
    department_id: int | None = None
    audience: Audience | None = None
    tags: list[str] | None = None
    case_type_ids: list[int] | None = None
    owner_id: int | None = None
    review_by: datetime.date | None = None
    note: str = ""


class StatusIn(Schema):
    status: PublicationStatus
    note: str = ""


class ReviewIn(Schema):
    review_by: datetime.date | None = None
    note: str = ""


class ArticleListOut(Schema):
    id: int
    title: str
    summary: str
    language: str
    languages: list[str]
    department_id: int
    audience: Audience
    status: PublicationStatus
    review_by: datetime.date
    is_stale: bool
    version: int


class ArticleOut(ArticleListOut):
    owner_id: int | None
    tags: list[str]
    case_type_ids: list[int]
    content_updated_at: datetime.datetime
    translations: list[TranslationOut]


class VersionOut(Schema):
    number: int
    author: str | None
    created_at: datetime.datetime
    note: str


class DiffLineOut(Schema):
    op: str = Field(description="equal, delete or insert")
    text: str


class ChangeOut(Schema):
    field: str
    label: str
    language: str | None
    lines: list[DiffLineOut]


class DiffOut(Schema):
    from_version: int
    to_version: int
    changes: list[ChangeOut]


class StepOut(Schema):
    id: int
    position: int
    text: str
    texts: dict[str, str]


class ChecklistOut(Schema):
    id: int
    name: str
    names: dict[str, str]
    case_type_id: int
    department_id: int
    is_active: bool
    steps: list[StepOut]


class StepStateOut(Schema):
    id: int
    text: str
    done: bool
    by: str | None = None
    at: datetime.datetime | None = None


class ChecklistOnCaseOut(Schema):
    id: int
    name: str
    steps: list[StepStateOut]


class ChecklistTickIn(Schema):
    step_id: int
    done: bool = True


class CardTranslationOut(Schema):
    language: str
    name: str
    description: str
    eligibility: str
    documents: str
    fees: str
    instructions: str


class LinkOut(Schema):
    title: str
    url: str


class ServiceCardOut(Schema):
    id: int
    code: str
    name: str
    producer_id: int
    delivery: Delivery
    needs_booking: bool
    eservice_url: str
    support_phone: str
    support_email: str
    support_chat_url: str
    support_hours: str
    links: list[LinkOut]
    status: PublicationStatus
    version: int
    case_type_ids: list[int]
    service_point_ids: list[int]
    translations: list[CardTranslationOut]


class NoticeOut(Schema):
    id: int
    category: NoticeCategory
    language: str
    title: str
    body: str = Field(description="Sanitised HTML")
    valid_from: datetime.date
    valid_until: datetime.date
    department_id: int | None
    service_point_id: int | None


class ResultOut(Schema):
    kind: str = Field(description="article, checklist, service_card, notice or directory")
    id: int
    title: str
    snippet: str = Field(description="Matching words marked with <mark>")
    language: str | None
    url: str
    score: float


class SuggestionsOut(Schema):
    articles: list[ResultOut]
    checklists: list[ResultOut]
    service_cards: list[ResultOut]
