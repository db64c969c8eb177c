import pytest

from civicdesk.core.errors import DomainError, Forbidden
from civicdesk.org import services
from civicdesk.org.choices import Role
from civicdesk.org.models import GroupMembership, User

pytestmark = pytest.mark.django_db


def test_an_administrator_creates_a_user_with_roles_and_groups(tenant_a):
    user = services.create_user(
        actor=tenant_a.user(Role.ADMINISTRATOR),
        organisation=tenant_a.organisation,
        username="new.agent",
        password="a long enough password",
        roles=[Role.GENERAL_AGENT],
        groups=[tenant_a.group],
        ui_language="sv",
    )
    assert user.role_set == {Role.GENERAL_AGENT}
    assert user.group_ids == {tenant_a.group.pk}
    assert user.check_password("a long enough password")


def test_a_user_can_belong_to_several_groups(tenant_a):
    from civicdesk.testing.factories import AnswerGroupFactory

    second = AnswerGroupFactory(organisation=tenant_a.organisation)
    expert = tenant_a.user(Role.DEPARTMENT_EXPERT)
    services.add_group_member(actor=tenant_a.user(Role.TEAM_LEAD), group=second, user=expert)
    assert expert.group_ids == {tenant_a.group.pk, second.pk}


def test_a_group_of_another_organisation_is_refused_and_nothing_changes(tenant_a, tenant_b):
    before = GroupMembership.objects.count()
    with pytest.raises(Forbidden):
        services.add_group_member(
            actor=tenant_a.user(Role.ADMINISTRATOR),
            group=tenant_b.group,
            user=tenant_a.user(Role.GENERAL_AGENT),
        )
    with pytest.raises(DomainError, match="another organisation") as caught:
        services.add_group_member(
            actor=tenant_a.user(Role.ADMINISTRATOR),
            group=tenant_a.group,
            user=tenant_b.user(Role.GENERAL_AGENT),
        )
    assert caught.value.field == "group"
    assert GroupMembership.objects.count() == before


def test_a_manager_of_another_organisation_is_refused(tenant_a, tenant_b):
    with pytest.raises(DomainError):
        services.set_group_manager(
            actor=tenant_a.user(Role.ADMINISTRATOR),
            group=tenant_a.group,
            manager=tenant_b.user(Role.TEAM_LEAD),
        )
    tenant_a.group.refresh_from_db()
    assert tenant_a.group.manager == tenant_a.user(Role.TEAM_LEAD)


def test_an_agent_cannot_create_users(tenant_a):
    with pytest.raises(Forbidden):
        services.create_user(
            actor=tenant_a.user(Role.GENERAL_AGENT),
            organisation=tenant_a.organisation,
            username="x",
            password=None,
        )
    assert not User.objects.filter(username="x").exists()


def test_an_unknown_language_is_refused_and_nothing_changes(tenant_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    with pytest.raises(DomainError, match="Unknown language"):
        services.set_ui_language(actor=agent, language="klingon")
    agent.refresh_from_db()
    assert agent.ui_language == ""


def test_an_unknown_role_is_refused(tenant_a):
    with pytest.raises(DomainError):
        services.assign_role(
            actor=tenant_a.user(Role.ADMINISTRATOR),
            user=tenant_a.user(Role.GENERAL_AGENT),
            role="pope",
        )


def test_api_tokens_authenticate_until_revoked(tenant_a):
    admin = tenant_a.user(Role.ADMINISTRATOR)
    service_user = tenant_a.user(Role.GENERAL_AGENT)
    token, secret = services.create_api_token(actor=admin, user=service_user, name="Telephony")
    assert secret not in token.token_hash
    assert services.authenticate_api_token(secret) == service_user
    assert services.authenticate_api_token(secret + "x") is None
    services.revoke_api_token(actor=admin, token=token)
    assert services.authenticate_api_token(secret) is None
