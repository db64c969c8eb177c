"""Fixtures shared by every suite: two organisations, a user for each role in each."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from civicdesk.org.choices import Country, Role
from civicdesk.testing import factories


@dataclass
class Tenant:
    """One organisation with a department, a group, a case type, a customer and all roles."""

    organisation: object
    department: object
    service_point: object
    group: object
    topic: object
    case_type: object
    customer: object
    case: object = None
    users: dict[str, object] = field(default_factory=dict)

    def user(self, role: str):
        return self.users[role]


FIXTURE_PHONES = {
    Country.SWEDEN: "+46705550101",
    Country.POLAND: "+48501234567",
    Country.FINLAND: "+358401234567",
}


def build_tenant(country: str, name: str) -> Tenant:
    from civicdesk.cases.services import register_contact

    organisation = factories.OrganisationFactory(country=country, name=name)
    department = factories.DepartmentFactory(organisation=organisation)
    users = {
        role: factories.UserFactory(
            organisation=organisation, roles=[role], username=f"{organisation.slug}-{role}"
        )
        for role in Role.values
    }
    group = factories.AnswerGroupFactory(
        organisation=organisation,
        department=department,
        manager=users[Role.TEAM_LEAD],
        members=[users[Role.DEPARTMENT_EXPERT]],
    )
    topic = factories.TopicFactory(organisation=organisation)
    case_type = factories.CaseTypeFactory(
        organisation=organisation, department=department, topic=topic, default_group=group
    )
    customer = factories.CustomerFactory(
        organisation=organisation,
        phones=[FIXTURE_PHONES[country]],
        emails=[f"citizen@{organisation.slug}.example"],
    )
    case = register_contact(
        actor=users[Role.GENERAL_AGENT],
        organisation=organisation,
        channel="phone",
        case_type=case_type,
        customer=customer,
        subject="A question on the phone",
    )
    return Tenant(
        organisation=organisation,
        department=department,
        service_point=factories.ServicePointFactory(organisation=organisation),
        group=group,
        topic=topic,
        case_type=case_type,
        customer=customer,
        case=case,
        users=users,
    )


@pytest.fixture
def tenant_a(db) -> Tenant:
    return build_tenant(Country.SWEDEN, "Skellefteå kommun (test)")


@pytest.fixture
def tenant_b(db) -> Tenant:
    return build_tenant(Country.POLAND, "Zielona Linia (test)")


@pytest.fixture
def superuser(db):
    return factories.UserFactory(
        organisation=None, is_superuser=True, is_staff=True, username="installation-admin"
    )


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback; Django's mail goes to it."""
    from civicdesk.testing.smtp import SmtpServer

    server = SmtpServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()


@pytest.fixture(scope="session")
def dovecot():
    """A real IMAP server (Debian's dovecot on loopback), one per test process; each test
    takes a folder of its own with `dovecot.new_folder()`."""
    from civicdesk.testing.dovecot import DovecotServer

    with DovecotServer() as server:
        yield server


@pytest.fixture(autouse=True)
def _no_cached_policies():
    """SLA policies are cached per organisation id, and a test may create an organisation
    with the id of one that an earlier test rolled back."""
    from civicdesk.sla.selectors import forget_cached_policies

    forget_cached_policies()
