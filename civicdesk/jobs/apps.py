from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "civicdesk.jobs"
    label = "jobs"
    verbose_name = _("Background work")

    def ready(self) -> None:
        # Apps declare their periodic jobs in their tasks modules; importing them all here means
        # every process (scheduler, worker, web, tests) sees the same complete registry.
        autodiscover_modules("tasks")
