"""The citizens' pages, without signing in, in the citizen's language: an organisation's public
articles (listed, searched, read), the contact form and the status look-up (docs/portal.md)."""

from __future__ import annotations

import zoneinfo

from django.core import signing
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from civicdesk.core.errors import DomainError
from civicdesk.core.i18n import LANGUAGE_CHOICES, LANGUAGE_CODES
from civicdesk.core.views import apply_domain_error
from civicdesk.knowledge import selectors
from civicdesk.org.models import Organisation
from civicdesk.portal import conf, defences, forms, services
from civicdesk.portal import selectors as portal_selectors
from civicdesk.portal.defences import Scope, Screening
from civicdesk.portal.models import HeldReason, PortalForm
from civicdesk.portal.services import CodeCheck

MAX_QUERY = 200


def _language(request, organisation: Organisation | None = None) -> str:
    """?lang= first, then the language the browser or the language switcher chose, then
    the organisation's."""
    wanted = request.GET.get("lang", "")
    if wanted in LANGUAGE_CODES:
        return wanted
    current = translation.get_language() or ""
    if current in LANGUAGE_CODES and (
        request.COOKIES.get("civicdesk_language") or request.headers.get("Accept-Language")
    ):
        return current
    return organisation.default_language if organisation else "en"


def _render(request, template: str, language: str, context: dict, status: int = 200):
    with translation.override(language):
        response = render(
            request,
            template,
            {**context, "language": language, "languages": LANGUAGE_CHOICES},
            status=status,
        )
    response["Content-Language"] = language
    return response


def index(request):
    organisations = Organisation.objects.filter(is_active=True).order_by("name")
    return _render(
        request, "portal/index.html", _language(request), {"organisations": organisations}
    )


def faq(request, organisation: str):
    organisation = selectors.public_organisation(organisation)
    language = _language(request, organisation)
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    context = {"organisation": organisation, "query": query}
    if query:
        context["results"] = selectors.search_public(organisation, query, language=language)
    else:
        articles = sorted(
            selectors.public_articles(organisation),
            key=lambda article: article.translation_in(language).title.casefold(),
        )
        context["articles"] = [(article, article.translation_in(language)) for article in articles]
    return _render(request, "portal/faq.html", language, context)


def article(request, organisation: str, article_id: int):
    organisation = selectors.public_organisation(organisation)
    language = _language(request, organisation)
    found = selectors.get_public_article(organisation, article_id)
    shown = found.translation_in(language)
    return _render(
        request,
        "portal/article.html",
        language,
        {"organisation": organisation, "article": found, "shown": shown},
    )


# --- the contact form --------------------------------------------------------------------------

SENT_SALT = "civicdesk.portal.sent"
SHOWN_KEY = "portal_status"
SCOPE_BY_FORM = {PortalForm.CONTACT: Scope.CONTACT_ADDRESS, PortalForm.STATUS: Scope.STATUS_ADDRESS}


def _not_accepted():
    return _("We could not accept this. Please check it and send it again.")


def _form_context(organisation: Organisation, form_name: str, **context) -> dict:
    return {
        "organisation": organisation,
        "form_token": defences.form_token(organisation, form_name),
        "token_field": defences.TOKEN_FIELD,
        "honeypot_field": defences.HONEYPOT_FIELD,
        **context,
    }


def _screened(request, organisation, form_name: str, form, *, address: str) -> bool:
    """Runs the spam defences and the form's validation; True when the form may be acted on.
    What is held back is counted, and the form comes back with the text kept."""
    screening = defences.screen(request.POST, organisation, form_name)
    valid = form.is_valid()
    if screening.held:
        with transaction.atomic():
            defences.hold_back(
                organisation=organisation, form=form_name, reason=screening.value, address=address
            )
            defences.count_requests((SCOPE_BY_FORM[form_name], address))
        form.add_error(None, _not_accepted())
        return False
    if screening is Screening.EXPIRED:
        form.add_error(None, _("This page was open for a long time. Please send it again."))
        return False
    return valid


