"""Calls as the phone system reports them: offered to a queue, answered, transferred, ended or
abandoned. Reports compute answer rate, service level and abandonment from these rows."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from civicdesk.core.models import TenantModel


class CallState(models.TextChoices):
    OFFERED = "offered", _("Waiting in the queue")
    ANSWERED = "answered", _("Answered")
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
