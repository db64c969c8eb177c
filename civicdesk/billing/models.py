"""Billing per service producer (ASPA suoritehinnoittelu): service event types, their prices
per producer, and the monthly statement per producer and service point. docs/billing.md."""

from __future__ import annotations

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civicdesk.billing.choices import Currency, LineProblem, StatementStatus
from civicdesk.catalog.models import TranslatedName
from civicdesk.core.models import TenantModel, TimeStampedModel
from civicdesk.knowledge.choices import Delivery


class ServiceEventType(TranslatedName):
    """A kind of service a point performs for a producer, billed at the producer's price:
    a remote-service session, a manual service event (a paper form, scanning, a payment)..."""

    code = models.SlugField(_("code"), max_length=60)
    delivery = models.CharField(
        _("service cards delivered as"),
        max_length=12,
        choices=Delivery.choices,
        blank=True,
        help_text=_(
            "A case type mapped to no event type counts as this type when its producer's "
            "service card is delivered this way."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("service event type")
        verbose_name_plural = _("service event types")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "code"], name="service_event_type_code_unique"
            ),
            models.UniqueConstraint(
                fields=["organisation", "delivery"],
                condition=~Q(delivery=""),
                name="service_event_type_delivery_unique",
                violation_error_message=_("Another event type stands for this delivery already."),
            ),
        ]


class EventTypeMapping(TimeStampedModel):
    """A case type's service event type: what a visit about such a case is billed as."""

    case_type = models.OneToOneField(
        "catalog.CaseType",
        on_delete=models.CASCADE,
        related_name="billing_mapping",
        verbose_name=_("case type"),
    )
    event_type = models.ForeignKey(
        ServiceEventType,
        on_delete=models.CASCADE,
        related_name="mappings",
        verbose_name=_("service event type"),
    )

    class Meta:
        verbose_name = _("case type billed as this type")
        verbose_name_plural = _("case types billed as this type")
        ordering = ["case_type__code"]

    def __str__(self) -> str:
        return f"{self.case_type} → {self.event_type}"

    @property
    def tenant_organisation_id(self) -> int:
        return self.event_type.organisation_id

    def clean(self) -> None:
        if (
            self.case_type_id
            and self.event_type_id
            and self.case_type.organisation_id != self.event_type.organisation_id
        ):
            raise ValidationError({"case_type": _("This belongs to another organisation.")})


class Price(TenantModel):
    """What a producer pays for one event of a type, from `valid_from` to `valid_to` (both
    days included; no end: until the next price). A producer's prices of one type never
    overlap, so every day has at most one price."""

    producer = models.ForeignKey(
        "org.Department",
        on_delete=models.PROTECT,
        related_name="prices",
        verbose_name=_("service producer"),
    )
    event_type = models.ForeignKey(
        ServiceEventType,
        on_delete=models.PROTECT,
        related_name="prices",
        verbose_name=_("service event type"),
    )
    amount_cents = models.PositiveIntegerField(_("price (cents)"))
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("The last day. Empty: open-ended.")
    )
    created_by = models.ForeignKey(
        "org.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("set by"),
    )

    class Meta:
        verbose_name = _("price")
        verbose_name_plural = _("prices")
        ordering = ["producer__name", "event_type__code", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["producer", "event_type", "valid_from"], name="price_once_per_start"
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="price_ends_after_it_starts",
                violation_error_message=_("A price cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.producer} · {self.event_type.code} · {self.amount_cents / 100:.2f}"

    def covers(self, day: datetime.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def overlapping(self):
        """The producer's other prices of this type that share a day with this one."""
        others = Price.objects.filter(
            producer_id=self.producer_id, event_type_id=self.event_type_id
        ).exclude(pk=self.pk)
        if self.valid_to is not None:
            others = others.filter(valid_from__lte=self.valid_to)
        return others.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from))

    def clean(self) -> None:
        errors = {}
        for field in ("producer", "event_type"):
            related = getattr(self, field, None) if getattr(self, f"{field}_id") else None
            if related is not None and related.organisation_id != self.organisation_id:
                errors[field] = _("This belongs to another organisation.")
        if errors:
            raise ValidationError(errors)
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("A price cannot end before it starts.")})
        if self.producer_id and self.event_type_id and self.overlapping().exists():
            raise ValidationError(
                {"valid_from": _("The producer has another price for this event type then.")}
            )


def month_bounds(month: datetime.date) -> tuple[datetime.date, datetime.date]:
    first = month.replace(day=1)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


