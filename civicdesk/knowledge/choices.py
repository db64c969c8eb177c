from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Audience(models.TextChoices):
    """Who may read an article: the organisation's staff, or citizens on the portal too."""

    INTERNAL = "internal", _("Staff only")
    PUBLIC = "public", _("Public: citizens too")


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("publication status", "Draft")
    PUBLISHED = "published", pgettext_lazy("publication status", "Published")
    ARCHIVED = "archived", pgettext_lazy("publication status", "Archived")


class Delivery(models.TextChoices):
    """How a service point delivers a producer's service (the ASPA service-card models)."""

    ESERVICE = "eservice", _("Guide the customer to the producer's e-service")
    REMOTE = "remote", _("Remote service over video, booked")
    MEETING = "meeting", _("Meeting with the producer at the service point, booked")
    MANUAL = "manual", _("Manual service: paper form, scanning, payment")
    GUIDANCE = "guidance", _("Guidance to the producer's own service")


BOOKED_DELIVERIES = frozenset({Delivery.REMOTE, Delivery.MEETING})


class NoticeCategory(models.TextChoices):
    FUNDS = "funds", _("Funds available")
    TRAINING = "training", _("Training plans and lists")
    JOB_FAIR = "job_fair", _("Job fair")
    WORKSHOP = "workshop", _("Workshop")
    EURES = "eures", _("EURES recruitment")
    PAYMENTS = "payments", _("Payment schedule")
    FORMS = "forms", _("Forms")
    OPENING_HOURS = "opening_hours", _("Opening hours")
    OTHER = "other", _("Other local information")


class DirectoryKind(models.TextChoices):
    INSTITUTION = "institution", _("Institution")
    CONSULTANT = "consultant", _("Second-line consultant")
