"""The engine-specific part of the search module, behind one small interface.

A backend stores analysed entries and answers queries whose organisation, kinds and filters
are already terms (`Query.conditions`); it never sees raw text or a caller's tokens. Only
this package knows which database runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final, Protocol

from django.db import connection
from django.db.backends.utils import CursorWrapper

from civicdesk.core.search.analysis import Expr, Term, all_of, any_of

Positions = list[tuple[str, ...]]  # per word position, its alternative terms


@dataclass(frozen=True)
class Entry:
    """A document after analysis, with the id it is to be stored under."""

    id: int
    kind: str
    object_id: int
    organisation_id: int | None
    language: str
    sort_key: int
    fields: tuple[Positions, Positions, Positions]  # title, body, extra
    filters: tuple[str, ...]  # scope and filter terms


@dataclass(frozen=True)
class Query:
    words: tuple[Expr, ...]  # one per query word; empty: no text condition
    match_all: bool  # every word must match, or any
    conditions: tuple[Expr, ...]  # organisation, kinds and filters, all required
    kinds: tuple[str, ...]  # also among the conditions; for engines that index by kind
    id_range: tuple[int, int]  # inclusive, from the sort_key range
    weights: tuple[float, float, float]  # title, body, extra

    @property
    def text(self) -> Expr | None:
        if not self.words:
            return None
        return (all_of if self.match_all else any_of)(list(self.words))

    @property
    def match(self) -> Expr:
        """Everything an entry must satisfy."""
        return all_of([*filter(None, [self.text]), *self.conditions])


# More completions than this and a prefix stays a prefix query.
MAX_EXPANSION: Final = 64


def _expand(cursor: CursorWrapper, expr: Expr, min_length: int) -> Expr:
    if isinstance(expr, Term):
        if not expr.prefix or len(expr.text) < min_length:
            return expr
        successor = expr.text[:-1] + chr(ord(expr.text[-1]) + 1)
        cursor.execute(
            "SELECT term FROM core_searchentry_terms WHERE term >= %s AND term < %s LIMIT %s",
            [expr.text, successor, MAX_EXPANSION + 1],
        )
        terms = [row[0] for row in cursor.fetchall()]
        if len(terms) > MAX_EXPANSION:
            return expr
        # No term starts with it: the exact term, which matches nothing either.
        return any_of([Term(term) for term in terms] or [Term(expr.text)])
    return type(expr)(tuple(_expand(cursor, part, min_length) for part in expr.parts))


def expand_prefixes(cursor: CursorWrapper, query: Query, *, min_length: int) -> Query:
    """The query with each prefix of `min_length` characters or more replaced by the indexed
    terms that start with it, from the vocabulary (core_searchentry_terms) that both
    backends keep: neither engine can search a prefix without gathering all of its matches
    first (backends/sqlite.py and backends/postgresql.py measure it), but both walk an OR
    of exact terms lazily. The SQL is the same on both engines."""
    return replace(query, words=tuple(_expand(cursor, word, min_length) for word in query.words))


class Backend(Protocol):
    def delete(self, kind: str, object_ids: Sequence[int]) -> None:
        """Remove the entries of these objects with their index data."""

    def insert(self, entries: Sequence[Entry]) -> list[Entry]:
        """Store the entries; returns those not stored because their id is taken."""

    def newest(self, query: Query, *, limit: int, offset: int) -> list[tuple[str, int]]:
        """(kind, object_id) of the matches, highest id first."""

    def ranked(self, query: Query, *, window: int) -> list[tuple[int, float]]:
        """(id, relevance) of the `window` matches with the highest ids; higher is better."""

    def keys(self, ids: Sequence[int]) -> dict[int, tuple[str, int]]:
        """(kind, object_id) by entry id."""


def current() -> Backend:
    if connection.vendor == "sqlite":
        from civicdesk.core.search.backends.sqlite import SQLiteBackend

        return SQLiteBackend()
    if connection.vendor == "postgresql":
        from civicdesk.core.search.backends.postgresql import PostgreSQLBackend

        return PostgreSQLBackend()
    raise NotImplementedError(f"The search module does not support {connection.vendor}.")
