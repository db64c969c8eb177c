"""SMS: the organisations' numbers, the outbox, what arrived, and the webhook calls refused."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicdesk.core.errors import DomainError
from civicdesk.core.models import TenantModel


class SmsNumber(TenantModel):
    """A number citizens text. The gateway names the number it received a message on, and that
    number says which organisation the message is for, which case type a new case gets and in
    which answer group it waits. Outbound messages of the organisation leave from it too."""

    number = models.CharField(
        _("number"),
        max_length=20,
        unique=True,
        help_text=_("In international form, as in +46701234567."),
    )
    answer_group = models.ForeignKey(
        "org.AnswerGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answer group"),
        help_text=_("New cases from this number go to the group; empty: to the front line."),
    )
    default_case_type = models.ForeignKey(
        "catalog.CaseType",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("case type of new cases"),
        help_text=_("An agent sets the right case type when they handle the case."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("SMS number")
        verbose_name_plural = _("SMS numbers")
        ordering = ["number"]

    def __str__(self) -> str:
        return self.number

    def clean(self) -> None:
        from civicdesk.customers.contacts import normalise_phone

        if self.number:
            region = self.organisation.country if self.organisation_id else "SE"
            try:
                self.number = normalise_phone(self.number, region=region, field="number")
            except DomainError as error:
                raise ValidationError({"number": error.message}) from None
        for field in ("answer_group", "default_case_type"):
            related = getattr(self, field, None)
            if related is not None and related.organisation_id != self.organisation_id:
                raise ValidationError({field: _("This belongs to another organisation.")})


class OutboundSmsStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENT = "sent", _("Accepted by the gateway")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Not delivered")


class OutboundSms(TenantModel):
    """A text message committed with the change that caused it and sent afterwards.

    Written in the caller's transaction, so a rolled-back change sends nothing and a gateway
    that is down delays the message instead of losing it. The gateway's delivery reports move
    it from sent to delivered or failed."""

    dedupe_key = models.CharField(
        max_length=200,
        unique=True,
        help_text=_("The same key queued twice is one message, so retries are harmless."),
    )
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("case"),
    )
    contact = models.ForeignKey(
        "cases.CaseContact", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    to = models.CharField(_("to"), max_length=20)
    sender = models.CharField(_("from"), max_length=20, blank=True)
    text = models.TextField(_("text"))
    segments = models.PositiveSmallIntegerField(_("parts"), default=1)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=OutboundSmsStatus.choices,
        default=OutboundSmsStatus.PENDING,
    )
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(_("error"), blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    # A sender leases the row while it talks to the gateway; a crashed sender's lease runs out.
    leased_until = models.DateTimeField(null=True, blank=True)
    # NULL, not "", until the gateway names it: the unique constraint must not apply to it.
    gateway_id = models.CharField(
        _("gateway's id"), max_length=100, null=True, blank=True, unique=True
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    failed_at = models.DateTimeField(_("failed"), null=True, blank=True)

    class Meta:
        verbose_name = _("outbound SMS")
        verbose_name_plural = _("outbound SMS")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="outbound_sms_due_idx",
                condition=models.Q(status="pending"),
            ),
            models.Index(fields=["case", "created_at"], name="outbound_sms_case_idx"),
            models.Index(fields=["organisation", "to", "created_at"], name="outbound_sms_to_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.to}: {self.text[:40]}"

    @property
    def reference(self) -> str:
        """Our id for the message as the gateway sees it (and echoes in delivery reports)."""
        return f"civicdesk-{self.pk}"


class InboundSms(TenantModel):
    """One message a citizen sent, kept as it came, with the case event it became."""

    number = models.ForeignKey(
        SmsNumber, on_delete=models.PROTECT, related_name="messages", verbose_name=_("number")
    )
    # The gateway's id: the same message reported twice is one row and one case event.
    gateway_id = models.CharField(_("gateway's id"), max_length=100, unique=True)
    from_number = models.CharField(_("from"), max_length=32)
    text = models.TextField(_("text"), blank=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="+")
    contact = models.ForeignKey("cases.CaseContact", on_delete=models.PROTECT, related_name="+")
    threaded_by = models.CharField(max_length=12)  # reference, recent, new

    class Meta:
        verbose_name = _("received SMS")
        verbose_name_plural = _("received SMS")
        ordering = ["-received_at"]
        indexes = [
            models.Index(
                fields=["organisation", "from_number", "received_at"], name="inbound_sms_from_idx"
            ),
            models.Index(fields=["case", "received_at"], name="inbound_sms_case_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.from_number}: {self.text[:40]}"


class RefusalReason(models.TextChoices):
    NOT_CONFIGURED = "not_configured", _("No webhook secret configured")
    MISSING = "missing", _("No signature")
    MALFORMED = "malformed", _("Signature header unreadable")
    STALE = "stale", _("Timestamp outside the tolerance")
    MISMATCH = "mismatch", _("Signature does not match")


class WebhookRefusal(models.Model):
    """Calls to the SMS webhooks refused for their signature, counted per day, endpoint and
    reason. Installation-wide (an unsigned call names no organisation one could trust), and
    one row a day per kind, so a flood of forged calls cannot fill the database."""

    day = models.DateField(_("day"))
    endpoint = models.CharField(_("endpoint"), max_length=20)
    reason = models.CharField(_("reason"), max_length=20, choices=RefusalReason.choices)
    count = models.PositiveIntegerField(_("count"), default=0)
    last_at = models.DateTimeField(_("last"))
    last_address = models.CharField(_("last address"), max_length=45, blank=True)

    class Meta:
        verbose_name = _("refused SMS webhook call")
        verbose_name_plural = _("refused SMS webhook calls")
        ordering = ["-day", "endpoint", "reason"]
        constraints = [
            models.UniqueConstraint(
                fields=["day", "endpoint", "reason"], name="sms_webhook_refusal_once_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.endpoint}: {self.get_reason_display()} ×{self.count}"
