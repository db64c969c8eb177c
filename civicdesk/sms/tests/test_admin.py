"""An organisation's administrator sets up its SMS numbers in the admin."""

import pytest
from django.urls import reverse

from civicdesk.org.choices import Role
from civicdesk.sms.models import SmsNumber

pytestmark = pytest.mark.django_db


def test_an_administrator_adds_a_number_in_national_form_and_it_is_kept_international(
    client, tenant_a
):
    client.force_login(tenant_a.user(Role.ADMINISTRATOR))
    response = client.post(
        reverse("admin:sms_smsnumber_add"),
        {"number": "070-174 06 05", "default_case_type": tenant_a.case_type.pk, "is_active": "on"},
    )
    assert response.status_code == 302
    number = SmsNumber.objects.get()
    assert (number.number, number.organisation) == ("+46701740605", tenant_a.organisation)


def test_a_number_that_is_no_number_is_refused_on_its_field(client, tenant_a):
    client.force_login(tenant_a.user(Role.ADMINISTRATOR))
    response = client.post(
        reverse("admin:sms_smsnumber_add"),
        {"number": "070", "default_case_type": tenant_a.case_type.pk},
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["number"]
    assert not SmsNumber.objects.exists()


def test_the_outbox_and_the_refusals_are_for_installation_administrators(
    client, tenant_a, superuser
):
    client.force_login(tenant_a.user(Role.ADMINISTRATOR))
    assert client.get(reverse("admin:sms_outboundsms_changelist")).status_code == 403
    assert client.get(reverse("admin:sms_webhookrefusal_changelist")).status_code == 403
    client.force_login(superuser)
    assert client.get(reverse("admin:sms_outboundsms_changelist")).status_code == 200
    assert client.get(reverse("admin:sms_webhookrefusal_changelist")).status_code == 200
