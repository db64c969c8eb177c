"""The knowledge base: articles, checklists, service cards, notices, the directory, quizzes.

Articles and service cards are written once per language (a translation row per language)
and keep an append-only version per change with who and when. Checklists, notices, directory
entries and quizzes are configuration, recorded by django-auditlog (`audit.py`).
"""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicdesk.core.i18n import LANGUAGE_CHOICES, LANGUAGE_CODES, TranslatedNameMixin, pick
from civicdesk.core.models import TenantModel, TenantQuerySet, TimeStampedModel
from civicdesk.knowledge.choices import (
    BOOKED_DELIVERIES,
    Audience,
    Delivery,
    DirectoryKind,
    NoticeCategory,
    PublicationStatus,
)


def today() -> datetime.date:
    return timezone.localdate()


# --- shared pieces ------------------------------------------------------------------------------


class TranslatedContent(models.Model):
    """A language version of a text written per language (an article, a service card)."""

    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)

    class Meta:
        abstract = True


class TranslationsMixin:
    """For models with a `translations` relation of TranslatedContent rows."""

    def translation_map(self) -> dict[str, TranslatedContent]:
        # .all() so that a prefetch_related("translations") serves it without a query.
        return {row.language: row for row in self.translations.all()}

    def languages(self) -> list[str]:
        found = self.translation_map()
        return [code for code in LANGUAGE_CODES if code in found]

    def translation_in(self, *preferred: str | None):
        """The version in the first preferred language there is, then the organisation's
        language, then any (pl, sv, fi, en order); None only for an empty object."""
        found = self.translation_map()
        organisation_language = getattr(self.organisation, "default_language", None)
        for code in (*preferred, organisation_language, *LANGUAGE_CODES):
            if code in found:
                return found[code]
        return None


class Version(models.Model):
    """One saved state of a versioned object: a snapshot with who and when, never changed."""

    number = models.PositiveIntegerField(_("version"))
    author = models.ForeignKey(
        "org.User", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("who")
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    snapshot = models.JSONField(default=dict)

    class Meta:
        abstract = True
        ordering = ["-number"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Versions are append-only; save a new version instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Versions are append-only.")


# --- articles -----------------------------------------------------------------------------------


class Tag(TenantModel):
    name = models.CharField(_("name"), max_length=60)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="knowledge_tag_unique")
        ]

    def __str__(self) -> str:
        return self.name


class ArticleQuerySet(TenantQuerySet):
    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED)

    def public(self):
        return self.published().filter(audience=Audience.PUBLIC)

    def stale(self, on: datetime.date | None = None):
        """Published articles whose review date has passed: the rules may have changed."""
        return self.published().filter(review_by__lt=on or today())


class Article(TranslationsMixin, TenantModel):
    """An answer written by a department's experts, with a version per language."""

    department = models.ForeignKey(
        "org.Department",
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=_("owning department"),
    )
    owner = models.ForeignKey(
        "org.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_articles",
        verbose_name=_("owner"),
        help_text=_("Keeps the article current and is reminded when it is due for review."),
    )
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.INTERNAL
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles", verbose_name=_("tags"))
    case_types = models.ManyToManyField(
        "catalog.CaseType",
        blank=True,
        related_name="articles",
        verbose_name=_("case types it answers"),
    )
    review_by = models.DateField(_("review by"))
    reviewed_at = models.DateTimeField(_("last reviewed"), null=True, blank=True)
    content_updated_at = models.DateTimeField(
        _("content confirmed"),
        default=timezone.now,
        help_text=_("When the text last changed or was confirmed in a review."),
    )
    published_at = models.DateTimeField(_("first published"), null=True, blank=True)
    version = models.PositiveIntegerField(_("current version"), default=0)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-content_updated_at", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "status", "review_by"], name="article_review_idx"),
            models.Index(fields=["owner", "status", "review_by"], name="article_owner_review_idx"),
        ]

    def __str__(self) -> str:
        translation = self.translation_in()
        return translation.title if translation else f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("knowledge:article", args=[self.pk])

    @property
    def is_stale(self) -> bool:
        return self.status == PublicationStatus.PUBLISHED and self.review_by < today()

    @property
    def is_public(self) -> bool:
        return self.audience == Audience.PUBLIC


