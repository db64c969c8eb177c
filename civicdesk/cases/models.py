from __future__ import annotations

import re

from django.db import models
from django.db.models import F, Lookup, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicdesk.cases.choices import (
    OPEN_STATUSES,
    Channel,
    Direction,
    EventKind,
    Outcome,
    Priority,
    Status,
)
from civicdesk.catalog.choices import RosaTier
from civicdesk.core.models import TenantModel, TenantQuerySet


class CaseQuerySet(TenantQuerySet):
    def for_actor(self, actor):
        """The organisation's cases the actor may know exist.

        A confidential case exists only for the members of the group that handles it, its
        handler and administrators explicitly granted confidential access; for everybody
        else it is absent from lists, counts, search and the API alike.
        """
        cases = super().for_actor(actor)
        if not actor.is_authenticated:
            return cases
        if only_producer_contact(actor):
            # A service producer follows its own department's cases, nothing else.
            cases = cases.filter(department_id=actor.department_id)
        if may_see_all_confidential(actor):
            return cases
        visible = Q(is_confidential=False) | Q(handler_id=actor.pk)
        if actor.group_ids:
            visible |= Q(answer_group_id__in=actor.group_ids)
        return cases.filter(visible)


class _InLiterals(Lookup):
    """`column IN ('a', 'b')` with the values written into the statement, not bound.

    A partial index serves a query only when the planner can prove the query implies the
    index's condition, and SQLite proves it from literals alone; the values are our own
    choice constants, checked to be plain words.
    """

    lookup_name = "in_literals"
    prepare_rhs = False
    _WORD = re.compile(r"[a-z_]+")

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        if not self.rhs or not all(self._WORD.fullmatch(value) for value in self.rhs):
            raise ValueError(f"Not a list of choice values: {self.rhs!r}")
        values = ", ".join("'%s'" % value for value in self.rhs)  # noqa: UP031
        return f"{lhs} IN ({values})", params


# The open statuses in one fixed order: the condition of the partial indexes of open cases,
# and (through `open_cases()`) the filter that lets the planner use them.
OPEN_STATUS_VALUES = tuple(sorted(OPEN_STATUSES))


def open_cases() -> _InLiterals:
    """The filter for open cases that can use the partial indexes on them."""
    return _InLiterals(F("status"), OPEN_STATUS_VALUES)


def only_producer_contact(actor) -> bool:
    from civicdesk.org.choices import Role

    return not actor.is_superuser and actor.role_set <= {Role.PRODUCER_CONTACT}


def may_see_all_confidential(actor) -> bool:
    from civicdesk.org.choices import Role

    return bool(
        actor.is_authenticated
        and actor.confidential_access
        and (actor.is_superuser or actor.has_role(Role.ADMINISTRATOR))
    )


class CaseSequence(models.Model):
    """The last reference number given per organisation and year."""

    organisation = models.ForeignKey("org.Organisation", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year"], name="case_sequence_unique")
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}/{self.year}: {self.last_number}"


