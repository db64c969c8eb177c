"""The knowledge pages: search, articles with versions, the review queue, checklists, the
service catalogue, notices, the directory and quizzes. Each view fetches through a selector
(another organisation's object is a 404), calls one service, renders."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from civicdesk.catalog import selectors as catalog_selectors
from civicdesk.core import authz
from civicdesk.core.errors import DomainError
from civicdesk.core.i18n import LANGUAGE_CODES
from civicdesk.core.views import apply_domain_error
from civicdesk.knowledge import forms, richtext, search, selectors, services
from civicdesk.knowledge.choices import Delivery, PublicationStatus
from civicdesk.org import selectors as org_selectors


def _language(request) -> str:
    return request.user.ui_language or get_language() or "en"


def _form_field(field: str | None) -> str | None:
    """A service's field name as the form's: translations.sv.body -> body_sv."""
    if field and field.startswith("translations."):
        parts = field.split(".")
        return f"{parts[2]}_{parts[1]}" if len(parts) == 3 else None
    return field


def _apply(form, error: DomainError) -> None:
    error.field = _form_field(error.field)
    apply_domain_error(form, error)


def _require_view(request) -> None:
    authz.require(request.user, "knowledge.view_knowledge")


# --- search and suggestions ---------------------------------------------------------------------


@login_required
def home(request):
    """What is current: notices, articles due for review, and the search box (which
    searches cases too, see cases.unified_search)."""
    _require_view(request)
    actor = request.user
    return render(
        request,
        "knowledge/home.html",
        {
            "notices": selectors.notices_for_actor(actor).current()[:8],
            "stale_count": selectors.articles_for_actor(actor).stale().count()
            if selectors.writes_knowledge(actor)
            else None,
        },
    )


@login_required
def suggestions(request):
    """htmx: the top articles, checklists and cards for the text an agent is writing or
    reading, and the case type chosen (by id, code or name in any language)."""
    _require_view(request)
    actor = request.user
    text = " ".join(
        value
        for name in ("subject", "text", "notes", "note-text")
        for value in request.GET.getlist(name)
    ).strip()
    chosen = [value for value in request.GET.getlist("case_type") if value.strip()]
    case_type = _case_type_from(actor, chosen[-1] if chosen else "")
    found = selectors.suggestions(
        actor, text=text[:2000], case_type_id=case_type.pk if case_type else None
    )
    return render(
        request,
        "knowledge/_suggestion_list.html",
        {"found": found, "case_type": case_type, "text": text},
    )


def _case_type_from(actor, value: str):
    value = value.strip()
    if not value:
        return None
    case_types = catalog_selectors.case_types_for_actor(actor)
    if value.isdigit():
        return case_types.filter(pk=int(value)).first()
    from django.db.models import Q

    match = Q(code__iexact=value)
    for code in LANGUAGE_CODES:
        match |= Q(**{f"name_{code}__iexact": value})
    found = list(case_types.filter(match)[:2])
    return found[0] if len(found) == 1 else None


# --- articles -----------------------------------------------------------------------------------


@login_required
def article_list(request):
    _require_view(request)
    actor = request.user
    filters = {
        "department_id": int(request.GET["department"])
        if request.GET.get("department", "").isdigit()
        else None,
        "audience": request.GET.get("audience", ""),
        "status": request.GET.get("status", ""),
        "tag": request.GET.get("tag", "").strip(),
        "stale": request.GET.get("stale") == "1",
    }
    articles = list(selectors.article_list(actor, **filters)[:200])
    return render(
        request,
        "knowledge/article_list.html",
        {
            "articles": articles,
            "filters": filters,
            "departments": org_selectors.departments_for_actor(actor),
            "statuses": PublicationStatus.choices,
            "language": _language(request),
            "can_write": authz.can(actor, "knowledge.edit_article", actor.organisation),
        },
    )


@login_required
def article_detail(request, article_id: int):
    actor = request.user
    article = selectors.get_article(actor, article_id)
    wanted = request.GET.get("lang", "")
    reader = _language(request)
    shown = article.translation_in(wanted if wanted in LANGUAGE_CODES else None, reader)
    return render(
        request,
        "knowledge/article_detail.html",
        {
            "article": article,
            "shown": shown,
            "reader_language": reader,
            "can_edit": authz.can(actor, "knowledge.edit_article", article),
            "review_form": forms.ReviewForm(),
            "statuses": PublicationStatus,
        },
    )


def _article_form_page(request, *, article=None):
    actor = request.user
    form = forms.ArticleForm(request.POST or None, actor=actor, article=article)
    previews: dict[str, str] = {}
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action", "save")
        data = form.cleaned_data
        try:
            if action == "preview":
                previews = {
                    code: richtext.clean_html(values["body"], field=f"translations.{code}.body")
                    for code, values in form.texts().items()
                }
            elif article is None:
                article = services.create_article(
                    actor=actor,
                    department=data["department"],
                    translations=form.texts(),
                    audience=data["audience"],
                    tags=data["tags"],
                    case_types=data["case_types"],
                    owner=data["owner"],
                    review_by=data["review_by"],
                    publish=action == "publish",
                    note=data["note"],
                )
                messages.success(request, _("The article was saved."))
                return redirect(article.get_absolute_url())
            else:
                current = {code: None for code in article.languages()}
                services.update_article(
                    actor=actor,
                    article=article,
                    translations={**current, **form.texts()},
                    audience=data["audience"],
                    department=data["department"],
                    owner=data["owner"],
                    tags=data["tags"],
                    case_types=data["case_types"],
                    review_by=data["review_by"],
                    note=data["note"],
                )
                messages.success(request, _("The article was saved as a new version."))
                return redirect(article.get_absolute_url())
        except DomainError as error:
            _apply(form, error)
    return render(
        request,
        "knowledge/article_form.html",
        {"form": form, "article": article, "previews": previews},
        status=400 if form.errors else 200,
    )


@login_required
def article_create(request):
    authz.require(request.user, "knowledge.edit_article", request.user.organisation)
    return _article_form_page(request)


@login_required
def article_edit(request, article_id: int):
    article = selectors.get_article(request.user, article_id)
    authz.require(request.user, "knowledge.edit_article", article)
    return _article_form_page(request, article=article)


@login_required
@require_POST
def article_status(request, article_id: int):
    article = selectors.get_article(request.user, article_id)
    services.set_article_status(
        actor=request.user, article=article, status=request.POST.get("status", "")
    )
    messages.success(request, _("Saved."))
    return redirect(article.get_absolute_url())


@login_required
@require_POST
def article_review(request, article_id: int):
    article = selectors.get_article(request.user, article_id)
    form = forms.ReviewForm(request.POST)
    if not form.is_valid():
        raise DomainError(_("Enter a valid date."), field="review_by")
    services.mark_article_reviewed(
        actor=request.user,
        article=article,
        review_by=form.cleaned_data["review_by"],
        note=form.cleaned_data["note"],
    )
    messages.success(request, _("Marked as reviewed."))
    if request.POST.get("next") == "queue":
        return redirect("knowledge:review_queue")
    return redirect(article)


@login_required
def article_versions(request, article_id: int):
    article = selectors.get_article(request.user, article_id)
    versions = list(selectors.versions_of(article))
    diff = None
    if versions:
        newest = versions[0].number
        older = request.GET.get("from") or max(newest - 1, 1)
        newer = request.GET.get("to") or newest
        diff = selectors.article_diff(article, older, newer)
    return render(
        request,
        "knowledge/versions.html",
        {"subject": article, "versions": versions, "diff": diff, "kind": "article"},
    )


@login_required
def review_queue(request):
    """Published articles due for review, per owner; one's own first."""
    actor = request.user
    authz.require(actor, "knowledge.edit_article", actor.organisation)
    mine = request.GET.get("owner") == "me"
    queues = selectors.review_queue(actor, owner_id=actor.pk if mine else None)
    queues.sort(key=lambda queue: (queue.owner != actor, str(queue.owner or "")))
    return render(
        request,
        "knowledge/review_queue.html",
        {"queues": queues, "mine": mine, "language": _language(request)},
    )


