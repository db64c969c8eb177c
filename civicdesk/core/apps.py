from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    default = True
    name = "civicdesk.core"
    label = "core"
    verbose_name = "civicdesk core"

    def ready(self) -> None:
        from civicdesk.core import checks  # noqa: F401  (registers system checks)


class CivicAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "civicdesk.core.admin.CivicAdminSite"
