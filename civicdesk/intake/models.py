"""E-mail that arrives: the mailboxes read, every message kept as it came, and the quarantine."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicdesk.core import crypto
from civicdesk.core.models import TenantModel


class Mailbox(TenantModel):
    """A shared address citizens write to: the front line's, or an answer group's own."""

    name = models.CharField(_("name"), max_length=120)
    address = models.EmailField(_("address"))
    answer_group = models.ForeignKey(
        "org.AnswerGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mailboxes",
        verbose_name=_("answer group"),
        help_text=_("New cases from this mailbox go to the group; empty: to the front line."),
    )
    default_case_type = models.ForeignKey(
        "catalog.CaseType",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("case type of new cases"),
        help_text=_("An agent sets the right case type when they handle the case."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    # Reading over IMAP; empty host: the mailbox receives by pipe or HTTP only.
    imap_host = models.CharField(_("IMAP server"), max_length=200, blank=True)
    imap_port = models.PositiveIntegerField(_("IMAP port"), default=993)
    imap_ssl = models.BooleanField(_("IMAP over TLS"), default=True)
    imap_username = models.CharField(_("IMAP user"), max_length=200, blank=True)
    imap_password_encrypted = models.TextField(blank=True, editable=False)
    imap_folder = models.CharField(_("IMAP folder"), max_length=200, default="INBOX")
    imap_uidvalidity = models.BigIntegerField(null=True, blank=True, editable=False)
    imap_last_uid = models.BigIntegerField(default=0, editable=False)
    last_polled_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("mailbox")
        verbose_name_plural = _("mailboxes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "address"], name="mailbox_address")
        ]

    def __str__(self) -> str:
        return f"{self.name} <{self.address}>"

    @property
    def imap_password(self) -> str:
        """The IMAP password, decrypted; stored only encrypted (`imap_password_encrypted`)."""
        if not self.imap_password_encrypted:
            return ""
        return crypto.decrypt(self.imap_password_encrypted)

    @imap_password.setter
    def imap_password(self, value: str) -> None:
        self.imap_password_encrypted = crypto.encrypt(value) if value else ""


class MessageSource(models.TextChoices):
    IMAP = "imap", _("IMAP")
    PIPE = "pipe", _("Mail server pipe")
    HTTP = "http", _("HTTP gateway")
    DEMO = "demo", _("Demo data")


class ThreadedBy(models.TextChoices):
    SUBJECT = "subject", _("Case reference in the subject")
    HEADERS = "headers", _("Reply headers")
    NEW = "new", _("New case")
    FOLLOW_UP = "follow_up", _("New case following a closed one")


class InboundMessage(TenantModel):
    """One received message, kept as it came (`raw`) beside what was read from it."""

    mailbox = models.ForeignKey(
        Mailbox, on_delete=models.PROTECT, null=True, related_name="messages"
    )
    source = models.CharField(_("received by"), max_length=10)  # imap, pipe, http
    # Message-ID when present, else the content hash: the same message fetched twice is one row.
    dedupe_key = models.CharField(max_length=64)
    message_id = models.TextField(_("Message-ID"), blank=True)
    content_sha256 = models.CharField(max_length=64)
    raw = models.BinaryField()
    from_address = models.CharField(_("from"), max_length=320, blank=True)
    from_name = models.CharField(_("sender name"), max_length=200, blank=True)
    to = models.JSONField(_("to"), default=list, blank=True)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    body_text = models.TextField(_("text"), blank=True)
    body_html = models.TextField(_("HTML (sanitised)"), blank=True)
    has_remote_images = models.BooleanField(default=False)
    is_automatic = models.BooleanField(
        _("automatic"),
        default=False,
        help_text=_("An auto-reply, bounce or loop: recorded, never answered automatically."),
    )
    automatic_reason = models.CharField(max_length=200, blank=True)
    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    event = models.ForeignKey(
        "cases.CaseEvent", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    threaded_by = models.CharField(max_length=20, blank=True)  # ThreadedBy
    cc = models.JSONField(_("cc"), default=list, blank=True)
    defects = models.JSONField(
        default=list, blank=True, help_text=_("What the parser found broken in the message.")
    )
    # {Content-ID: CaseAttachment id} of the inline parts the HTML shows as cid: images.
    content_ids = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("received e-mail message")
        verbose_name_plural = _("received e-mail messages")
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "dedupe_key"], name="inbound_once")
        ]
        indexes = [
            # Threading by In-Reply-To/References; Message-IDs are ASCII, at most 900 characters.
            models.Index(fields=["organisation", "message_id"], name="inbound_message_id"),
        ]

    def __str__(self) -> str:
        return self.subject or self.message_id


class QuarantineReason(models.TextChoices):
    TOO_LARGE = "too_large", _("Too large")
    HEADER_TOO_LARGE = "header_too_large", _("Header too large")
    TOO_MANY_ADDRESSES = "too_many_addresses", _("Too many addresses")
    UNPARSEABLE = "unparseable", _("Cannot be read")
    ATTACHMENT_REFUSED = "attachment", _("Attachment refused")
    NO_SENDER = "no_sender", _("No sender")
    NO_MAILBOX = "no_mailbox", _("No mailbox for the address")
    ERROR = "error", _("Error while receiving")
    AUTOMATIC = "automatic", _("Automatic message outside any case")


class QuarantinedMessage(TenantModel):
    """A message intake could not turn into a case event, kept with the reason, never dropped.
    An administrator reads it, releases it into a case or discards it."""

    mailbox = models.ForeignKey(
        Mailbox, on_delete=models.PROTECT, null=True, blank=True, related_name="quarantined"
    )
    source = models.CharField(_("received by"), max_length=10)
    reason = models.CharField(_("reason"), max_length=20, choices=QuarantineReason.choices)
    detail = models.TextField(_("detail"), blank=True)
    raw = models.BinaryField()
    size = models.PositiveIntegerField(_("size (bytes)"))
    content_sha256 = models.CharField(max_length=64)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    resolved_at = models.DateTimeField(_("handled"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        "org.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolution = models.CharField(max_length=20, blank=True)  # released, discarded
    released_as = models.ForeignKey(
        InboundMessage, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("quarantined e-mail message")
        verbose_name_plural = _("quarantined e-mail messages")
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "content_sha256"], name="quarantined_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.received_at:%Y-%m-%d %H:%M})"
