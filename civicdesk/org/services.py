"""Writes to organisations, groups, users and API tokens. Each checks the actor first."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import datetime

from django.db import IntegrityError, connection, transaction
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext as _

from civicdesk.core import authz
from civicdesk.core.errors import DomainError
from civicdesk.core.i18n import validate_language
from civicdesk.org.choices import Role
from civicdesk.org.models import (
    AnswerGroup,
    ApiToken,
    Department,
    GroupMembership,
    Organisation,
    RoleAssignment,
    User,
)

API_TOKEN_PREFIX = "cd_"  # noqa: S105  (a label that tells tokens apart, not a secret)


def _require_same_organisation(organisation: Organisation, *objects, field: str) -> None:
    for obj in objects:
        if obj is not None and authz.organisation_id_of(obj) != organisation.pk:
            raise DomainError(_("This belongs to another organisation."), field=field)


def _forget_cached_access(user: User) -> None:
    user.__dict__.pop("role_set", None)
    user.__dict__.pop("group_ids", None)


@transaction.atomic
def create_user(
    *,
    actor: User,
    organisation: Organisation,
    username: str,
    password: str | None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    roles: Iterable[str] = (),
    groups: Iterable[AnswerGroup] = (),
    department: Department | None = None,
    manager: User | None = None,
    ui_language: str = "",
    title: str = "",
) -> User:
    authz.require(actor, "org.add_user", organisation)
    if ui_language:
        ui_language = validate_language(ui_language, field="ui_language")
    _require_same_organisation(organisation, department, field="department")
    _require_same_organisation(organisation, manager, field="manager")
    if User.objects.filter(username=username).exists():
        raise DomainError(_("This user name is already taken."), field="username")
    user = User(
        organisation=organisation,
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        department=department,
        manager=manager,
        ui_language=ui_language,
        title=title.strip()[:120],
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    for role in roles:
        assign_role(actor=actor, user=user, role=role)
    for group in groups:
        add_group_member(actor=actor, group=group, user=user)
    return user


def assign_role(*, actor: User, user: User, role: str) -> RoleAssignment:
    authz.require(actor, "org.add_roleassignment", user)
    if role not in Role.values:
        raise DomainError(_("Unknown role “%(role)s”.") % {"role": role}, field="role")
    assignment, _created = RoleAssignment.objects.get_or_create(user=user, role=role)
    _forget_cached_access(user)
    return assignment


def remove_role(*, actor: User, user: User, role: str) -> None:
    authz.require(actor, "org.delete_roleassignment", user)
    RoleAssignment.objects.filter(user=user, role=role).delete()
    _forget_cached_access(user)


@transaction.atomic
def add_group_member(*, actor: User, group: AnswerGroup, user: User) -> GroupMembership:
    authz.require(actor, "org.manage_groups", group)
    if user.organisation_id != group.organisation_id:
        raise DomainError(
            _("The answer group belongs to another organisation than the user."), field="group"
        )
    membership, _created = GroupMembership.objects.get_or_create(group=group, user=user)
    _forget_cached_access(user)
    return membership


def remove_group_member(*, actor: User, group: AnswerGroup, user: User) -> None:
    authz.require(actor, "org.manage_groups", group)
    GroupMembership.objects.filter(group=group, user=user).delete()
    _forget_cached_access(user)


def set_group_manager(*, actor: User, group: AnswerGroup, manager: User | None) -> AnswerGroup:
    authz.require(actor, "org.manage_organisation", group)
    if manager is not None and manager.organisation_id != group.organisation_id:
        raise DomainError(_("The manager belongs to another organisation."), field="manager")
    group.manager = manager
    group.save(update_fields=["manager", "updated_at"])
    return group


def set_ui_language(*, actor: User, language: str) -> User:
    """Any signed-in user chooses the language of their own interface."""
    language = validate_language(language)
    if actor.ui_language != language:
        actor.ui_language = language
        actor.save(update_fields=["ui_language"])
    return actor


def _hash_token(plain: str) -> str:
    return hashlib.sha256(plain.encode("utf-8")).hexdigest()


@transaction.atomic
def create_api_token(
    *, actor: User, user: User, name: str, expires_at: datetime | None = None
) -> tuple[ApiToken, str]:
    """Returns the token and its secret; the secret is not stored and cannot be shown again."""
    authz.require(actor, "org.manage_api_tokens", user)
    if user.organisation_id is None:
        raise DomainError(_("A token must act as a user of an organisation."), field="user")
    if not name.strip():
        raise DomainError(
            _("Give the token a name that says which integration uses it."), field="name"
        )
    plain = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    try:
        token = ApiToken.objects.create(
            organisation_id=user.organisation_id,
            name=name.strip(),
            user=user,
            token_hash=_hash_token(plain),
            prefix=plain[:10],
            created_by=actor,
            expires_at=expires_at,
        )
    except IntegrityError:  # a collision of 256 random bits: try once more
        return create_api_token(actor=actor, user=user, name=name, expires_at=expires_at)
    return token, plain


def revoke_api_token(*, actor: User, token: ApiToken) -> ApiToken:
    authz.require(actor, "org.manage_api_tokens", token)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])
    return token


# The user's roles come with the token in the same statement: every API request checks them,
# and a second round trip would cost about as much as the token's own read.
_ROLES_OF_TOKEN_USER = (
    "SELECT GROUP_CONCAT(role, ',') FROM org_roleassignment"
    " WHERE org_roleassignment.user_id = org_apitoken.user_id",
    "SELECT STRING_AGG(role, ',') FROM org_roleassignment"
    " WHERE org_roleassignment.user_id = org_apitoken.user_id",
)


def authenticate_api_token(plain: str) -> User | None:
    """The user a presented token acts as, or None. Updates last use at most once a minute."""
    if not plain or not plain.startswith(API_TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user", "user__organisation")
        .filter(token_hash=_hash_token(plain), revoked_at__isnull=True)
        # constant SQL, no parameters
        .annotate(role_list=RawSQL(_ROLES_OF_TOKEN_USER[connection.vendor == "postgresql"], ()))  # noqa: S611
        .first()
    )
    now = timezone.now()
    if token is None or (token.expires_at and token.expires_at <= now):
        return None
    if not token.user.is_active:
        return None
    token.user.__dict__["role_set"] = frozenset(filter(None, (token.role_list or "").split(",")))
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def channel_service_user(organisation: Organisation, channel: str) -> User:
    """The account a channel acts as when nobody signed in registers the contact (a mail arriving
    in a mailbox, a web form, an SMS). It can register contacts and nothing else: it holds the
    general-agent role, has no usable password and belongs to no group. Created on first use."""
    username = f"{organisation.slug}.{channel}-intake"[:150]
    user = User.objects.filter(username=username).first()
    if user is not None:
        return user
    with transaction.atomic():
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "organisation": organisation,
                "first_name": str(channel).replace("_", " ").capitalize(),
                "last_name": "(intake)",
                "is_channel_account": True,
            },
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            RoleAssignment.objects.get_or_create(user=user, role=Role.GENERAL_AGENT)
    return user
