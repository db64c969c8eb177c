"""The agent's case pages, through the test client."""

import pytest
from django.urls import reverse

from civicdesk.cases import services
from civicdesk.cases.choices import EventKind
from civicdesk.cases.models import Case
from civicdesk.org.choices import Role
from civicdesk.testing.factories import CaseTypeFactory

pytestmark = pytest.mark.django_db


def new_contact(client, **data):
    return client.post(reverse("cases:new_contact"), data)


def test_the_new_contact_screen_registers_and_resolves(client, tenant_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    response = new_contact(
        client,
        customer=tenant_a.customer.pk,
        channel="phone",
        case_type=tenant_a.case_type.name_en,
        notes="Answered",
        minutes="2.5",
        action="resolve",
    )
    case = Case.objects.latest("pk")
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    assert (case.status, case.customer, case.handle_seconds) == ("resolved", tenant_a.customer, 150)


def test_a_case_type_is_found_by_its_name_in_another_language(client, tenant_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    new_contact(client, channel="phone", case_type=tenant_a.case_type.name_pl, action="save")
    assert Case.objects.latest("pk").case_type == tenant_a.case_type


def test_an_unknown_case_type_marks_the_field_and_saves_nothing(client, tenant_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    before = Case.objects.count()
    response = new_contact(client, channel="phone", case_type="No such type", action="save")
    assert response.status_code == 400
    assert "Choose a case type from the list." in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert Case.objects.count() == before


def test_resolving_without_an_answer_marks_the_notes(client, tenant_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    before = Case.objects.count()
    response = new_contact(
        client, channel="phone", case_type=tenant_a.case_type.code, action="resolve"
    )
    assert response.status_code == 400
    assert "Write what you answered." in response.content.decode()
    assert Case.objects.count() == before


def test_a_repeat_call_joins_the_open_case(client, tenant_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    before = Case.objects.count()
    response = new_contact(
        client,
        customer=tenant_a.customer.pk,
        append_to=tenant_a.case.pk,
        channel="phone",
        notes="Called again",
        action="save",
    )
    assert response.status_code == 302
    assert Case.objects.count() == before
    assert tenant_a.case.events.latest("pk").kind == EventKind.CONTACT


def test_the_caller_lookup_shows_their_open_cases_to_add_to(client, tenant_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    response = client.get(
        reverse("cases:caller_lookup"),
        {"caller": "citizen@" + tenant_a.organisation.slug + ".example"},
    )
    page = response.content.decode()
    assert f'value="{tenant_a.customer.pk}"' in page
    assert f"Add to {tenant_a.case.reference}" in page


def test_a_forward_from_the_case_page_with_another_organisations_group_is_refused(
    client, tenant_a, tenant_b
):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    response = client.post(
        reverse("cases:act", args=[tenant_a.case.pk, "forward"]),
        {"forward-group": tenant_b.group.pk, "forward-reason": "x"},
    )
    assert response.status_code == 400
    tenant_a.case.refresh_from_db()
    assert tenant_a.case.answer_group is None


def test_work_lists_and_search_pages_render(client, tenant_a, django_assert_max_num_queries):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    for name in ("mine", "groups", "department", "overdue", "unassigned"):
        with django_assert_max_num_queries(20):
            assert client.get(reverse("cases:work_lists"), {"list": name}).status_code == 200
    page = client.get(reverse("cases:search"), {"q": "question"}).content.decode()
    assert tenant_a.case.reference in page
    assert "<mark>question</mark>" in page


def test_search_narrows_by_case_type(client, tenant_a):
    other_type = CaseTypeFactory(organisation=tenant_a.organisation, department=tenant_a.department)
    agent = tenant_a.user(Role.GENERAL_AGENT)
    other = services.register_contact(
        actor=agent,
        organisation=tenant_a.organisation,
        channel="phone",
        case_type=other_type,
        subject="Another question",
    )
    client.force_login(agent)
    url = reverse("cases:search")
    found = client.get(url, {"case_type": tenant_a.case_type.pk}).context["page"].cases
    assert [case.pk for case in found] == [tenant_a.case.pk]
    found = client.get(url, {"case_type": other_type.pk}).context["page"].cases
    assert [case.pk for case in found] == [other.pk]
