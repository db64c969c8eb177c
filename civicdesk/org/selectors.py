"""Reads of the organisation structure, always through the actor."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from civicdesk.core.selectors import get_for_actor
from civicdesk.org.models import AnswerGroup, Department, Organisation, ServicePoint, User


def organisations_for_actor(actor: User) -> QuerySet[Organisation]:
    return Organisation.objects.for_actor(actor)


def departments_for_actor(actor: User) -> QuerySet[Department]:
    return Department.objects.for_actor(actor).order_by("name")


def service_points_for_actor(actor: User) -> QuerySet[ServicePoint]:
    return ServicePoint.objects.for_actor(actor).select_related("department").order_by("name")


def answer_groups_for_actor(actor: User) -> QuerySet[AnswerGroup]:
    return (
        AnswerGroup.objects.for_actor(actor)
        .select_related("department", "service_point", "manager")
        .prefetch_related(
            Prefetch("members", queryset=User.objects.filter(is_active=True).order_by("username"))
        )
        .order_by("name")
    )


def users_for_actor(actor: User) -> QuerySet[User]:
    return (
        User.objects.for_actor(actor)
        .filter(is_active=True)
        .select_related("department", "manager")
        .prefetch_related("role_assignments")
    )


def get_department(actor: User, pk) -> Department:
    return get_for_actor(departments_for_actor(actor), pk)


def get_service_point(actor: User, pk) -> ServicePoint:
    return get_for_actor(service_points_for_actor(actor), pk)


def get_answer_group(actor: User, pk) -> AnswerGroup:
    return get_for_actor(answer_groups_for_actor(actor), pk)


def get_user(actor: User, pk) -> User:
    return get_for_actor(users_for_actor(actor), pk)
