from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SlaConfig(AppConfig):
    name = "civicdesk.sla"
    label = "sla"
    verbose_name = _("Service levels and calendars")

    def ready(self) -> None:
        from civicdesk.sla import audit, permissions  # noqa: F401