# --- checklists ---------------------------------------------------------------------------------


@login_required
def checklist_list(request):
    _require_view(request)
    actor = request.user
    return render(
        request,
        "knowledge/checklist_list.html",
        {
            "checklists": selectors.checklists_for_actor(actor).order_by("case_type__code", "pk"),
            "can_write": authz.can(actor, "knowledge.manage_checklist", actor.organisation),
        },
    )


@login_required
def checklist_detail(request, checklist_id: int):
    checklist = selectors.get_checklist(request.user, checklist_id)
    return render(
        request,
        "knowledge/checklist_detail.html",
        {
            "checklist": checklist,
            "can_edit": authz.can(request.user, "knowledge.manage_checklist", checklist),
        },
    )


def _checklist_form_page(request, *, checklist=None):
    actor = request.user
    form = forms.ChecklistForm(request.POST or None, actor=actor, checklist=checklist)
    steps = forms.StepFormSet(
        request.POST or None,
        prefix="steps",
        initial=forms.steps_initial(checklist) if checklist is not None else None,
    )
    if request.method == "POST" and form.is_valid() and steps.is_valid():
        wanted = [step for step_form in steps if (step := step_form.step())]
        try:
            if checklist is None:
                checklist = services.create_checklist(
                    actor=actor,
                    case_type=form.cleaned_data["case_type"],
                    names=form.names(),
                    steps=wanted,
                )
            else:
                services.update_checklist(
                    actor=actor,
                    checklist=checklist,
                    names=form.names(),
                    steps=wanted,
                    is_active=form.cleaned_data["is_active"],
                )
            messages.success(request, _("The checklist was saved."))
            return redirect(checklist.get_absolute_url())
        except DomainError as error:
            if error.field and error.field.startswith("names."):
                error.field = "name_" + error.field.split(".")[1]
            apply_domain_error(form, error)
    return render(
        request,
        "knowledge/checklist_form.html",
        {"form": form, "steps": steps, "checklist": checklist},
        status=400 if form.errors or steps.errors else 200,
    )


