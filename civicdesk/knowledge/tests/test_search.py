"""Knowledge search: who finds what, stemming and prefixes, the case type at hand, suggestions."""

from __future__ import annotations

import datetime

import pytest

from civicdesk.knowledge import search, selectors
from civicdesk.knowledge.querytext import is_question, keywords
from civicdesk.org.choices import Role
from civicdesk.testing import factories

pytestmark = pytest.mark.django_db


def titles(results) -> list[str]:
    return [result.title for result in results]


def test_staff_find_internal_and_public_articles_citizens_only_public_ones(tenant_a, knowledge_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    assert "Bygglov för altan" in titles(selectors.search_knowledge(agent, "bygglov"))
    assert "Sophämtning" in titles(selectors.search_knowledge(agent, "sophämtning"))
    public = selectors.search_public(tenant_a.organisation, "bygglov altan", language="sv")
    assert public == []
    public = selectors.search_public(tenant_a.organisation, "sophämtning", language="sv")
    assert [result.translation.title for result in public] == ["Sophämtning"]


def test_nobody_finds_another_organisations_knowledge(tenant_a, tenant_b, knowledge_a):
    other = tenant_b.user(Role.GENERAL_AGENT)
    assert selectors.search_knowledge(other, "bygglov") == []
    assert selectors.search_public(tenant_b.organisation, "sophämtning", language="sv") == []


def test_drafts_archived_and_expired_content_is_not_found(tenant_a, knowledge_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    assert selectors.search_knowledge(agent, "färdtjänst") == []  # the draft
    factories.NoticeFactory(
        organisation=tenant_a.organisation,
        title="Workshop for employers",
        valid_from=datetime.date.today() - datetime.timedelta(days=9),
        valid_until=datetime.date.today() - datetime.timedelta(days=1),
    )
    assert selectors.search_knowledge(agent, "workshop") == []


def test_each_kind_is_found_and_read_back_through_the_actor(tenant_a, knowledge_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    found = {
        result.kind: result.obj
        for text in ("identity", "tax card", "job fair", "tax office", "porch")
        for result in selectors.search_knowledge(agent, text)
    }
    assert found == {
        search.CHECKLIST: knowledge_a.checklist,
        search.SERVICE_CARD: knowledge_a.card,
        search.NOTICE: knowledge_a.notice,
        search.DIRECTORY: knowledge_a.entry,
        search.ARTICLE: knowledge_a.article,
    }


def test_inflected_forms_accents_and_prefixes_match(tenant_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    factories.ArticleFactory(
        organisation=tenant_a.organisation,
        department=tenant_a.department,
        translations={
            "pl": (
                "Zasiłek dla bezrobotnych",
                "<p>Wniosek o zasiłek składa się w urzędzie pracy.</p>",
            ),
            "fi": ("Työttömyysturva", "<p>Työttömyysturvaa haetaan Kelasta.</p>"),
        },
    )
    for query in (
        "zasiłku",
        "zasilek",
        "wnioski",
        "pracy",
        "työttömyysturvaa",
        "tyottomyysturva",
        "zasił",
    ):
        assert selectors.search_knowledge(agent, query), query


def test_two_language_versions_of_one_article_are_one_result(tenant_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    factories.ArticleFactory(
        organisation=tenant_a.organisation,
        translations={"sv": "Pass och id-kort", "en": "Passport and id card"},
    )
    assert len(selectors.search_knowledge(agent, "pass")) == 1


def test_the_case_type_at_hand_ranks_its_own_articles_first(tenant_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    other_type = factories.CaseTypeFactory(organisation=tenant_a.organisation)
    for case_type, title in (
        (tenant_a.case_type, "Avgift för bygglov"),
        (other_type, "Avgift för förskola"),
    ):
        article = factories.ArticleFactory(
            organisation=tenant_a.organisation,
            translations={"sv": (title, "<p>Avgiften betalas mot faktura.</p>")},
        )
        article.case_types.add(case_type)
        search.index_article(article)
    for case_type in (tenant_a.case_type, other_type):
        results = selectors.search_knowledge(agent, "avgift faktura", case_type_id=case_type.pk)
        assert case_type in results[0].obj.case_types.all()


def test_freshness_breaks_a_tie_in_favour_of_the_recently_confirmed(tenant_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    old, new = (
        factories.ArticleFactory(
            organisation=tenant_a.organisation,
            content_updated_at=datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=days),
            translations={"sv": f"Öppettider {days}"},
        )
        for days in (900, 10)
    )
    assert [result.obj for result in selectors.search_knowledge(agent, "öppettider")] == [new, old]


def test_suggestions_bring_the_case_types_checklist_and_the_best_articles(tenant_a, knowledge_a):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    found = selectors.suggestions(
        agent,
        text="Hej! Jag undrar om jag behöver bygglov för att glasa in min altan?",
        case_type_id=tenant_a.case_type.pk,
    )
    assert [item.obj for item in found.checklists] == [knowledge_a.checklist]
    assert [item.obj for item in found.articles][:1] == [knowledge_a.article]
    nothing = selectors.suggestions(agent, text="", case_type_id=None)
    assert not nothing


def test_questions_are_reduced_to_their_keywords():
    assert keywords("Hur ansöker jag om bygglov?") == "ansöker bygglov"
    assert keywords("Jak zarejestrować się jako bezrobotny?") == "zarejestrować jako bezrobotny"
    assert keywords("Miten haen asumistukea?") == "haen asumistukea"
    assert keywords("How do I apply for a passport?") == "apply passport"
    assert is_question("Hur ansöker jag om bygglov?")
    assert not is_question("bygglov altan")
