"""factory-boy factories: tests build data here, never with bare objects.create()."""

from __future__ import annotations

import datetime
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


# --- knowledge base ----------------------------------------------------------------------------


def _knowledge_models():
    from civicdesk.knowledge import models

    return models


class ArticleFactory(DjangoModelFactory):
    """A published internal article; `translations={"sv": "Title"}` or
    `{"sv": ("Title", "<p>Body</p>")}` adds language versions and indexes it for search."""

    class Meta:
        model = "knowledge.Article"
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    department = factory.SubFactory(
        DepartmentFactory, organisation=factory.SelfAttribute("..organisation")
    )
    audience = "internal"
    status = "published"
    review_by = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=90))
    version = 1

    @factory.post_generation
    def translations(self, create, extracted, **kwargs):
        from civicdesk.knowledge import search
        from civicdesk.knowledge.richtext import to_text

        models = _knowledge_models()
        for language, value in (extracted or {"en": f"Article {self.pk}"}).items():
            title, body = value if isinstance(value, tuple) else (value, f"<p>{value}</p>")
            models.ArticleTranslation.objects.create(
                article=self, language=language, title=title, body=body, body_text=to_text(body)
            )
        search.index_article(self)


class TagFactory(DjangoModelFactory):
    class Meta:
        model = "knowledge.Tag"
        django_get_or_create = ("organisation", "name")

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"tag {n}")


class ChecklistFactory(DjangoModelFactory):
    """A checklist of a case type; `steps=["Check the ID", ...]` in English (default two)."""

    class Meta:
        model = "knowledge.Checklist"
        skip_postgeneration_save = True

    organisation = factory.LazyAttribute(lambda o: o.case_type.organisation)
    case_type = factory.SubFactory(CaseTypeFactory)
    department = factory.LazyAttribute(lambda o: o.case_type.department)
    name_en = factory.Sequence(lambda n: f"Checklist {n}")

    @factory.post_generation
    def steps(self, create, extracted, **kwargs):
        from civicdesk.knowledge import search

        models = _knowledge_models()
        for position, text in enumerate(extracted or ["First step", "Second step"], start=1):
            models.ChecklistStep.objects.create(checklist=self, position=position, text_en=text)
        search.index_checklist(self)


class ServiceCardFactory(DjangoModelFactory):
    """A published service card guiding to an e-service; `names={"fi": "..."}`."""

    class Meta:
        model = "knowledge.ServiceCard"
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    producer = factory.SubFactory(
        DepartmentFactory, organisation=factory.SelfAttribute("..organisation")
    )
    code = factory.Sequence(lambda n: f"service-{n}")
    delivery = "eservice"
    eservice_url = "https://eservice.example/"
    status = "published"
    version = 1

    @factory.post_generation
    def names(self, create, extracted, **kwargs):
        from civicdesk.knowledge import search

        models = _knowledge_models()
        for language, name in (extracted or {"en": f"Service {self.pk}"}).items():
            models.ServiceCardTranslation.objects.create(
                card=self, language=language, name=name, description=f"{name}."
            )
        search.index_card(self)


class NoticeFactory(DjangoModelFactory):
    class Meta:
        model = "knowledge.Notice"
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    category = "job_fair"
    language = "en"
    title = factory.Sequence(lambda n: f"Notice {n}")
    body = "<p>Local information.</p>"
    body_text = "Local information."
    valid_from = factory.LazyFunction(lambda: datetime.date.today())
    valid_until = factory.LazyAttribute(lambda o: o.valid_from + datetime.timedelta(days=30))

    @factory.post_generation
    def indexed(self, create, extracted, **kwargs):
        from civicdesk.knowledge import search

        search.index_notice(self)


class DirectoryEntryFactory(DjangoModelFactory):
    class Meta:
        model = "knowledge.DirectoryEntry"
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    kind = "institution"
    name = factory.Sequence(lambda n: f"Institution {n}")
    phone = "+46 10 000 00 00"

    @factory.post_generation
    def indexed(self, create, extracted, **kwargs):
        from civicdesk.knowledge import search

        search.index_directory_entry(self)


class QuizFactory(DjangoModelFactory):
    """A quiz open to agents with one question (two answers, the first right) unless
    `questions=0`."""

    class Meta:
        model = "knowledge.Quiz"
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Quiz {n}")
    language = "en"
    is_active = True

    @factory.post_generation
    def questions(self, create, extracted, **kwargs):
        models = _knowledge_models()
        for position in range(1, (1 if extracted is None else extracted) + 1):
            question = models.QuizQuestion.objects.create(
                quiz=self, position=position, text=f"Question {position}?"
            )
            models.QuizChoice.objects.create(
                question=question, position=0, text="Right", is_correct=True
            )
            models.QuizChoice.objects.create(question=question, position=1, text="Wrong")


# --- e-mail intake -----------------------------------------------------------------------------


class MailboxFactory(DjangoModelFactory):
    """A front-line mailbox (no answer group) receiving by pipe or HTTP unless given an IMAP
    host; its new cases get a case type of the same organisation."""

    class Meta:
        model = "intake.Mailbox"

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Mailbox {n}")
    address = factory.Sequence(lambda n: f"mailbox{n}@kommun.example")
    default_case_type = factory.SubFactory(
        CaseTypeFactory, organisation=factory.SelfAttribute("..organisation")
    )


# --- SMS ---------------------------------------------------------------------------------------


class SmsNumberFactory(DjangoModelFactory):
    """A number the organisation receives SMS on; new cases get a case type of its own."""

    class Meta:
        model = "sms.SmsNumber"

    organisation = factory.SubFactory(OrganisationFactory)
    number = factory.Sequence(lambda n: f"+4670174{n % 10000:04d}")
    default_case_type = factory.SubFactory(
        CaseTypeFactory, organisation=factory.SelfAttribute("..organisation")
    )
