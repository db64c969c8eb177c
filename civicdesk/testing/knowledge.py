"""A small knowledge base in one organisation, for the knowledge tests and the cross-app
suites (tenancy, browser)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from civicdesk.knowledge.services import submit_quiz
from civicdesk.org.choices import Role
from civicdesk.testing import factories


@dataclass
class Knowledge:
    article: object  # published, internal, sv + en, tagged with the tenant's case type
    public_article: object  # published, public, sv
    draft: object
    checklist: object
    card: object
    notice: object
    entry: object
    quiz: object
    attempt: object  # the tenant's general agent took the quiz
    tag: object


def build_knowledge(tenant) -> Knowledge:
    organisation = tenant.organisation
    article = factories.ArticleFactory(
        organisation=organisation,
        department=tenant.department,
        translations={
            "sv": (
                "Bygglov för altan",
                "<p>Du behöver <strong>bygglov</strong> för en inglasad altan.</p>",
            ),
            "en": ("Building permit for a porch", "<p>A glazed porch needs a building permit.</p>"),
        },
    )
    article.case_types.add(tenant.case_type)
    public_article = factories.ArticleFactory(
        organisation=organisation,
        department=tenant.department,
        audience="public",
        translations={"sv": ("Sophämtning", "<p>Soporna hämtas varannan vecka.</p>")},
    )
    draft = factories.ArticleFactory(
        organisation=organisation,
        department=tenant.department,
        status="draft",
        translations={"sv": ("Utkast om färdtjänst", "<p>Inte klart.</p>")},
    )
    quiz = factories.QuizFactory(organisation=organisation)
    return Knowledge(
        article=article,
        public_article=public_article,
        draft=draft,
        checklist=factories.ChecklistFactory(
            case_type=tenant.case_type, steps=["Check the identity", "Give the form"]
        ),
        card=factories.ServiceCardFactory(
            organisation=organisation, producer=tenant.department, names={"en": "Tax card"}
        ),
        notice=factories.NoticeFactory(organisation=organisation, title="Job fair in March"),
        entry=factories.DirectoryEntryFactory(organisation=organisation, name="Tax office"),
        quiz=quiz,
        attempt=submit_quiz(
            actor=tenant.user(Role.GENERAL_AGENT),
            quiz=quiz,
            answers={
                question.pk: question.choices.get(is_correct=True).pk
                for question in quiz.questions.all()
            },
        ),
        tag=factories.TagFactory(organisation=organisation, name="bygglov"),
    )


@pytest.fixture
def knowledge_a(tenant_a) -> Knowledge:
    """Organisation A's knowledge base; conftest modules import this fixture."""
    return build_knowledge(tenant_a)
