from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "civicdesk.intake"
    label = "intake"
    verbose_name = _("E-mail intake")

    def ready(self) -> None:
        from civicdesk.intake import permissions  # noqa: F401
