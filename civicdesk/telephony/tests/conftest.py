import datetime

import pytest
import time_machine

from civicdesk.org.choices import Role
from civicdesk.org.services import create_api_token
from civicdesk.telephony.services import phone_account

T0 = datetime.datetime(2026, 11, 23, 9, 0, tzinfo=datetime.UTC)


def at(seconds: float) -> datetime.datetime:
    return T0 + datetime.timedelta(seconds=seconds)


@pytest.fixture(autouse=True)
def _a_minute_after_t0():
    """The tests' calls happen at T0 and after; the clock stands a minute later, so an answer
    at T0 + 30 s is news and still pops the agent's screen (services.POP_WINDOW)."""
    with time_machine.travel(T0 + datetime.timedelta(seconds=60), tick=True):
        yield


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
