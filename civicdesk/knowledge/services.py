"""Every write to the knowledge base. Each function checks the actor, validates all input
before its first write, and changes, versions (articles, service cards) and re-indexes in one
transaction; bad input raises DomainError and changes nothing."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from civicdesk.catalog.models import CaseType, Topic
from civicdesk.core import authz
from civicdesk.core.errors import DomainError
from civicdesk.core.i18n import LANGUAGE_CODES, validate_language
from civicdesk.integrations.mail import queue_email
from civicdesk.integrations.models import OutboundEmail
from civicdesk.knowledge import search
from civicdesk.knowledge.choices import (
    Audience,
    Delivery,
    DirectoryKind,
    NoticeCategory,
    PublicationStatus,
)
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
    QuizChoice,
    QuizQuestion,
    ServiceCard,
    ServiceCardTranslation,
    ServiceCardVersion,
    ServiceOffering,
    Tag,
    today,
)
from civicdesk.knowledge.richtext import clean_html, to_text
from civicdesk.knowledge.versions import CARD_TEXTS, article_snapshot, card_snapshot
from civicdesk.org.models import Department, Organisation, ServicePoint, User

REVIEW_PERIOD: Final = datetime.timedelta(days=182)  # rules change: look again twice a year
MAX_TITLE: Final = 200
MAX_SUMMARY: Final = 500
MAX_NOTE: Final = 300
MAX_TAGS: Final = 20
MAX_TAG: Final = 60
MAX_STEPS: Final = 50
MAX_STEP: Final = 500
MAX_CARD_TEXT: Final = 20_000
MAX_LINKS: Final = 20
MAX_QUESTIONS: Final = 30
MAX_CHOICES: Final = 6
UNCHANGED: Final = object()


# --- validation helpers -----------------------------------------------------------------------


def _text(value: Any, *, field: str, required: bool = False, limit: int) -> str:
    if value is not None and not isinstance(value, str):
        raise DomainError(_("This must be text."), field=field)
    value = (value or "").strip()
    if required and not value:
        raise DomainError(_("This cannot be empty."), field=field)
    if len(value) > limit:
        raise DomainError(
            _("This is too long: %(length)s characters, at most %(limit)s.")
            % {"length": len(value), "limit": limit},
            field=field,
            code="too_long",
        )
    return value


def _choice(value: str, choices, *, field: str) -> str:
    if value not in choices.values:
        raise DomainError(
            _("“%(value)s” is not one of: %(choices)s.")
            % {"value": value, "choices": ", ".join(choices.values)},
            field=field,
        )
    return value


def _languages(values: Mapping, *, field: str) -> dict[str, Any]:
    """The mapping keyed by validated language codes ("SV" is "sv"; "xx" is refused)."""
    if not isinstance(values, Mapping):
        raise DomainError(_("Give the texts keyed by language: pl, sv, fi, en."), field=field)
    cleaned: dict[str, Any] = {}
    for code, value in values.items():
        cleaned[validate_language(str(code), field=field)] = value
    return cleaned


def _same_organisation(organisation_id: int, obj, *, field: str) -> None:
    if obj is not None and obj.organisation_id != organisation_id:
        raise DomainError(_("This belongs to another organisation."), field=field)


def _all_same_organisation(organisation_id: int, objects: Iterable, *, field: str) -> list:
    objects = list(objects)
    for obj in objects:
        _same_organisation(organisation_id, obj, field=field)
    return objects


def _url(value: str, *, field: str) -> str:
    value = _text(value, field=field, limit=500)
    if value:
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            raise DomainError(
                _("Enter a web address starting with https://."), field=field
            ) from None
    return value


def _email(value: str, *, field: str) -> str:
    value = _text(value, field=field, limit=254)
    if value:
        try:
            EmailValidator()(value)
        except ValidationError:
            raise DomainError(_("Enter a valid e-mail address."), field=field) from None
    return value


def _review_date(value: datetime.date | None, *, allow_past: bool = False) -> datetime.date:
    if value is None:
        return today() + REVIEW_PERIOD
    if not isinstance(value, datetime.date):
        raise DomainError(_("Enter a date."), field="review_by")
    if value < today() and not allow_past:
        raise DomainError(_("The review date cannot be in the past."), field="review_by")
    return value


def _owner(organisation_id: int, owner: User | None) -> User | None:
    if owner is None:
        return None
    _same_organisation(organisation_id, owner, field="owner")
    if not owner.is_active:
        raise DomainError(_("The owner's account is closed."), field="owner")
    return owner


def _locked(obj):
    obj.refresh_from_db(from_queryset=type(obj).objects.select_for_update())
    return obj


# --- articles -----------------------------------------------------------------------------------


def _article_texts(translations: Mapping, *, partial: bool) -> dict[str, dict[str, str] | None]:
    """Validated language versions: {code: {title, summary, body}} with sanitised HTML, or
    None for a language to remove (only when `partial`)."""
    cleaned: dict[str, dict[str, str] | None] = {}
    for code, values in _languages(translations, field="translations").items():
        field = f"translations.{code}"
        if values is None and partial:
            cleaned[code] = None
            continue
        if not isinstance(values, Mapping):
            raise DomainError(_("Give the title, summary and text of each language."), field=field)
        unknown = set(values) - {"title", "summary", "body"}
        if unknown:
            raise DomainError(
                _("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(map(str, unknown)))},
                field=field,
            )
        title = _text(values.get("title"), field=f"{field}.title", limit=MAX_TITLE)
        summary = _text(values.get("summary"), field=f"{field}.summary", limit=MAX_SUMMARY)
        body = clean_html(_text(values.get("body"), field=f"{field}.body", limit=10**7),
                          field=f"{field}.body")  # fmt: skip
        if not (title or summary or body):
            if partial:
                cleaned[code] = None
                continue
            continue
        if not title:
            raise DomainError(
                _("The %(language)s version needs a title.") % {"language": code},
                field=f"{field}.title",
            )
        cleaned[code] = {"title": title, "summary": summary, "body": body}
    return cleaned


def _tags(organisation_id: int, names: Iterable[str]) -> list[str]:
    if isinstance(names, str):
        names = names.split(",")
    cleaned = list(
        dict.fromkeys(
            name for raw in names if (name := _text(raw, field="tags", limit=MAX_TAG).lower())
        )
    )
    if len(cleaned) > MAX_TAGS:
        raise DomainError(
            _("At most %(limit)s tags.") % {"limit": MAX_TAGS}, field="tags", code="too_long"
        )
    return cleaned


def _set_tags(article: Article, names: list[str]) -> None:
    existing = {
        tag.name: tag
        for tag in Tag.objects.filter(organisation_id=article.organisation_id, name__in=names)
    }
    tags = [
        existing.get(name) or Tag.objects.create(organisation_id=article.organisation_id, name=name)
        for name in names
    ]
    article.tags.set(tags)


def _case_types(organisation_id: int, case_types: Iterable[CaseType]) -> list[CaseType]:
    return _all_same_organisation(organisation_id, case_types, field="case_types")


def _write_translations(article: Article, texts: Mapping[str, dict | None]) -> list[int]:
    """Creates, updates or removes language versions; returns the ids removed."""
    existing = {row.language: row for row in article.translations.all()}
    removed: list[int] = []
    for code, values in texts.items():
        row = existing.get(code)
        if values is None:
            if row is not None:
                removed.append(row.pk)
                row.delete()
            continue
        if row is None:
            row = ArticleTranslation(article=article, language=code)
        row.title, row.summary, row.body = values["title"], values["summary"], values["body"]
        row.body_text = to_text(values["body"])
        row.save()
    if removed or any(values is not None for values in texts.values()):
        article._prefetched_objects_cache = {}
    return removed


def _article_version(article: Article, *, actor: User | None, note: str) -> ArticleVersion:
    article.version += 1
    article.save(update_fields=["version", "updated_at"])
    article._prefetched_objects_cache = {}
    return ArticleVersion.objects.create(
        article=article,
        number=article.version,
        author=actor,
        note=note,
        snapshot=article_snapshot(article),
    )


@transaction.atomic
def create_article(
    *,
    actor: User,
    department: Department,
    translations: Mapping[str, Mapping[str, str]],
    audience: str = Audience.INTERNAL,
    tags: Iterable[str] = (),
    case_types: Iterable[CaseType] = (),
    owner: User | None = None,
    review_by: datetime.date | None = None,
    publish: bool = False,
    note: str = "",
    content_updated_at: datetime.datetime | None = None,
) -> Article:
    """A new article, as a draft or published at once; version 1 records it.

    content_updated_at is for importing existing content with the date it was last
    confirmed (it weighs in freshness); new writing leaves it to now."""
    authz.require(actor, "knowledge.edit_article", department)
    organisation_id = department.organisation_id
    audience = _choice(audience, Audience, field="audience")
    texts = _article_texts(translations, partial=False)
    if not texts:
        raise DomainError(
            _("Give the article a title in at least one language."), field="translations"
        )
    tag_names = _tags(organisation_id, tags)
    case_types = _case_types(organisation_id, case_types)
    owner = _owner(organisation_id, owner if owner is not None else actor)
    # Imported content (with its own date) may already be due for review.
    review_by = _review_date(review_by, allow_past=content_updated_at is not None)
    note = _text(note, field="note", limit=MAX_NOTE)
    now = timezone.now()
    if (
        content_updated_at is not None
        and not now - datetime.timedelta(days=3650) <= content_updated_at <= now
    ):
        raise DomainError(
            _("The content date must lie within the last ten years."), field="content_updated_at"
        )

    article = Article.objects.create(
        organisation_id=organisation_id,
        department=department,
        owner=owner,
        audience=audience,
        status=PublicationStatus.PUBLISHED if publish else PublicationStatus.DRAFT,
        review_by=review_by,
        content_updated_at=content_updated_at or now,
        published_at=now if publish else None,
    )
    _write_translations(article, texts)
    _set_tags(article, tag_names)
    article.case_types.set(case_types)
    _article_version(article, actor=actor, note=note or _("Created"))
    search.index_article(article)
    return article


@transaction.atomic
def update_article(
    *,
    actor: User,
    article: Article,
    translations: Mapping[str, Mapping[str, str] | None] | None = None,
    audience: str | None = None,
    department: Department | None = None,
    owner: User | object | None = UNCHANGED,
    tags: Iterable[str] | None = None,
    case_types: Iterable[CaseType] | None = None,
    review_by: datetime.date | None = None,
    note: str = "",
) -> Article:
    """Changes what is given; a language given as None (or emptied) is removed. A change
    makes a new version; nothing changed makes none."""
    _locked(article)
    authz.require(actor, "knowledge.edit_article", article)
    organisation_id = article.organisation_id
    if department is not None:
        _same_organisation(organisation_id, department, field="department")
        authz.require(actor, "knowledge.edit_article", department)
    if audience is not None:
        audience = _choice(audience, Audience, field="audience")
    texts = _article_texts(translations or {}, partial=True)
    current = set(article.languages())
    remaining = (current | {code for code, values in texts.items() if values}) - {
        code for code, values in texts.items() if values is None
    }
    if not remaining:
        raise DomainError(
            _("Give the article a title in at least one language."), field="translations"
        )
    tag_names = _tags(organisation_id, tags) if tags is not None else None
    case_types = _case_types(organisation_id, case_types) if case_types is not None else None
    if owner is not UNCHANGED:
        owner = _owner(organisation_id, owner)
    if review_by is not None:
        review_by = _review_date(review_by)
    note = _text(note, field="note", limit=MAX_NOTE)

    before = article_snapshot(article)
    former_ids = [row.pk for row in article.translations.all()]
    text_changed = any(
        (values or None) != (before["translations"].get(code) or None)
        for code, values in texts.items()
    )
    if audience is not None:
        article.audience = audience
    if department is not None:
        article.department = department
    if owner is not UNCHANGED:
        article.owner = owner
    if review_by is not None:
        article.review_by = review_by
    if text_changed:
        article.content_updated_at = timezone.now()
    article.save()
    _write_translations(article, texts)
    if tag_names is not None:
        _set_tags(article, tag_names)
    if case_types is not None:
        article.case_types.set(case_types)
    article._prefetched_objects_cache = {}
    if article_snapshot(article) == before:
        return article
    _article_version(article, actor=actor, note=note or _("Edited"))
    search.index_article(article, former_translation_ids=former_ids)
    return article


@transaction.atomic
def set_article_status(*, actor: User, article: Article, status: str, note: str = "") -> Article:
    """Publish, withdraw to draft or archive; a published article is what agents and, when
    public, citizens read."""
    _locked(article)
    authz.require(actor, "knowledge.edit_article", article)
    status = _choice(status, PublicationStatus, field="status")
    note = _text(note, field="note", limit=MAX_NOTE)
    if status == article.status:
        return article
    article.status = status
    if status == PublicationStatus.PUBLISHED and article.published_at is None:
        article.published_at = timezone.now()
    article.save(update_fields=["status", "published_at", "updated_at"])
    labels = {
        PublicationStatus.PUBLISHED: _("Published"),
        PublicationStatus.DRAFT: _("Withdrawn to draft"),
        PublicationStatus.ARCHIVED: _("Archived"),
    }
    _article_version(article, actor=actor, note=note or labels[status])
    search.index_article(article)
    return article


@transaction.atomic
def mark_article_reviewed(
    *, actor: User, article: Article, review_by: datetime.date | None = None, note: str = ""
) -> Article:
    """The owner confirms the article still holds; it counts as fresh again."""
    _locked(article)
    authz.require(actor, "knowledge.edit_article", article)
    review_by = _review_date(review_by)
    note = _text(note, field="note", limit=MAX_NOTE)
    now = timezone.now()
    article.reviewed_at = now
    article.content_updated_at = now
    article.review_by = review_by
    article.save(update_fields=["reviewed_at", "content_updated_at", "review_by", "updated_at"])
    _article_version(article, actor=actor, note=note or _("Reviewed: still correct"))
    search.index_article(article)
    return article


def remind_stale_article_owners(*, on: datetime.date | None = None) -> int:
    """One e-mail per owner listing their articles due for review, at most one a week (the
    outbox drops a second message with the same key). Returns the messages queued. The
    scheduler runs it daily (knowledge.tasks); `manage.py remind_stale_articles` by hand."""
    on = on or today()
    year, week, _day = on.isocalendar()
    by_owner: dict[int, list[Article]] = {}
    stale = (
        Article.objects.stale(on)
        .filter(owner__isnull=False, owner__is_active=True)
        .select_related("owner", "organisation")
        .prefetch_related("translations")
        .order_by("owner_id", "review_by")
    )
    for article in stale:
        by_owner.setdefault(article.owner_id, []).append(article)
    queued = 0
    for articles in by_owner.values():
        owner = articles[0].owner
        organisation = articles[0].organisation
        language = owner.ui_language or organisation.default_language
        with translation.override(language):
            context = {
                "owner": owner,
                "articles": [
                    (
                        article,
                        article.translation_in(language),
                        settings.SITE_URL + reverse("knowledge:article", args=[article.pk]),
                    )
                    for article in articles
                ],
                "queue_url": settings.SITE_URL + reverse("knowledge:review_queue"),
            }
            subject = render_to_string("knowledge/email/stale_subject.txt", context)
            body = render_to_string("knowledge/email/stale.txt", context)
        key = f"knowledge-stale:{owner.pk}:{year}-W{week:02d}"
        if OutboundEmail.objects.filter(dedupe_key=key).exists():
            continue
        with transaction.atomic():
            sent = queue_email(
                dedupe_key=key,
                organisation_id=organisation.pk,
                to=[owner.email],
                subject=" ".join(subject.split()),
                body_text=body,
            )
        queued += sent is not None
    return queued


# --- checklists ---------------------------------------------------------------------------------


def _names(names: Mapping, *, field: str = "names", required: bool = True) -> dict[str, str]:
    cleaned = {
        code: _text(value, field=f"{field}.{code}", limit=MAX_TITLE)
        for code, value in _languages(names, field=field).items()
    }
    if required and not any(cleaned.values()):
        raise DomainError(_("Give a name in at least one language."), field=field)
    return cleaned


def _steps(steps: Sequence) -> list[tuple[int | None, dict[str, str]]]:
    """[(existing step id or None, {language: text})], each step in at least one language."""
    if isinstance(steps, (str, Mapping)) or not isinstance(steps, Sequence):
        raise DomainError(_("Give the steps as a list."), field="steps")
    if not steps:
        raise DomainError(_("A checklist needs at least one step."), field="steps")
    if len(steps) > MAX_STEPS:
        raise DomainError(
            _("At most %(limit)s steps.") % {"limit": MAX_STEPS}, field="steps", code="too_long"
        )
    cleaned = []
    for index, step in enumerate(steps, start=1):
        field = f"steps.{index}"
        if not isinstance(step, Mapping):
            raise DomainError(_("Give each step's text by language."), field=field)
        step_id = step.get("id")
        texts = step.get("texts", {key: value for key, value in step.items() if key != "id"})
        texts = {
            code: _text(value, field=f"{field}.{code}", limit=MAX_STEP)
            for code, value in _languages(texts, field=field).items()
        }
        if not any(texts.values()):
            raise DomainError(
                _("Step %(number)s has no text in any language.") % {"number": index},
                field=field,
            )
        cleaned.append((step_id, texts))
    return cleaned


def _write_steps(checklist: Checklist, steps: list[tuple[int | None, dict[str, str]]]) -> None:
    """Steps keep their ids (ticks on cases point at them); a step left out is deactivated."""
    existing = {step.pk: step for step in checklist.steps.all()}
    kept: set[int] = set()
    for position, (step_id, texts) in enumerate(steps, start=1):
        step = existing.get(step_id) if step_id is not None else None
        if step_id is not None and step is None:
            raise DomainError(_("There is no such step in this checklist."), field="steps")
        if step is None:
            step = ChecklistStep(checklist=checklist)
        step.position, step.is_active = position, True
        for code in LANGUAGE_CODES:
            setattr(step, f"text_{code}", texts.get(code, ""))
        step.save()
        kept.add(step.pk)
    for step in existing.values():
        if step.pk not in kept and step.is_active:
            step.is_active = False
            step.save(update_fields=["is_active"])
    checklist._prefetched_objects_cache = {}


@transaction.atomic
def create_checklist(
    *,
    actor: User,
    case_type: CaseType,
    names: Mapping[str, str],
    steps: Sequence,
    department: Department | None = None,
) -> Checklist:
    department = department or case_type.department
    authz.require(actor, "knowledge.manage_checklist", department)
    _same_organisation(case_type.organisation_id, department, field="department")
    names = _names(names)
    cleaned_steps = _steps(steps)
    if any(step_id is not None for step_id, _texts in cleaned_steps):
        raise DomainError(_("There is no such step in this checklist."), field="steps")
    checklist = Checklist.objects.create(
        organisation_id=case_type.organisation_id,
        case_type=case_type,
        department=department,
        **{f"name_{code}": names.get(code, "") for code in LANGUAGE_CODES},
    )
    _write_steps(checklist, cleaned_steps)
    search.index_checklist(checklist)
    return checklist


@transaction.atomic
def update_checklist(
    *,
    actor: User,
    checklist: Checklist,
    names: Mapping[str, str] | None = None,
    steps: Sequence | None = None,
    is_active: bool | None = None,
) -> Checklist:
    _locked(checklist)
    authz.require(actor, "knowledge.manage_checklist", checklist)
    cleaned_names = _names({**checklist.names(), **names}) if names is not None else None
    cleaned_steps = _steps(steps) if steps is not None else None
    if cleaned_names is not None:
        for code in LANGUAGE_CODES:
            setattr(checklist, f"name_{code}", cleaned_names.get(code, ""))
    if is_active is not None:
        checklist.is_active = bool(is_active)
    checklist.save()
    if cleaned_steps is not None:
        _write_steps(checklist, cleaned_steps)
    search.index_checklist(checklist)
    return checklist


# --- service cards ------------------------------------------------------------------------------


def _card_texts(translations: Mapping, *, partial: bool) -> dict[str, dict[str, str] | None]:
    cleaned: dict[str, dict[str, str] | None] = {}
    for code, values in _languages(translations, field="translations").items():
        field = f"translations.{code}"
        if values is None and partial:
            cleaned[code] = None
            continue
        if not isinstance(values, Mapping):
            raise DomainError(_("Give the texts of each language."), field=field)
        unknown = set(values) - set(CARD_TEXTS)
        if unknown:
            raise DomainError(
                _("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(map(str, unknown)))},
                field=field,
            )
        texts = {
            name: _text(
                values.get(name),
                field=f"{field}.{name}",
                limit=MAX_TITLE if name == "name" else MAX_CARD_TEXT,
            )
            for name in CARD_TEXTS
        }
        if not any(texts.values()):
            if partial:
                cleaned[code] = None
            continue
        if not texts["name"]:
            raise DomainError(
                _("The %(language)s version needs a name.") % {"language": code},
                field=f"{field}.name",
            )
        cleaned[code] = texts
    return cleaned


def _links(links: Sequence) -> list[dict[str, str]]:
    if isinstance(links, (str, Mapping)) or not isinstance(links, Sequence):
        raise DomainError(_("Give the links as a list."), field="links")
    if len(links) > MAX_LINKS:
        raise DomainError(
            _("At most %(limit)s links.") % {"limit": MAX_LINKS}, field="links", code="too_long"
        )
    cleaned = []
    for link in links:
        if not isinstance(link, Mapping):
            raise DomainError(_("Give each link a title and an address."), field="links")
        title = _text(link.get("title"), field="links", required=True, limit=MAX_TITLE)
        cleaned.append({"title": title, "url": _url(link.get("url"), field="links")})
        if not cleaned[-1]["url"]:
            raise DomainError(_("Give each link a title and an address."), field="links")
    return cleaned


_CARD_SETTINGS: Final = (
    "delivery",
    "eservice_url",
    "support_phone",
    "support_email",
    "support_chat_url",
    "support_hours",
    "links",
)


def _card_settings(values: Mapping[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for name, value in values.items():
        if name == "delivery":
            cleaned[name] = _choice(value, Delivery, field=name)
        elif name in ("eservice_url", "support_chat_url"):
            cleaned[name] = _url(value, field=name)
        elif name == "support_email":
            cleaned[name] = _email(value, field=name)
        elif name == "links":
            cleaned[name] = _links(value)
        else:
            cleaned[name] = _text(value, field=name, limit=120 if name == "support_hours" else 40)
    return cleaned


def _write_card_texts(card: ServiceCard, texts: Mapping[str, dict | None]) -> None:
    existing = {row.language: row for row in card.translations.all()}
    for code, values in texts.items():
        row = existing.get(code)
        if values is None:
            if row is not None:
                row.delete()
            continue
        row = row or ServiceCardTranslation(card=card, language=code)
        for name, value in values.items():
            setattr(row, name, value)
        row.save()
    card._prefetched_objects_cache = {}


def _set_service_points(card: ServiceCard, points: list[ServicePoint]) -> None:
    wanted = {point.pk for point in points}
    card.offerings.exclude(service_point_id__in=wanted).delete()
    have = set(card.offerings.values_list("service_point_id", flat=True))
    ServiceOffering.objects.bulk_create(
        [ServiceOffering(card=card, service_point_id=pk) for pk in sorted(wanted - have)]
    )


def _card_version(card: ServiceCard, *, actor: User, note: str) -> ServiceCardVersion:
    card.version += 1
    card.save(update_fields=["version", "updated_at"])
    card._prefetched_objects_cache = {}
    return ServiceCardVersion.objects.create(
        card=card, number=card.version, author=actor, note=note, snapshot=card_snapshot(card)
    )


def _check_eservice(values: Mapping[str, Any]) -> None:
    if values.get("delivery") == Delivery.ESERVICE and not values.get("eservice_url"):
        raise DomainError(
            _("A card delivered as an e-service needs its address."), field="eservice_url"
        )


@transaction.atomic
def create_service_card(
    *,
    actor: User,
    producer: Department,
    code: str,
    delivery: str,
    translations: Mapping[str, Mapping[str, str]],
    case_types: Iterable[CaseType] = (),
    service_points: Iterable[ServicePoint] = (),
    maintainer: User | None = None,
    publish: bool = False,
    note: str = "",
    **settings_: Any,
) -> ServiceCard:
    authz.require(actor, "knowledge.manage_service_card", producer)
    organisation_id = producer.organisation_id
    unknown = set(settings_) - set(_CARD_SETTINGS)
    if unknown:
        raise DomainError(
            _("These fields cannot be set: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    code = _text(code, field="code", required=True, limit=60).lower()
    if ServiceCard.objects.filter(organisation_id=organisation_id, code=code).exists():
        raise DomainError(_("A service card with this code exists already."), field="code")
    values = _card_settings({"delivery": delivery, **settings_})
    _check_eservice(values)
    texts = _card_texts(translations, partial=False)
    if not texts:
        raise DomainError(
            _("Give the service a name in at least one language."), field="translations"
        )
    case_types = _case_types(organisation_id, case_types)
    points = _all_same_organisation(organisation_id, service_points, field="service_points")
    maintainer = _owner(organisation_id, maintainer if maintainer is not None else actor)
    note = _text(note, field="note", limit=MAX_NOTE)

    card = ServiceCard.objects.create(
        organisation_id=organisation_id,
        producer=producer,
        code=code,
        maintainer=maintainer,
        status=PublicationStatus.PUBLISHED if publish else PublicationStatus.DRAFT,
        **values,
    )
    _write_card_texts(card, texts)
    card.case_types.set(case_types)
    _set_service_points(card, points)
    _card_version(card, actor=actor, note=note or _("Created"))
    search.index_card(card)
    return card


@transaction.atomic
def update_service_card(
    *,
    actor: User,
    card: ServiceCard,
    translations: Mapping[str, Mapping[str, str] | None] | None = None,
    case_types: Iterable[CaseType] | None = None,
    service_points: Iterable[ServicePoint] | None = None,
    maintainer: User | object | None = UNCHANGED,
    status: str | None = None,
    note: str = "",
    **settings_: Any,
) -> ServiceCard:
    _locked(card)
    authz.require(actor, "knowledge.manage_service_card", card)
    organisation_id = card.organisation_id
    unknown = set(settings_) - set(_CARD_SETTINGS)
    if unknown:
        raise DomainError(
            _("These fields cannot be set: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    values = _card_settings(settings_)
    _check_eservice({"delivery": card.delivery, "eservice_url": card.eservice_url, **values})
    texts = _card_texts(translations or {}, partial=True)
    remaining = (set(card.languages()) | {c for c, v in texts.items() if v}) - {
        c for c, v in texts.items() if v is None
    }
    if not remaining:
        raise DomainError(
            _("Give the service a name in at least one language."), field="translations"
        )
    if status is not None:
        status = _choice(status, PublicationStatus, field="status")
    case_types = _case_types(organisation_id, case_types) if case_types is not None else None
    points = (
        _all_same_organisation(organisation_id, service_points, field="service_points")
        if service_points is not None
        else None
    )
    if maintainer is not UNCHANGED:
        maintainer = _owner(organisation_id, maintainer)
    note = _text(note, field="note", limit=MAX_NOTE)

    before = card_snapshot(card)
    former_ids = [row.pk for row in card.translations.all()]
    for name, value in values.items():
        setattr(card, name, value)
    if maintainer is not UNCHANGED:
        card.maintainer = maintainer
    if status is not None:
        card.status = status
    card.save()
    _write_card_texts(card, texts)
    if case_types is not None:
        card.case_types.set(case_types)
    if points is not None:
        _set_service_points(card, points)
    card._prefetched_objects_cache = {}
    after = card_snapshot(card)
    if after == before:
        return card
    if after["translations"] != before["translations"]:
        card.content_updated_at = timezone.now()
        card.save(update_fields=["content_updated_at", "updated_at"])
    _card_version(card, actor=actor, note=note or _("Edited"))
    search.index_card(card, former_translation_ids=former_ids)
    return card


# --- notices ------------------------------------------------------------------------------------


def _notice_values(organisation_id: int, values: Mapping[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for name, value in values.items():
        if name == "category":
            cleaned[name] = _choice(value, NoticeCategory, field=name)
        elif name == "language":
            cleaned[name] = validate_language(value or "", field=name)
        elif name == "title":
            cleaned[name] = _text(value, field=name, required=True, limit=MAX_TITLE)
        elif name == "body":
            cleaned[name] = clean_html(_text(value, field=name, limit=10**7), field=name)
            cleaned["body_text"] = to_text(cleaned[name])
        elif name in ("valid_from", "valid_until"):
            if not isinstance(value, datetime.date):
                raise DomainError(_("Enter a date."), field=name)
            cleaned[name] = value
        elif name in ("department", "service_point"):
            _same_organisation(organisation_id, value, field=name)
            cleaned[name] = value
        else:
            raise DomainError(_("These fields cannot be set: %(fields)s") % {"fields": name})
    return cleaned


def _check_validity(valid_from: datetime.date, valid_until: datetime.date) -> None:
    if valid_until < valid_from:
        raise DomainError(_("A notice cannot end before it starts."), field="valid_until")
    if valid_until - valid_from > datetime.timedelta(days=366):
        raise DomainError(_("A notice is valid for at most a year."), field="valid_until")


@transaction.atomic
def create_notice(
    *,
    actor: User,
    organisation: Organisation,
    category: str,
    language: str,
    title: str,
    body: str,
    valid_from: datetime.date,
    valid_until: datetime.date,
    department: Department | None = None,
    service_point: ServicePoint | None = None,
) -> Notice:
    authz.require(actor, "knowledge.manage_notice", department or organisation)
    if department is None:
        authz.require(actor, "knowledge.manage_directory", organisation)
    values = _notice_values(
        organisation.pk,
        {
            "category": category,
            "language": language,
            "title": title,
            "body": body,
            "valid_from": valid_from,
            "valid_until": valid_until,
            "department": department,
            "service_point": service_point,
        },
    )
    _check_validity(values["valid_from"], values["valid_until"])
    notice = Notice.objects.create(organisation=organisation, author=actor, **values)
    search.index_notice(notice)
    return notice


@transaction.atomic
def update_notice(*, actor: User, notice: Notice, **changes: Any) -> Notice:
    _locked(notice)
    authz.require(actor, "knowledge.manage_notice", notice)
    values = _notice_values(notice.organisation_id, changes)
    if "department" in values and values["department"] is not None:
        authz.require(actor, "knowledge.manage_notice", values["department"])
    _check_validity(
        values.get("valid_from", notice.valid_from), values.get("valid_until", notice.valid_until)
    )
    for name, value in values.items():
        setattr(notice, name, value)
    notice.save()
    search.index_notice(notice)
    return notice


@transaction.atomic
def withdraw_notice(*, actor: User, notice: Notice) -> None:
    """Takes a notice down before it expires (the audit log keeps what it said)."""
    authz.require(actor, "knowledge.manage_notice", notice)
    search.reindex(search.NOTICE, [], [notice.pk])
    notice.delete()


def forget_expired_notices(*, on: datetime.date | None = None) -> int:
    """Removes expired notices from the search index; readers filter by date anyway."""
    expired = list(
        Notice.objects.filter(valid_until__lt=on or today()).values_list("pk", flat=True)
    )
    search.reindex(search.NOTICE, [], expired)
    return len(expired)


# --- the directory ------------------------------------------------------------------------------

_DIRECTORY_FIELDS: Final = {
    "kind": 12,
    "name": MAX_TITLE,
    "institution": MAX_TITLE,
    "role": MAX_TITLE,
    "phone": 40,
    "email": 254,
    "website": 500,
    "address": 300,
    "notes": 5000,
}


def _directory_values(organisation_id: int, values: Mapping[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for name, value in values.items():
        if name == "kind":
            cleaned[name] = _choice(value, DirectoryKind, field=name)
        elif name == "email":
            cleaned[name] = _email(value, field=name)
        elif name == "website":
            cleaned[name] = _url(value, field=name)
        elif name == "department":
            _same_organisation(organisation_id, value, field=name)
            cleaned[name] = value
        elif name == "is_active":
            cleaned[name] = bool(value)
        elif name in _DIRECTORY_FIELDS:
            cleaned[name] = _text(
                value, field=name, required=name == "name", limit=_DIRECTORY_FIELDS[name]
            )
        else:
            raise DomainError(_("These fields cannot be set: %(fields)s") % {"fields": name})
    return cleaned


@transaction.atomic
def save_directory_entry(
    *,
    actor: User,
    organisation: Organisation,
    entry: DirectoryEntry | None = None,
    **values: Any,
) -> DirectoryEntry:
    """Creates an entry, or changes the given fields of `entry`."""
    authz.require(actor, "knowledge.manage_directory", entry or organisation)
    cleaned = _directory_values(organisation.pk, values)
    if entry is None:
        if "kind" not in cleaned or not cleaned.get("name"):
            raise DomainError(_("Give the entry a kind and a name."), field="name")
        entry = DirectoryEntry(organisation=organisation)
    for name, value in cleaned.items():
        setattr(entry, name, value)
    entry.save()
    search.index_directory_entry(entry)
    return entry


# --- knowledge tests ----------------------------------------------------------------------------


@transaction.atomic
def create_quiz(
    *,
    actor: User,
    organisation: Organisation,
    title: str,
    language: str,
    description: str = "",
    topic: Topic | None = None,
    articles: Iterable[Article] = (),
) -> Quiz:
    authz.require(actor, "knowledge.manage_quiz", organisation)
    title = _text(title, field="title", required=True, limit=MAX_TITLE)
    language = validate_language(language or "", field="language")
    description = _text(description, field="description", limit=2000)
    _same_organisation(organisation.pk, topic, field="topic")
    articles = _all_same_organisation(organisation.pk, articles, field="articles")
    quiz = Quiz.objects.create(
        organisation=organisation,
        title=title,
        language=language,
        description=description,
        topic=topic,
        created_by=actor,
    )
    quiz.articles.set(articles)
    return quiz


@transaction.atomic
def update_quiz(
    *,
    actor: User,
    quiz: Quiz,
    title: str | None = None,
    description: str | None = None,
    topic: Topic | object | None = UNCHANGED,
    articles: Iterable[Article] | None = None,
    is_active: bool | None = None,
) -> Quiz:
    _locked(quiz)
    authz.require(actor, "knowledge.manage_quiz", quiz)
    if title is not None:
        quiz.title = _text(title, field="title", required=True, limit=MAX_TITLE)
    if description is not None:
        quiz.description = _text(description, field="description", limit=2000)
    if topic is not UNCHANGED:
        _same_organisation(quiz.organisation_id, topic, field="topic")
        quiz.topic = topic
    if articles is not None:
        articles = _all_same_organisation(quiz.organisation_id, articles, field="articles")
    if is_active and not quiz.questions.exists():
        raise DomainError(_("Add a question before opening the quiz."), field="is_active")
    if is_active is not None:
        quiz.is_active = bool(is_active)
    quiz.save()
    if articles is not None:
        quiz.articles.set(articles)
    return quiz


@transaction.atomic
def save_question(
    *,
    actor: User,
    quiz: Quiz,
    text: str,
    choices: Sequence[str],
    correct: int,
    explanation: str = "",
    article: Article | None = None,
    question: QuizQuestion | None = None,
) -> QuizQuestion:
    """Adds a question with its answer options, or replaces `question`'s; `correct` is the
    index of the right option."""
    authz.require(actor, "knowledge.manage_quiz", quiz)
    if question is not None and question.quiz_id != quiz.pk:
        raise DomainError(_("There is no such question in this quiz."), field="question")
    if question is not None and question.answers.exists():
        raise DomainError(
            _("Agents have answered this question; add a new one instead of changing it."),
            field="question",
        )
    text = _text(text, field="text", required=True, limit=500)
    options = [_text(choice, field="choices", limit=300) for choice in choices]
    options = [option for option in options if option]
    if not 2 <= len(options) <= MAX_CHOICES:
        raise DomainError(
            _("Give between 2 and %(limit)s answer options.") % {"limit": MAX_CHOICES},
            field="choices",
        )
    if not isinstance(correct, int) or not 0 <= correct < len(options):
        raise DomainError(_("Mark the correct answer."), field="correct")
    explanation = _text(explanation, field="explanation", limit=2000)
    _same_organisation(quiz.organisation_id, article, field="article")
    if question is None:
        if quiz.questions.count() >= MAX_QUESTIONS:
            raise DomainError(
                _("A quiz has at most %(limit)s questions.") % {"limit": MAX_QUESTIONS},
                field="text",
            )
        question = QuizQuestion(quiz=quiz, position=quiz.questions.count() + 1)
    question.text, question.explanation, question.article = text, explanation, article
    question.save()
    question.choices.all().delete()
    QuizChoice.objects.bulk_create(
        QuizChoice(
            question=question, position=position, text=option, is_correct=position == correct
        )
        for position, option in enumerate(options)
    )
    quiz.save(update_fields=["updated_at"])
    return question


@transaction.atomic
def submit_quiz(*, actor: User, quiz: Quiz, answers: Mapping[int, int]) -> QuizAttempt:
    """Scores an agent's answers ({question id: choice id}); every question needs one."""
    authz.require(actor, "knowledge.take_quiz", quiz)
    if not quiz.is_active:
        raise DomainError(_("This quiz is not open."), field="quiz")
    questions = list(quiz.questions.prefetch_related("choices"))
    if not questions:
        raise DomainError(_("This quiz is not open."), field="quiz")
    chosen: list[tuple[QuizQuestion, QuizChoice]] = []
    for question in questions:
        choice_id = answers.get(question.pk)
        choice = next((c for c in question.choices.all() if c.pk == choice_id), None)
        if choice is None:
            raise DomainError(
                _("Answer question %(number)s.") % {"number": question.position},
                field=f"question_{question.pk}",
            )
        chosen.append((question, choice))
    score = sum(choice.is_correct for _question, choice in chosen)
    attempt = QuizAttempt.objects.create(
        organisation_id=quiz.organisation_id, quiz=quiz, user=actor, score=score, total=len(chosen)
    )
    QuizAnswer.objects.bulk_create(
        QuizAnswer(attempt=attempt, question=question, choice=choice, is_correct=choice.is_correct)
        for question, choice in chosen
    )
    return attempt
