import pytest

from civicdesk.testing.factories import SmsNumberFactory
from civicdesk.testing.sms_gateway import SmsGateway


@pytest.fixture
def sms_gateway(settings):
    """The operator's gateway on loopback, with the settings pointing at it."""
    gateway = SmsGateway()
    gateway.start()
    settings.CIVICDESK_SMS_GATEWAY_URL = gateway.url
    settings.CIVICDESK_SMS_GATEWAY_API_KEY = gateway.api_key
    settings.CIVICDESK_SMS_GATEWAY_WEBHOOK_SECRET = gateway.secret
    settings.CIVICDESK_SMS_GATEWAY_TIMEOUT = 2
    yield gateway
    gateway.stop()


@pytest.fixture
def sms_number(tenant_a):
    """Tenant A's SMS number; new cases from it wait in the front line."""
    return SmsNumberFactory(
        organisation=tenant_a.organisation,
        number="+46701740000",
        default_case_type=tenant_a.case_type,
    )
