"""Writes to the catalogue of topics and case types."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from civicdesk.catalog.choices import RosaTier
from civicdesk.catalog.models import CaseType, Topic
from civicdesk.core import authz
from civicdesk.core.errors import DomainError
from civicdesk.core.i18n import LANGUAGE_CODES
from civicdesk.org.models import AnswerGroup, Department, Organisation, User


def _validated_names(names: dict[str, str]) -> dict[str, str]:
    unknown = set(names) - set(LANGUAGE_CODES)
    if unknown:
        raise DomainError(
            _("Unknown language “%(code)s”. Use one of: %(choices)s.")
            % {"code": sorted(unknown)[0], "choices": ", ".join(LANGUAGE_CODES)},
            field="names",
        )
    cleaned = {code: (names.get(code) or "").strip() for code in LANGUAGE_CODES}
    if not any(cleaned.values()):
        raise DomainError(_("Give a name in at least one language."), field="names")
    return {f"name_{code}": value for code, value in cleaned.items()}


def _same_organisation(organisation: Organisation, obj, field: str) -> None:
    if obj is not None and obj.organisation_id != organisation.pk:
        raise DomainError(_("This belongs to another organisation."), field=field)


@transaction.atomic
def create_topic(
    *, actor: User, organisation: Organisation, code: str, names: dict[str, str], position: int = 0
) -> Topic:
    authz.require(actor, "catalog.manage_catalogue", organisation)
    if Topic.objects.filter(organisation=organisation, code=code).exists():
        raise DomainError(_("A topic with this code exists already."), field="code")
    return Topic.objects.create(
        organisation=organisation, code=code, position=position, **_validated_names(names)
    )


@transaction.atomic
def create_case_type(
    *,
    actor: User,
    organisation: Organisation,
    code: str,
    names: dict[str, str],
    department: Department,
    rosa_tier: str = RosaTier.GENERAL,
    topic: Topic | None = None,
    default_group: AnswerGroup | None = None,
    confidential_by_default: bool = False,
    handled_by_centre: bool = True,
    department_minutes: int | None = None,
) -> CaseType:
    authz.require(actor, "catalog.manage_catalogue", organisation)
    if rosa_tier not in RosaTier.values:
        raise DomainError(_("Unknown tier “%(tier)s”.") % {"tier": rosa_tier}, field="rosa_tier")
    _same_organisation(organisation, department, "department")
    _same_organisation(organisation, topic, "topic")
    _same_organisation(organisation, default_group, "default_group")
    if CaseType.objects.filter(organisation=organisation, code=code).exists():
        raise DomainError(_("A case type with this code exists already."), field="code")
    return CaseType.objects.create(
        organisation=organisation,
        code=code,
        department=department,
        rosa_tier=rosa_tier,
        topic=topic,
        default_group=default_group,
        confidential_by_default=confidential_by_default,
        handled_by_centre=handled_by_centre,
        department_minutes=_minutes(department_minutes),
        **_validated_names(names),
    )


_EDITABLE = {
    "rosa_tier",
    "topic",
    "department",
    "default_group",
    "confidential_by_default",
    "handled_by_centre",
    "department_minutes",
    "is_active",
}


def _minutes(value: int | None) -> int | None:
    if value is not None and not 0 < value <= 24 * 60:
        raise DomainError(
            _("The department's minutes per case are between 1 and 1440."),
            field="department_minutes",
        )
    return value


@transaction.atomic
def update_case_type(
    *, actor: User, case_type: CaseType, names: dict[str, str] | None = None, **changes
) -> CaseType:
    authz.require(actor, "catalog.manage_catalogue", case_type)
    unknown = set(changes) - _EDITABLE
    if unknown:
        raise DomainError(
            _("These fields cannot be changed: %(fields)s") % {"fields": ", ".join(sorted(unknown))}
        )
    organisation = case_type.organisation
    if "rosa_tier" in changes and changes["rosa_tier"] not in RosaTier.values:
        raise DomainError(
            _("Unknown tier “%(tier)s”.") % {"tier": changes["rosa_tier"]}, field="rosa_tier"
        )
    if "department" in changes and changes["department"] is None:
        raise DomainError(_("A case type needs an owning department."), field="department")
    for field in ("department", "topic", "default_group"):
        if field in changes:
            _same_organisation(organisation, changes[field], field)
    if "department_minutes" in changes:
        _minutes(changes["department_minutes"])
    if names is not None:
        changes.update(_validated_names({**case_type.names(), **names}))
    for field, value in changes.items():
        setattr(case_type, field, value)
    case_type.save()
    return case_type
