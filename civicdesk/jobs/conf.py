"""The settings of civicdesk.jobs, read when used (never at import time)."""

from datetime import timedelta

from django.conf import settings


def heartbeat_interval() -> float:
    return float(settings.CIVICDESK_JOBS_HEARTBEAT_SECONDS)


def stale_after() -> timedelta:
    return timedelta(seconds=settings.CIVICDESK_JOBS_STALE_AFTER_SECONDS)


def scheduler_interval() -> float:
    return float(settings.CIVICDESK_JOBS_SCHEDULER_INTERVAL_SECONDS)


def keep_job_runs() -> timedelta:
    return timedelta(days=settings.CIVICDESK_JOBS_KEEP_JOB_RUNS_DAYS)


def keep_successful_tasks() -> timedelta:
    return timedelta(days=settings.CIVICDESK_JOBS_KEEP_SUCCESSFUL_TASKS_DAYS)


def keep_failed_tasks() -> timedelta:
    return timedelta(days=settings.CIVICDESK_JOBS_KEEP_FAILED_TASKS_DAYS)
