"""The checklist panel of the case page: its fragment, and ticking a step."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from civicdesk.cases import checklists, selectors
from civicdesk.core.errors import DomainError, NotFound
from civicdesk.knowledge import selectors as knowledge_selectors


def _step(actor, value: str):
    try:
        return knowledge_selectors.get_checklist_step(actor, value)
    except NotFound:
        raise DomainError(_("Choose a step of the checklist."), field="step") from None


@login_required
def case_checklist(request, case_id: int):
    """GET: the panel (for htmx). POST step=<id>&done=1|0: tick or untick it."""
    actor = request.user
    case = selectors.get_case(actor, case_id)
    error = None
    if request.method == "POST":
        try:
            checklists.tick_checklist_step(
                actor=actor,
                case=case,
                step=_step(actor, request.POST.get("step", "")),
                done=request.POST.get("done") == "1",
            )
        except DomainError as refused:
            if not request.htmx:
                raise
            error = refused
        if not request.htmx:
            messages.success(request, _("Saved."))
            return redirect(reverse("cases:detail", args=[case.pk]) + "#checklist")
    return render(
        request,
        "cases/_checklist.html",
        {"case": case, "checklist_error": error},
        status=error.status_code if error else 200,
    )
