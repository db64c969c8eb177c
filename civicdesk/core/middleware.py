import zoneinfo

from django.utils import timezone, translation

from civicdesk.core.i18n import LANGUAGE_CODES


class UserPreferencesMiddleware:
    """Shows an agent the app in their saved language and their organisation's time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            if user.ui_language in LANGUAGE_CODES:
                translation.activate(user.ui_language)
                request.LANGUAGE_CODE = user.ui_language
            organisation = user.organisation
            if organisation is not None:
                timezone.activate(zoneinfo.ZoneInfo(organisation.timezone))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class DomainErrorMiddleware:
    """A DomainError that escapes a view becomes a page with its message and status."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.shortcuts import render

        from civicdesk.core.errors import DomainError

        if not isinstance(exception, DomainError):
            return None
        return render(
            request,
            "error.html",
            {"message": str(exception.message), "status": exception.status_code},
            status=exception.status_code,
        )
