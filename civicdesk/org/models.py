from __future__ import annotations

import zoneinfo
from functools import cached_property

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from civicdesk.core.i18n import LANGUAGE_CHOICES
from civicdesk.core.models import TenantModel, TenantQuerySet, TimeStampedModel
from civicdesk.org.choices import (
    CUSTOMER_SERVING_ROLES,
    Country,
    DepartmentKind,
    Role,
    ServicePointKind,
)


def validate_timezone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a known time zone. Use a name such as Europe/Stockholm."),
            params={"value": value},
        )


class OrganisationQuerySet(models.QuerySet):
    def for_actor(self, actor):
        if not actor.is_authenticated or not actor.is_active:
            return self.none()
        if actor.is_superuser:
            return self.all()
        return self.filter(pk=actor.organisation_id)


class Organisation(TimeStampedModel):
    """A municipality, an agency or a joint service point: the unit of data separation."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), unique=True)
    reference_prefix = models.CharField(
        _("case reference prefix"),
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2,6}$", _("Use 2 to 6 capital letters A-Z."))],
        help_text=_("Starts every case reference, as in SKE-2026-000123."),
    )
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    default_language = models.CharField(
        _("default language"), max_length=2, choices=LANGUAGE_CHOICES
    )
    timezone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Stockholm", validators=[validate_timezone]
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def tenant_organisation_id(self) -> int:
        return self.pk


class Department(TenantModel):
    """A department, a labour office or another service producer that owns case types."""

    name = models.CharField(_("name"), max_length=200)
    code = models.SlugField(_("code"), max_length=40)
    kind = models.CharField(
        _("kind"), max_length=20, choices=DepartmentKind.choices, default=DepartmentKind.DEPARTMENT
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("department or service producer")
        verbose_name_plural = _("departments and service producers")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="department_code_unique")
        ]

    def __str__(self) -> str:
        return self.name


class ServicePoint(TenantModel):
    """Where citizens are served: the contact centre, a local office (PAK), a counter."""

    name = models.CharField(_("name"), max_length=200)
    code = models.SlugField(_("code"), max_length=40)
    kind = models.CharField(_("kind"), max_length=20, choices=ServicePointKind.choices)
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="service_points",
        verbose_name=_("department"),
        help_text=_("For a local office, the department or labour office it belongs to."),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("service point")
        verbose_name_plural = _("service points")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "code"], name="service_point_code_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.department_id and self.department.organisation_id != self.organisation_id:
            raise ValidationError(
                {"department": _("The department belongs to another organisation.")}
            )


class AnswerGroup(TenantModel):
    """The svarsgrupp / PAK: the people who answer forwarded cases for a department."""

    name = models.CharField(_("name"), max_length=200)
    code = models.SlugField(_("code"), max_length=40)
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="answer_groups",
        verbose_name=_("department it answers for"),
    )
    service_point = models.ForeignKey(
        ServicePoint,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="answer_groups",
        verbose_name=_("service point"),
    )
    email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_("The group's shared mailbox; replies are sent from it."),
    )
    manager = models.ForeignKey(
        "org.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="managed_groups",
        verbose_name=_("manager"),
    )
    members = models.ManyToManyField(
        "org.User",
        through="GroupMembership",
        related_name="answer_groups",
        verbose_name=_("members"),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("answer group")
        verbose_name_plural = _("answer groups")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "code"], name="answer_group_code_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors = {}
        for field in ("department", "service_point", "manager"):
            related = getattr(self, field, None)
            if related is not None and related.organisation_id != self.organisation_id:
                errors[field] = _("This belongs to another organisation.")
        if errors:
            raise ValidationError(errors)


class GroupMembership(TimeStampedModel):
    group = models.ForeignKey(
        AnswerGroup, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("group")
    )
    user = models.ForeignKey(
        "org.User", on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )

    class Meta:
        verbose_name = _("group membership")
        verbose_name_plural = _("group memberships")
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="group_membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} ∈ {self.group}"

    @property
    def tenant_organisation_id(self) -> int:
        return self.group.organisation_id

    def clean(self) -> None:
        if (
            self.group_id
            and self.user_id
            and self.group.organisation_id != self.user.organisation_id
        ):
            raise ValidationError(_("The user and the group belong to different organisations."))


class CivicUserManager(UserManager.from_queryset(TenantQuerySet)):
    pass


class User(AbstractUser):
    """A person who signs in: an agent, an expert, a manager, an administrator.

    Installation administrators are superusers without an organisation; everyone else
    belongs to exactly one organisation and sees only its data.
    """

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("organisation"),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("home department"),
        help_text=_("For experts and service-producer contacts: the department they work for."),
    )
    manager = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("nearest manager"),
        help_text=_("Receives alarms about this person's overdue cases."),
    )
    ui_language = models.CharField(
        _("language"), max_length=2, choices=LANGUAGE_CHOICES, blank=True
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    title = models.CharField(_("job title"), max_length=120, blank=True)
    confidential_access = models.BooleanField(
        _("sees every confidential case"),
        default=False,
        help_text=_("Applies to administrators only. Granted by installation administrators."),
    )
    is_channel_account = models.BooleanField(
        _("channel account"),
        default=False,
        editable=False,
        help_text=_(
            "The account a channel (a mailbox, the web form, SMS) registers contacts as. "
            "It cannot sign in."
        ),
    )

    objects = CivicUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False) | models.Q(is_superuser=True),
                name="user_has_organisation_unless_superuser",
                violation_error_message=_(
                    "Every user except installation administrators belongs to an organisation."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @cached_property
    def role_set(self) -> frozenset[str]:
        return frozenset(self.role_assignments.values_list("role", flat=True))

    def has_role(self, *roles: str) -> bool:
        return bool(self.role_set.intersection(roles))

    @property
    def serves_customers(self) -> bool:
        return bool(self.role_set & CUSTOMER_SERVING_ROLES)

    @cached_property
    def group_ids(self) -> frozenset[int]:
        return frozenset(self.memberships.values_list("group_id", flat=True))

    def clean(self) -> None:
        super().clean()
        errors = {}
        for field in ("department", "manager"):
            related = getattr(self, field, None)
            if related is not None and related.organisation_id != self.organisation_id:
                errors[field] = _("This belongs to another organisation.")
        if errors:
            raise ValidationError(errors)


class RoleAssignment(models.Model):
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="role_assignments", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="role_assignment_unique")
        ]

    def __str__(self) -> str:
        return self.get_role_display()

    @property
    def tenant_organisation_id(self) -> int | None:
        return self.user.organisation_id


class ApiToken(TenantModel):
    """A credential for one integration (a telephony system, a mail gateway, a report tool).

    The token acts as its service user, so it has exactly that user's roles and groups.
    Only a hash is stored; the token is shown once when created.
    """

    name = models.CharField(_("name"), max_length=120)
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("acts as")
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=12, editable=False)
    created_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        editable=False,
        verbose_name=_("created by"),
    )
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