@login_required
def checklist_create(request):
    authz.require(request.user, "knowledge.manage_checklist", request.user.organisation)
    return _checklist_form_page(request)


@login_required
def checklist_edit(request, checklist_id: int):
    checklist = selectors.get_checklist(request.user, checklist_id)
    authz.require(request.user, "knowledge.manage_checklist", checklist)
    return _checklist_form_page(request, checklist=checklist)


# --- service cards ------------------------------------------------------------------------------


@login_required
def card_list(request):
    _require_view(request)
    actor = request.user
    producer = request.GET.get("producer", "")
    delivery = request.GET.get("delivery", "")
    cards = selectors.card_list(
        actor,
        producer_id=int(producer) if producer.isdigit() else None,
        delivery=delivery if delivery in Delivery.values else "",
    )
    return render(
        request,
        "knowledge/card_list.html",
        {
            "cards": cards,
            "producers": org_selectors.departments_for_actor(actor),
            "deliveries": Delivery.choices,
            "producer": producer,
            "delivery": delivery,
            "points": org_selectors.service_points_for_actor(actor).filter(is_active=True),
            "language": _language(request),
            "can_write": authz.can(actor, "knowledge.manage_service_card", actor.organisation),
        },
    )


@login_required
def service_point_catalogue(request, service_point_id: int):
    actor = request.user
    point = org_selectors.get_service_point(actor, service_point_id)
    return render(
        request,
        "knowledge/point_catalogue.html",
        {
            "point": point,
            "cards": selectors.catalogue_of(actor, point),
            "language": _language(request),
        },
    )


