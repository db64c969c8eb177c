from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TelephonyConfig(AppConfig):
    name = "civicdesk.telephony"
    label = "telephony"
    verbose_name = _("Telephony")

    def ready(self) -> None:
        from civicdesk.telephony import permissions  # noqa: F401
