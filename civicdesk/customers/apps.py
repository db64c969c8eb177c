from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CustomersConfig(AppConfig):
    name = "civicdesk.customers"
    label = "customers"
    verbose_name = _("Customers")

    def ready(self) -> None:
        from civicdesk.customers import audit, permissions  # noqa: F401
