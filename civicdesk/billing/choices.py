from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from civicdesk.cases.choices import Channel
from civicdesk.org.choices import Country, DepartmentKind


class Currency(models.TextChoices):
    EUR = "EUR", _("Euro")
    SEK = "SEK", _("Swedish krona")
    PLN = "PLN", _("Polish złoty")


# An organisation bills in its country's currency.
CURRENCY_BY_COUNTRY = {
    Country.FINLAND: Currency.EUR,
    Country.SWEDEN: Currency.SEK,
    Country.POLAND: Currency.PLN,
}

# The contacts a service point makes for a producer: the customer at the counter, or served
# over video from the point's remote-service room (docs/billing.md, "What is a service event").
SERVICE_EVENT_CHANNELS = (Channel.VISIT, Channel.REMOTE)


# The departments billed per service event: service producers and labour offices, the same
# "producers" the reports show (reporting.breakdowns.PRODUCER_KINDS).
PRODUCER_KINDS = (DepartmentKind.SERVICE_PRODUCER, DepartmentKind.LABOUR_OFFICE)


class StatementStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("statement status", "Draft")
    ISSUED = "issued", pgettext_lazy("statement status", "Issued")
    SUPERSEDED = "superseded", pgettext_lazy("statement status", "Superseded by a correction")


# What a producer's contact may read: what was sent to them, never a draft.
PUBLISHED_STATUSES = (StatementStatus.ISSUED, StatementStatus.SUPERSEDED)


class LineProblem(models.TextChoices):
    """Why a statement line has no amount. A draft with such a line cannot be issued."""

    NO_EVENT_TYPE = "no_event_type", _("The case type is mapped to no service event type")
    NO_PRICE = "no_price", _("No price for the event type on these days")
