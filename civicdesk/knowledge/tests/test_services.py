"""Writes to the knowledge base: happy paths, versions and diffs, bad input changes nothing,
permissions refused."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail

from civicdesk.core.errors import DomainError, Forbidden
from civicdesk.integrations.models import OutboundEmail
from civicdesk.knowledge import search, selectors, services
from civicdesk.knowledge.models import (
    Article,
    ArticleTranslation,
    ArticleVersion,
    Checklist,
    Notice,
    QuizAttempt,
    ServiceCard,
    ServiceCardVersion,
)
from civicdesk.org.choices import Role
from civicdesk.testing import factories

pytestmark = pytest.mark.django_db

SV = {"title": "Ansöka om bygglov", "summary": "Så söker du.", "body": "<p>Sök i e-tjänsten.</p>"}
EN = {"title": "Applying for a building permit", "body": "<p>Apply online.</p>"}


def expert_of(tenant):
    expert = tenant.user(Role.DEPARTMENT_EXPERT)
    expert.department = tenant.department
    expert.save()
    return expert


def create(tenant, **overrides):
    arguments = {
        "actor": expert_of(tenant),
        "department": tenant.department,
        "translations": {"sv": SV, "en": EN},
        "publish": True,
    }
    return services.create_article(**{**arguments, **overrides})


def snapshot_counts():
    return (
        Article.objects.count(),
        ArticleTranslation.objects.count(),
        ArticleVersion.objects.count(),
    )


# --- articles -----------------------------------------------------------------------------------


def test_an_article_is_created_with_language_versions_a_version_and_an_index_entry(tenant_a):
    article = create(
        tenant_a, tags=["Bygglov", "altan", "bygglov"], case_types=[tenant_a.case_type]
    )
    assert article.languages() == ["sv", "en"]
    assert sorted(tag.name for tag in article.tags.all()) == ["altan", "bygglov"]
    assert article.owner == tenant_a.user(Role.DEPARTMENT_EXPERT)
    assert article.review_by == datetime.date.today() + services.REVIEW_PERIOD
    version = article.versions.get()
    assert (version.number, version.author, version.note) == (1, article.owner, "Created")
    assert version.snapshot["translations"]["sv"]["title"] == "Ansöka om bygglov"
    found = search.find(organisation_id=tenant_a.organisation.pk, text="bygglov")
    # The English version is found by its tag.
    assert {hit.object_id for hit in found} == {row.pk for row in article.translations.all()}


def test_the_reader_gets_their_language_then_the_organisations_then_any(tenant_a):
    article = create(tenant_a, translations={"en": EN, "fi": {"title": "Rakennuslupa"}})
    assert article.translation_in("fi").title == "Rakennuslupa"
    # No Polish, no Swedish (the organisation's), then pl, sv, fi, en.
    assert article.translation_in("pl").language == "fi"
    assert article.translation_in(None).language == "fi"
    assert article.translation_in("sv", "en").language == "en"


@pytest.mark.parametrize(
    ("translations", "field", "code"),
    [
        ({}, "translations", "invalid"),
        ({"sv": {"title": "", "summary": "", "body": ""}}, "translations", "invalid"),
        (
            {"sv": {"title": "", "body": "<p>Text without a title</p>"}},
            "translations.sv.title",
            "invalid",
        ),
        ({"xx": {"title": "Okänt språk"}}, "translations", "invalid"),
        (
            {"sv": {"title": "Stor", "body": "<p>" + "x" * 100_001 + "</p>"}},
            "translations.sv.body",
            "too_long",
        ),
        (
            {"sv": {"title": "Trasig", "body": "<p><b>bold</p>"}},
            "translations.sv.body",
            "malformed_html",
        ),
        ({"sv": {"title": "x" * 201}}, "translations.sv.title", "too_long"),
        ({"sv": {"title": "Fel fält", "text": "..."}}, "translations.sv", "invalid"),
    ],
)
def test_bad_input_gives_a_clear_error_and_changes_nothing(tenant_a, translations, field, code):
    before = snapshot_counts()
    with pytest.raises(DomainError) as refused:
        create(tenant_a, translations=translations)
    assert (refused.value.field, refused.value.code) == (field, code)
    assert str(refused.value.message)
    assert snapshot_counts() == before


def test_an_unknown_language_says_which_languages_there_are(tenant_a):
    with pytest.raises(DomainError) as refused:
        create(tenant_a, translations={"de": {"title": "Baugenehmigung"}})
    assert "Unknown language “de”. Use one of: pl, sv, fi, en." in str(refused.value.message)


def test_a_bad_update_changes_nothing(tenant_a):
    article = create(tenant_a)
    before = (snapshot_counts(), article.versions.count(), article.translation_in("sv").body)
    for translations in (
        {"sv": {"title": "Ny", "body": "<p>Unclosed"}},
        {"sv": None, "en": None},
        {"de": {"title": "Neu"}},
    ):
        with pytest.raises(DomainError):
            services.update_article(
                actor=expert_of(tenant_a), article=article, translations=translations
            )
    article.refresh_from_db()
    assert (
        snapshot_counts(),
        article.versions.count(),
        article.translation_in("sv").body,
    ) == before


def test_every_change_keeps_a_version_with_who_and_when_and_the_diff_shows_it(tenant_a):
    article = create(tenant_a)
    lead = tenant_a.user(Role.TEAM_LEAD)
    services.update_article(
        actor=lead,
        article=article,
        translations={
            "sv": {**SV, "body": "<p>Sök i e-tjänsten.</p><p>Avgiften är 2 000 kr.</p>"},
            "en": None,
        },
        audience="public",
        note="Fee added; English removed",
    )
    article.refresh_from_db()
    assert article.languages() == ["sv"]
    second = article.versions.get(number=2)
    assert (second.author, second.note) == (lead, "Fee added; English removed")
    _old, _new, changes = selectors.article_diff(article, 1, 2)
    by_field = {change.field: change for change in changes}
    assert set(by_field) == {"audience", "translations.sv.body", "translations.en.title",
                             "translations.en.body"}  # fmt: skip
    assert [(line.op, line.text) for line in by_field["translations.sv.body"].lines] == [
        ("equal", "Sök i e-tjänsten."),
        ("insert", "Avgiften är 2 000 kr."),
    ]
    assert [line.op for line in by_field["translations.en.title"].lines] == ["delete"]


def test_saving_without_a_change_makes_no_version(tenant_a):
    article = create(tenant_a)
    services.update_article(actor=expert_of(tenant_a), article=article, translations={"sv": SV})
    assert article.versions.count() == 1


def test_an_unknown_version_is_a_clear_error(tenant_a):
    article = create(tenant_a)
    with pytest.raises(DomainError) as refused:
        selectors.article_diff(article, 1, 7)
    assert refused.value.field == "to"


def test_only_writers_for_the_department_edit(tenant_a, tenant_b):
    article = create(tenant_a)
    other_department = factories.DepartmentFactory(organisation=tenant_a.organisation)
    for actor in (tenant_a.user(Role.GENERAL_AGENT), tenant_a.user(Role.PRODUCER_CONTACT)):
        with pytest.raises(Forbidden):
            services.update_article(actor=actor, article=article, audience="public")
    with pytest.raises(Forbidden):
        create(tenant_a, department=other_department)
    with pytest.raises(Forbidden):
        services.update_article(
            actor=tenant_b.user(Role.TEAM_LEAD), article=article, audience="public"
        )
    article.refresh_from_db()
    assert article.audience == "internal"


def test_publishing_archiving_and_review_are_versioned_and_reindexed(tenant_a):
    article = create(tenant_a, publish=False)
    organisation_id = tenant_a.organisation.pk
    assert search.find(organisation_id=organisation_id, text="bygglov") == []
    services.set_article_status(actor=expert_of(tenant_a), article=article, status="published")
    assert search.find(organisation_id=organisation_id, text="bygglov")
    services.set_article_status(actor=expert_of(tenant_a), article=article, status="archived")
    assert search.find(organisation_id=organisation_id, text="bygglov") == []
    assert [v.note for v in article.versions.order_by("number")] == [
        "Created",
        "Published",
        "Archived",
    ]
    with pytest.raises(DomainError):
        services.set_article_status(actor=expert_of(tenant_a), article=article, status="gone")


def test_a_review_confirms_the_article_and_sets_the_next_date(tenant_a):
    article = create(tenant_a, review_by=datetime.date.today())
    next_time = datetime.date.today() + datetime.timedelta(days=30)
    services.mark_article_reviewed(actor=expert_of(tenant_a), article=article, review_by=next_time)
    article.refresh_from_db()
    assert (article.review_by, article.version) == (next_time, 2)
    with pytest.raises(DomainError):
        services.mark_article_reviewed(
            actor=expert_of(tenant_a),
            article=article,
            review_by=datetime.date.today() - datetime.timedelta(days=1),
        )


def test_owners_of_stale_articles_get_one_reminder_a_week(tenant_a):
    lead = tenant_a.user(Role.TEAM_LEAD)
    for title in ("Gamla öppettider", "Gammal taxa"):
        factories.ArticleFactory(
            organisation=tenant_a.organisation,
            department=tenant_a.department,
            owner=lead,
            review_by=datetime.date.today() - datetime.timedelta(days=1),
            translations={"sv": title},
        )
    factories.ArticleFactory(organisation=tenant_a.organisation, owner=lead)  # not due
    assert services.remind_stale_article_owners() == 1
    assert services.remind_stale_article_owners() == 0
    message = OutboundEmail.objects.get()
    assert message.to == [lead.email]
    assert "Gamla öppettider" in message.body_text and "Gammal taxa" in message.body_text
    assert "/knowledge/review/" in message.body_text
    assert mail.outbox == [] or mail.outbox[0].to == [lead.email]


# --- checklists ---------------------------------------------------------------------------------


def test_a_checklist_keeps_step_ids_and_deactivates_removed_steps(tenant_a):
    checklist = services.create_checklist(
        actor=expert_of(tenant_a),
        case_type=tenant_a.case_type,
        names={"sv": "Bygglov", "en": "Building permit"},
        steps=[{"sv": "Kontrollera fastighetsbeteckningen"}, {"en": "Send the e-service link"}],
    )
    first, second = checklist.steps.order_by("position")
    services.update_checklist(
        actor=expert_of(tenant_a),
        checklist=checklist,
        steps=[{"id": second.pk, "texts": {"en": "Send the link"}}, {"sv": "Boka tid"}],
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert not first.is_active
    assert (second.position, second.text_en, second.is_active) == (1, "Send the link", True)
    shown = selectors.get_checklist(tenant_a.user(Role.GENERAL_AGENT), checklist.pk)
    assert [step.text_in("sv") for step in shown.steps.all()] == ["Send the link", "Boka tid"]


@pytest.mark.parametrize(
    "steps", [[], [{"sv": ""}], [{"xx": "okänt"}], "one step", [{"sv": "x" * 501}]]
)
def test_a_checklist_with_bad_steps_is_refused_and_nothing_is_stored(tenant_a, steps):
    with pytest.raises(DomainError):
        services.create_checklist(
            actor=expert_of(tenant_a), case_type=tenant_a.case_type, names={"sv": "X"}, steps=steps
        )
    assert Checklist.objects.count() == 0


# --- service cards ------------------------------------------------------------------------------


def test_a_service_card_is_versioned_and_offered_at_service_points(tenant_a):
    card = services.create_service_card(
        actor=expert_of(tenant_a),
        producer=tenant_a.department,
        code="verokortti",
        delivery="eservice",
        eservice_url="https://vero.example/omavero",
        translations={"fi": {"name": "Verokortin muutos", "fees": "Maksuton"}},
        service_points=[tenant_a.service_point],
        links=[{"title": "OmaVero", "url": "https://vero.example/omavero"}],
        support_phone="+358 29 497 000",
        publish=True,
    )
    services.update_service_card(
        actor=expert_of(tenant_a),
        card=card,
        delivery="remote",
        translations={
            "fi": {
                "name": "Verokortin muutos",
                "fees": "Maksuton",
                "instructions": "Varaa etäpalveluaika.",
            }
        },
        note="Remote service",
    )
    card.refresh_from_db()
    assert card.version == 2 and card.needs_booking
    assert list(card.service_points.all()) == [tenant_a.service_point]
    _old, _new, changes = selectors.card_diff(card, 1, 2)
    assert {change.field for change in changes} == {"delivery", "translations.fi.instructions"}
    assert ServiceCardVersion.objects.filter(card=card).count() == 2


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"delivery": "eservice"}, "eservice_url"),
        ({"delivery": "teleport"}, "delivery"),
        ({"delivery": "guidance", "translations": {"fi": {"fees": "5 €"}}}, "translations.fi.name"),
        ({"delivery": "guidance", "support_email": "not an address"}, "support_email"),
        (
            {"delivery": "guidance", "links": [{"title": "x", "url": "javascript:alert(1)"}]},
            "links",
        ),
    ],
)
def test_a_bad_service_card_is_refused(tenant_a, arguments, field):
    with pytest.raises(DomainError) as refused:
        services.create_service_card(
            actor=expert_of(tenant_a),
            producer=tenant_a.department,
            code="x",
            **{"translations": {"fi": {"name": "Palvelu"}}, **arguments},
        )
    assert refused.value.field == field
    assert ServiceCard.objects.count() == 0


# --- notices ------------------------------------------------------------------------------------


def test_a_notice_is_sanitised_and_expires_by_itself(tenant_a):
    lead = tenant_a.user(Role.TEAM_LEAD)
    today = datetime.date.today()
    notice = services.create_notice(
        actor=lead,
        organisation=tenant_a.organisation,
        category="job_fair",
        language="sv",
        title="Jobbmässa i Skellefteå",
        body='<p onmouseover="x()">Välkommen <img src="https://t.example/p.gif"></p>',
        valid_from=today,
        valid_until=today + datetime.timedelta(days=2),
    )
    assert notice.body == "<p>Välkommen </p>"
    agent = tenant_a.user(Role.GENERAL_AGENT)
    assert list(selectors.notices_for_actor(agent)) == [notice]
    assert not Notice.objects.current(today + datetime.timedelta(days=3)).exists()


def test_a_notice_cannot_end_before_it_starts_nor_have_an_unknown_language(tenant_a):
    today = datetime.date.today()
    arguments = {
        "actor": tenant_a.user(Role.TEAM_LEAD),
        "organisation": tenant_a.organisation,
        "category": "funds",
        "title": "Fundusze",
        "body": "",
        "valid_from": today,
    }
    with pytest.raises(DomainError) as refused:
        services.create_notice(
            **arguments, language="pl", valid_until=today - datetime.timedelta(days=1)
        )
    assert refused.value.field == "valid_until"
    with pytest.raises(DomainError) as refused:
        services.create_notice(**arguments, language="klingon", valid_until=today)
    assert refused.value.field == "language"
    assert Notice.objects.count() == 0


def test_an_agent_cannot_publish_notices(tenant_a):
    today = datetime.date.today()
    with pytest.raises(Forbidden):
        services.create_notice(
            actor=tenant_a.user(Role.GENERAL_AGENT),
            organisation=tenant_a.organisation,
            category="funds",
            language="sv",
            title="x",
            body="",
            valid_from=today,
            valid_until=today,
        )


# --- quizzes ------------------------------------------------------------------------------------


def test_a_team_lead_builds_a_quiz_agents_take_it_and_results_add_up(tenant_a):
    lead = tenant_a.user(Role.TEAM_LEAD)
    article = create(tenant_a)
    topic = tenant_a.topic
    quiz = services.create_quiz(
        actor=lead,
        organisation=tenant_a.organisation,
        title="Bygglov",
        language="sv",
        topic=topic,
        articles=[article],
    )
    with pytest.raises(DomainError):
        services.update_quiz(actor=lead, quiz=quiz, is_active=True)  # no question yet
    question = services.save_question(
        actor=lead,
        quiz=quiz,
        text="Hur lång är handläggningstiden?",
        choices=["Tio veckor", "Ett år", ""],
        correct=0,
        article=article,
    )
    services.update_quiz(actor=lead, quiz=quiz, is_active=True)
    right, wrong = question.choices.order_by("position")
    agent, specialist = tenant_a.user(Role.GENERAL_AGENT), tenant_a.user(Role.SPECIALIST_AGENT)
    services.submit_quiz(actor=agent, quiz=quiz, answers={question.pk: right.pk})
    services.submit_quiz(actor=specialist, quiz=quiz, answers={question.pk: wrong.pk})
    with pytest.raises(DomainError):
        services.submit_quiz(actor=agent, quiz=quiz, answers={})
    with pytest.raises(Forbidden):
        services.submit_quiz(
            actor=tenant_a.user(Role.ADMINISTRATOR), quiz=quiz, answers={question.pk: right.pk}
        )
    by_agent = {result.user: result.percent for result in selectors.results_by_agent(lead)}
    assert by_agent == {agent: 100, specialist: 0}
    (by_topic,) = selectors.results_by_topic(lead)
    assert (by_topic.topic, by_topic.agents, by_topic.percent) == (str(topic), 2, 50)
    assert QuizAttempt.objects.count() == 2
    with pytest.raises(DomainError):  # answered questions are not rewritten
        services.save_question(
            actor=lead, quiz=quiz, question=question, text="?", choices=["a", "b"], correct=1
        )


def test_a_question_needs_two_answers_and_a_right_one(tenant_a):
    lead = tenant_a.user(Role.TEAM_LEAD)
    quiz = factories.QuizFactory(organisation=tenant_a.organisation, questions=0)
    for choices, correct in ((["Only one"], 0), (["a", "b"], 2), (["a", "b"], -1)):
        with pytest.raises(DomainError):
            services.save_question(
                actor=lead, quiz=quiz, text="?", choices=choices, correct=correct
            )
    assert not quiz.questions.exists()
