"""System checks for settings that Django's own --deploy checks do not cover."""

from django.conf import settings
from django.core.checks import Error, Tags, register

_WEAK_MARKERS = ("insecure", "development", "changeme")


@register(Tags.security, deploy=True)
def personal_data_key_is_strong(app_configs, **kwargs):
    key = settings.PERSONAL_DATA_KEY or ""
    if len(key) < 32 or any(marker in key.lower() for marker in _WEAK_MARKERS):
        return [
            Error(
                "PERSONAL_DATA_KEY is shorter than 32 characters or is a development key.",
                hint="Set a long random PERSONAL_DATA_KEY; it protects national identity numbers.",
                id="civicdesk.E001",
            )
        ]
    return []
