import pytest
from django.utils import translation

from civicdesk.catalog import selectors, services
from civicdesk.catalog.choices import RosaTier, tiers_for_roles
from civicdesk.catalog.models import CaseType
from civicdesk.core.errors import DomainError, Forbidden
from civicdesk.org.choices import Role

pytestmark = pytest.mark.django_db

NAMES = {
    "sv": "Bygglov",
    "en": "Building permit",
    "fi": "Rakennuslupa",
    "pl": "Pozwolenie na budowę",
}


def create(tenant, **overrides):
    arguments = {
        "actor": tenant.user(Role.ADMINISTRATOR),
        "organisation": tenant.organisation,
        "code": "building-permit",
        "names": NAMES,
        "department": tenant.department,
        "rosa_tier": RosaTier.SPECIALIST,
        "default_group": tenant.group,
        "topic": tenant.topic,
        "confidential_by_default": False,
        "handled_by_centre": True,
    }
    arguments.update(overrides)
    return services.create_case_type(**arguments)


def test_a_case_type_is_named_in_every_language(tenant_a):
    case_type = create(tenant_a)
    for language, name in NAMES.items():
        with translation.override(language):
            assert case_type.name == name


def test_a_missing_language_falls_back_to_the_organisations(tenant_a):
    case_type = create(tenant_a, names={"sv": "Bygglov"})
    with translation.override("fi"):
        assert case_type.name == "Bygglov"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"names": {}}, "names"),
        ({"names": {"sv": "  "}}, "names"),
        ({"names": {"de": "Baugenehmigung"}}, "names"),
        ({"rosa_tier": "wizard"}, "rosa_tier"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(tenant_a, overrides, field):
    before = CaseType.objects.count()
    with pytest.raises(DomainError) as caught:
        create(tenant_a, **overrides)
    assert caught.value.field == field
    assert CaseType.objects.count() == before


@pytest.mark.parametrize("field", ["department", "default_group", "topic"])
def test_rows_of_another_organisation_are_refused(tenant_a, tenant_b, field):
    with pytest.raises(DomainError, match="another organisation"):
        create(
            tenant_a, **{field: getattr(tenant_b, "group" if field == "default_group" else field)}
        )


def test_only_administrators_change_the_catalogue(tenant_a):
    with pytest.raises(Forbidden):
        create(tenant_a, actor=tenant_a.user(Role.TEAM_LEAD))


def test_update_keeps_names_not_given(tenant_a):
    case_type = create(tenant_a)
    services.update_case_type(
        actor=tenant_a.user(Role.ADMINISTRATOR),
        case_type=case_type,
        names={"en": "Building permits"},
        handled_by_centre=False,
    )
    case_type.refresh_from_db()
    assert case_type.name_sv == "Bygglov"
    assert case_type.name_en == "Building permits"
    assert case_type.handled_by_centre is False


def test_type_ahead_finds_case_types_in_any_language(tenant_a):
    case_type = create(tenant_a)
    agent = tenant_a.user(Role.GENERAL_AGENT)
    for text in ["bygg", "permit", "rakennus", "pozwolenie"]:
        assert list(selectors.search_case_types(agent, text)) == [case_type]


def test_roles_map_to_rosa_tiers():
    assert tiers_for_roles([Role.GENERAL_AGENT]) == {RosaTier.GENERAL}
    assert tiers_for_roles([Role.SPECIALIST_AGENT]) == {RosaTier.GENERAL, RosaTier.SPECIALIST}
    assert tiers_for_roles([Role.DEPARTMENT_EXPERT]) == {RosaTier.EXPERT}
    assert tiers_for_roles([Role.PRODUCER_CONTACT]) == set()
