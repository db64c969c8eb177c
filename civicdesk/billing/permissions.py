"""Who may see and do what in billing (django-rules predicates).

Team leads and administrators see every statement and price of their organisation; leads and
administrators produce and issue statements; administrators set prices and event types. A
service producer's contact sees only their own producer's prices and issued statements.
"""

import rules

from civicdesk.billing.choices import PUBLISHED_STATUSES
from civicdesk.core.authz import add_model_permissions, same_organisation
from civicdesk.org.choices import Role
from civicdesk.org.permissions import ALL_ACTIONS, is_administrator, role_predicate

leads_or_administers = role_predicate(
    Role.TEAM_LEAD, Role.ADMINISTRATOR, name="billing_leads_or_administers"
)


def _producer_id(obj) -> int | None:
    """The producer an object is about: a statement's or price's producer, or a department."""
    if obj is None:
        return None
    if hasattr(obj, "producer_id"):
        return obj.producer_id
    if obj._meta.label_lower == "org.department":
        return obj.pk
    return None


@rules.predicate
def is_producer_contact(user, obj=None) -> bool:
    """A producer's contact, and the object (if any) is about their own producer."""
    if not user.has_role(Role.PRODUCER_CONTACT) or user.department_id is None:
        return False
    if not same_organisation(user, obj):
        return False
    if obj is None or obj._meta.label_lower == "org.organisation":
        return True
    return _producer_id(obj) == user.department_id


@rules.predicate
def is_published(user, statement=None) -> bool:
    return statement is not None and statement.status in PUBLISHED_STATUSES


rules.add_perm("billing.view_billing", leads_or_administers | is_producer_contact)
rules.add_perm(
    "billing.view_statement", leads_or_administers | (is_producer_contact & is_published)
)
rules.add_perm("billing.view_prices", leads_or_administers | is_producer_contact)
rules.add_perm("billing.produce_statements", leads_or_administers)
rules.add_perm("billing.issue_statement", leads_or_administers)
rules.add_perm("billing.manage_prices", is_administrator)

add_model_permissions(
    rules,
    "billing",
    ["serviceeventtype", "eventtypemapping", "price"],
    ALL_ACTIONS,
    is_administrator,
)
