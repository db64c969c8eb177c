"""The demo data itself: complete translations, references that resolve, valid phone numbers."""

import pytest

from civicdesk.core.i18n import LANGUAGE_CODES
from civicdesk.customers.contacts import normalise_phone
from civicdesk.demo.data import DEMO_ORGANISATIONS
from civicdesk.org.choices import Role

ORGANISATIONS = [pytest.param(spec, id=spec["slug"]) for spec in DEMO_ORGANISATIONS]


@pytest.mark.parametrize("spec", ORGANISATIONS)
def test_topics_and_case_types_are_named_in_every_language(spec):
    entries = spec["topics"] + spec["case_types"]
    missing = [
        (entry["code"], language)
        for entry in entries
        for language in LANGUAGE_CODES
        if not entry["names"][language]
    ]
    assert missing == []


@pytest.mark.parametrize("spec", ORGANISATIONS)
def test_every_role_has_a_user(spec):
    roles = {role for person in spec["people"] for role in person["roles"]}
    assert roles == set(Role.values)


@pytest.mark.parametrize("spec", ORGANISATIONS)
def test_case_types_refer_to_listed_departments_groups_and_topics(spec):
    departments = {item["code"] for item in spec["departments"]}
    groups = {item["code"] for item in spec["answer_groups"]}
    topics = {item["code"] for item in spec["topics"]} | {None}
    unresolved = [
        ct["code"]
        for ct in spec["case_types"]
        if ct["department"] not in departments or ct["group"] not in groups
        or ct["topic"] not in topics
    ]  # fmt: skip
    assert unresolved == []


@pytest.mark.parametrize("spec", ORGANISATIONS)
def test_managers_are_listed_before_the_people_they_manage(spec):
    seen, late = set(), []
    for person in spec["people"]:
        if person["manager"] and person["manager"] not in seen:
            late.append(person["suffix"])
        seen.add(person["suffix"])
    assert late == []


@pytest.mark.parametrize("spec", ORGANISATIONS)
def test_customer_phones_are_valid_in_the_organisations_country(spec):
    phones = [phone for customer in spec["customers"] for phone in customer["phones"]]
    assert all(normalise_phone(phone, region=spec["country"]) for phone in phones)


def test_the_demo_has_between_12_and_15_case_types_in_skelleftea():
    skelleftea = next(spec for spec in DEMO_ORGANISATIONS if spec["slug"] == "skelleftea")
    assert 12 <= len(skelleftea["case_types"]) <= 15


STEPS = {"resolve", "forward", "take", "call_back", "note", "wait", "confidential", "close"}


@pytest.mark.parametrize("spec", ORGANISATIONS)
def test_demo_cases_refer_to_the_organisations_data(spec):
    from civicdesk.demo.data.cases import DEMO_CASES

    case_types = {item["code"] for item in spec["case_types"]}
    customers = {item["name"] for item in spec["customers"]} | {None}
    users = {person["suffix"] for person in spec["people"]}
    groups = {item["code"] for item in spec["answer_groups"]}
    points = {item["code"] for item in spec["service_points"]} | {None}
    stories = DEMO_CASES[spec["slug"]]
    unresolved = [
        story["subject"]
        for story in stories
        if story["case_type"] not in case_types or story["customer"] not in customers
        or story["agent"] not in users or story.get("service_point") not in points
        or any(step["do"] not in STEPS or step["by"] not in users
               or step.get("group", next(iter(groups))) not in groups
               for step in story["then"])
    ]  # fmt: skip
    assert unresolved == []


@pytest.mark.parametrize("spec", ORGANISATIONS)
def test_demo_case_subjects_are_unique_in_their_organisation(spec):
    from civicdesk.demo.data.cases import DEMO_CASES

    subjects = [story["subject"] for story in DEMO_CASES[spec["slug"]]]
    assert 10 <= len(subjects) == len(set(subjects)) <= 20
