"""Matching a channel's sender to the one customer with that address or number."""

import pytest

from civicdesk.customers.selectors import sole_customer_reachable_at
from civicdesk.testing import factories

pytestmark = pytest.mark.django_db


def test_the_one_customer_with_the_address_or_number_and_nobody_when_shared():
    anna = factories.CustomerFactory(emails=["anna@example.se"], phones=["+46701740612"])
    organisation = anna.organisation
    assert sole_customer_reachable_at(organisation.pk, email="Anna@Example.se ") == anna
    assert sole_customer_reachable_at(organisation.pk, phone="+46701740612") == anna
    assert sole_customer_reachable_at(organisation.pk, email="nobody@example.se") is None
    assert sole_customer_reachable_at(organisation.pk) is None
    # Another organisation's customer with the same address is not theirs to link.
    assert (
        sole_customer_reachable_at(factories.OrganisationFactory().pk, email="anna@example.se")
        is None
    )
    factories.CustomerFactory(organisation=organisation, emails=["anna@example.se"])
    assert sole_customer_reachable_at(organisation.pk, email="anna@example.se") is None
