"""Background work in the admin, for installation administrators (superusers) only.

Task results name ids of every organisation and their tracebacks may quote personal data, so
organisation administrators do not see them. django-tasks-db's own admin for task results is
kept (its detail page shows the traceback) and extended with what an operator asks first:
what failed for good, what waits for a retry, what is stuck on a dead worker.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult, get_date_max

from civicdesk.jobs.models import JobRun, WorkerHeartbeat
from civicdesk.jobs.reaper import abandoned_tasks
from civicdesk.jobs.retries import RetryScheduled

RETRY_SCHEDULED = f"{RetryScheduled.__module__}.{RetryScheduled.__qualname__}"


class InstallationAdminOnly:
    """Read-only, and only for superusers."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class AttentionFilter(admin.SimpleListFilter):
    title = _("needs attention")
    parameter_name = "attention"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [
            ("failed", _("Failed for good")),
            ("retrying", _("Failed, retry queued")),
            ("stuck", _("Running on a dead worker")),
            ("later", _("Waiting to run later")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        failed = queryset.filter(status=TaskResultStatus.FAILED)
        match self.value():
            case "failed":
                return failed.exclude(exception_class_path=RETRY_SCHEDULED)
            case "retrying":
                return failed.filter(exception_class_path=RETRY_SCHEDULED)
            case "stuck":
                return queryset.filter(pk__in=[task.id for task in abandoned_tasks()])
            case "later":
                return queryset.filter(
                    status=TaskResultStatus.READY, run_after__gt=timezone.now()
                ).exclude(run_after=get_date_max())
        return queryset


admin.site.unregister(DBTaskResult)


@admin.register(DBTaskResult)
class TaskResultAdmin(InstallationAdminOnly, DBTaskResultAdmin):
    list_display = (
        "enqueued_at",
        "task",
        "status",
        "attempt",
        "claims",
        "run_after_column",
        "started_at",
        "finished_at",
        "error",
    )
    list_display_links = ("enqueued_at", "task")
    list_filter = (AttentionFilter, "status", "queue_name")
    search_fields = ("task_path", "exception_class_path")

    @admin.display(description=_("task"), ordering="task_path")
    def task(self, obj: DBTaskResult) -> str:
        # The library's task_name imports and validates the task; a renamed task or a
        # changed backend must not turn the whole list into an error page.
        try:
            return obj.task_name
        except Exception:
            return obj.task_path

    @admin.display(description=_("attempt"))
    def attempt(self, obj: DBTaskResult) -> int:
        return int((obj.args_kwargs or {}).get("kwargs", {}).get("attempt", 1))

    @admin.display(description=_("workers"))
    def claims(self, obj: DBTaskResult) -> int:
        # More than one: a worker died running it and the reaper queued it again.
        return len(obj.worker_ids or [])

    @admin.display(description=_("run after"), ordering="run_after")
    def run_after_column(self, obj: DBTaskResult) -> Any:
        return self.display_run_after(obj)

    @admin.display(description=_("error"), ordering="exception_class_path")
    def error(self, obj: DBTaskResult) -> str:
        return obj.exception_class_path.rsplit(".", 1)[-1]


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(InstallationAdminOnly, admin.ModelAdmin):
    list_display = (
        "worker_id",
        "kind",
        "alive",
        "host",
        "pid",
        "queues",
        "started_at",
        "last_seen",
    )
    list_filter = ("kind", "host")

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).with_alive()

    @admin.display(description=_("alive"), boolean=True, ordering="last_seen")
    def alive(self, obj: WorkerHeartbeat) -> bool:
        return obj.alive


@admin.register(JobRun)
class JobRunAdmin(InstallationAdminOnly, admin.ModelAdmin):
    list_display = ("slot", "name", "fired_at", "fired_by", "task_link", "task_status")
    list_filter = ("name",)
    list_select_related = ("task_result",)
    date_hierarchy = "slot"

    @admin.display(description=_("task"))
    def task_link(self, obj: JobRun) -> str:
        if obj.task_result_id is None:
            return "-"
        url = reverse("admin:django_tasks_database_dbtaskresult_change", args=[obj.task_result_id])
        return format_html('<a href="{}">{}</a>', url, obj.task_result_id)

    @admin.display(description=_("status"))
    def task_status(self, obj: JobRun) -> str:
        return obj.task_result.get_status_display() if obj.task_result else "-"
