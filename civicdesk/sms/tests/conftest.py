import pytest

from civicdesk.testing.factories import SmsNumberFactory
from civicdesk.testing.sms_gateway import running_gateway


@pytest.fixture
def sms_gateway(settings):
    """The operator's gateway on loopback, with the settings pointing at it."""
    with running_gateway(settings) as gateway:
        yield gateway


@pytest.fixture
def sms_number(tenant_a):
    """Tenant A's SMS number; new cases from it wait in the front line."""
    return SmsNumberFactory(
        organisation=tenant_a.organisation,
        number="+46701740000",
        default_case_type=tenant_a.case_type,
    )
