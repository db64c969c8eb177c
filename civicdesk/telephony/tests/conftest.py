import datetime

import pytest

from civicdesk.org.choices import Role
from civicdesk.org.services import create_api_token
from civicdesk.telephony.services import phone_account

T0 = datetime.datetime(2026, 11, 23, 9, 0, tzinfo=datetime.UTC)


def at(seconds: float) -> datetime.datetime:
    return T0 + datetime.timedelta(seconds=seconds)


@pytest.fixture
def phone_system(tenant_a):
    """The organisation's phone account, which the phone system's token acts as."""
    return phone_account(tenant_a.organisation)


@pytest.fixture
def phone_token(tenant_a, phone_system):
    _token, secret = create_api_token(
        actor=tenant_a.user(Role.ADMINISTRATOR), user=phone_system, name="Phone system"
    )
    return secret


@pytest.fixture
def agent(tenant_a):
    return tenant_a.user(Role.GENERAL_AGENT)