@login_required
def card_detail(request, card_id: int):
    card = selectors.get_card(request.user, card_id)
    wanted = request.GET.get("lang", "")
    return render(
        request,
        "knowledge/card_detail.html",
        {
            "card": card,
            "shown": card.translation_in(
                wanted if wanted in LANGUAGE_CODES else None, _language(request)
            ),
            "reader_language": _language(request),
            "can_edit": authz.can(request.user, "knowledge.manage_service_card", card),
            "statuses": PublicationStatus,
        },
    )


def _card_form_page(request, *, card=None):
    actor = request.user
    form = forms.ServiceCardForm(request.POST or None, actor=actor, card=card)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action = request.POST.get("action", "save")
        try:
            if card is None:
                card = services.create_service_card(
                    actor=actor,
                    producer=data["producer"],
                    code=data["code"],
                    translations=form.texts(),
                    case_types=data["case_types"],
                    service_points=data["service_points"],
                    maintainer=data["maintainer"],
                    publish=action == "publish",
                    note=data["note"],
                    **form.settings(),
                )
            else:
                current = {code: None for code in card.languages()}
                services.update_service_card(
                    actor=actor,
                    card=card,
                    translations={**current, **form.texts()},
                    case_types=data["case_types"],
                    service_points=data["service_points"],
                    maintainer=data["maintainer"],
                    note=data["note"],
                    **form.settings(),
                )
            messages.success(request, _("The service card was saved."))
            return redirect(card.get_absolute_url())
        except DomainError as error:
            _apply(form, error)
    return render(
        request,
        "knowledge/card_form.html",
        {"form": form, "card": card},
        status=400 if form.errors else 200,
    )


@login_required
def card_create(request):
    authz.require(request.user, "knowledge.manage_service_card", request.user.organisation)
    return _card_form_page(request)


@login_required
def card_edit(request, card_id: int):
    card = selectors.get_card(request.user, card_id)
    authz.require(request.user, "knowledge.manage_service_card", card)
    return _card_form_page(request, card=card)


@login_required
@require_POST
def card_status(request, card_id: int):
    card = selectors.get_card(request.user, card_id)
    services.update_service_card(
        actor=request.user, card=card, status=request.POST.get("status", "")
    )
    messages.success(request, _("Saved."))
    return redirect(card.get_absolute_url())


@login_required
def card_versions(request, card_id: int):
    card = selectors.get_card(request.user, card_id)
    versions = list(selectors.card_versions_of(card))
    diff = None
    if versions:
        newest = versions[0].number
        diff = selectors.card_diff(
            card, request.GET.get("from") or max(newest - 1, 1), request.GET.get("to") or newest
        )
    return render(
        request,
        "knowledge/versions.html",
        {"subject": card, "versions": versions, "diff": diff, "kind": "card"},
    )


# --- notices ------------------------------------------------------------------------------------


@login_required
def notice_list(request):
    _require_view(request)
    actor = request.user
    managing = request.GET.get("all") == "1" and selectors.writes_knowledge(actor)
    return render(
        request,
        "knowledge/notice_list.html",
        {
            "notices": selectors.notices_for_actor(actor, include_past=managing),
            "managing": managing,
            "can_write": authz.can(actor, "knowledge.manage_notice", actor.organisation),
        },
    )


@login_required
def notice_detail(request, notice_id: int):
    notice = selectors.get_notice(request.user, notice_id)
    return render(
        request,
        "knowledge/notice_detail.html",
        {
            "notice": notice,
            "can_edit": authz.can(request.user, "knowledge.manage_notice", notice),
        },
    )


