"""Shared pieces of the REST API: the error shape and actor access."""

from __future__ import annotations

from ninja import Schema


class ErrorOut(Schema):
    detail: str
    field: str | None = None
    code: str | None = None


def error_responses(*codes: int) -> dict[int, type[ErrorOut]]:
    return dict.fromkeys(codes, ErrorOut)


def actor_of(request):
    """The user an API call acts as: the session's user or the token's service user."""
    return request.auth
