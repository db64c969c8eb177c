"""The counter's visit form: a walk-in visit becomes a contact on a case in one POST."""

import pytest
from django.urls import reverse

from civicdesk.cases.choices import Channel, Outcome, Status
from civicdesk.cases.models import Case
from civicdesk.org.choices import Role, ServicePointKind
from civicdesk.testing import factories

pytestmark = pytest.mark.django_db
URL = reverse("cases:visit")


def visit(client, tenant, **data):
    return client.post(
        URL,
        {"case_type": tenant.case_type.code, "service_point": tenant.service_point.pk, **data},
    )


def test_one_post_registers_and_resolves_the_visit(client, tenant_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    before = Case.objects.count()
    response = visit(
        client,
        tenant_a,
        customer=tenant_a.customer.pk,
        notes="Helped with the form",
        action="resolve",
    )

    case = Case.objects.latest("pk")
    assert response.status_code == 302 and Case.objects.count() == before + 1
    assert (case.channel, case.service_point, case.customer) == (
        Channel.VISIT,
        tenant_a.service_point,
        tenant_a.customer,
    )
    assert (case.status, case.outcome) == (Status.RESOLVED, Outcome.FIRST_CONTACT)
    assert case.contacts.get().channel == Channel.VISIT


def test_an_anonymous_visit_may_stay_open(client, tenant_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    visit(client, tenant_a, notes="Will come back with the papers", action="save")

    case = Case.objects.latest("pk")
    assert (case.customer, case.status, case.channel) == (None, Status.NEW, Channel.VISIT)


def test_resolving_without_notes_marks_the_field_and_saves_nothing(client, tenant_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    before = Case.objects.count()
    response = visit(client, tenant_a, action="resolve")

    assert response.status_code == 400
    assert "Write what you answered." in response.content.decode()
    assert Case.objects.count() == before


def test_another_organisations_service_point_is_refused(client, tenant_a, tenant_b):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    before = Case.objects.count()
    response = visit(client, tenant_a, service_point=tenant_b.service_point.pk, action="save")

    assert response.status_code == 400 and Case.objects.count() == before


def test_the_form_starts_at_the_agents_counter(client, tenant_a):
    counter = factories.ServicePointFactory(
        organisation=tenant_a.organisation, kind=ServicePointKind.COUNTER, name="Medborgarkontoret"
    )
    tenant_a.group.service_point = counter
    tenant_a.group.save()
    client.force_login(tenant_a.user(Role.DEPARTMENT_EXPERT))  # a member of the group

    page = client.get(URL).content.decode()

    assert f'<option value="{counter.pk}" selected>Medborgarkontoret</option>' in page
    assert '<label for="id_notes">' in page and 'id="caller-q"' in page


def test_only_people_who_serve_customers_register_visits(client, tenant_a):
    client.force_login(tenant_a.user(Role.ADMINISTRATOR))
    assert client.get(URL).status_code == 403
    assert visit(client, tenant_a, action="save").status_code == 403
    client.logout()
    assert client.get(URL).status_code == 302
