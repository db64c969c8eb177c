from django.db import models


class TaskStart(models.Model):
    """One row per run of a test task: a rerun after a crash adds a second one."""

    key = models.CharField(max_length=100)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.key} started in {self.pid}"


class TaskCompletion(models.Model):
    """The effect a test task must have once only, made idempotent by a unique key."""

    key = models.CharField(max_length=100, unique=True)
    pid = models.PositiveIntegerField()
    completed_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.key} completed in {self.pid}"
