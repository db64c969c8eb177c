from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OutboundEmailStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed permanently")


class OutboundEmail(models.Model):
    """A message committed together with the change that caused it and sent afterwards.

    Because the row is written in the same transaction as the change, a rolled-back change
    sends nothing, and a mail server that is down delays the message instead of losing it.
    """

    organisation = models.ForeignKey(
        "org.Organisation", on_delete=models.CASCADE, null=True, related_name="+"
    )
    dedupe_key = models.CharField(
        max_length=200,
        unique=True,
        help_text=_("The same key queued twice is one message, so retries are harmless."),
    )
    to = models.JSONField(_("recipients"))
    subject = models.CharField(pgettext_lazy("e-mail", "subject"), max_length=300)
    body_text = models.TextField(pgettext_lazy("e-mail", "text"))
    body_html = models.TextField(_("HTML"), blank=True)
    from_email = models.CharField(_("sender"), max_length=254, blank=True)
    reply_to = models.JSONField(default=list, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=10, choices=OutboundEmailStatus.choices, default=OutboundEmailStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    # A sender leases the row while it talks to the server; a crashed sender's lease runs out.
    leased_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("outbound e-mail message")
        verbose_name_plural = _("outbound e-mail messages")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="outbound_email_due_idx",
                condition=models.Q(status="pending"),
            )
        ]

    def __str__(self) -> str:
        return self.subject
