"""The settings of civicdesk.portal, read when used (never at import time); docs/portal.md."""

from datetime import timedelta

from django.conf import settings


def min_fill_time() -> timedelta:
    return timedelta(seconds=settings.CIVICDESK_PORTAL_MIN_FILL_SECONDS)


def form_max_age() -> timedelta:
    return timedelta(hours=settings.CIVICDESK_PORTAL_FORM_MAX_AGE_HOURS)


def rate_window() -> timedelta:
    return timedelta(minutes=settings.CIVICDESK_PORTAL_RATE_WINDOW_MINUTES)


def submissions_per_address() -> int:
    return settings.CIVICDESK_PORTAL_SUBMISSIONS_PER_ADDRESS


def submissions_per_sender() -> int:
    return settings.CIVICDESK_PORTAL_SUBMISSIONS_PER_SENDER


def lookups_per_address() -> int:
    return settings.CIVICDESK_PORTAL_LOOKUPS_PER_ADDRESS


def codes_per_reference() -> int:
    return settings.CIVICDESK_PORTAL_CODES_PER_REFERENCE


def code_lifetime() -> timedelta:
    return timedelta(minutes=settings.CIVICDESK_PORTAL_CODE_MINUTES)


def code_attempts() -> int:
    return settings.CIVICDESK_PORTAL_CODE_ATTEMPTS
