"""Loading demo organisations from the plain data in civicdesk.demo.data.

Users, roles, memberships, topics, case types and customers go through the domain services,
so demo data is exactly what the application itself would have stored. Organisations,
departments, service points and answer groups have no create service yet: they are made here
with the ORM after full_clean(); call the services instead once org grows them.

Every object is found again by its natural key (slug, code, user name, identity number), so
loading twice creates nothing the second time and never overwrites what someone has edited.

Demo cases go through the case services only, as the organisation's own users: an agent
registers the contact, an expert of the answer group takes and calls back. A case is found
again by its subject within the organisation.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter
from dataclasses import dataclass, field

import time_machine
from auditlog.context import set_actor
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from civicdesk.cases import services as case_services
from civicdesk.cases.choices import Channel, Direction
from civicdesk.cases.models import Case
from civicdesk.catalog import services as catalog_services
from civicdesk.catalog.models import CaseType, Topic
from civicdesk.customers import services as customer_services
from civicdesk.customers.models import Customer, CustomerKind
from civicdesk.customers.national_ids import GENERATORS, normalise_national_id
from civicdesk.demo.constants import ADMIN_EMAIL, ADMIN_USERNAME
from civicdesk.demo.identifiers import generate_business_id
from civicdesk.demo.names import ascii_fold
from civicdesk.org import services as org_services
from civicdesk.org.models import AnswerGroup, Department, Organisation, ServicePoint, User


@dataclass(frozen=True)
class DemoUser:
    organisation: str
    username: str
    roles: str


@dataclass
class LoadReport:
    """What a load created and what it found already there, for the command's summary."""

    created: Counter[str] = field(default_factory=Counter)
    existing: Counter[str] = field(default_factory=Counter)
    users: list[DemoUser] = field(default_factory=list)

    def count(self, model: type[Model], *, created: bool) -> None:
        (self.created if created else self.existing)[model.__name__] += 1


def ensure_installation_admin(*, password: str, report: LoadReport) -> User:
    """The superuser `admin`, the actor of every demo write, as an installer would create it."""
    admin = User.objects.filter(username=ADMIN_USERNAME).first()
    report.count(User, created=admin is None)
    if admin is None:
        admin = User.objects.create_superuser(ADMIN_USERNAME, ADMIN_EMAIL, password)
    report.users.append(DemoUser("(installation)", admin.username, "superuser"))
    return admin


def _ensure(model: type[Model], report: LoadReport, *, defaults: dict, **natural_key) -> Model:
    found = model.objects.filter(**natural_key).first()
    report.count(model, created=found is None)
    if found is not None:
        return found
    obj = model(**natural_key, **defaults)
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def load_organisation(
    *, actor: User, spec: dict, password: str, report: LoadReport
) -> Organisation:
    """One organisation with its structure, staff, catalogue and customers, in one transaction."""
    with set_actor(actor):  # django-auditlog attributes the configuration rows to the actor
        organisation = _ensure(
            Organisation,
            report,
            slug=spec["slug"],
            defaults={
                "name": spec["name"],
                "reference_prefix": spec["reference_prefix"],
                "country": spec["country"],
                "default_language": spec["default_language"],
                "timezone": spec["timezone"],
            },
        )
        departments = _load_departments(organisation, spec, report)
        service_points = _load_service_points(organisation, spec, departments, report)
        groups = _load_answer_groups(organisation, spec, departments, service_points, report)
        _load_people(actor, organisation, spec, departments, groups, password, report)
        topics = _load_topics(actor, organisation, spec, report)
        _load_case_types(actor, organisation, spec, departments, groups, topics, report)
        _load_customers(actor, organisation, spec, report)
    return organisation


def _mailbox(spec: dict, local_part: str) -> str:
    return f"{local_part}@{spec['mail_domain']}"


def _load_departments(organisation, spec, report) -> dict[str, Department]:
    return {
        item["code"]: _ensure(
            Department,
            report,
            organisation=organisation,
            code=item["code"],
            defaults={
                "name": item["name"],
                "kind": item["kind"],
                "email": _mailbox(spec, item["mailbox"]),
                "phone": item.get("phone", ""),
                "website": item.get("website", ""),
            },
        )
        for item in spec["departments"]
    }


