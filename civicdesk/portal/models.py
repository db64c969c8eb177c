"""What the citizens' web form and status look-up keep: keyed hashes of the contact details a
case was sent with, one-time codes (hashed), rate counters and the count of held-back
submissions. None of it holds a readable e-mail address, phone number or client address."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from civicdesk.core.i18n import LANGUAGE_CHOICES
from civicdesk.core.models import TenantModel


class PortalForm(models.TextChoices):
    CONTACT = "contact", _("Contact form")
    STATUS = "status", _("Status look-up")


class HeldReason(models.TextChoices):
    HONEYPOT = "honeypot", _("Hidden field filled in")
    TOO_FAST = "too_fast", _("Sent too soon after the page opened")
    BAD_TOKEN = "bad_token", _("Form token missing or forged")
    RATE_LIMITED = "rate_limited", _("Too many from one address")


class CodeChannel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("SMS")


class WebFormContact(TenantModel):
    """How the citizen who sent a case through the web form can be recognised later.

    The readable details are on the case, where the agents answering need them; here are only
    keyed hashes (core.crypto.lookup_hash), enough to check what a status look-up gives.
    """

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="web_form_contact"
    )
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)
    email_hash = models.CharField(max_length=64, blank=True)
    phone_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("web-form sender")
        verbose_name_plural = _("web-form senders")

    def __str__(self) -> str:
        return str(self.case_id)


class StatusCode(TenantModel):
    """One request for a case's status: a code sent to the citizen, valid for minutes.

    A request whose reference and contact detail match nothing gets a row too, with no case,
    so that the citizen's next page and every answer after it are the same either way.
    """

    token = models.CharField(max_length=64, unique=True, editable=False)
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    channel = models.CharField(_("sent by"), max_length=8, choices=CodeChannel.choices)
    code_hash = models.CharField(max_length=64)
    expires_at = models.DateTimeField(_("expires"))
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)

    class Meta:
        verbose_name = _("status code")
        verbose_name_plural = _("status codes")
        indexes = [models.Index(fields=["expires_at"], name="portal_code_expiry_idx")]

    def __str__(self) -> str:
        return self.token[:8]


class RateCounter(models.Model):
    """Requests of one kind from one address (or one sender, or for one reference) within one
    window. `key` is a keyed hash: the table holds no client address or e-mail address."""

    scope = models.CharField(max_length=32)
    key = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "key", "window_start"], name="portal_rate_counter_unique"
            )
        ]
        indexes = [models.Index(fields=["window_start"], name="portal_rate_window_idx")]

    def __str__(self) -> str:
        return f"{self.scope} {self.window_start:%Y-%m-%d %H:%M}: {self.count}"


class HeldBack(TenantModel):
    """How many submissions the spam defences held back, per day, form and reason: what an
    administrator looks at to see whether the defences work or keep citizens out."""

    day = models.DateField(_("day"))
    form = models.CharField(_("form"), max_length=8, choices=PortalForm.choices)
    reason = models.CharField(_("reason"), max_length=16, choices=HeldReason.choices)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("held-back submission count")
        verbose_name_plural = _("held-back submissions")
        ordering = ["-day", "form", "reason"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "day", "form", "reason"], name="portal_held_back_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.form} {self.reason}: {self.count}"
