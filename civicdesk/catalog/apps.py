from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "civicdesk.catalog"
    label = "catalog"
    verbose_name = _("Catalogue")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from civicdesk.catalog import audit, permissions  # noqa: F401
        from civicdesk.catalog.models import CaseType
        from civicdesk.catalog.selectors import forget_cached_case_types
        from civicdesk.org.models import Organisation

        # A cached case type holds its organisation once read: a change to either forgets all.
        for model in (CaseType, Organisation):
            for signal in (post_save, post_delete):
                signal.connect(
                    forget_cached_case_types, sender=model, dispatch_uid=f"catalog-{model}"
                )
