"""factory-boy factories: tests build data here, never with bare objects.create()."""

from __future__ import annotations

import random

import factory
from factory.django import DjangoModelFactory

from civicdesk.catalog.choices import RosaTier
from civicdesk.catalog.models import CaseType, Topic
from civicdesk.core import crypto
from civicdesk.customers.models import Customer, CustomerContact, CustomerKind
from civicdesk.customers.national_ids import GENERATORS, normalise_national_id
from civicdesk.customers.services import national_id_lookup_hash
from civicdesk.org.choices import Country, DepartmentKind, Role, ServicePointKind
from civicdesk.org.models import (
    AnswerGroup,
    Department,
    GroupMembership,
    Organisation,
    RoleAssignment,
    ServicePoint,
    User,
)

TEST_PASSWORD = "correct horse battery staple"  # noqa: S105

_LANGUAGE_OF = {Country.SWEDEN: "sv", Country.POLAND: "pl", Country.FINLAND: "fi"}
_ZONE_OF = {
    Country.SWEDEN: "Europe/Stockholm",
    Country.POLAND: "Europe/Warsaw",
    Country.FINLAND: "Europe/Helsinki",
}


def _prefix(n: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return "T" + letters[n // 26 % 26] + letters[n % 26]


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"org-{n}")
    reference_prefix = factory.Sequence(_prefix)
    country = Country.SWEDEN
    default_language = factory.LazyAttribute(lambda o: _LANGUAGE_OF[o.country])
    timezone = factory.LazyAttribute(lambda o: _ZONE_OF[o.country])


class DepartmentFactory(DjangoModelFactory):
    class Meta:
        model = Department

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Department {n}")
    code = factory.Sequence(lambda n: f"dept-{n}")
    kind = DepartmentKind.DEPARTMENT
    email = factory.LazyAttribute(lambda o: f"{o.code}@example.org")


class ServicePointFactory(DjangoModelFactory):
    class Meta:
        model = ServicePoint

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Service point {n}")
    code = factory.Sequence(lambda n: f"point-{n}")
    kind = ServicePointKind.CONTACT_CENTRE


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"First{n}")
    last_name = "Tester"
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password(TEST_PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or ():
            RoleAssignment.objects.create(user=self, role=role)
        self.__dict__.pop("role_set", None)


class AnswerGroupFactory(DjangoModelFactory):
    class Meta:
        model = AnswerGroup
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    department = factory.SubFactory(
        DepartmentFactory, organisation=factory.SelfAttribute("..organisation")
    )
    name = factory.Sequence(lambda n: f"Answer group {n}")
    code = factory.Sequence(lambda n: f"group-{n}")
    email = factory.LazyAttribute(lambda o: f"{o.code}@example.org")

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        for user in extracted or ():
            GroupMembership.objects.create(group=self, user=user)
            user.__dict__.pop("group_ids", None)


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic

    organisation = factory.SubFactory(OrganisationFactory)
    code = factory.Sequence(lambda n: f"topic-{n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")
    name_sv = factory.Sequence(lambda n: f"Ämne {n}")


class CaseTypeFactory(DjangoModelFactory):
    class Meta:
        model = CaseType

    organisation = factory.SubFactory(OrganisationFactory)
    department = factory.SubFactory(
        DepartmentFactory, organisation=factory.SelfAttribute("..organisation")
    )
    code = factory.Sequence(lambda n: f"case-type-{n}")
    name_en = factory.Sequence(lambda n: f"Case type {n}")
    name_sv = factory.Sequence(lambda n: f"Ärendetyp {n}")
    name_pl = factory.Sequence(lambda n: f"Typ sprawy {n}")
    name_fi = factory.Sequence(lambda n: f"Asiatyyppi {n}")
    rosa_tier = RosaTier.GENERAL


class CustomerFactory(DjangoModelFactory):
    """A citizen with a valid national ID of the organisation's country, stored protected."""

    class Meta:
        model = Customer
        exclude = ("national_id",)
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    kind = CustomerKind.PERSON
    name = factory.Sequence(lambda n: f"Customer {n}")
    preferred_language = factory.LazyAttribute(lambda o: o.organisation.default_language)
    country = factory.LazyAttribute(lambda o: o.organisation.country)
    national_id = factory.LazyAttributeSequence(
        lambda o, n: GENERATORS[o.country](random.Random(n))
    )
    national_id_hash = factory.LazyAttribute(
        lambda o: national_id_lookup_hash(
            o.country, normalise_national_id(o.country, o.national_id)
        )
    )
    national_id_encrypted = factory.LazyAttribute(
        lambda o: crypto.encrypt(normalise_national_id(o.country, o.national_id))
    )

    @factory.post_generation
    def phones(self, create, extracted, **kwargs):
        for index, value in enumerate(extracted or ()):
            CustomerContact.objects.create(
                organisation_id=self.organisation_id,
                customer=self,
                kind="phone",
                value=value,
                is_primary=index == 0,
            )

    @factory.post_generation
    def emails(self, create, extracted, **kwargs):
        for index, value in enumerate(extracted or ()):
            CustomerContact.objects.create(
                organisation_id=self.organisation_id,
                customer=self,
                kind="email",
                value=value,
                is_primary=index == 0,
            )


ALL_ROLES = list(Role.values)
