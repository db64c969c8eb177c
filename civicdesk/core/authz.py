"""Authorisation for domain functions.

Rules live in each app's `permissions.py` (django-rules predicates registered as Django
permissions), so `user.has_perm()` in templates and the admin and `require()` in services give
the same answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from civicdesk.core.errors import Forbidden, NotFound

if TYPE_CHECKING:
    from civicdesk.org.models import User


def can(actor: User, permission: str, obj: Any = None) -> bool:
    if actor is None or not actor.is_authenticated or not actor.is_active:
        return False
    return actor.has_perm(permission, obj)


def require(actor: User, permission: str, obj: Any = None) -> None:
    if not can(actor, permission, obj):
        raise Forbidden()


def require_same_organisation(actor: User, obj: Any) -> None:
    """Objects of another organisation do not exist for the actor."""
    if not same_organisation(actor, obj):
        raise NotFound()


def organisation_id_of(obj: Any) -> int | None:
    """The organisation an object belongs to; models outside TenantModel say it themselves."""
    if hasattr(obj, "tenant_organisation_id"):
        return obj.tenant_organisation_id
    return getattr(obj, "organisation_id", None)


def same_organisation(actor: User, obj: Any) -> bool:
    if obj is None:
        return True
    if actor.is_superuser:
        return True
    return actor.organisation_id is not None and organisation_id_of(obj) == actor.organisation_id


def add_model_permissions(rules_module, app_label: str, models: list[str], actions, predicate):
    """Register `app.<action>_<model>` for each model, so the Django admin asks the same rule."""
    for model in models:
        for action in actions:
            rules_module.add_perm(f"{app_label}.{action}_{model}", predicate)
