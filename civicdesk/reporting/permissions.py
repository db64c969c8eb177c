import rules

from civicdesk.core.authz import same_organisation
from civicdesk.org.choices import Role


@rules.predicate
def leads_or_administers(user, obj=None) -> bool:
    return user.has_role(Role.TEAM_LEAD, Role.ADMINISTRATOR) and same_organisation(user, obj)


@rules.predicate
def manages_the_digests_group(user, digest=None) -> bool:
    return (
        digest is not None
        and digest.answer_group_id is not None
        and digest.answer_group.manager_id == user.pk
        and same_organisation(user, digest)
    )


rules.add_perm("reporting.view_digests", leads_or_administers)
rules.add_perm("reporting.view_digest", leads_or_administers | manages_the_digests_group)
rules.add_perm("reporting.plan_staffing", leads_or_administers)
rules.add_perm("reporting.view_relief", leads_or_administers)
rules.add_perm("reporting.view_dashboard", leads_or_administers)
rules.add_perm("reporting.view_prestudy", leads_or_administers)