class ArticleTranslation(TranslatedContent, TimeStampedModel):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="translations")
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    body = models.TextField(_("text"), blank=True, help_text=_("Sanitised HTML."))
    body_text = models.TextField(_("text without markup"), blank=True, editable=False)

    class Meta:
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        ordering = ["article", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "language"], name="article_translation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"

    @property
    def tenant_organisation_id(self) -> int:
        return self.article.organisation_id


class ArticleVersion(Version):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")

    class Meta(Version.Meta):
        verbose_name = _("article version")
        verbose_name_plural = _("article versions")
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="article_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.article_id} v{self.number}"

    @property
    def tenant_organisation_id(self) -> int:
        return self.article.organisation_id


# --- checklists ---------------------------------------------------------------------------------


class Checklist(TranslatedNameMixin, TenantModel):
    """How a department wants a case type handled, step by step."""

    name_pl = models.CharField(_("name (Polish)"), max_length=200, blank=True)
    name_sv = models.CharField(_("name (Swedish)"), max_length=200, blank=True)
    name_fi = models.CharField(_("name (Finnish)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    case_type = models.ForeignKey(
        "catalog.CaseType",
        on_delete=models.PROTECT,
        related_name="checklists",
        verbose_name=_("case type"),
    )
    department = models.ForeignKey(
        "org.Department",
        on_delete=models.PROTECT,
        related_name="checklists",
        verbose_name=_("owning department"),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("checklist")
        verbose_name_plural = _("checklists")
        ordering = ["case_type", "pk"]

    def get_absolute_url(self) -> str:
        return reverse("knowledge:checklist", args=[self.pk])


class ChecklistStep(models.Model):
    checklist = models.ForeignKey(Checklist, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveIntegerField(_("position"))
    text_pl = models.CharField(_("step (Polish)"), max_length=500, blank=True)
    text_sv = models.CharField(_("step (Swedish)"), max_length=500, blank=True)
    text_fi = models.CharField(_("step (Finnish)"), max_length=500, blank=True)
    text_en = models.CharField(_("step (English)"), max_length=500, blank=True)
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_(
            "Steps removed from a checklist stay, inactive, for the cases that ticked them."
        ),
    )

    class Meta:
        verbose_name = _("checklist step")
        verbose_name_plural = _("checklist steps")
        ordering = ["checklist", "position", "pk"]

    def __str__(self) -> str:
        return self.text_in()

    def texts(self) -> dict[str, str]:
        return {code: getattr(self, f"text_{code}") for code in LANGUAGE_CODES}

    def text_in(self, *preferred: str | None) -> str:
        from django.utils import translation

        return pick(self.texts(), *preferred, translation.get_language())

    @property
    def text(self) -> str:
        return self.text_in()

    @property
    def tenant_organisation_id(self) -> int:
        return self.checklist.organisation_id


# --- service catalogue --------------------------------------------------------------------------


class ServiceCardQuerySet(TenantQuerySet):
    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED)


class ServiceCard(TranslationsMixin, TenantModel):
    """A producer's service and exactly how a service point serves it (palvelukortti)."""

    producer = models.ForeignKey(
        "org.Department",
        on_delete=models.PROTECT,
        related_name="service_cards",
        verbose_name=_("service producer"),
    )
    code = models.SlugField(_("code"), max_length=60)
    delivery = models.CharField(_("delivered as"), max_length=12, choices=Delivery.choices)
    eservice_url = models.URLField(_("e-service address"), blank=True)
    support_phone = models.CharField(_("support phone for advisors"), max_length=40, blank=True)
    support_email = models.EmailField(_("support e-mail for advisors"), blank=True)
    support_chat_url = models.URLField(_("support chat for advisors"), blank=True)
    support_hours = models.CharField(_("support hours"), max_length=120, blank=True)
    links = models.JSONField(
        _("links"), default=list, blank=True, help_text=_("[{“title”: …, “url”: …}]")
    )
    case_types = models.ManyToManyField(
        "catalog.CaseType", blank=True, related_name="service_cards", verbose_name=_("case types")
    )
    service_points = models.ManyToManyField(
        "org.ServicePoint",
        through="ServiceOffering",
        blank=True,
        related_name="service_cards",
        verbose_name=_("offered at"),
    )
    maintainer = models.ForeignKey(
        "org.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="maintained_service_cards",
        verbose_name=_("maintainer"),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
    )
    content_updated_at = models.DateTimeField(_("content changed"), default=timezone.now)
    version = models.PositiveIntegerField(_("current version"), default=0)

    objects = ServiceCardQuerySet.as_manager()

    class Meta:
        verbose_name = _("service card")
        verbose_name_plural = _("service cards")
        ordering = ["producer", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "code"], name="service_card_code_unique"
            ),
            models.CheckConstraint(
                condition=~Q(delivery=Delivery.ESERVICE) | ~Q(eservice_url=""),
                name="service_card_eservice_has_url",
                violation_error_message=_("A card delivered as an e-service needs its address."),
            ),
        ]

    def __str__(self) -> str:
        translation = self.translation_in()
        return translation.name if translation else self.code

    def get_absolute_url(self) -> str:
        return reverse("knowledge:card", args=[self.pk])

    @property
    def needs_booking(self) -> bool:
        return self.delivery in BOOKED_DELIVERIES


