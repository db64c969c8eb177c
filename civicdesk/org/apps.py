from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "civicdesk.org"
    label = "org"
    verbose_name = _("Organisations and people")

    def ready(self) -> None:
        from civicdesk.org import audit, permissions  # noqa: F401
