from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_POST

from civicdesk.core import authz
from civicdesk.core.errors import DomainError
from civicdesk.core.i18n import validate_language
from civicdesk.core.views import safe_next_url
from civicdesk.org import selectors, services


@login_required
def directory(request):
    """The contact directory: departments, their answer groups, service points."""
    authz.require(request.user, "org.view_directory")
    groups = list(selectors.answer_groups_for_actor(request.user).filter(is_active=True))
    departments = list(selectors.departments_for_actor(request.user).filter(is_active=True))
    groups_by_department: dict[int, list] = {}
    for group in groups:
        groups_by_department.setdefault(group.department_id, []).append(group)
    return render(
        request,
        "org/directory.html",
        {
            "departments": [(d, groups_by_department.get(d.pk, [])) for d in departments],
            "service_points": selectors.service_points_for_actor(request.user).filter(
                is_active=True
            ),
        },
    )


@login_required
def group_detail(request, group_id: int):
    group = selectors.get_answer_group(request.user, group_id)
    return render(request, "org/group_detail.html", {"group": group})


@require_POST
def switch_language(request):
    """Sets the interface language: for the session and, when signed in, for good."""
    try:
        language = validate_language(request.POST.get("language", ""))
    except DomainError as error:
        return render(
            request, "error.html", {"message": str(error.message), "status": 400}, status=400
        )
    if request.user.is_authenticated:
        services.set_ui_language(actor=request.user, language=language)
    translation.activate(language)
    response = redirect(safe_next_url(request, reverse("home")))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
