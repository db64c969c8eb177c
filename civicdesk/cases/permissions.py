"""Who may do what with a case. Visibility is the queryset's rule, restated for one object."""

import rules

from civicdesk.cases.models import may_see_all_confidential, only_producer_contact
from civicdesk.core.authz import same_organisation
from civicdesk.org.choices import CUSTOMER_SERVING_ROLES, Role


@rules.predicate
def can_see_case(user, case) -> bool:
    if case is None or not same_organisation(user, case):
        return False
    if only_producer_contact(user) and case.department_id != user.department_id:
        return False
    if not case.is_confidential or may_see_all_confidential(user):
        return True
    return case.handler_id == user.pk or case.answer_group_id in user.group_ids


@rules.predicate
def serves_customers(user, obj=None) -> bool:
    return bool(user.role_set & CUSTOMER_SERVING_ROLES) and same_organisation(user, obj)


@rules.predicate
def is_team_lead(user, obj=None) -> bool:
    return user.has_role(Role.TEAM_LEAD, Role.ADMINISTRATOR) and same_organisation(user, obj)


@rules.predicate
def works_in_handling_group(user, case) -> bool:
    """The front line works on cases no group holds; a group's members on the group's cases."""
    if case.answer_group_id is None:
        return True
    return case.answer_group_id in user.group_ids or case.handler_id == user.pk


@rules.predicate
def manages_handling_group(user, case) -> bool:
    return case.answer_group_id is not None and case.answer_group.manager_id == user.pk


@rules.predicate
def is_channel_account(user, obj=None) -> bool:
    """A channel's own account: it brings the citizen's mail or message to any case of its
    organisation, confidential ones included, but cannot sign in to read them."""
    return bool(getattr(user, "is_channel_account", False)) and same_organisation(user, obj)


rules.add_perm("cases.register_contact", serves_customers)
# An incoming contact or file joins a case: the agents who work on it, or a channel's account.
rules.add_perm("cases.receive_contact", (can_see_case & serves_customers) | is_channel_account)
rules.add_perm("cases.view_case", can_see_case)
rules.add_perm("cases.work_on_case", can_see_case & serves_customers)
rules.add_perm("cases.forward_case", can_see_case & serves_customers)
rules.add_perm(
    "cases.take_case", can_see_case & serves_customers & (works_in_handling_group | is_team_lead)
)
rules.add_perm("cases.assign_case", can_see_case & (is_team_lead | manages_handling_group))
rules.add_perm(
    "cases.resolve_case",
    can_see_case & serves_customers & (works_in_handling_group | is_team_lead),
)
rules.add_perm(
    "cases.set_confidentiality",
    can_see_case & serves_customers & (works_in_handling_group | is_team_lead),
)