class Case(TenantModel):
    """One matter of one customer (or an anonymous caller), from first contact to closure."""

    # Every foreign key whose own index a composite index below already leads with goes without
    # one (organisation, department, customer, answer group, handler): each index is one more
    # B-tree write per registration, and these five served no query the composites do not.
    organisation = models.ForeignKey(
        "org.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
        db_index=False,
    )

    reference = models.CharField(_("reference"), max_length=32, editable=False)
    year = models.PositiveSmallIntegerField(editable=False)
    number = models.PositiveIntegerField(editable=False)
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices)
    case_type = models.ForeignKey(
        "catalog.CaseType",
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("case type"),
    )
    topic = models.ForeignKey(
        "catalog.Topic",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("topic"),
    )
    department = models.ForeignKey(
        "org.Department",
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("owning department"),
        db_index=False,
    )
    rosa_tier = models.CharField(_("tier"), max_length=12, choices=RosaTier.choices)
    handled_by_centre = models.BooleanField(
        _("in the centre's contract"),
        help_text=_("The contract in force when the case was registered."),
    )
    customer = models.ForeignKey(
        "customers.Customer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("customer"),
        db_index=False,
    )
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW
    )
    priority = models.CharField(
        _("priority"), max_length=8, choices=Priority.choices, default=Priority.NORMAL
    )
    answer_group = models.ForeignKey(
        "org.AnswerGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("answer group"),
        help_text=_("Empty while the front line handles the case."),
        db_index=False,
    )
    handler = models.ForeignKey(
        "org.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="handled_cases",
        verbose_name=_("handler"),
        db_index=False,
    )
    service_point = models.ForeignKey(
        "org.ServicePoint",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered at"),
    )
    is_confidential = models.BooleanField(_("confidential"), default=False)
    registered_by = models.ForeignKey(
        "org.User",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    registered_at = models.DateTimeField(_("registered"), default=timezone.now)
    sla_policy = models.ForeignKey(
        "sla.SlaPolicy",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("SLA policy"),
    )
    first_response_at = models.DateTimeField(_("first response"), null=True, blank=True)
    first_response_due_at = models.DateTimeField(_("first response due"), null=True, blank=True)
    resolution_due_at = models.DateTimeField(_("resolution due"), null=True, blank=True)
    waiting_since = models.DateTimeField(
        _("waiting for the customer since"),
        null=True,
        blank=True,
        help_text=_("The deadlines' clocks stand still while the case waits for the customer."),
    )
    forwarded_at = models.DateTimeField(_("forwarded"), null=True, blank=True)
    feedback_due_at = models.DateTimeField(_("department feedback due"), null=True, blank=True)
    department_contacted_at = models.DateTimeField(
        _("department contacted the customer"), null=True, blank=True
    )
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    forward_count = models.PositiveSmallIntegerField(default=0)
    contact_count = models.PositiveIntegerField(default=0)
    handle_seconds = models.PositiveIntegerField(
        _("handle time (seconds)"),
        default=0,
        help_text=_("The sum of the recorded durations of all contacts."),
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-registered_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "reference"], name="case_reference_unique"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["resolved", "closed"]) | Q(resolved_at__isnull=False),
                name="case_resolved_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "-registered_at"], name="case_recent_idx"),
            models.Index(fields=["organisation", "status"], name="case_status_idx"),
            models.Index(fields=["answer_group", "status"], name="case_group_status_idx"),
            models.Index(fields=["handler", "status"], name="case_handler_status_idx"),
            models.Index(fields=["customer", "-registered_at"], name="case_customer_idx"),
            models.Index(fields=["department", "status"], name="case_department_status_idx"),
            # Queues: a group's open cases (or the organisation's), newest first. Open cases
            # are a few thousand of a million, so these stay small, and a LIMIT reads a page
            # of index entries instead of sorting every case the group ever had.
            models.Index(
                fields=["answer_group", "registered_at", "id"],
                condition=Q(status__in=OPEN_STATUS_VALUES),
                name="case_group_open_idx",
            ),
            models.Index(
                fields=["organisation", "registered_at", "id"],
                condition=Q(status__in=OPEN_STATUS_VALUES),
                name="case_open_recent_idx",
            ),
            # Reports by when cases were resolved (relief). Partial: a new case, unresolved,
            # adds no entry, so registration pays nothing for it.
            models.Index(
                fields=["organisation", "resolved_at"],
                condition=Q(resolved_at__isnull=False),
                name="case_resolved_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        from civicdesk.cases.choices import OPEN_STATUSES

        return self.status in OPEN_STATUSES

    @property
    def next_due_at(self):
        """The earliest deadline still running, for "time left" in lists."""
        if not self.is_open or self.waiting_since is not None:
            return None
        running = [
            self.feedback_due_at if self.department_contacted_at is None else None,
            self.first_response_due_at if self.first_response_at is None else None,
            self.resolution_due_at,
        ]
        return min((due for due in running if due is not None), default=None)

    @property
    def is_overdue(self) -> bool:
        """The same rule as cases.deadlines.overdue_filter, for one case already loaded."""
        now = timezone.now()
        if not self.is_open or self.waiting_since is not None:
            return False
        return bool(
            (
                self.feedback_due_at
                and self.department_contacted_at is None
                and self.feedback_due_at < now
            )
            or (
                self.first_response_due_at
                and self.first_response_at is None
                and self.first_response_due_at < now
            )
            or (self.resolution_due_at and self.resolution_due_at < now)
        )


class DeadlineKind(models.TextChoices):
    FIRST_RESPONSE = "first_response", _("First response")
    FEEDBACK = "feedback", _("Department feedback")
    RESOLUTION = "resolution", _("Resolution")


class AlarmLevel(models.TextChoices):
    WARNING = "warning", _("Warning before the deadline")
    BREACH = "breach", _("Deadline passed")
    SECOND = "second", _("Second alarm after the deadline")


class CaseAlarm(models.Model):
    """One alarm level of one deadline of a case: when it is due, and when it fired.

    The unique (case, deadline, level) row is what makes an alarm fire exactly once: the
    scheduler sets `fired_at` with one conditional UPDATE, which only one process can win,
    and a deadline recomputed after firing never brings its row back to unfired.
    """

    organisation = models.ForeignKey("org.Organisation", on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey("Case", on_delete=models.CASCADE, related_name="alarms")
    deadline = models.CharField(_("deadline"), max_length=16, choices=DeadlineKind.choices)
    level = models.CharField(_("level"), max_length=8, choices=AlarmLevel.choices)
    due_at = models.DateTimeField(_("deadline"))
    fire_at = models.DateTimeField(_("fires at"))
    fired_at = models.DateTimeField(_("fired"), null=True, blank=True)
    notified_at = models.DateTimeField(_("notified"), null=True, blank=True)

    class Meta:
        verbose_name = _("alarm")
        verbose_name_plural = _("alarms")
        ordering = ["-fired_at", "fire_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "deadline", "level"], name="case_alarm_once_per_level"
            )
        ]
        # One partial index serves both steps of the tick: firing (due, not fired) and
        # telling (fired, not told; fire_at <= fired_at). Firing sets a column no index holds,
        # so the 100,000-row UPDATE of a busy minute maintains no index.
        indexes = [
            models.Index(
                fields=["fire_at"],
                name="case_alarm_untold_idx",
                condition=Q(notified_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.deadline} {self.level}"


class CaseContact(TenantModel):
    """One conversation with the customer: a call, a mail, a visit, with its duration."""

    # contact_time_idx (organisation, started_at) leads with the organisation.
    organisation = models.ForeignKey(
        "org.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
        db_index=False,
    )

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="contacts")
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices)
    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    duration_seconds = models.PositiveIntegerField(_("duration (seconds)"), default=0)
    summary = models.TextField(_("summary"), blank=True)
    agent = models.ForeignKey(
        "org.User", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("agent")
    )
    by_department = models.BooleanField(
        _("by the department"),
        default=False,
        help_text=_("Made by a member of the answer group rather than the front line."),
    )

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["started_at", "pk"]
        indexes = [models.Index(fields=["organisation", "started_at"], name="contact_time_idx")]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.started_at:%Y-%m-%d %H:%M}"


class CaseEvent(TenantModel):
    """An entry in a case's timeline. Written once, never changed: corrections are new events."""

    # The timeline index (case, at) serves every look-up by case.
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="events", db_index=False)
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    actor = models.ForeignKey(
        "org.User", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("who")
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    text = models.TextField(_("text"), blank=True)
    data = models.JSONField(default=dict, blank=True)
    contact = models.ForeignKey(
        CaseContact, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections"
    )

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["case", "at"], name="case_event_timeline_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Case events are append-only; record a correction instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Case events are append-only.")


class CaseAttachment(TenantModel):
    """A file that came with a contact (a mail attachment, a web-form upload) or that an agent
    added. The bytes live in the database, so a file is committed, backed up and deduplicated
    together with the event that brought it: there is no half-written file beside a rolled-back
    case."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="attachments")
    event = models.ForeignKey(
        CaseEvent, on_delete=models.PROTECT, null=True, blank=True, related_name="attachments"
    )
    filename = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(max_length=64)
    content = models.BinaryField()
    added_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["added_at", "pk"]

    def __str__(self) -> str:
        return self.filename