def _notice_form_page(request, *, notice=None):
    actor = request.user
    form = forms.NoticeForm(request.POST or None, actor=actor, notice=notice)
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if request.POST.get("action") == "preview":
                preview = richtext.clean_html(data["body"], field="body")
            elif notice is None:
                notice = services.create_notice(
                    actor=actor, organisation=actor.organisation, **data
                )
            else:
                services.update_notice(actor=actor, notice=notice, **data)
            if preview is None:
                messages.success(request, _("The notice was saved."))
                return redirect(notice.get_absolute_url())
        except DomainError as error:
            apply_domain_error(form, error)
    return render(
        request,
        "knowledge/notice_form.html",
        {"form": form, "notice": notice, "preview": preview},
        status=400 if form.errors else 200,
    )


@login_required
def notice_create(request):
    authz.require(request.user, "knowledge.manage_notice", request.user.organisation)
    return _notice_form_page(request)


@login_required
def notice_edit(request, notice_id: int):
    notice = selectors.get_notice(request.user, notice_id)
    authz.require(request.user, "knowledge.manage_notice", notice)
    return _notice_form_page(request, notice=notice)


@login_required
@require_POST
def notice_withdraw(request, notice_id: int):
    notice = selectors.get_notice(request.user, notice_id)
    services.withdraw_notice(actor=request.user, notice=notice)
    messages.success(request, _("The notice was withdrawn."))
    return redirect("knowledge:notices")


# --- the directory ------------------------------------------------------------------------------


@login_required
def directory(request):
    _require_view(request)
    actor = request.user
    query = request.GET.get("q", "").strip()
    entries = selectors.directory_for_actor(actor)
    if query:
        found = selectors.search_knowledge(actor, query, kinds=[search.DIRECTORY], limit=100)
        entries = [result.obj for result in found]
    return render(
        request,
        "knowledge/directory.html",
        {
            "entries": entries,
            "query": query,
            "can_write": authz.can(actor, "knowledge.manage_directory", actor.organisation),
        },
    )


def _entry_form_page(request, *, entry=None):
    actor = request.user
    form = forms.DirectoryEntryForm(request.POST or None, actor=actor, entry=entry)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_directory_entry(
                actor=actor,
                organisation=actor.organisation if entry is None else entry.organisation,
                entry=entry,
                **form.cleaned_data,
            )
            messages.success(request, _("The directory entry was saved."))
            return redirect("knowledge:directory")
        except DomainError as error:
            apply_domain_error(form, error)
    return render(
        request,
        "knowledge/directory_form.html",
        {"form": form, "entry": entry},
        status=400 if form.errors else 200,
    )


@login_required
def directory_create(request):
    authz.require(request.user, "knowledge.manage_directory", request.user.organisation)
    return _entry_form_page(request)


@login_required
def directory_edit(request, entry_id: int):
    entry = selectors.get_directory_entry(request.user, entry_id)
    authz.require(request.user, "knowledge.manage_directory", entry)
    return _entry_form_page(request, entry=entry)


# --- quizzes ------------------------------------------------------------------------------------


@login_required
def quiz_list(request):
    _require_view(request)
    actor = request.user
    return render(
        request,
        "knowledge/quiz_list.html",
        {
            "quizzes": selectors.quizzes_for_actor(actor),
            "attempts": selectors.my_attempts(actor)[:20],
            "can_manage": authz.can(actor, "knowledge.manage_quiz", actor.organisation),
            "can_take": authz.can(actor, "knowledge.take_quiz", actor.organisation),
        },
    )


