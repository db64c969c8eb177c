from django.conf import settings

from civicdesk.core.i18n import LANGUAGE_CHOICES


def civicdesk(request):
    return {
        "CIVICDESK_LANGUAGES": LANGUAGE_CHOICES,
        "SITE_URL": settings.SITE_URL,
    }