class ServiceCardTranslation(TranslatedContent, TimeStampedModel):
    card = models.ForeignKey(ServiceCard, on_delete=models.CASCADE, related_name="translations")
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("what the service is"), blank=True)
    eligibility = models.TextField(_("who may use it"), blank=True)
    documents = models.TextField(_("required documents"), blank=True)
    fees = models.TextField(_("fees"), blank=True)
    instructions = models.TextField(_("how to serve it"), blank=True)

    class Meta:
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        ordering = ["card", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["card", "language"], name="service_card_translation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.language})"

    @property
    def tenant_organisation_id(self) -> int:
        return self.card.organisation_id

    def text(self) -> str:
        return "\n".join(
            part
            for part in (
                self.description,
                self.eligibility,
                self.documents,
                self.fees,
                self.instructions,
            )
            if part
        )


class ServiceCardVersion(Version):
    card = models.ForeignKey(ServiceCard, on_delete=models.CASCADE, related_name="versions")

    class Meta(Version.Meta):
        verbose_name = _("service card version")
        verbose_name_plural = _("service card versions")
        constraints = [
            models.UniqueConstraint(fields=["card", "number"], name="service_card_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.card_id} v{self.number}"

    @property
    def tenant_organisation_id(self) -> int:
        return self.card.organisation_id


class ServiceOffering(models.Model):
    """A service point's catalogue: the services it offers."""

    service_point = models.ForeignKey(
        "org.ServicePoint",
        on_delete=models.CASCADE,
        related_name="offerings",
        verbose_name=_("service point"),
    )
    card = models.ForeignKey(
        ServiceCard, on_delete=models.CASCADE, related_name="offerings", verbose_name=_("service")
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("service offered")
        verbose_name_plural = _("services offered")
        constraints = [
            models.UniqueConstraint(
                fields=["service_point", "card"], name="service_offering_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service_point} · {self.card}"

    @property
    def tenant_organisation_id(self) -> int:
        return self.card.organisation_id


# --- notices and the directory ------------------------------------------------------------------


class NoticeQuerySet(TenantQuerySet):
    def current(self, on: datetime.date | None = None):
        """Valid today: expired notices disappear by themselves, without a job."""
        on = on or today()
        return self.filter(valid_from__lte=on, valid_until__gte=on)


class Notice(TenantModel):
    """Current local information for the intranet, valid between two dates."""

    department = models.ForeignKey(
        "org.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="notices",
        verbose_name=_("department"),
    )
    service_point = models.ForeignKey(
        "org.ServicePoint",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="notices",
        verbose_name=_("office"),
    )
    category = models.CharField(_("category"), max_length=20, choices=NoticeCategory.choices)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True, help_text=_("Sanitised HTML."))
    body_text = models.TextField(_("text without markup"), blank=True, editable=False)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    author = models.ForeignKey(
        "org.User", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("author")
    )

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-valid_from", "-pk"]
        indexes = [models.Index(fields=["organisation", "valid_until"], name="notice_validity_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=models.F("valid_from")),
                name="notice_valid_until_after_from",
                violation_error_message=_("A notice cannot end before it starts."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:notice", args=[self.pk])

    @property
    def is_current(self) -> bool:
        return self.valid_from <= today() <= self.valid_until


class DirectoryEntry(TenantModel):
    """An institution or a second-line consultant the front line may refer to or call."""

    kind = models.CharField(_("kind"), max_length=12, choices=DirectoryKind.choices)
    name = models.CharField(_("name"), max_length=200)
    institution = models.CharField(
        _("institution"),
        max_length=200,
        blank=True,
        help_text=_("For a consultant, where they work."),
    )
    department = models.ForeignKey(
        "org.Department",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="directory_entries",
        verbose_name=_("department"),
    )
    role = models.CharField(_("role or subject"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("directory entry")
        verbose_name_plural = _("directory entries")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("knowledge:directory") + f"#entry-{self.pk}"


# --- knowledge tests ----------------------------------------------------------------------------


class Quiz(TenantModel):
    """A short test a team lead builds from articles."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)
    topic = models.ForeignKey(
        "catalog.Topic",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quizzes",
        verbose_name=_("topic"),
    )
    articles = models.ManyToManyField(
        Article, blank=True, related_name="quizzes", verbose_name=_("built from")
    )
    created_by = models.ForeignKey(
        "org.User",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    is_active = models.BooleanField(_("open to agents"), default=False)

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class QuizQuestion(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveIntegerField(_("position"))
    text = models.CharField(_("question"), max_length=500)
    explanation = models.TextField(_("explanation shown after answering"), blank=True)
    article = models.ForeignKey(
        Article,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quiz_questions",
        verbose_name=_("source article"),
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["quiz", "position", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def tenant_organisation_id(self) -> int:
        return self.quiz.organisation_id


class QuizChoice(models.Model):
    question = models.ForeignKey(QuizQuestion, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveIntegerField(_("position"))
    text = models.CharField(_("answer"), max_length=300)
    is_correct = models.BooleanField(_("correct"), default=False)

    class Meta:
        verbose_name = _("answer option")
        verbose_name_plural = _("answer options")
        ordering = ["question", "position", "pk"]

    def __str__(self) -> str:
        return self.text


class QuizAttempt(TenantModel):
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    user = models.ForeignKey(
        "org.User", on_delete=models.CASCADE, related_name="quiz_attempts", verbose_name=_("agent")
    )
    score = models.PositiveIntegerField(_("correct answers"))
    total = models.PositiveIntegerField(_("questions"))

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["quiz", "user"], name="quiz_attempt_user_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__lte=models.F("total")), name="quiz_attempt_score_in_range"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.quiz}: {self.score}/{self.total}"

    @property
    def percent(self) -> int:
        return round(100 * self.score / self.total) if self.total else 0


class QuizAnswer(models.Model):
    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(QuizQuestion, on_delete=models.CASCADE, related_name="answers")
    choice = models.ForeignKey(QuizChoice, on_delete=models.SET_NULL, null=True, related_name="+")
    is_correct = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("quiz answer")
        verbose_name_plural = _("quiz answers")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="quiz_answer_unique")
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id}/{self.question_id}"
