from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from civicdesk.catalog.choices import RosaTier
from civicdesk.core.i18n import TranslatedNameMixin
from civicdesk.core.models import TenantModel


class TranslatedName(TranslatedNameMixin, TenantModel):
    """A catalogue entry named in each shipped language; one name is enough to exist."""

    name_pl = models.CharField(_("name (Polish)"), max_length=200, blank=True)
    name_sv = models.CharField(_("name (Swedish)"), max_length=200, blank=True)
    name_fi = models.CharField(_("name (Finnish)"), max_length=200, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def clean(self) -> None:
        if not any(self.names().values()):
            raise ValidationError(_("Give a name in at least one language."))


class Topic(TranslatedName):
    """What a citizen wants, as they would say it: "I am looking for a job"."""

    code = models.SlugField(_("code"), max_length=40)
    position = models.PositiveIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="topic_code_unique")
        ]


class CaseType(TranslatedName):
    """A kind of matter, owned by a department, with who should handle it and how."""

    code = models.SlugField(_("code"), max_length=60)
    topic = models.ForeignKey(
        Topic,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_types",
        verbose_name=_("topic"),
    )
    department = models.ForeignKey(
        "org.Department",
        on_delete=models.PROTECT,
        related_name="case_types",
        verbose_name=_("owning department"),
    )
    rosa_tier = models.CharField(
        _("handled by"), max_length=12, choices=RosaTier.choices, default=RosaTier.GENERAL
    )
    default_group = models.ForeignKey(
        "org.AnswerGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="default_for_case_types",
        verbose_name=_("default answer group"),
        help_text=_("Where cases of this type are forwarded unless the agent picks another."),
    )
    confidential_by_default = models.BooleanField(
        _("confidential by default"),
        default=False,
        help_text=_("New cases of this type are visible only to their group."),
    )
    handled_by_centre = models.BooleanField(
        _("handled by the contact centre"),
        default=True,
        help_text=_("Whether the department's contract lets the centre answer this case type."),
    )
    department_minutes = models.PositiveIntegerField(
        _("department's minutes per case"),
        null=True,
        blank=True,
        help_text=_(
            "The time the department agreed it would spend on a case of this type; a case the "
            "centre resolves saves it (the relief report)."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("case type")
        verbose_name_plural = _("case types")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="case_type_code_unique")
        ]

    def clean(self) -> None:
        super().clean()
        errors = {}
        for field in ("department", "default_group", "topic"):
            related = getattr(self, field, None)
            if related is not None and related.organisation_id != self.organisation_id:
                errors[field] = _("This belongs to another organisation.")
        if errors:
            raise ValidationError(errors)
