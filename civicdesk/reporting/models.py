from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from civicdesk.core.models import TenantModel


class DigestKind(models.TextChoices):
    WEEKLY_OVERDUE = "weekly_overdue", _("Weekly summary of overdue cases")
    MONTHLY_STATISTICS = "monthly_statistics", _("Monthly statistics")


class Digest(TenantModel):
    """A summary made once per period and scope, kept so it can be read in the app later.

    The unique (kind, scope, period) row is what makes a rerun of the job harmless.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=DigestKind.choices)
    answer_group = models.ForeignKey(
        "org.AnswerGroup",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answer group"),
    )
    department = models.ForeignKey(
        "org.Department",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("department"),
    )
    # "group:12", "department:3" or "organisation": NULLs would not make a unique key on
    # every engine, a string does.
    scope = models.CharField(max_length=40, editable=False)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    data = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("digest")
        verbose_name_plural = _("digests")
        ordering = ["-period_start", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind", "scope", "period_start"],
                name="digest_once_per_scope_and_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_start:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if self.answer_group_id:
            self.scope = f"group:{self.answer_group_id}"
        elif self.department_id:
            self.scope = f"department:{self.department_id}"
        else:
            self.scope = "organisation"
        super().save(*args, **kwargs)

    @property
    def scope_name(self) -> str:
        if self.answer_group_id:
            return self.answer_group.name
        if self.department_id:
            return self.department.name
        return self.organisation.name


class DailyCaseRollup(models.Model):
    """Cases registered on one local day with one combination of department, answer group,
    channel, case type and service point: the counts the case figures divide. Remade from the
    case rows by reporting.rollups.refresh (idempotent); docs/figures.md, "Roll-ups"."""

    organisation = models.ForeignKey("org.Organisation", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    department = models.ForeignKey(
        "org.Department", on_delete=models.CASCADE, null=True, related_name="+"
    )
    answer_group = models.ForeignKey(
        "org.AnswerGroup", on_delete=models.CASCADE, null=True, related_name="+"
    )
    channel = models.CharField(max_length=12)
    case_type = models.ForeignKey(
        "catalog.CaseType", on_delete=models.CASCADE, null=True, related_name="+"
    )
    service_point = models.ForeignKey(
        "org.ServicePoint", on_delete=models.CASCADE, null=True, related_name="+"
    )
    cases = models.PositiveIntegerField()
    not_withdrawn = models.PositiveIntegerField()
    first_contact = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["organisation", "day"], name="rollup_case_day_idx")]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.day}: {self.cases}"


class RollupState(models.Model):
    """The local days [rolled_from, rolled_until] an organisation's roll-ups cover; other days
    are read from the case rows."""

    organisation = models.OneToOneField(
        "org.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    rolled_from = models.DateField()
    rolled_until = models.DateField()
    refreshed_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.organisation_id}: {self.rolled_from} - {self.rolled_until}"