class Statement(TenantModel):
    """What one producer owes for one month of one service point's events.

    Produced as a draft, which a recomputation may rewrite; once issued it never changes.
    A correction is a new version that supersedes the issued one when it is issued itself.
    """

    number = models.CharField(_("number"), max_length=120, editable=False)
    producer = models.ForeignKey(
        "org.Department",
        on_delete=models.PROTECT,
        related_name="statements",
        verbose_name=_("service producer"),
    )
    service_point = models.ForeignKey(
        "org.ServicePoint",
        on_delete=models.PROTECT,
        related_name="statements",
        verbose_name=_("service point"),
    )
    month = models.DateField(_("month"), help_text=_("Its first day."))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("corrects"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=StatementStatus.choices, default=StatementStatus.DRAFT
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices)
    event_count = models.PositiveIntegerField(_("service events"), default=0)
    confidential_count = models.PositiveIntegerField(_("of them confidential"), default=0)
    flagged_count = models.PositiveIntegerField(
        _("events without a price or type"),
        default=0,
        help_text=_("Counted on flagged lines without an amount; the draft cannot be issued."),
    )
    total_cents = models.BigIntegerField(_("total (cents)"), default=0)
    fingerprint = models.CharField(max_length=64, editable=False)
    produced_at = models.DateTimeField(_("produced"))
    produced_by = models.ForeignKey(
        "org.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("produced by"),
    )
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    issued_by = models.ForeignKey(
        "org.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    superseded_at = models.DateTimeField(_("superseded"), null=True, blank=True)

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["-month", "producer__name", "service_point__name", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "producer", "service_point", "month", "version"],
                name="statement_version_unique",
            ),
            models.UniqueConstraint(
                fields=["organisation", "number"], name="statement_number_unique"
            ),
            # One draft and one issued statement at most per producer, point and month: the
            # periodic job and the button can race, and the loser's insert fails.
            models.UniqueConstraint(
                fields=["organisation", "producer", "service_point", "month"],
                condition=Q(status="draft"),
                name="statement_one_draft",
            ),
            models.UniqueConstraint(
                fields=["organisation", "producer", "service_point", "month"],
                condition=Q(status="issued"),
                name="statement_one_issued",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "month"], name="statement_month_idx")]

    def __str__(self) -> str:
        return self.number

    @property
    def is_draft(self) -> bool:
        return self.status == StatementStatus.DRAFT

    @property
    def first_day(self) -> datetime.date:
        return month_bounds(self.month)[0]

    @property
    def last_day(self) -> datetime.date:
        return month_bounds(self.month)[1]


class _FrozenWithStatement(models.Model):
    """Rows of a statement: rewritten while it is a draft, never after it was issued."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._check_draft()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._check_draft()
        return super().delete(*args, **kwargs)

    def _check_draft(self) -> None:
        status = (
            Statement.objects.filter(pk=self.statement_id).values_list("status", flat=True).first()
        )
        if status is not None and status != StatementStatus.DRAFT:
            raise ValueError("An issued statement is frozen; produce a correction instead.")

    @property
    def tenant_organisation_id(self) -> int:
        return self.statement.organisation_id


class StatementLine(_FrozenWithStatement):
    """Events of one type at one unit price: count x unit price = amount. A line without an
    event type or a price is flagged and has no amount, never a silent zero."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveSmallIntegerField()
    event_type = models.ForeignKey(
        ServiceEventType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service event type"),
    )
    event_type_code = models.CharField(_("event type code"), max_length=60, blank=True)
    price = models.ForeignKey(
        Price, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    first_day = models.DateField(_("from"))
    last_day = models.DateField(_("until"))
    count = models.PositiveIntegerField(_("events"))
    confidential_count = models.PositiveIntegerField(_("of them confidential"), default=0)
    unit_cents = models.PositiveIntegerField(_("unit price (cents)"), null=True, blank=True)
    amount_cents = models.BigIntegerField(_("amount (cents)"), null=True, blank=True)
    problem = models.CharField(_("problem"), max_length=16, choices=LineProblem.choices, blank=True)

    class Meta:
        verbose_name = _("statement line")
        verbose_name_plural = _("statement lines")
        ordering = ["statement", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "position"], name="statement_line_position_unique"
            ),
            models.CheckConstraint(
                condition=Q(problem="", unit_cents__isnull=False, amount_cents__isnull=False)
                | (~Q(problem="") & Q(unit_cents__isnull=True, amount_cents__isnull=True)),
                name="statement_line_priced_or_flagged",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.statement_id}/{self.position} {self.event_type_code or '?'} x{self.count}"


class StatementEvent(_FrozenWithStatement):
    """One service event behind a line: which contact of which case, when. A confidential
    case's event is counted on its line and listed without any detail."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="events")
    line = models.ForeignKey(StatementLine, on_delete=models.CASCADE, related_name="events")
    contact = models.ForeignKey(
        "cases.CaseContact", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    case = models.ForeignKey("cases.Case", on_delete=models.SET_NULL, null=True, related_name="+")
    occurred_at = models.DateTimeField(_("when"))
    is_confidential = models.BooleanField(_("confidential"), default=False)

    class Meta:
        verbose_name = _("service event")
        verbose_name_plural = _("service events")
        ordering = ["occurred_at", "pk"]

    def __str__(self) -> str:
        return f"{self.statement_id}: {self.occurred_at:%Y-%m-%d %H:%M}"
