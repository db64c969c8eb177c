from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    WEB_FORM = "web_form", _("Web form")
    CHAT = "chat", _("Chat")
    SMS = "sms", _("SMS")
    SOCIAL = "social", _("Social media")
    VISIT = "visit", _("Visit at the counter")
    REMOTE = "remote", _("Remote service")


class Direction(models.TextChoices):
    INBOUND = "inbound", _("From the customer")
    OUTBOUND = "outbound", _("To the customer")


class Status(models.TextChoices):
    NEW = "new", pgettext_lazy("case status", "New")
    IN_PROGRESS = "in_progress", pgettext_lazy("case status", "In progress")
    FORWARDED = "forwarded", pgettext_lazy("case status", "Forwarded")
    WAITING = "waiting", pgettext_lazy("case status", "Waiting for the customer")
    RESOLVED = "resolved", pgettext_lazy("case status", "Resolved")
    CLOSED = "closed", pgettext_lazy("case status", "Closed")
    REOPENED = "reopened", pgettext_lazy("case status", "Reopened")


OPEN_STATUSES = frozenset(
    {Status.NEW, Status.IN_PROGRESS, Status.FORWARDED, Status.WAITING, Status.REOPENED}
)

# The only moves a case can make; anything else is refused with a message.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.NEW: frozenset({Status.IN_PROGRESS, Status.FORWARDED, Status.WAITING, Status.RESOLVED}),
    Status.IN_PROGRESS: frozenset({Status.FORWARDED, Status.WAITING, Status.RESOLVED}),
    Status.FORWARDED: frozenset(
        {Status.IN_PROGRESS, Status.FORWARDED, Status.WAITING, Status.RESOLVED}
    ),
    Status.WAITING: frozenset({Status.IN_PROGRESS, Status.FORWARDED, Status.RESOLVED}),
    Status.REOPENED: frozenset(
        {Status.IN_PROGRESS, Status.FORWARDED, Status.WAITING, Status.RESOLVED}
    ),
    Status.RESOLVED: frozenset({Status.CLOSED, Status.REOPENED}),
    Status.CLOSED: frozenset({Status.REOPENED}),
}


class Priority(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


class Outcome(models.TextChoices):
    FIRST_CONTACT = "first_contact", _("Resolved at first contact")
    AFTER_FORWARDING = "after_forwarding", _("Resolved after forwarding")
    IN_CENTRE = "in_centre", _("Resolved in the centre later")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class EventKind(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    CONTACT = "contact", _("Contact logged")
    NOTE = "note", _("Note")
    STATUS = "status", _("Status changed")
    ASSIGNED = "assigned", _("Assigned")
    FORWARDED = "forwarded", _("Forwarded")
    CUSTOMER_CONTACTED = "customer_contacted", _("Customer contacted by the department")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")
    REOPENED = "reopened", _("Reopened")
    CASE_TYPE = "case_type", _("Case type changed")
    CONFIDENTIALITY = "confidentiality", _("Confidentiality changed")
    CORRECTION = "correction", _("Correction")
    CHECKLIST = "checklist", _("Checklist step ticked")
