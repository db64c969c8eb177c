"""Every role x every permission x own or other organisation, stated once."""

import pytest

from civicdesk.core import authz
from civicdesk.org.choices import Role

pytestmark = pytest.mark.django_db

EVERYONE = set(Role.values)
SERVING = {Role.GENERAL_AGENT, Role.SPECIALIST_AGENT, Role.DEPARTMENT_EXPERT, Role.TEAM_LEAD}

# permission -> (roles holding it, attribute of the tenant used as the object)
MATRIX = {
    "org.view_directory": (EVERYONE, "organisation"),
    "org.manage_organisation": ({Role.ADMINISTRATOR}, "organisation"),
    "org.manage_groups": ({Role.ADMINISTRATOR, Role.TEAM_LEAD}, "group"),
    "org.manage_api_tokens": ({Role.ADMINISTRATOR}, "organisation"),
    "org.change_department": ({Role.ADMINISTRATOR}, "department"),
    "org.add_user": ({Role.ADMINISTRATOR}, "organisation"),
    "catalog.view_catalogue": (EVERYONE, "organisation"),
    "catalog.manage_catalogue": ({Role.ADMINISTRATOR}, "case_type"),
    "catalog.change_casetype": ({Role.ADMINISTRATOR}, "case_type"),
    "customers.view_customer": (SERVING | {Role.ADMINISTRATOR}, "customer"),
    "customers.add_customer": (SERVING | {Role.ADMINISTRATOR}, "organisation"),
    "customers.change_customer": (SERVING | {Role.ADMINISTRATOR}, "customer"),
    "customers.view_access_log": ({Role.ADMINISTRATOR}, "customer"),
}


@pytest.mark.parametrize("permission", sorted(MATRIX))
def test_each_role_holds_exactly_its_permissions_in_its_own_organisation(
    permission, tenant_a, tenant_b
):
    holders, attribute = MATRIX[permission]
    own_object = getattr(tenant_a, attribute)
    other_object = getattr(tenant_b, attribute)
    granted_own = {
        role for role in Role.values if authz.can(tenant_a.user(role), permission, own_object)
    }
    granted_other = {
        role for role in Role.values if authz.can(tenant_a.user(role), permission, other_object)
    }
    assert granted_own == holders
    assert granted_other == set()


def test_a_user_without_roles_holds_nothing(tenant_a):
    from civicdesk.testing.factories import UserFactory

    nobody = UserFactory(organisation=tenant_a.organisation)
    assert not any(
        authz.can(nobody, permission, getattr(tenant_a, attribute))
        for permission, (_holders, attribute) in MATRIX.items()
        if permission not in {"org.view_directory", "catalog.view_catalogue"}
    )


def test_a_deactivated_user_holds_nothing(tenant_a):
    admin = tenant_a.user(Role.ADMINISTRATOR)
    admin.is_active = False
    assert not authz.can(admin, "org.manage_organisation", tenant_a.organisation)


def test_installation_administrators_hold_everything(superuser, tenant_a):
    assert all(
        authz.can(superuser, permission, getattr(tenant_a, attribute))
        for permission, (_holders, attribute) in MATRIX.items()
    )
