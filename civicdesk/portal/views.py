"""The citizens' FAQ: an organisation's public articles, listed, searched and read in the
citizen's language, without signing in."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import translation

from civicdesk.core.i18n import LANGUAGE_CHOICES, LANGUAGE_CODES
from civicdesk.knowledge import selectors
from civicdesk.org.models import Organisation

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
