from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from civicdesk.core.i18n import LANGUAGE_CHOICES
from civicdesk.core.models import TenantModel
from civicdesk.org.choices import Country


class CustomerKind(models.TextChoices):
    PERSON = "person", _("Citizen")
    ORGANISATION = "organisation", _("Organisation or employer")


class ContactKind(models.TextChoices):
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")


class AccessPurpose(models.TextChoices):
    """Why personal data was opened; every opening states one."""

    CONTACT = "contact", _("Serving the customer's contact")
    CASE = "case", _("Handling the customer's case")
    DATA_REQUEST = "data_request", _("The customer's request for their data")
    ADMINISTRATION = "administration", _("Correcting the register")


class AccessAction(models.TextChoices):
    RECORD = "record", _("Record opened")
    NATIONAL_ID = "national_id", _("Full identity number shown")
    SEARCH_RESULT = "search_result", _("Shown in search results")


class AccessChannel(models.TextChoices):
    UI = "ui", _("Agent interface")
    API = "api", _("API")
    ADMIN = "admin", _("Administration")
    EXPORT = "export", _("Export")


class Customer(TenantModel):
    """A citizen or an organisation (an employer) in the organisation's register.

    The national identity number is kept twice, neither time in clear text: as a keyed hash
    for exact look-up and encrypted for showing it back when someone with a reason asks.
    """

    kind = models.CharField(
        _("kind"), max_length=12, choices=CustomerKind.choices, default=CustomerKind.PERSON
    )
    name = models.CharField(_("name"), max_length=200)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=LANGUAGE_CHOICES
    )
    country = models.CharField(
        _("country of the identity number"), max_length=2, choices=Country.choices, blank=True
    )
    # NULL, not "", for "no number": the unique constraint below must not apply to it.
    national_id_hash = models.CharField(  # noqa: DJ001
        max_length=64, null=True, blank=True, editable=False
    )
    national_id_encrypted = models.TextField(blank=True, editable=False)
    business_id = models.CharField(
        _("business ID"),
        max_length=20,
        blank=True,
        help_text=_("For organisations: NIP, organisationsnummer or Y-tunnus."),
    )
    created_by = models.ForeignKey(
        "org.User", on_delete=models.SET_NULL, null=True, editable=False, related_name="+"
    )

    class Meta:
        verbose_name = _("customer")
        verbose_name_plural = _("customers")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "national_id_hash"],
                condition=models.Q(national_id_hash__isnull=False),
                name="customer_national_id_unique",
                violation_error_message=_("A customer with this identity number exists already."),
            )
        ]
        indexes = [models.Index(fields=["organisation", "name"], name="customer_name_idx")]

    def __str__(self) -> str:
        return self.name

    @property
    def has_national_id(self) -> bool:
        return bool(self.national_id_hash)


class CustomerContact(TenantModel):
    """A phone number (E.164) or an e-mail address (lower case), normalised for look-up."""

    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("customer")
    )
    kind = models.CharField(_("kind"), max_length=8, choices=ContactKind.choices)
    value = models.CharField(_("value"), max_length=254)
    label = models.CharField(_("label"), max_length=60, blank=True)
    is_primary = models.BooleanField(_("primary"), default=False)

    class Meta:
        verbose_name = _("contact detail")
        verbose_name_plural = _("contact details")
        ordering = ["-is_primary", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["customer", "kind", "value"], name="customer_contact_unique"
            )
        ]
        indexes = [
            models.Index(fields=["organisation", "kind", "value"], name="customer_contact_lookup")
        ]

    def __str__(self) -> str:
        return self.value


class PersonalDataAccess(models.Model):
    """Who opened whose personal data, when, why and how. Append-only."""

    organisation = models.ForeignKey(
        "org.Organisation", on_delete=models.PROTECT, related_name="+", editable=False
    )
    customer = models.ForeignKey(
        Customer,
        on_delete=models.CASCADE,
        related_name="access_log",
        editable=False,
        verbose_name=_("customer"),
    )
    actor = models.ForeignKey(
        "org.User",
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name=_("who"),
    )
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    purpose = models.CharField(_("why"), max_length=20, choices=AccessPurpose.choices)
    reason = models.CharField(_("note"), max_length=300, blank=True)
    action = models.CharField(_("what"), max_length=20, choices=AccessAction.choices)
    via = models.CharField(_("channel"), max_length=10, choices=AccessChannel.choices)

    class Meta:
        verbose_name = _("personal-data access")
        verbose_name_plural = _("personal-data access log")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["customer", "-at"], name="access_log_customer_idx")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action}"
