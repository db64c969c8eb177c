from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SlaConfig(AppConfig):
    name = "civicdesk.sla"
    label = "sla"
    verbose_name = _("Service levels and calendars")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from civicdesk.sla import audit, permissions  # noqa: F401
        from civicdesk.sla.models import BusinessCalendar, SlaPolicy
        from civicdesk.sla.selectors import forget_cached_policies

        # A cached policy holds its calendar once read: a change to either forgets them all.
        for model in (SlaPolicy, BusinessCalendar):
            for signal in (post_save, post_delete):
                signal.connect(forget_cached_policies, sender=model, dispatch_uid=f"sla-{model}")
