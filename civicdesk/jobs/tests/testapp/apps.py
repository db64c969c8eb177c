from django.apps import AppConfig


class JobsTestAppConfig(AppConfig):
    name = "civicdesk.jobs.tests.testapp"
    label = "jobs_testapp"
    verbose_name = "civicdesk.jobs test app"
