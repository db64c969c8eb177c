"""One search box over the knowledge base and old cases.

It lives in cases because cases is the layer that may read both: knowledge sits below cases
and must not know about them. Each part is read through its own actor-scoped selector, so
internal articles, drafts, expired notices and confidential cases stay where they belong.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from civicdesk.cases import selectors as case_selectors
from civicdesk.cases.queries import CaseQuery
from civicdesk.core import authz
from civicdesk.knowledge import search as knowledge_search
from civicdesk.knowledge import selectors as knowledge_selectors

CASES = "case"
SECTIONS = {
    knowledge_search.ARTICLE: _("Articles"),
    knowledge_search.CHECKLIST: _("Checklists"),
    knowledge_search.SERVICE_CARD: _("Service cards"),
    knowledge_search.NOTICE: _("Notices"),
    knowledge_search.DIRECTORY: _("Directory"),
    CASES: _("Cases"),
}
PER_SECTION = 5  # on the page that shows every section; one section shows up to 50


@login_required
def search(request):
    actor = request.user
    authz.require(actor, "knowledge.view_knowledge")
    query = request.GET.get("q", "").strip()[:500]
    kind = request.GET.get("kind", "")
    if kind not in SECTIONS:
        kind = ""
    limit = 50 if kind else PER_SECTION
    sections = []
    if query:
        knowledge_kinds = [kind] if kind and kind != CASES else None
        if kind != CASES:
            results = knowledge_selectors.search_knowledge(
                actor, query, kinds=knowledge_kinds, limit=60
            )
            for name in knowledge_kinds or list(SECTIONS)[:-1]:
                found = [result for result in results if result.kind == name]
                if found or kind:
                    sections.append((name, SECTIONS[name], found[:limit], len(found) > limit))
        if kind in ("", CASES):
            page = case_selectors.search_cases(actor, CaseQuery(text=query, limit=limit))
            for case in page.cases:
                case.snippet = page.snippets.get(case.pk)
            sections.append((CASES, SECTIONS[CASES], page.cases, page.has_more))
    context = {
        "query": query,
        "kind": kind,
        "sections": sections,
        "tabs": list(SECTIONS.items()),
        "found_any": any(found for _name, _label, found, _more in sections),
    }
    if request.htmx:
        return render(request, "cases/unified_search.html#results", context)
    return render(request, "cases/unified_search.html", context)
