"""The knowledge base in the browser: the pages pass axe, suggestions appear while the agent
writes, a checklist step is ticked on the case page, and a citizen reads the FAQ."""

import re

import pytest
from playwright.sync_api import expect

from civicdesk.org.choices import Role
from civicdesk.testing.knowledge import build_knowledge
from tests.e2e.conftest import axe_violations, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def knowledge_pages(knowledge, tenant) -> list[str]:
    return [
        "/knowledge/",
        "/knowledge/articles/",
        f"/knowledge/articles/{knowledge.article.pk}/",
        f"/knowledge/articles/{knowledge.article.pk}/versions/",
        "/knowledge/checklists/",
        f"/knowledge/checklists/{knowledge.checklist.pk}/",
        "/knowledge/services/",
        f"/knowledge/services/{knowledge.card.pk}/",
        "/knowledge/notices/",
        "/knowledge/directory/",
        "/knowledge/quizzes/",
        f"/knowledge/quizzes/{knowledge.quiz.pk}/",
        "/search/?q=bygglov",
    ]


def test_knowledge_pages_have_no_serious_accessibility_violations(page, live_server, tenant_a):
    knowledge = build_knowledge(tenant_a)
    sign_in(page, live_server, tenant_a.user(Role.GENERAL_AGENT).username)
    for path in knowledge_pages(knowledge, tenant_a):
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path


def test_editor_pages_have_no_serious_accessibility_violations(page, live_server, tenant_a):
    knowledge = build_knowledge(tenant_a)
    sign_in(page, live_server, tenant_a.user(Role.TEAM_LEAD).username)
    for path in [
        "/knowledge/articles/new/",
        f"/knowledge/articles/{knowledge.article.pk}/edit/",
        "/knowledge/review/",
        f"/knowledge/checklists/{knowledge.checklist.pk}/edit/",
        "/knowledge/services/new/",
        "/knowledge/notices/new/",
        f"/knowledge/quizzes/{knowledge.quiz.pk}/",
        f"/knowledge/quizzes/{knowledge.quiz.pk}/questions/new/",
        "/knowledge/quizzes/results/",
    ]:
        page.goto(f"{live_server.url}{path}")
        assert axe_violations(page) == [], path


def test_suggestions_appear_while_the_agent_writes(page, live_server, tenant_a):
    build_knowledge(tenant_a)
    sign_in(page, live_server, tenant_a.user(Role.GENERAL_AGENT).username)
    page.goto(f"{live_server.url}/cases/new/")
    suggestions = page.locator("#suggestion-list")
    page.get_by_label(re.compile(r"^Case type")).fill(tenant_a.case_type.name_en)
    page.get_by_label(re.compile(r"^Case type")).dispatch_event("change")
    page.get_by_label("Notes").press_sequentially("glasa in altanen bygglov", delay=20)
    expect(suggestions.get_by_role("link", name="Bygglov för altan")).to_be_visible()
    expect(suggestions.get_by_role("link", name=re.compile("Checklist"))).to_be_visible()
    assert axe_violations(page) == []


def test_an_agent_ticks_a_checklist_step_on_the_case(page, live_server, tenant_a):
    build_knowledge(tenant_a)
    sign_in(page, live_server, tenant_a.user(Role.GENERAL_AGENT).username)
    page.goto(f"{live_server.url}/cases/{tenant_a.case.pk}/")
    step = page.get_by_role("button", name=re.compile("Check the identity"))
    expect(step).to_have_attribute("aria-pressed", "false")
    step.click()
    expect(page.get_by_role("button", name=re.compile("Check the identity"))).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(page.locator("#checklist")).to_contain_text("1 of 2 done")
    assert axe_violations(page) == []
    page.reload()
    expect(page.locator("ol.timeline")).to_contain_text("Checklist step ticked")


def test_a_citizen_reads_and_searches_the_faq_in_their_language(page, live_server, tenant_a):
    build_knowledge(tenant_a)
    page.goto(f"{live_server.url}/faq/{tenant_a.organisation.slug}/?lang=sv")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    assert axe_violations(page) == []
    page.get_by_role("searchbox").fill("sophämtning")
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Sophämtning").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sophämtning")
    assert axe_violations(page) == []
    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_text("not yet available in your language")).to_be_visible()
    assert axe_violations(page) == []
