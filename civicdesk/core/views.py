"""Helpers shared by server-rendered views."""

from __future__ import annotations

from django.db import connection
from django.http import JsonResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from civicdesk.core.errors import DomainError


def safe_next_url(request, fallback: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return fallback


def apply_domain_error(form, error: DomainError) -> None:
    """Marks the field the domain function complained about, or the form as a whole."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, str(error.message))


@require_GET
def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