@login_required
def quiz_create(request):
    actor = request.user
    authz.require(actor, "knowledge.manage_quiz", actor.organisation)
    form = forms.QuizForm(request.POST or None, actor=actor)
    if request.method == "POST" and form.is_valid():
        try:
            quiz = services.create_quiz(
                actor=actor, organisation=actor.organisation, **form.cleaned_data
            )
            return redirect("knowledge:quiz", quiz_id=quiz.pk)
        except DomainError as error:
            apply_domain_error(form, error)
    return render(
        request, "knowledge/quiz_form.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
def quiz_detail(request, quiz_id: int):
    """Agents take the quiz here; the team lead sees its questions and results."""
    actor = request.user
    quiz = selectors.get_quiz(actor, quiz_id)
    can_manage = authz.can(actor, "knowledge.manage_quiz", quiz)
    form = forms.TakeQuizForm(request.POST or None, quiz=quiz)
    if request.method == "POST" and form.is_valid():
        try:
            attempt = services.submit_quiz(actor=actor, quiz=quiz, answers=form.answers())
            return redirect("knowledge:attempt", attempt_id=attempt.pk)
        except DomainError as error:
            apply_domain_error(form, error)
    return render(
        request,
        "knowledge/quiz_detail.html",
        {
            "quiz": quiz,
            "form": form,
            "can_manage": can_manage,
            "can_take": quiz.is_active and authz.can(actor, "knowledge.take_quiz", quiz),
            "results": selectors.results_by_agent(actor, quiz_id=quiz.pk) if can_manage else [],
        },
        status=400 if form.errors else 200,
    )


@login_required
def quiz_edit(request, quiz_id: int):
    actor = request.user
    quiz = selectors.get_quiz(actor, quiz_id)
    authz.require(actor, "knowledge.manage_quiz", quiz)
    form = forms.QuizForm(request.POST or None, actor=actor, quiz=quiz)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.update_quiz(
                actor=actor,
                quiz=quiz,
                title=data["title"],
                description=data["description"],
                topic=data["topic"],
                articles=data["articles"],
                is_active=data["is_active"],
            )
            return redirect("knowledge:quiz", quiz_id=quiz.pk)
        except DomainError as error:
            apply_domain_error(form, error)
    return render(
        request,
        "knowledge/quiz_form.html",
        {"form": form, "quiz": quiz},
        status=400 if form.errors else 200,
    )


@login_required
def question_edit(request, quiz_id: int, question_id: int | None = None):
    actor = request.user
    quiz = selectors.get_quiz(actor, quiz_id)
    question = selectors.get_question(quiz, question_id) if question_id is not None else None
    authz.require(actor, "knowledge.manage_quiz", quiz)
    initial = None
    if question is not None:
        choices = list(question.choices.all())
        initial = {
            "text": question.text,
            "explanation": question.explanation,
            "article": question.article_id,
            "correct": next(
                (str(n) for n, choice in enumerate(choices, start=1) if choice.is_correct), None
            ),
            **{f"choice_{n}": choice.text for n, choice in enumerate(choices[:4], start=1)},
        }
    form = forms.QuestionForm(request.POST or None, quiz=quiz, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_question(
                actor=actor,
                quiz=quiz,
                question=question,
                text=form.cleaned_data["text"],
                choices=form.choices(),
                correct=form.correct_index(),
                explanation=form.cleaned_data["explanation"],
                article=form.cleaned_data["article"],
            )
            messages.success(request, _("The question was saved."))
            return redirect("knowledge:quiz", quiz_id=quiz.pk)
        except DomainError as error:
            apply_domain_error(form, error)
    return render(
        request,
        "knowledge/question_form.html",
        {"form": form, "quiz": quiz, "question": question},
        status=400 if form.errors else 200,
    )


@login_required
def attempt_detail(request, attempt_id: int):
    attempt = selectors.get_attempt(request.user, attempt_id)
    return render(request, "knowledge/attempt_detail.html", {"attempt": attempt})


@login_required
def quiz_results(request):
    actor = request.user
    authz.require(actor, "knowledge.view_quiz_results", actor.organisation)
    return render(
        request,
        "knowledge/quiz_results.html",
        {
            "by_agent": selectors.results_by_agent(actor),
            "by_topic": selectors.results_by_topic(actor),
        },
    )
