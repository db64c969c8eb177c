"""Retries with exponential back-off for django-tasks, which has none.

    @task()
    @retrying(max_attempts=5, base_delay=30)
    def push_to_gateway(*, message_id: int, attempt: int = 1) -> None: ...

Each attempt is its own task result. When an attempt raises, the next one is enqueued with
`run_after = now + base_delay * 2 ** (attempt - 1)` (at most `max_delay`) and the attempt is
recorded as FAILED with `RetryScheduled`, whose traceback carries the real error; the last
attempt fails with the real error itself. So an administrator filters "failed for good" as
FAILED without `RetryScheduled`.

What is retried:
- any `Exception`, except `PermanentFailure` (raise it when retrying cannot help) and
  `ObjectDoesNotExist` (the row the task's id names is gone and will not come back);
- a worker stopped by force in the middle of the attempt (`SystemExit`, `KeyboardInterrupt`):
  the next attempt is queued as for an error, and the interrupt goes on to stop the worker;
- a worker killed outright (SIGKILL, power loss) is the reaper's business, not this one.

Retries need a backend that can delay a task (the database backend); with the immediate
backend of the test settings an error is final.
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar

from django.core.exceptions import ImproperlyConfigured, ObjectDoesNotExist
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskResult
from django_tasks.base import Task

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])

ATTEMPT = "attempt"  # the keyword that carries the attempt number between task results


class PermanentFailure(Exception):
    """Raised by a retrying task that must fail at once: another attempt would not help."""


class RetryScheduled(Exception):
    """Recorded on an attempt that failed and was queued again; its cause is the real error."""


NOT_RETRIED: tuple[type[BaseException], ...] = (PermanentFailure, ObjectDoesNotExist)


def backoff_seconds(attempt: int, *, base_delay: float, max_delay: float) -> float:
    """The wait before the attempt after `attempt`: base, 2 x base, 4 x base ... capped."""
    return min(base_delay * 2 ** (attempt - 1), max_delay)


def retrying(
    *,
    max_attempts: int = 5,
    base_delay: float = 30.0,
    max_delay: float = 3600.0,
    give_up_on: tuple[type[BaseException], ...] = NOT_RETRIED,
) -> Callable[[F], F]:
    """Makes a task function retry with back-off; goes between `@task()` and the function.

    The attempt number travels in the task's keyword `attempt` (1 when absent); the function
    receives it only if it declares an `attempt` parameter.
    """
    if max_attempts < 1 or base_delay < 0 or max_delay < 0:
        raise ImproperlyConfigured("retrying needs max_attempts >= 1 and delays >= 0.")

    def decorate(func: F) -> F:
        takes_attempt = ATTEMPT in inspect.signature(func).parameters

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            attempt = int(kwargs.pop(ATTEMPT, 1))
            call_kwargs = {**kwargs, ATTEMPT: attempt} if takes_attempt else kwargs

            def next_attempt(error: BaseException) -> tuple[TaskResult, float] | None:
                if attempt >= max_attempts:
                    log.error(
                        "%s failed for good after %d attempts: %r", _name(func), attempt, error
                    )
                    return None
                delay = backoff_seconds(attempt, base_delay=base_delay, max_delay=max_delay)
                queued = _enqueue_again(wrapper, args, kwargs, attempt + 1, delay)
                if queued is None:
                    return None
                log.warning(
                    "%s attempt %d of %d failed (%r); attempt %d queued as %s in %ss",
                    _name(func), attempt, max_attempts, error, attempt + 1, queued.id, delay,
                )  # fmt: skip
                return queued, delay

            try:
                return func(*args, **call_kwargs)
            except give_up_on:
                raise
            except Exception as error:
                retry = next_attempt(error)
                if retry is None:
                    raise
                queued, delay = retry
                raise RetryScheduled(
                    f"Attempt {attempt} of {max_attempts} failed; attempt {attempt + 1} is "
                    f"queued as task {queued.id}, to run in {delay:g} s."
                ) from error
            except (KeyboardInterrupt, SystemExit) as interrupt:
                # The worker is being stopped by force (or the task called sys.exit): queue the
                # next attempt as for any failure, counted, so a task that exits by itself
                # cannot loop for ever; the interrupt goes on so that the worker stops.
                try:
                    next_attempt(interrupt)
                except Exception:
                    log.exception("Could not queue %s again after an interrupt", _name(func))
                raise

        return wrapper  # type: ignore[return-value]

    return decorate


def _name(func: Callable[..., Any]) -> str:
    return f"{func.__module__}.{func.__qualname__}"


def _enqueue_again(
    wrapper: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    attempt: int,
    delay: float,
) -> TaskResult | None:
    # @task() replaced the function in its module by the Task wrapping this wrapper.
    task = import_string(_name(wrapper))
    if not isinstance(task, Task):
        raise ImproperlyConfigured(f"{_name(wrapper)}: put @retrying below @task(), not above.")
    if not task.get_backend().supports_defer:
        log.warning("%s: the task backend cannot delay tasks; not retrying", _name(wrapper))
        return None
    run_after = timezone.now() + timedelta(seconds=delay)
    return task.using(run_after=run_after).enqueue(*args, **{**kwargs, ATTEMPT: attempt})
