"""What callers give the search module and what they get back."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final, Literal

from civicdesk.core.search.analysis import LANGUAGES
from civicdesk.core.search.keys import MAX_SORT_KEY

# The fields, by default weight: each is an FTS5 column on SQLite and a tsvector weight
# (A, B, C) on PostgreSQL. Any other field name is an error, not a silent third class.
FIELDS: Final = ("title", "body", "extra")
DEFAULT_WEIGHTS: Final[Mapping[str, float]] = {"title": 3.0, "body": 1.0, "extra": 1.0}
_KIND: Final = re.compile(r"[a-z][a-z0-9_]{0,31}")

Order = Literal["relevance", "newest"]
Match = Literal["all", "any"]


@dataclass(frozen=True)
class SearchDocument:
    """One object to index: its text by field, its facets as opaque filter tokens.

    organisation_id None makes the document global: found by every organisation's searches
    that pass include_global=True (public knowledge-base content), and by no other search.
    language None indexes the stems of all four languages (case text is in any of them).
    sort_key orders "newest" and scales freshness: use seconds (a Unix timestamp), or 0.
    """

    kind: str
    object_id: int
    organisation_id: int | None
    language: str | None
    fields: Mapping[str, str]
    filters: frozenset[str] = field(default_factory=frozenset)
    sort_key: int = 0

    def __post_init__(self) -> None:
        check_kind(self.kind)
        if self.object_id < 0:
            raise ValueError(f"object_id must not be negative, not {self.object_id}")
        if self.language is not None and self.language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES} or None, not {self.language!r}")
        if unknown := set(self.fields) - set(FIELDS):
            raise ValueError(f"fields must be among {FIELDS}, not {sorted(unknown)}")
        if not 0 <= self.sort_key <= MAX_SORT_KEY:
            raise ValueError(f"sort_key must be in 0..2**40-1, not {self.sort_key}")
        if not all(isinstance(token, str) and token for token in self.filters):
            raise ValueError("filters must be non-empty strings")
        object.__setattr__(self, "filters", frozenset(self.filters))


def check_kind(kind: str) -> None:
    if not _KIND.fullmatch(kind):
        raise ValueError(f"kind must match {_KIND.pattern}, not {kind!r}")


@dataclass(frozen=True)
class SearchHit:
    kind: str
    object_id: int
    score: float  # higher is better; 0.0 when ordered by newest


@dataclass(frozen=True)
class SearchPage:
    hits: tuple[SearchHit, ...]
    has_more: bool
