"""Calls as the phone system reports them: offered to a queue, answered, transferred, ended or
abandoned. Reports compute answer rate, service level and abandonment from these rows.

A `Call` is a summary folded from its `CallEvent` rows (`telephony.calls.fold`), so a repeated
event changes nothing and events may arrive in any order. docs/telephony.md defines each field.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from civicdesk.core.models import TenantModel


class CallState(models.TextChoices):
    OFFERED = "offered", _("Waiting in the queue")
    ANSWERED = "answered", _("Answered")
    ENDED = "ended", _("Ended")
    ABANDONED = "abandoned", _("Abandoned")


class CallEventKind(models.TextChoices):
    OFFERED = "offered", _("Offered to a queue")
    ANSWERED = "answered", _("Answered")
    TRANSFERRED = "transferred", _("Transferred")
    ENDED = "ended", _("Ended")
    ABANDONED = "abandoned", _("Abandoned")


class Call(TenantModel):
    """One inbound call, from the moment it was offered to a queue until it ended."""

    external_id = models.CharField(_("call id"), max_length=120)
    caller_number = models.CharField(_("caller number"), max_length=40, blank=True)
    called_number = models.CharField(_("called number"), max_length=40, blank=True)
    ivr_choice = models.CharField(_("IVR choice"), max_length=60, blank=True)
    queue = models.CharField(_("queue"), max_length=60, blank=True)
    answer_group = models.ForeignKey(
        "org.AnswerGroup",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answer group"),
    )
    service_point = models.ForeignKey(
        "org.ServicePoint",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service point"),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=CallState.choices, default=CallState.OFFERED
    )
    offered_at = models.DateTimeField(_("offered"))
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    abandoned_at = models.DateTimeField(_("abandoned"), null=True, blank=True)
    wait_seconds = models.PositiveIntegerField(_("wait (seconds)"), null=True, blank=True)
    talk_seconds = models.PositiveIntegerField(_("talk time (seconds)"), null=True, blank=True)
    transfer_count = models.PositiveSmallIntegerField(default=0)
    agent = models.ForeignKey(
        "org.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agent"),
    )
    customer = models.ForeignKey(
        "customers.Customer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("customer"),
    )
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("case"),
    )
    contact = models.ForeignKey(
        "cases.CaseContact", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["-offered_at"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "external_id"], name="call_once")
        ]
        indexes = [models.Index(fields=["organisation", "offered_at"], name="call_time_idx")]

    def __str__(self) -> str:
        return f"{self.external_id} ({self.get_state_display()})"


class CallEvent(TenantModel):
    """One thing the phone system reported about a call, stored once: a repeat of the same
    kind at the same moment is recognised by the unique constraint and changes nothing."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=12, choices=CallEventKind.choices)
    at = models.DateTimeField(_("when"))
    agent = models.ForeignKey(
        "org.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agent"),
    )
    target = models.CharField(_("transferred to"), max_length=150, blank=True)
    target_agent = models.ForeignKey(
        "org.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("transferred to agent"),
    )
    # caller_number, called_number, ivr_choice, queue: as reported with this event.
    details = models.JSONField(default=dict, blank=True)
    # The agent whose screen opens the call (an answer, a transfer to an agent); the web
    # processes relay such rows to the agent's browser (docs/decisions/0015-screen-pop.md).
    pop_to = models.ForeignKey(
        "org.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reported_by = models.ForeignKey(
        "org.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("call event")
        verbose_name_plural = _("call events")
        ordering = ["at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["call", "kind", "at"], name="call_event_once")
        ]

    def __str__(self) -> str:
        return f"{self.call_id} {self.kind} {self.at:%Y-%m-%d %H:%M:%S}"


class Extension(TenantModel):
    """An agent's extension as the phone system names it (1001, PJSIP/1001 is read as 1001),
    so that events naming an extension reach the right agent's screen."""

    number = models.CharField(_("extension"), max_length=60)
    user = models.ForeignKey(
        "org.User",
        on_delete=models.CASCADE,
        related_name="phone_extensions",
        verbose_name=_("agent"),
    )

    class Meta:
        verbose_name = _("phone extension")
        verbose_name_plural = _("phone extensions")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "number"], name="extension_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number} · {self.user}"

    def clean(self) -> None:
        if self.user_id and self.user.organisation_id != self.organisation_id:
            raise ValidationError({"user": _("This belongs to another organisation.")})
