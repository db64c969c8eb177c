"""Who may read and write the knowledge base (django-rules predicates).

Everybody of the organisation reads its published knowledge. Department experts and
service-producer contacts write for their own departments: their home department and the
departments their answer groups answer for; an article's owner may always edit it. Team leads
and administrators write for every department of their organisation, build quizzes and keep
the directory. Citizens read public articles on the portal, which needs no permission.
"""

from __future__ import annotations

import rules

from civicdesk.core.authz import add_model_permissions, same_organisation
from civicdesk.org.choices import CUSTOMER_SERVING_ROLES, Role
from civicdesk.org.permissions import ALL_ACTIONS, belongs_to_organisation, is_administrator

WRITERS = (Role.DEPARTMENT_EXPERT, Role.PRODUCER_CONTACT)
EDITORS = (Role.TEAM_LEAD, Role.ADMINISTRATOR)


def department_ids_of(user) -> frozenset[int]:
    """The departments a user writes for: home department and their groups' departments."""
    cached = getattr(user, "_knowledge_department_ids", None)
    if cached is None:
        from civicdesk.org.models import AnswerGroup

        cached = frozenset(
            AnswerGroup.objects.filter(pk__in=user.group_ids).values_list(
                "department_id", flat=True
            )
        ) | ({user.department_id} if user.department_id else frozenset())
        user._knowledge_department_ids = cached
    return cached


def _department_of(obj) -> int | None:
    """The department an object belongs to; a Department is its own."""
    from civicdesk.knowledge.models import ServiceCard
    from civicdesk.org.models import Department

    if isinstance(obj, Department):
        return obj.pk
    if isinstance(obj, ServiceCard):
        return obj.producer_id
    return getattr(obj, "department_id", None)


@rules.predicate
def writes_knowledge(user, obj=None) -> bool:
    if obj is not None and not same_organisation(user, obj):
        return False
    if user.has_role(*EDITORS):
        return user.organisation_id is not None or user.is_superuser
    if not user.has_role(*WRITERS):
        return getattr(obj, "owner_id", None) == user.pk and user.pk is not None
    from civicdesk.org.models import Organisation

    if obj is None or isinstance(obj, Organisation):
        return True  # a writer may write something; the department decides what
    if getattr(obj, "owner_id", None) == user.pk:
        return True
    return _department_of(obj) in department_ids_of(user)


@rules.predicate
def edits_knowledge(user, obj=None) -> bool:
    return user.has_role(*EDITORS) and same_organisation(user, obj)


@rules.predicate
def serves_customers(user, obj=None) -> bool:
    return bool(user.role_set & CUSTOMER_SERVING_ROLES) and same_organisation(user, obj)


rules.add_perm("knowledge.view_knowledge", belongs_to_organisation)
rules.add_perm("knowledge.edit_article", writes_knowledge)
rules.add_perm("knowledge.manage_checklist", writes_knowledge)
rules.add_perm("knowledge.manage_service_card", writes_knowledge)
rules.add_perm("knowledge.manage_notice", writes_knowledge)
rules.add_perm("knowledge.manage_directory", edits_knowledge)
rules.add_perm("knowledge.manage_quiz", edits_knowledge)
rules.add_perm("knowledge.view_quiz_results", edits_knowledge)
rules.add_perm("knowledge.take_quiz", serves_customers)

# The Django admin keeps the directory, checklists and tags; articles, service cards, notices
# and quizzes have their own editing pages, which version, sanitise and index.
add_model_permissions(
    rules,
    "knowledge",
    ["directoryentry", "checklist", "checkliststep", "tag"],
    ALL_ACTIONS,
    is_administrator,
)
