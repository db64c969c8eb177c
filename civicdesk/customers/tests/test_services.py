import pytest

from civicdesk.core.errors import DomainError, Forbidden, NotFound
from civicdesk.customers import selectors, services
from civicdesk.customers.models import AccessAction, Customer, CustomerContact, PersonalDataAccess
from civicdesk.org.choices import Role

pytestmark = pytest.mark.django_db


def register(tenant, **overrides):
    arguments = {
        "actor": tenant.user(Role.GENERAL_AGENT),
        "organisation": tenant.organisation,
        "name": "Anna Lindqvist",
        "national_id": "811228-9874",
        "phones": ["070-123 45 67"],
        "emails": ["Anna.Lindqvist@Example.SE"],
    }
    arguments.update(overrides)
    return services.register_customer(**arguments)


def test_a_citizen_is_registered_with_normalised_contacts(tenant_a):
    customer = register(tenant_a)
    contacts = {(c.kind, c.value, c.is_primary) for c in customer.contacts.all()}
    assert contacts == {
        ("phone", "+46701234567", True),
        ("email", "anna.lindqvist@example.se", True),
    }
    assert customer.preferred_language == "sv"
    assert customer.country == "SE"


def test_the_national_id_is_stored_only_hashed_and_encrypted(tenant_a):
    customer = register(tenant_a)
    stored = Customer.objects.filter(pk=customer.pk).values().get()
    assert "198112289874" not in str(stored)
    assert "811228" not in str(stored)
    assert len(stored["national_id_hash"]) == 64
    agent = tenant_a.user(Role.GENERAL_AGENT)
    assert selectors.reveal_national_id(
        actor=agent, customer_id=customer.pk, purpose="contact"
    ) == ("SE", "198112289874")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"national_id": "811228-9875"}, "national_id"),
        ({"phones": ["12"]}, "phone"),
        ({"emails": ["not-an-address"]}, "email"),
        ({"preferred_language": "de"}, "preferred_language"),
        ({"name": "   "}, "name"),
        ({"kind": "organisation", "national_id": "", "business_id": "556036-0794"}, "business_id"),
    ],
)
def test_bad_input_is_refused_with_the_field_named_and_nothing_saved(tenant_a, overrides, field):
    before = (Customer.objects.count(), CustomerContact.objects.count())
    with pytest.raises(DomainError) as caught:
        register(tenant_a, **overrides)
    assert caught.value.field == field
    assert str(caught.value)
    assert (Customer.objects.count(), CustomerContact.objects.count()) == before


def test_the_same_national_id_cannot_be_registered_twice(tenant_a):
    register(tenant_a)
    with pytest.raises(DomainError, match="exists already"):
        register(tenant_a, national_id="19811228-9874", name="Someone Else")


def test_two_organisations_may_hold_the_same_person(tenant_a, tenant_b):
    register(tenant_a)
    other = services.register_customer(
        actor=tenant_b.user(Role.GENERAL_AGENT),
        organisation=tenant_b.organisation,
        name="Anna Lindqvist",
        country="SE",
        national_id="811228-9874",
    )
    assert other.organisation == tenant_b.organisation


def test_an_agent_cannot_register_into_another_organisation(tenant_a, tenant_b):
    with pytest.raises(Forbidden):
        register(tenant_a, actor=tenant_b.user(Role.GENERAL_AGENT))


def test_a_producer_contact_may_not_open_the_register(tenant_a):
    with pytest.raises(Forbidden):
        register(tenant_a, actor=tenant_a.user(Role.PRODUCER_CONTACT))
    with pytest.raises(Forbidden):
        selectors.find_customers(
            actor=tenant_a.user(Role.PRODUCER_CONTACT), query="Anna", purpose="contact"
        )


