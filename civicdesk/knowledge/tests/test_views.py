"""The knowledge pages through the test client."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from civicdesk.knowledge.models import Article, ArticleVersion, Notice, Quiz, QuizAttempt
from civicdesk.org.choices import Role
from civicdesk.testing import factories

pytestmark = pytest.mark.django_db


def pages(knowledge, tenant) -> list[str]:
    return [
        reverse("knowledge:home"),
        reverse("knowledge:articles"),
        reverse("knowledge:articles") + "?stale=1&audience=public&tag=x",
        reverse("knowledge:article", args=[knowledge.article.pk]),
        reverse("knowledge:article", args=[knowledge.article.pk]) + "?lang=en",
        reverse("knowledge:article_versions", args=[knowledge.article.pk]),
        reverse("knowledge:checklists"),
        reverse("knowledge:checklist", args=[knowledge.checklist.pk]),
        reverse("knowledge:cards"),
        reverse("knowledge:card", args=[knowledge.card.pk]),
        reverse("knowledge:card_versions", args=[knowledge.card.pk]),
        reverse("knowledge:point_catalogue", args=[tenant.service_point.pk]),
        reverse("knowledge:notices"),
        reverse("knowledge:notice", args=[knowledge.notice.pk]),
        reverse("knowledge:directory"),
        reverse("knowledge:directory") + "?q=tax",
        reverse("knowledge:quizzes"),
        reverse("knowledge:quiz", args=[knowledge.quiz.pk]),
        reverse("knowledge:suggestions") + f"?case_type={tenant.case_type.pk}&text=altan",
        reverse("search") + "?q=bygglov",
        reverse("search") + "?q=bygglov&kind=case",
    ]


EDITOR_PAGES = [
    "knowledge:article_create",
    "knowledge:review_queue",
    "knowledge:checklist_create",
    "knowledge:card_create",
    "knowledge:notice_create",
    "knowledge:directory_create",
    "knowledge:quiz_create",
    "knowledge:quiz_results",
]


@pytest.mark.parametrize("role", [Role.GENERAL_AGENT, Role.DEPARTMENT_EXPERT, Role.TEAM_LEAD])
def test_every_page_opens(client, tenant_a, knowledge_a, role):
    client.force_login(tenant_a.user(role))
    for url in pages(knowledge_a, tenant_a):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)


def test_editor_pages_open_for_a_team_lead_and_are_refused_to_an_agent(
    client, tenant_a, knowledge_a
):
    client.force_login(tenant_a.user(Role.TEAM_LEAD))
    for name in EDITOR_PAGES:
        assert client.get(reverse(name)).status_code == 200, name
    for name, args in [
        ("knowledge:article_edit", [knowledge_a.article.pk]),
        ("knowledge:checklist_edit", [knowledge_a.checklist.pk]),
        ("knowledge:card_edit", [knowledge_a.card.pk]),
        ("knowledge:notice_edit", [knowledge_a.notice.pk]),
        ("knowledge:directory_edit", [knowledge_a.entry.pk]),
        ("knowledge:quiz_edit", [knowledge_a.quiz.pk]),
        ("knowledge:question_create", [knowledge_a.quiz.pk]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 200, name
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    for name in ["knowledge:article_create", "knowledge:review_queue", "knowledge:quiz_results"]:
        assert client.get(reverse(name)).status_code == 403, name


def test_an_agent_does_not_see_drafts(client, tenant_a, knowledge_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    assert client.get(reverse("knowledge:article", args=[knowledge_a.draft.pk])).status_code == 404
    listing = client.get(reverse("knowledge:articles")).content.decode()
    assert "Utkast om färdtjänst" not in listing
    assert "Building permit for a porch" in listing  # the reader's language first
    assert "Sophämtning" in listing


def test_the_article_page_shows_the_readers_language_and_says_when_it_falls_back(
    client, tenant_a, knowledge_a
):
    agent = tenant_a.user(Role.GENERAL_AGENT)
    agent.ui_language = "en"
    agent.save()
    client.force_login(agent)
    english = client.get(reverse("knowledge:article", args=[knowledge_a.article.pk]))
    assert "Building permit for a porch" in english.content.decode()
    assert "There is no version in your language" not in english.content.decode()
    swedish_only = client.get(reverse("knowledge:article", args=[knowledge_a.public_article.pk]))
    page = swedish_only.content.decode()
    assert 'lang="sv">Sophämtning</h1>' in page
    assert "There is no version in your language" in page


def test_an_expert_writes_previews_and_publishes_an_article(client, tenant_a):
    expert = tenant_a.user(Role.DEPARTMENT_EXPERT)
    expert.department = tenant_a.department
    expert.save()
    client.force_login(expert)
    data = {
        "department": tenant_a.department.pk,
        "audience": "public",
        "owner": expert.pk,
        "tags": "avfall, sophämtning",
        "title_sv": "Tömning av slamavskiljare",
        "body_sv": '<p onclick="steal()">Slam töms <a href="javascript:alert(1)">en gång</a>'
        " per år.</p><script>alert(1)</script>",
        "note": "First version",
    }
    preview = client.post(reverse("knowledge:article_create"), {**data, "action": "preview"})
    assert preview.status_code == 200
    shown = preview.content.decode().split('class="preview"')[1].split("</section>")[0]
    assert "Slam töms" in shown
    assert "<script" not in shown
    assert "onclick" not in shown
    assert "javascript:" not in shown
    assert Article.objects.count() == 0

    response = client.post(reverse("knowledge:article_create"), {**data, "action": "publish"})
    article = Article.objects.get()
    assert response.status_code == 302
    assert (article.status, article.audience, article.version) == ("published", "public", 1)
    shown = client.get(article.get_absolute_url()).content.decode()
    assert "javascript:" not in shown
    assert "alert(1)" not in shown
    assert "Slam töms" in shown


def test_malformed_html_marks_the_field_and_saves_nothing(client, tenant_a):
    client.force_login(tenant_a.user(Role.TEAM_LEAD))
    response = client.post(
        reverse("knowledge:article_create"),
        {
            "department": tenant_a.department.pk,
            "audience": "internal",
            "title_en": "Broken",
            "body_en": "<p>Unclosed <strong>bold</p>",
            "action": "save",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "not well-formed HTML" in page
    assert 'id="id_body_en_error"' in page
    assert Article.objects.count() == 0


def test_editing_keeps_a_version_and_shows_the_diff(client, tenant_a, knowledge_a):
    client.force_login(tenant_a.user(Role.TEAM_LEAD))
    article = knowledge_a.article
    form = {
        "department": tenant_a.department.pk,
        "audience": "internal",
        "owner": "",
        "review_by": "",
        "tags": "",
        "title_sv": "Bygglov för altan och uterum",
        "body_sv": "<p>Du behöver <strong>bygglov</strong> för en inglasad altan.</p>"
        "<p>Även uterum.</p>",
        "title_en": "Building permit for a porch",
        "body_en": "<p>A glazed porch needs a building permit.</p>",
        "note": "Uterum added",
        "action": "save",
    }
    response = client.post(reverse("knowledge:article_edit", args=[article.pk]), form)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.version == 2
    assert ArticleVersion.objects.filter(article=article).count() == 1  # the factory wrote none
    page = client.get(
        reverse("knowledge:article_versions", args=[article.pk]) + "?from=2&to=2"
    ).content.decode()
    assert "Uterum added" in page


def test_the_review_queue_lists_stale_articles_per_owner_and_review_clears_them(client, tenant_a):
    lead = tenant_a.user(Role.TEAM_LEAD)
    stale = factories.ArticleFactory(
        organisation=tenant_a.organisation,
        department=tenant_a.department,
        owner=lead,
        review_by=datetime.date.today() - datetime.timedelta(days=3),
        translations={"en": "Old opening hours"},
    )
    client.force_login(lead)
    assert "Old opening hours" in client.get(reverse("knowledge:review_queue")).content.decode()
    assert "Due for review" in client.get(reverse("knowledge:articles")).content.decode()
    response = client.post(reverse("knowledge:article_review", args=[stale.pk]), {"next": "queue"})
    assert response.status_code == 302
    stale.refresh_from_db()
    assert not stale.is_stale
    assert stale.versions.get().note == "Reviewed: still correct"


def test_expired_notices_disappear_by_themselves(client, tenant_a):
    today = datetime.date.today()
    factories.NoticeFactory(
        organisation=tenant_a.organisation,
        title="Yesterday's workshop",
        valid_from=today - datetime.timedelta(days=10),
        valid_until=today - datetime.timedelta(days=1),
    )
    factories.NoticeFactory(organisation=tenant_a.organisation, title="Current job fair")
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    listing = client.get(reverse("knowledge:notices")).content.decode()
    assert "Current job fair" in listing
    assert "Yesterday's workshop" not in listing
    found = client.get(reverse("search") + "?q=workshop").content.decode()
    assert "Yesterday's workshop" not in found
    assert Notice.objects.count() == 2


def test_list_pages_do_not_grow_queries_with_rows(client, tenant_a, django_assert_max_num_queries):
    for n in range(15):
        factories.ArticleFactory(
            organisation=tenant_a.organisation,
            department=tenant_a.department,
            translations={"sv": f"Artikel {n}", "en": f"Article {n}"},
        )
        factories.ServiceCardFactory(
            organisation=tenant_a.organisation, producer=tenant_a.department
        )
        factories.ChecklistFactory(case_type=tenant_a.case_type)
        factories.NoticeFactory(organisation=tenant_a.organisation)
        factories.QuizFactory(organisation=tenant_a.organisation)
    client.force_login(tenant_a.user(Role.TEAM_LEAD))
    for name in [
        "knowledge:articles",
        "knowledge:cards",
        "knowledge:checklists",
        "knowledge:notices",
        "knowledge:quizzes",
        "knowledge:review_queue",
        "knowledge:home",
    ]:
        with django_assert_max_num_queries(14):
            assert client.get(reverse(name)).status_code == 200, name
    with django_assert_max_num_queries(20):
        assert client.get(reverse("search") + "?q=article").status_code == 200


def test_a_lead_builds_a_quiz_an_agent_takes_it_and_the_lead_sees_it_per_agent_and_topic(
    client, tenant_a, knowledge_a
):
    lead, agent = tenant_a.user(Role.TEAM_LEAD), tenant_a.user(Role.GENERAL_AGENT)
    client.force_login(lead)
    created = client.post(
        reverse("knowledge:quiz_create"),
        {
            "title": "Bygglov i praktiken",
            "language": "sv",
            "topic": tenant_a.topic.pk,
            "articles": [knowledge_a.article.pk],
        },
    )
    quiz = Quiz.objects.get(title="Bygglov i praktiken")
    assert created.status_code == 302
    for text, answers in [
        ("Behövs bygglov för en inglasad altan?", ("Ja", "Nej")),
        ("Vem beviljar bygglov?", ("Kommunen", "Skatteverket")),
    ]:
        response = client.post(
            reverse("knowledge:question_create", args=[quiz.pk]),
            {
                "text": text,
                "choice_1": answers[0],
                "choice_2": answers[1],
                "correct": "1",
                "article": knowledge_a.article.pk,
            },
        )
        assert response.status_code == 302
    opened = client.post(
        reverse("knowledge:quiz_edit", args=[quiz.pk]),
        {"title": quiz.title, "topic": tenant_a.topic.pk, "is_active": "on"},
    )
    assert opened.status_code == 302

    client.force_login(agent)
    first, second = quiz.questions.order_by("position")
    taken = client.post(
        reverse("knowledge:quiz", args=[quiz.pk]),
        {
            f"question_{first.pk}": first.choices.get(is_correct=True).pk,
            f"question_{second.pk}": second.choices.get(is_correct=False).pk,
        },
    )
    attempt = QuizAttempt.objects.get(quiz=quiz, user=agent)
    assert taken.status_code == 302
    assert (attempt.score, attempt.total) == (1, 2)
    assert client.get(reverse("knowledge:quiz_results")).status_code == 403

    client.force_login(lead)
    results = client.get(reverse("knowledge:quiz_results")).content.decode()
    per_agent, per_topic = results.split("Per topic</h2>")
    assert str(agent) in per_agent
    assert str(tenant_a.topic) in per_topic
    assert "50 % (1/2)" in per_topic


def test_an_unanswered_question_is_refused_and_records_no_attempt(client, tenant_a, knowledge_a):
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    attempts = QuizAttempt.objects.count()
    question = knowledge_a.quiz.questions.get()
    response = client.post(
        reverse("knowledge:quiz", args=[knowledge_a.quiz.pk]), {f"question_{question.pk}": ""}
    )
    assert response.status_code == 400
    assert "Answer question 1." in response.content.decode()
    assert QuizAttempt.objects.count() == attempts


def test_search_results_mark_the_inflected_word_and_show_text_as_text(client, tenant_a):
    factories.ArticleFactory(
        organisation=tenant_a.organisation,
        department=tenant_a.department,
        translations={
            "pl": (
                "Zasiłek dla bezrobotnych",
                "<p>Szukasz pracy? Zapisz się &lt;script&gt;alert(1)&lt;/script&gt;"
                " w urzędzie.</p>",
            )
        },
    )
    client.force_login(tenant_a.user(Role.GENERAL_AGENT))
    page = client.get(reverse("search"), {"q": "praca"}).content.decode()
    assert "Zasiłek dla bezrobotnych" in page
    assert "<mark>pracy</mark>" in page
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)" in page


def test_a_notice_is_previewed_sanitised_and_saved_only_when_asked(client, tenant_a):
    client.force_login(tenant_a.user(Role.TEAM_LEAD))
    today = datetime.date.today()
    data = {
        "category": "job_fair",
        "language": "sv",
        "title": "Rekryteringsmässa i mars",
        "body": '<p onmouseover="steal()">Anmäl dig <a href="javascript:alert(1)">här</a>.</p>'
        "<script>alert(1)</script>",
        "valid_from": today.isoformat(),
        "valid_until": (today + datetime.timedelta(days=30)).isoformat(),
    }
    preview = client.post(reverse("knowledge:notice_create"), {**data, "action": "preview"})
    assert preview.status_code == 200
    shown = preview.content.decode().split('class="preview"')[1].split("</section>")[0]
    assert "Anmäl dig" in shown
    assert "<script" not in shown and "onmouseover" not in shown and "javascript:" not in shown
    assert Notice.objects.count() == 0

    broken = client.post(
        reverse("knowledge:notice_create"),
        {**data, "body": "<p>Anmäl dig <b>här</p>", "action": "preview"},
    )
    assert broken.status_code == 400
    assert 'id="id_body_error"' in broken.content.decode()
    assert Notice.objects.count() == 0

    saved = client.post(reverse("knowledge:notice_create"), {**data, "action": "save"})
    assert saved.status_code == 302
    assert "javascript:" not in Notice.objects.get().body
