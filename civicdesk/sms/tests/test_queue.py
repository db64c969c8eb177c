"""queue_sms: the contract other apps call (the portal's one-time codes, agents' messages)."""

import pytest

from civicdesk.core.errors import DomainError
from civicdesk.sms.models import OutboundSms, OutboundSmsStatus
from civicdesk.sms.services import queue_sms

pytestmark = pytest.mark.django_db


def test_a_national_number_is_stored_in_international_form(tenant_a, settings):
    settings.CIVICDESK_SMS_GATEWAY_URL = ""
    sms = queue_sms(
        organisation=tenant_a.organisation, to="070-555 01 99", text="Hej", dedupe_key="t:1"
    )
    assert sms.to == "+46705550199"
    assert (sms.segments, sms.status) == (1, OutboundSmsStatus.PENDING)


@pytest.mark.parametrize("number", ["", "12", "not a number", "+46 70"])
def test_a_number_that_cannot_receive_an_sms_is_refused_on_the_field_to(tenant_a, number):
    with pytest.raises(DomainError) as refused:
        queue_sms(organisation=tenant_a.organisation, to=number, text="Hej", dedupe_key="t:2")
    assert refused.value.field == "to"
    assert not OutboundSms.objects.exists()


def test_an_empty_or_overlong_text_is_refused_on_the_field_text(tenant_a):
    for text in ["  ", "ł" * (67 * 10 + 1)]:
        with pytest.raises(DomainError) as refused:
            queue_sms(
                organisation=tenant_a.organisation, to="+46705550199", text=text, dedupe_key="t"
            )
        assert refused.value.field == "text"


def test_the_same_dedupe_key_queues_one_message_and_enqueues_its_delivery_once(
    tenant_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        first = queue_sms(
            organisation=tenant_a.organisation, to="+46705550199", text="Kod 1", dedupe_key="k"
        )
        again = queue_sms(
            organisation=tenant_a.organisation, to="+46705550199", text="Kod 2", dedupe_key="k"
        )
    assert again.pk == first.pk
    assert OutboundSms.objects.get().text == "Kod 1"
    assert len(callbacks) == 1


def test_a_case_of_another_organisation_is_refused(tenant_a, tenant_b):
    with pytest.raises(DomainError):
        queue_sms(
            organisation=tenant_a.organisation,
            to="+46705550199",
            text="Hej",
            dedupe_key="t:3",
            case=tenant_b.case,
        )
