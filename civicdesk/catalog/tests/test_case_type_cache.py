"""The per-process cache of case types that registrations read."""

import pytest

from civicdesk.catalog import selectors
from civicdesk.core.errors import DomainError
from civicdesk.testing import factories

pytestmark = pytest.mark.django_db


def test_a_change_in_this_process_is_seen_at_once():
    case_type = factories.CaseTypeFactory(is_active=True)
    agent = factories.UserFactory(organisation=case_type.organisation, roles=["general_agent"])
    assert selectors.get_case_type_reference(agent, case_type.pk).is_active

    case_type.is_active = False
    case_type.save()

    assert not selectors.get_case_type_reference(agent, case_type.pk).is_active


def test_another_organisations_type_is_not_found_and_callers_get_a_copy():
    case_type = factories.CaseTypeFactory()
    outsider = factories.UserFactory(roles=["general_agent"])
    with pytest.raises(DomainError):
        selectors.get_case_type_reference(outsider, case_type.pk)
    agent = factories.UserFactory(organisation=case_type.organisation, roles=["general_agent"])
    first = selectors.get_case_type_reference(agent, case_type.pk)
    first.code = "changed-by-a-caller"
    assert selectors.get_case_type_reference(agent, case_type.pk).code == case_type.code
