from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civicdesk.core.models import TenantModel
from civicdesk.org.choices import Country
from civicdesk.sla.choices import DurationUnit, Weekday


class BusinessCalendar(TenantModel):
    """When an organisation or one service point is open: weekly hours, holidays, closures.

    The organisation's default calendar has no service point; a service point may have its own.
    """

    name = models.CharField(_("name"), max_length=120)
    service_point = models.OneToOneField(
        "org.ServicePoint",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="calendar",
        verbose_name=_("service point"),
    )
    holiday_country = models.CharField(
        _("public holidays of"),
        max_length=2,
        choices=Country.choices,
    )
    timezone = models.CharField(_("time zone"), max_length=64)

    class Meta:
        verbose_name = _("business calendar")
        verbose_name_plural = _("business calendars")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(service_point__isnull=True),
                name="one_default_calendar_per_organisation",
                violation_error_message=_("The organisation has a default calendar already."),
            )
        ]

    def __str__(self) -> str:
        return self.name


class OpeningHours(models.Model):
    calendar = models.ForeignKey(
        BusinessCalendar, on_delete=models.CASCADE, related_name="opening_hours"
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(opens__lt=models.F("closes")),
                name="opening_hours_open_before_close",
                violation_error_message=_("Opening must be before closing."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"

    @property
    def tenant_organisation_id(self) -> int:
        return self.calendar.organisation_id


class Closure(models.Model):
    """A local closing day: a staff day, a move, a municipal holiday."""

    calendar = models.ForeignKey(
        BusinessCalendar, on_delete=models.CASCADE, related_name="closures"
    )
    date = models.DateField(_("date"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("closure")
        verbose_name_plural = _("closures")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["calendar", "date"], name="closure_unique_day")
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.reason}"

    @property
    def tenant_organisation_id(self) -> int:
        return self.calendar.organisation_id


class SlaPolicy(TenantModel):
    """The deadlines for cases of a type and/or answer group, in working time.

    The most specific policy applies: type and group, then type, then group, then the
    organisation's default (neither).
    """

    name = models.CharField(_("name"), max_length=120)
    case_type = models.ForeignKey(
        "catalog.CaseType",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sla_policies",
        verbose_name=_("case type"),
    )
    answer_group = models.ForeignKey(
        "org.AnswerGroup",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sla_policies",
        verbose_name=_("answer group"),
    )
    first_response_amount = models.PositiveIntegerField(_("first response within"), default=1)
    first_response_unit = models.CharField(
        max_length=8, choices=DurationUnit.choices, default=DurationUnit.WORKING_DAYS
    )
    feedback_amount = models.PositiveIntegerField(_("department feedback within"), default=3)
    feedback_unit = models.CharField(
        max_length=8, choices=DurationUnit.choices, default=DurationUnit.WORKING_DAYS
    )
    resolution_amount = models.PositiveIntegerField(_("resolution within"), default=10)
    resolution_unit = models.CharField(
        max_length=8, choices=DurationUnit.choices, default=DurationUnit.WORKING_DAYS
    )
    warning_minutes = models.PositiveIntegerField(
        _("warning before the deadline (working minutes)"), default=240
    )
    second_level_minutes = models.PositiveIntegerField(
        _("second alarm after the breach (working minutes)"), default=480
    )
    calendar = models.ForeignKey(
        BusinessCalendar,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="policies",
        verbose_name=_("calendar"),
        help_text=_("Empty: the calendar of the case's service point or organisation."),
    )

    class Meta:
        verbose_name = _("SLA policy")
        verbose_name_plural = _("SLA policies")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(first_response_amount__gt=0)
                & Q(feedback_amount__gt=0)
                & Q(resolution_amount__gt=0),
                name="sla_policy_positive_durations",
                violation_error_message=_("Every deadline must be longer than zero."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        for field in ("case_type", "answer_group", "calendar"):
            related = getattr(self, field, None)
            if related is not None and related.organisation_id != self.organisation_id:
                errors[field] = _("This belongs to another organisation.")
        for field in ("first_response_amount", "feedback_amount", "resolution_amount"):
            if getattr(self, field) is not None and getattr(self, field) <= 0:
                errors[field] = _("Every deadline must be longer than zero.")
        if errors:
            raise ValidationError(errors)