def _load_service_points(organisation, spec, departments, report) -> dict[str, ServicePoint]:
    return {
        item["code"]: _ensure(
            ServicePoint,
            report,
            organisation=organisation,
            code=item["code"],
            defaults={
                "name": item["name"],
                "kind": item["kind"],
                "department": departments.get(item["department"]),
                "address": item.get("address", ""),
                "email": _mailbox(spec, item["mailbox"]),
                "phone": item.get("phone", ""),
            },
        )
        for item in spec["service_points"]
    }


def _load_answer_groups(
    organisation, spec, departments, service_points, report
) -> dict[str, AnswerGroup]:
    return {
        item["code"]: _ensure(
            AnswerGroup,
            report,
            organisation=organisation,
            code=item["code"],
            defaults={
                "name": item["name"],
                "department": departments[item["department"]],
                "service_point": service_points.get(item["service_point"]),
                "email": _mailbox(spec, item["mailbox"]),
            },
        )
        for item in spec["answer_groups"]
    }


def _load_people(actor, organisation, spec, departments, groups, password, report) -> None:
    people: dict[str, User] = {}
    for person in spec["people"]:
        username = f"{spec['username_prefix']}.{person['suffix']}"
        user = User.objects.filter(username=username).first()
        report.count(User, created=user is None)
        if user is None:
            first, last = person["first_name"], person["last_name"]
            user = org_services.create_user(
                actor=actor,
                organisation=organisation,
                username=username,
                password=password,
                first_name=first,
                last_name=last,
                email=_mailbox(spec, f"{ascii_fold(first)}.{ascii_fold(last)}".lower()),
                roles=person["roles"],
                groups=[groups[code] for code in person["groups"]],
                department=departments.get(person["department"]),
                manager=people[person["manager"]] if person["manager"] else None,
                ui_language=organisation.default_language,
                title=person["title"],
            )
        people[person["suffix"]] = user
        if person.get("manages_groups"):
            for group in groups.values():
                if group.manager_id is None:
                    org_services.set_group_manager(actor=actor, group=group, manager=user)
        roles = ", ".join(sorted(user.role_set))
        report.users.append(DemoUser(spec["short_name"], username, roles))


def _load_topics(actor, organisation, spec, report) -> dict[str, Topic]:
    topics = {}
    for position, item in enumerate(spec["topics"], start=1):
        topic = Topic.objects.filter(organisation=organisation, code=item["code"]).first()
        report.count(Topic, created=topic is None)
        if topic is None:
            topic = catalog_services.create_topic(
                actor=actor,
                organisation=organisation,
                code=item["code"],
                names=item["names"],
                position=position * 10,
            )
        topics[item["code"]] = topic
    return topics


def _load_case_types(actor, organisation, spec, departments, groups, topics, report) -> None:
    for item in spec["case_types"]:
        exists = CaseType.objects.filter(organisation=organisation, code=item["code"]).exists()
        report.count(CaseType, created=not exists)
        if exists:
            continue
        catalog_services.create_case_type(
            actor=actor,
            organisation=organisation,
            code=item["code"],
            names=item["names"],
            department=departments[item["department"]],
            rosa_tier=item["rosa_tier"],
            topic=topics.get(item["topic"]),
            default_group=groups[item["group"]],
            confidential_by_default=item.get("confidential", False),
            handled_by_centre=item.get("handled_by_centre", True),
            department_minutes=item.get("department_minutes", spec.get("department_minutes")),
        )


def _load_customers(actor, organisation, spec, report) -> None:
    country = organisation.country
    # Seeded by the slug, so every load draws the same numbers and finds its customers again.
    rng = random.Random(f"civicdesk-demo:{spec['slug']}")
    for item in spec["customers"]:
        kind = item.get("kind", CustomerKind.PERSON)
        national_id = business_id = ""
        existing = Customer.objects.filter(organisation=organisation)
        if kind == CustomerKind.PERSON:
            national_id = GENERATORS[country](rng)
            digest = customer_services.national_id_lookup_hash(
                country, normalise_national_id(country, national_id)
            )
            existing = existing.filter(national_id_hash=digest)
        else:
            business_id = generate_business_id(country, rng)
            existing = existing.filter(business_id=business_id)
        found = existing.exists()
        report.count(Customer, created=not found)
        if found:
            continue
        customer_services.register_customer(
            actor=actor,
            organisation=organisation,
            name=item["name"],
            kind=kind,
            preferred_language=item["language"],
            national_id=national_id,
            business_id=business_id,
            phones=item["phones"],
            emails=item["emails"],
        )


