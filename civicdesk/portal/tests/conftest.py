import pytest

from civicdesk.testing.knowledge import knowledge_a  # noqa: F401  (a fixture)


@pytest.fixture
def no_fill_time(settings):
    """Forms may be sent at once; the tests of the minimum fill time set it themselves."""
    settings.CIVICDESK_PORTAL_MIN_FILL_SECONDS = 0
