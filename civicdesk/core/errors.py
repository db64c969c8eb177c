"""Errors raised by domain functions and how entry points turn them into answers."""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the domain refused the request. The message is shown to the user as is.

    `field` names the input that caused it, so a form can mark that field and the API can
    say which parameter to fix.
    """

    status_code = 400

    def __init__(self, message, *, field: str | None = None, code: str = "invalid"):
        super().__init__(str(message))
        self.message = message
        self.field = field
        self.code = code


class NotFound(DomainError):
    """The object does not exist or the actor may not know that it exists."""

    status_code = 404

    def __init__(self, message=None, *, field: str | None = None):
        from django.utils.translation import gettext

        super().__init__(message or gettext("Not found."), field=field, code="not_found")


class Forbidden(DomainError):
    """The actor may see the object but not do this to it."""

    status_code = 403

    def __init__(self, message=None):
        from django.utils.translation import gettext

        super().__init__(
            message or gettext("You do not have permission to do this."), code="forbidden"
        )