# --- demo cases -----------------------------------------------------------------------------------


@transaction.atomic
def load_cases(*, spec: dict, cases: list[dict], report: LoadReport) -> None:
    """The organisation's demo cases that are not there yet, each told as its story."""
    organisation = Organisation.objects.get(slug=spec["slug"])
    users = {
        user.username.removeprefix(f"{spec['username_prefix']}."): user
        for user in User.objects.filter(organisation=organisation)
    }
    for story in cases:
        found = Case.objects.filter(organisation=organisation, subject=story["subject"]).exists()
        report.count(Case, created=not found)
        if not found:
            _tell(organisation, story, users)


def _tell(organisation: Organisation, story: dict, users: dict[str, User]) -> Case:
    if story.get("days_ago"):
        # Told through the same services on a clock set back, so every time, deadline and
        # alarm row is what it would be had it happened then.
        moment = timezone.now() - datetime.timedelta(days=story["days_ago"])
        with time_machine.travel(moment, tick=True):
            return _tell_now(organisation, story, users)
    return _tell_now(organisation, story, users)


def _tell_now(organisation: Organisation, story: dict, users: dict[str, User]) -> Case:
    agent = users[story["agent"]]
    customer = None
    if story["customer"] is not None:
        customer = Customer.objects.get(organisation=organisation, name=story["customer"])
    service_point = None
    if story.get("service_point"):
        service_point = ServicePoint.objects.get(
            organisation=organisation, code=story["service_point"]
        )
    contact = {
        "organisation": organisation,
        "channel": story["channel"],
        "case_type": CaseType.objects.get(organisation=organisation, code=story["case_type"]),
        "subject": story["subject"],
        "description": story["description"],
        "customer": customer,
        "duration_seconds": story["duration"],
        "summary": story["summary"],
        "service_point": service_point,
    }
    steps = list(story["then"])
    first = steps[0] if steps and steps[0]["by"] == story["agent"] else None
    # The new-contact screen's composite actions, when the agent answered or forwarded at once.
    if first is not None and first["do"] == "resolve":
        case = case_services.register_and_resolve(actor=agent, resolution=first["text"], **contact)
        steps.pop(0)
    elif first is not None and first["do"] == "forward":
        group = AnswerGroup.objects.get(organisation=organisation, code=first["group"])
        case = case_services.register_and_forward(
            actor=agent, group=group, reason=first["text"], **contact
        )
        steps.pop(0)
    else:
        case = case_services.register_contact(actor=agent, **contact)
    for step in steps:
        _act(case, step, users[step["by"]])
    return case


def _act(case: Case, step: dict, actor: User) -> None:
    match step["do"]:
        case "resolve":
            case_services.resolve_case(actor=actor, case=case, resolution=step["text"])
        case "forward":
            group = AnswerGroup.objects.get(
                organisation_id=case.organisation_id, code=step["group"]
            )
            case_services.forward_case_to_group(
                actor=actor, case=case, group=group, reason=step["text"]
            )
        case "take":
            case_services.take_case(actor=actor, case=case)
        case "call_back":
            case_services.append_contact(
                actor=actor,
                case=case,
                channel=Channel.PHONE,
                direction=Direction.OUTBOUND,
                duration_seconds=step["duration"],
                summary=step["text"],
            )
        case "note":
            case_services.add_note(actor=actor, case=case, text=step["text"])
        case "wait":
            case_services.wait_for_customer(actor=actor, case=case, reason=step["text"])
        case "confidential":
            case_services.set_confidentiality(
                actor=actor, case=case, confidential=True, reason=step["text"]
            )
        case "close":
            case_services.close_case(actor=actor, case=case)
        case other:
            raise ValueError(f"Unknown demo case step {other!r}")