def _too_many(request, organisation, language: str, form_name: str, address: str):
    defences.hold_back(
        organisation=organisation,
        form=form_name,
        reason=HeldReason.RATE_LIMITED,
        address=address,
    )
    response = _render(
        request,
        "portal/too_many.html",
        language,
        {
            "organisation": organisation,
            "form_name": form_name,
            "minutes": int(conf.rate_window().total_seconds() // 60),
        },
        status=429,
    )
    response["Retry-After"] = str(defences.seconds_until_next_window())
    return response


@require_http_methods(["GET", "POST"])
def contact(request, organisation: str):
    """The contact form: a topic, a message, a way to answer and perhaps a file."""
    organisation = selectors.public_organisation(organisation)
    language = _language(request, organisation)
    topics = portal_selectors.contact_topics(organisation)
    posted = request.method == "POST"
    with translation.override(language):
        form = forms.ContactForm(
            request.POST if posted else None,
            request.FILES if posted else None,
            topics=topics,
            organisation=organisation,
            language=language,
        )
        if posted:
            answer = _receive_message(request, organisation, language, form)
            if answer is not None:
                return answer
    return _render(
        request,
        "portal/contact.html",
        language,
        _form_context(organisation, PortalForm.CONTACT, form=form, topics=topics),
        status=400 if form.errors else 200,
    )


def _receive_message(request, organisation, language: str, form):
    address = defences.client_address(request)
    if defences.exceeded(Scope.CONTACT_ADDRESS, address, conf.submissions_per_address()):
        return _too_many(request, organisation, language, PortalForm.CONTACT, address)
    if not _screened(request, organisation, PortalForm.CONTACT, form, address=address):
        return None
    data = form.cleaned_data
    senders = [value for value in (data["email"], data["phone"]) if value]
    if any(
        defences.exceeded(Scope.CONTACT_SENDER, sender, conf.submissions_per_sender())
        for sender in senders
    ):
        return _too_many(request, organisation, language, PortalForm.CONTACT, address)
    try:
        with transaction.atomic():  # the counts commit with the case: one write to disk
            case = services.submit_web_form(
                organisation=organisation,
                case_type=data["topic"].case_type,
                subject=data["subject"],
                message=data["message"],
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                language=language,
                attachment=data["attachment"],
            )
            defences.count_requests(
                (Scope.CONTACT_ADDRESS, address),
                *((Scope.CONTACT_SENDER, sender) for sender in senders),
            )
    except DomainError as error:
        apply_domain_error(form, error)
        return None
    # The thank-you page learns the reference from a signed note in its address, not from the
    # session: nothing more is written for it.
    sent = signing.dumps([organisation.pk, case.reference, bool(data["email"])], salt=SENT_SALT)
    path = reverse("portal:contact_sent", args=[organisation.slug])
    return redirect(f"{path}?lang={language}&sent={sent}")


@never_cache
def contact_sent(request, organisation: str):
    """The thank-you page with the reference (after the redirect, so a reload sends nothing)."""
    organisation = selectors.public_organisation(organisation)
    language = _language(request, organisation)
    try:
        organisation_id, reference, emailed = signing.loads(
            request.GET.get("sent", ""),
            salt=SENT_SALT,
            max_age=conf.form_max_age().total_seconds(),
        )
    except (signing.BadSignature, TypeError, ValueError):
        organisation_id = None
    if organisation_id != organisation.pk:
        return redirect(f"{reverse('portal:contact', args=[organisation.slug])}?lang={language}")
    return _render(
        request,
        "portal/contact_sent.html",
        language,
        {"organisation": organisation, "reference": reference, "emailed": emailed},
    )


# --- the status look-up ------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def status(request, organisation: str):
    """Step 1 of the look-up: the reference and the contact detail given with the message."""
    organisation = selectors.public_organisation(organisation)
    language = _language(request, organisation)
    posted = request.method == "POST"
    with translation.override(language):
        form = forms.StatusForm(request.POST if posted else None, organisation=organisation)
        if posted:
            answer = _send_code(request, organisation, language, form)
            if answer is not None:
                return answer
    return _render(
        request,
        "portal/status.html",
        language,
        _form_context(organisation, PortalForm.STATUS, form=form),
        status=400 if form.errors else 200,
    )


def _send_code(request, organisation, language: str, form):
    address = defences.client_address(request)
    if defences.exceeded(Scope.STATUS_ADDRESS, address, conf.lookups_per_address()):
        return _too_many(request, organisation, language, PortalForm.STATUS, address)
    if not _screened(request, organisation, PortalForm.STATUS, form, address=address):
        return None
    reference = form.cleaned_data["reference"]
    per_reference = f"{organisation.pk}:{reference}"
    if defences.exceeded(Scope.STATUS_REFERENCE, per_reference, conf.codes_per_reference()):
        return _too_many(request, organisation, language, PortalForm.STATUS, address)
    try:
        with transaction.atomic():
            status_code = services.request_status_code(
                organisation=organisation,
                reference=reference,
                contact=form.cleaned_data["contact"],
                language=language,
            )
            defences.count_requests(
                (Scope.STATUS_ADDRESS, address), (Scope.STATUS_REFERENCE, per_reference)
            )
    except DomainError as error:
        apply_domain_error(form, error)
        return None
    return redirect(_code_url(organisation, status_code, language))


def _code_url(organisation, status_code, language: str) -> str:
    path = reverse("portal:status_code", args=[organisation.slug, status_code.token])
    return f"{path}?lang={language}"


def _shown_here(request, status_code) -> bool:
    """Whether this browser gave the right code for this request, within the code's lifetime."""
    return (
        status_code.verified_at is not None
        and status_code.token in request.session.get(SHOWN_KEY, [])
        and timezone.now() < status_code.verified_at + conf.code_lifetime()
    )


@never_cache
@require_http_methods(["GET", "POST"])
def status_code(request, organisation: str, token: str):
    """Step 2: the one-time code; after the right one, the case's public status."""
    organisation = selectors.public_organisation(organisation)
    language = _language(request, organisation)
    found = portal_selectors.get_status_code(organisation, token)
    if _shown_here(request, found):
        with timezone.override(zoneinfo.ZoneInfo(organisation.timezone)):
            return _render(
                request,
                "portal/status_shown.html",
                language,
                {"organisation": organisation, "shown": portal_selectors.public_status(found.case)},
            )
    posted = request.method == "POST"
    with translation.override(language):
        form = forms.CodeForm(request.POST if posted else None)
        if posted and form.is_valid():
            result = services.check_status_code(status_code=found, code=form.cleaned_data["code"])
            if result is CodeCheck.RIGHT:
                request.session[SHOWN_KEY] = [*request.session.get(SHOWN_KEY, [])[-4:], token]
                return redirect(_code_url(organisation, found, language))
            if result is CodeCheck.WRONG and services.attempts_left(found):
                left = services.attempts_left(found)
                form.add_error(
                    "code",
                    ngettext(
                        "That code is not right. You can try %(count)s more time.",
                        "That code is not right. You can try %(count)s more times.",
                        left,
                    )
                    % {"count": left},
                )
    spent = services.is_spent(found)
    return _render(
        request,
        "portal/status_code.html",
        language,
        {
            "organisation": organisation,
            "form": form,
            "spent": spent,
            "minutes": int(conf.code_lifetime().total_seconds() // 60),
        },
        status=400 if form.errors or (posted and spent) else 200,
    )
