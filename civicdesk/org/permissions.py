"""Who may do what with organisations, groups and users (django-rules predicates)."""

import rules

from civicdesk.core.authz import add_model_permissions, same_organisation
from civicdesk.org.choices import Role

ALL_ACTIONS = ("view", "add", "change", "delete")


def role_predicate(*roles: str, name: str):
    @rules.predicate(name=name)
    def predicate(user, obj=None) -> bool:
        return user.has_role(*roles) and same_organisation(user, obj)

    return predicate


@rules.predicate
def belongs_to_organisation(user, obj=None) -> bool:
    return user.organisation_id is not None and same_organisation(user, obj)


is_administrator = role_predicate(Role.ADMINISTRATOR, name="is_administrator")
is_team_lead = role_predicate(Role.TEAM_LEAD, name="is_team_lead")

rules.add_perm("org.view_directory", belongs_to_organisation)
rules.add_perm("org.manage_organisation", is_administrator)
rules.add_perm("org.manage_groups", is_administrator | is_team_lead)
rules.add_perm("org.manage_api_tokens", is_administrator)

add_model_permissions(
    rules,
    "org",
    ["department", "servicepoint", "answergroup", "groupmembership", "user", "roleassignment"],
    ALL_ACTIONS,
    is_administrator,
)
add_model_permissions(rules, "org", ["apitoken"], ("view", "delete"), is_administrator)
add_model_permissions(rules, "org", ["organisation"], ("view", "change"), is_administrator)
