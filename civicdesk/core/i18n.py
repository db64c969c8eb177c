"""Languages civicdesk ships in, and reading text stored once per language."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from civicdesk.core.errors import DomainError

# Order matters: it is the fallback order after the reader's and the organisation's language.
LANGUAGE_CODES: tuple[str, ...] = ("pl", "sv", "fi", "en")

LANGUAGE_CHOICES = [
    ("pl", _("Polish")),
    ("sv", _("Swedish")),
    ("fi", _("Finnish")),
    ("en", _("English")),
]


def validate_language(code: str, *, field: str = "language") -> str:
    normalised = (code or "").strip().lower()
    if normalised not in LANGUAGE_CODES:
        raise DomainError(
            _("Unknown language “%(code)s”. Use one of: %(choices)s.")
            % {"code": code, "choices": ", ".join(LANGUAGE_CODES)},
            field=field,
        )
    return normalised


def fallback_order(*preferred: str | None) -> list[str]:
    order: list[str] = []
    for code in (*preferred, *LANGUAGE_CODES):
        if code and code in LANGUAGE_CODES and code not in order:
            order.append(code)
    return order


def pick(values: dict[str, str], *preferred: str | None) -> str:
    """The text in the first preferred language that has one, else in any language."""
    for code in fallback_order(*preferred):
        if values.get(code):
            return values[code]
    return ""


class TranslatedNameMixin:
    """For models with name_pl, name_sv, name_fi and name_en columns."""

    def names(self) -> dict[str, str]:
        return {code: getattr(self, f"name_{code}") for code in LANGUAGE_CODES}

    def name_in(self, language: str | None = None) -> str:
        organisation_language = getattr(
            getattr(self, "organisation", None), "default_language", None
        )
        return pick(self.names(), language or translation.get_language(), organisation_language)

    @property
    def name(self) -> str:
        return self.name_in()

    def __str__(self) -> str:
        return self.name_in()