@pytest.mark.parametrize(
    "query",
    [
        "811228-9874",
        "198112289874",
        "+46 70 123 45 67",
        "0701234567",
        "ANNA.lindqvist@example.se",
        "lindq",
    ],
)
def test_a_caller_is_found_by_id_phone_email_or_name(tenant_a, query):
    customer = register(tenant_a)
    found = selectors.find_customers(
        actor=tenant_a.user(Role.GENERAL_AGENT), query=query, purpose="contact"
    )
    assert found == [customer]


def test_look_up_never_crosses_organisations(tenant_a, tenant_b):
    register(tenant_a)
    for query in ["811228-9874", "0701234567", "anna.lindqvist@example.se", "Anna"]:
        assert (
            selectors.find_customers(
                actor=tenant_b.user(Role.GENERAL_AGENT), query=query, purpose="contact"
            )
            == []
        )


def test_every_opening_is_logged_with_who_why_and_what(tenant_a):
    customer = register(tenant_a)
    agent = tenant_a.user(Role.GENERAL_AGENT)
    selectors.find_customers(actor=agent, query="Anna", purpose="contact", reason="call")
    selectors.get_customer(actor=agent, customer_id=customer.pk, purpose="case", via="api")
    selectors.reveal_national_id(actor=agent, customer_id=customer.pk, purpose="contact")
    log = list(
        PersonalDataAccess.objects.filter(customer=customer)
        .order_by("pk")
        .values_list("actor", "purpose", "action", "via", "reason")
    )
    assert log == [
        (agent.pk, "contact", AccessAction.SEARCH_RESULT, "ui", "call"),
        (agent.pk, "case", AccessAction.RECORD, "api", ""),
        (agent.pk, "contact", AccessAction.NATIONAL_ID, "ui", ""),
    ]


def test_opening_without_a_valid_purpose_is_refused_and_not_logged(tenant_a):
    customer = register(tenant_a)
    with pytest.raises(DomainError) as caught:
        selectors.get_customer(
            actor=tenant_a.user(Role.GENERAL_AGENT), customer_id=customer.pk, purpose="curiosity"
        )
    assert caught.value.field == "purpose"
    assert not PersonalDataAccess.objects.exists()


def test_another_organisations_customer_does_not_exist(tenant_a, tenant_b):
    with pytest.raises(NotFound):
        selectors.get_customer(
            actor=tenant_b.user(Role.GENERAL_AGENT),
            customer_id=tenant_a.customer.pk,
            purpose="contact",
        )
    assert not PersonalDataAccess.objects.exists()


def test_update_changes_the_number_and_keeps_it_protected(tenant_a):
    customer = register(tenant_a)
    agent = tenant_a.user(Role.GENERAL_AGENT)
    services.update_customer(
        actor=agent, customer=customer, national_id="701063-2391", name="Anna L."
    )
    customer.refresh_from_db()
    assert customer.name == "Anna L."
    assert (
        selectors.reveal_national_id(actor=agent, customer_id=customer.pk, purpose="contact")[1]
        == "197010632391"
    )


def test_a_bad_update_changes_nothing(tenant_a):
    customer = register(tenant_a)
    before = Customer.objects.filter(pk=customer.pk).values().get()
    with pytest.raises(DomainError):
        services.update_customer(
            actor=tenant_a.user(Role.GENERAL_AGENT),
            customer=customer,
            name="New name",
            preferred_language="xx",
        )
    assert Customer.objects.filter(pk=customer.pk).values().get() == before


def test_an_employer_gets_a_checked_business_id(tenant_a):
    employer = register(
        tenant_a,
        kind="organisation",
        name="Skellefteå Kraft AB",
        national_id="",
        business_id="556036-0793",
    )
    assert employer.business_id == "5560360793"


def test_a_phone_number_that_also_passes_as_a_coordination_number_is_found(tenant_a):
    # 070-188 89 19 reads as a samordningsnummer (day 88 = 28 + 60) with a valid check digit.
    customer = register(tenant_a, national_id="", phones=["070-188 89 19"])
    found = selectors.find_customers(
        actor=tenant_a.user(Role.GENERAL_AGENT), query="070-188 89 19", purpose="contact"
    )
    assert found == [customer]
