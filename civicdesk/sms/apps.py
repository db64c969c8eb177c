from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SmsConfig(AppConfig):
    name = "civicdesk.sms"
    label = "sms"
    verbose_name = _("SMS")

    def ready(self) -> None:
        from civicdesk.sms import permissions  # noqa: F401
