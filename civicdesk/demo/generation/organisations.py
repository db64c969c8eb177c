"""Generated organisations: smaller copies of the demo ones, named after other towns.

Organisation i follows the demo organisation of country ("SE", "PL", "FI")[i % 3]: its first
three departments with their answer groups, service points and up to six case types, and one
user for each role with a name drawn from the run's seed. The template's confidential case
types come along with their department and group (Skellefteå's social services), and the
expert is a member of their groups: generated cases then have sekretessärenden that only
that group sees, which is what the case search's visibility filter must be measured with.
They are loaded through the same code as the demo, so their shape is the demo's.
"""

from __future__ import annotations

import random
import string

from django.db.models import QuerySet
from django.utils.text import slugify

from civicdesk.demo.constants import DEMO_PASSWORD, GENERATED_SLUG_PREFIX
from civicdesk.demo.data import TEMPLATES_BY_COUNTRY
from civicdesk.demo.generation.base import GenerationRun, Step
from civicdesk.demo.names import ORGANISATION_NAME, TOWNS, ascii_fold, person_name
from civicdesk.demo.services import LoadReport, load_organisation
from civicdesk.org.choices import Role
from civicdesk.org.models import Organisation

COUNTRIES = ("SE", "PL", "FI")
DEPARTMENTS_PER_ORGANISATION = 3
CASE_TYPES_PER_ORGANISATION = 6

# The user of the template that plays each role: ske.agent, zl.agent, aspa.agent and so on.
_SUFFIX_BY_ROLE = {
    Role.GENERAL_AGENT: "agent",
    Role.SPECIALIST_AGENT: "specialist",
    Role.DEPARTMENT_EXPERT: "expert",
    Role.TEAM_LEAD: "lead",
    Role.ADMINISTRATOR: "admin",
    Role.PRODUCER_CONTACT: "producer",
}


def _reference_prefix(index: int) -> str:
    """G + three letters (GAAA, GAAB, ...): unique by construction, 17,576 organisations."""
    if not 0 <= index < 26**3:
        raise ValueError("Generated organisations are numbered up to 17,575.")
    letters = ""
    for _ in range(3):
        index, rest = divmod(index, 26)
        letters = string.ascii_uppercase[rest] + letters
    return "G" + letters


def _kept(code: str | None, kept: set[str]) -> str | None:
    return code if code in kept else None


def generated_organisation_spec(index: int, *, seed: int) -> dict:
    """The data of generated organisation `index`; the same for the same (index, seed)."""
    country = COUNTRIES[index % len(COUNTRIES)]
    towns = TOWNS[country]
    town, town_form = towns[(index // len(COUNTRIES)) % len(towns)]
    round_ = index // (len(COUNTRIES) * len(towns))  # once every town has been used
    town_slug = slugify(ascii_fold(town)) + (f"-{round_ + 1}" if round_ else "")
    name = ORGANISATION_NAME[country].format(town=town_form) + (f" {round_ + 1}" if round_ else "")
    template = TEMPLATES_BY_COUNTRY[country]
    rng = random.Random(f"{seed}:organisation:{index}")

    confidential_types = [item for item in template["case_types"] if item.get("confidential")]
    department_codes = {
        item["code"] for item in template["departments"][:DEPARTMENTS_PER_ORGANISATION]
    }
    department_codes |= {item["department"] for item in confidential_types}
    departments = [item for item in template["departments"] if item["code"] in department_codes]
    service_points = [
        item
        for item in template["service_points"]
        if item["department"] is None or item["department"] in department_codes
    ][:2]
    service_point_codes = {item["code"] for item in service_points}
    groups = [
        # A group answering from a service point that was left out answers from none.
        {**item, "service_point": _kept(item["service_point"], service_point_codes)}
        for item in template["answer_groups"]
        if item["department"] in department_codes
    ]
    group_codes = {item["code"] for item in groups}
    case_types = [
        item
        for item in template["case_types"]
        if item["department"] in department_codes and item["group"] in group_codes
    ][:CASE_TYPES_PER_ORGANISATION]
    case_types += [item for item in confidential_types if item not in case_types]
    confidential_groups = {item["group"] for item in confidential_types}
    topic_codes = {item["topic"] for item in case_types}
    slug = GENERATED_SLUG_PREFIX + town_slug
    return {
        **{key: template[key] for key in ("country", "default_language", "timezone")},
        "slug": slug,
        "name": name,
        "short_name": town,
        "reference_prefix": _reference_prefix(index),
        "username_prefix": slug,
        "mail_domain": f"{town_slug}.example",
        "departments": departments,
        "service_points": service_points,
        "answer_groups": groups,
        "people": _people(template, departments, group_codes, confidential_groups, country, rng),
        "topics": [item for item in template["topics"] if item["code"] in topic_codes],
        "case_types": case_types,
        "customers": [],  # the customers step makes them in bulk
    }


def _people(template, departments, group_codes, confidential_groups, country, rng) -> list[dict]:
    department_codes = {item["code"] for item in departments}
    by_suffix = {person["suffix"]: person for person in template["people"]}
    people = []
    # The lead first: the others name them as their manager.
    for role in sorted(Role.values, key=lambda role: role != Role.TEAM_LEAD):
        person = by_suffix[_SUFFIX_BY_ROLE[role]]
        first, last = person_name(country, rng)
        department = person["department"]
        if department is not None and department not in department_codes:
            department = departments[0]["code"]
        groups = [code for code in person["groups"] if code in group_codes]
        if role == Role.DEPARTMENT_EXPERT:
            groups = groups or sorted(group_codes)
            groups += sorted(confidential_groups - set(groups))
        people.append(
            {
                **person,
                "first_name": first,
                "last_name": last,
                "department": department,
                "groups": groups,
            }
        )
    return people


def generated_organisations() -> QuerySet[Organisation]:
    """What this module has made, oldest first: the customers step spreads customers over them."""
    return Organisation.objects.filter(slug__startswith=GENERATED_SLUG_PREFIX).order_by("pk")


class OrganisationsStep(Step):
    option = "organisations"
    unit = "organisations"
    help = "How many generated organisations should exist (SE, PL and FI in turn; default 3)."
    implied_target = len(COUNTRIES)  # customers need somewhere to live: one per country

    def fill(self, run: GenerationRun, target: int) -> int:
        report = LoadReport()
        for index in range(target):
            spec = generated_organisation_spec(index, seed=run.seed)
            load_organisation(actor=run.actor, spec=spec, password=DEMO_PASSWORD, report=report)
        return report.created["Organisation"]
