"""PostgreSQL: the `document` tsvector column of core_searchentry, with a GIN index.

The tsvector is written as a literal built here, not by to_tsvector(): PostgreSQL's parser
would re-tokenise our terms its own way, the literal stores exactly what the analyser made.
Each word position carries its field's weight (title A, body B, extra C) for ts_rank_cd;
scope and filter terms have no position, so they never count towards relevance.

A GIN index returns its matches unordered, and gathering them costs about 2 us each
(0.4 s for a word in a fifth of a million cases) before any row is sorted. Walking the
newest entries and testing each row costs about 1 us per row and stops after one page, but
reads the whole table for a word that is rare. The planner chooses between the two from
estimates that are far off for rare terms and prefixes (it walked a million rows for a
reference number, measured), so the choice is made here (_newest_matches): test the newest
PROBE entries of each kind (an index on (kind, id)); from the matches found there, estimate
how many more entries must be tested and how many older matches GIN would fetch, and do the
cheaper. GIN's matches are sorted by `id + 0`, so the planner cannot walk the primary key
instead. A word common long ago but rare now (an old year) is the expensive case left.
GIN also gathers every posting of every term a prefix matches before it intersects
anything ('bygglov':* took 60-370 ms next to a rare word), so prefixes are expanded to the
exact terms that exist first (backends.expand_prefixes). And it gathers the postings of
cases for a search of the knowledge base, whose common words and scope term the million
cases share: a second GIN index leaves cases out (migration core 0002), and searches
without cases ask it straight away, without testing the newest entries first.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final

from django.db import connection
from django.db.backends.utils import CursorWrapper

from civicdesk.core.search.analysis import MIN_PREFIX_LENGTH, AnyOf, Expr, Term
from civicdesk.core.search.backends import Entry, Query, expand_prefixes

# tsvector limits: positions above 16383 are not stored, at most 256 positions per lexeme.
_MAX_POSITION: Final = 16383
_MAX_POSITIONS: Final = 256
PROBE: Final = 1_000  # the newest entries of each kind tested first
CASE_KIND: Final = "case"  # nearly all entries; the partial GIN index leaves them out
RECENT_MAX: Final = 20_000  # at most this many tested, then GIN is asked


def _lexeme(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def render(expr: Expr) -> str:
    """The tree as tsquery text, every lexeme quoted so it is taken as it is."""
    if isinstance(expr, Term):
        return _lexeme(expr.text) + (":*" if expr.prefix else "")
    operator = " | " if isinstance(expr, AnyOf) else " & "
    return "(" + operator.join(render(part) for part in expr.parts) + ")"


def tsvector(entry: Entry) -> str:
    positions: dict[str, list[str]] = {}
    position = 0
    for weight, field in zip("ABC", entry.fields, strict=True):
        for terms in field:
            position = min(position + 1, _MAX_POSITION)
            for term in terms:
                slots = positions.setdefault(term, [])
                if len(slots) < _MAX_POSITIONS:
                    slots.append(f"{position}{weight}")
    words = [f"{_lexeme(term)}:{','.join(slots)}" for term, slots in positions.items()]
    return " ".join([*words, *map(_lexeme, entry.filters)])


# The newest entries of one kind; and the last of the newest `n`, the kind's oldest and newest.
_RECENT_OF_KIND: Final = (
    "(SELECT id, kind, object_id, document FROM core_searchentry"
    " WHERE kind = %s AND id BETWEEN %s AND %s ORDER BY id DESC LIMIT %s)"
)
_SPAN_OF_KIND: Final = (
    "SELECT (SELECT id FROM core_searchentry WHERE kind = %s AND id BETWEEN %s AND %s"
    "        ORDER BY id DESC OFFSET %s LIMIT 1),"
    " (SELECT min(id) FROM core_searchentry WHERE kind = %s AND id BETWEEN %s AND %s),"
    " (SELECT max(id) FROM core_searchentry WHERE kind = %s AND id BETWEEN %s AND %s)"
)


class _Steps:
    """The two ways to find the newest matches, for one query (see the module docstring)."""

    def __init__(self, cursor: CursorWrapper, query: Query):
        self.cursor, self.query = cursor, query
        self.tsquery = render(query.match)

    def test_recent(self, tested: int, needed: int) -> list[tuple]:
        """Matches among the newest `tested` entries of each kind, newest first."""
        recent = " UNION ALL ".join([_RECENT_OF_KIND] * len(self.query.kinds))
        self.cursor.execute(
            f"SELECT id, kind, object_id FROM ({recent}) AS recent"  # noqa: S608  (fixed fragments)
            " WHERE document @@ %s::tsquery ORDER BY id DESC LIMIT %s",
            [*self._each_kind(tested), self.tsquery, needed],
        )
        return self.cursor.fetchall()

    def untested(self, tested: int) -> tuple[int, float] | None:
        """Below which id not every kind was tested, and about how many entries lie below
        (assuming entries spread evenly over ids); None when every entry was tested."""
        low, high = self.query.id_range
        self.cursor.execute(
            " UNION ALL ".join([_SPAN_OF_KIND] * len(self.query.kinds)),
            [
                value
                for kind in self.query.kinds
                for value in (kind, low, high, tested - 1, kind, low, high, kind, low, high)
            ],
        )
        # Kinds with fewer entries than were tested have no last tested entry.
        spans = [row for row in self.cursor.fetchall() if row[0] is not None]
        if not spans:
            return None
        below = sum(tested * (last - first) / (newest - last + 1) for last, first, newest in spans)
        return max(last for last, _first, _newest in spans), below

    def ask_gin(self, below: int, needed: int) -> list[tuple]:
        """The newest matches with ids below `below`, from the GIN index; without cases from
        the index of everything but cases (migration core 0002), which the planner takes only
        when the kinds are in the SQL. With cases the statement is as it was measured."""
        kinds = "" if CASE_KIND in self.query.kinds else " AND kind = ANY(%s)"
        self.cursor.execute(
            "SELECT id, kind, object_id FROM core_searchentry"  # noqa: S608  (fixed fragments)
            f" WHERE document @@ %s::tsquery{kinds} AND id BETWEEN %s AND %s"
            " ORDER BY id + 0 DESC LIMIT %s",
            [
                self.tsquery,
                *([list(self.query.kinds)] if kinds else []),
                self.query.id_range[0],
                below - 1,
                needed,
            ],
        )
        return self.cursor.fetchall()

    def _each_kind(self, count: int) -> list[object]:
        return [value for kind in self.query.kinds for value in (kind, *self.query.id_range, count)]


def _newest_matches(
    cursor: CursorWrapper, query: Query, needed: int, *, complete: bool
) -> list[tuple[int, str, int]]:
    """(id, kind, object_id) of the `needed` matches with the highest ids, newest first.

    Without cases, ask the GIN index that leaves cases out: it holds few enough entries that
    gathering every match is cheap (a knowledge-base search at 1,000,000 cases: p95 from 72
    to 28-38 ms, measured). With cases, test the newest PROBE entries of each kind. If that
    does not fill the page, estimate from the matches found how many recent entries would
    have to be tested, and how many older matches GIN would fetch, and do the cheaper: a
    word found often goes on being tested (up to RECENT_MAX entries), a rare one goes to GIN.
    With complete=False (relevance), a word too common for GIN but too rare to fill the
    window among RECENT_MAX entries is left at the matches found there.
    """
    steps = _Steps(cursor, query)
    if CASE_KIND not in query.kinds:
        return steps.ask_gin(query.id_range[1] + 1, needed)
    tested = PROBE
    rows = steps.test_recent(tested, needed)
    if len(rows) == needed or (untested := steps.untested(tested)) is None:
        return rows
    boundary, below = untested
    density = len(rows) / (tested * len(query.kinds))
    to_test = needed / density if density else math.inf
    fetched = density * below  # older matches GIN would fetch
    if to_test < fetched or (not complete and fetched > RECENT_MAX):
        tested = min(math.ceil(to_test * 1.5), RECENT_MAX)
        rows = steps.test_recent(tested, needed)
        if len(rows) == needed or not complete or (untested := steps.untested(tested)) is None:
            return rows
        boundary, below = untested
    rows = [row for row in rows if row[0] >= boundary]
    return rows + steps.ask_gin(boundary, needed - len(rows))


class PostgreSQLBackend:
    def delete(self, kind: str, object_ids: Sequence[int]) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM core_searchentry WHERE kind = %s AND object_id = ANY(%s)",
                [kind, list(object_ids)],
            )

    def insert(self, entries: Sequence[Entry]) -> list[Entry]:
        # ON CONFLICT DO NOTHING instead of a look-up first: concurrent writers may race
        # for the same id, and the loser simply tries the next one.
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO core_searchentry"
                " (id, organisation_id, kind, object_id, language, sort_key, updated_at, document)"
                " SELECT id, organisation_id, kind, object_id, language, sort_key, now(),"
                " document::tsvector FROM unnest("
                "   %s::bigint[], %s::bigint[], %s::text[], %s::bigint[], %s::text[],"
                "   %s::bigint[], %s::text[]"
                " ) AS e (id, organisation_id, kind, object_id, language, sort_key, document)"
                " ON CONFLICT (id) DO NOTHING RETURNING id",
                [
                    [e.id for e in entries],
                    [e.organisation_id for e in entries],
                    [e.kind for e in entries],
                    [e.object_id for e in entries],
                    [e.language for e in entries],
                    [e.sort_key for e in entries],
                    [tsvector(e) for e in entries],
                ],
            )
            stored = {row[0] for row in cursor.fetchall()}
            # Sorted, so that concurrent writers lock new terms in the same order.
            cursor.execute(
                "INSERT INTO core_searchentry_terms (term) SELECT unnest(%s::text[])"
                " ON CONFLICT DO NOTHING",
                [sorted({t for e in entries for f in e.fields for terms in f for t in terms})],
            )
        return [entry for entry in entries if entry.id not in stored]

    def newest(self, query: Query, *, limit: int, offset: int) -> list[tuple[str, int]]:
        with connection.cursor() as cursor:
            query = expand_prefixes(cursor, query, min_length=MIN_PREFIX_LENGTH)
            rows = _newest_matches(cursor, query, offset + limit, complete=True)
        return [(kind, object_id) for _id, kind, object_id in rows[offset:]]

    def ranked(self, query: Query, *, window: int) -> list[tuple[int, float]]:
        if query.text is None:
            raise ValueError("ranking needs query words")
        # Ranked with the prefixes as typed: ts_rank_cd's cost grows with the query's
        # terms, and 64 expanded terms made it the slowest step (300 ms for 500 rows).
        ranking = render(query.text)
        title, body, extra = query.weights
        top = max(query.weights)  # ts_rank_cd takes weights in 0..1, ordered D, C, B, A
        with connection.cursor() as cursor:
            query = expand_prefixes(cursor, query, min_length=MIN_PREFIX_LENGTH)
            ids = [row[0] for row in _newest_matches(cursor, query, window, complete=False)]
            # Normalisation 1 divides by 1 + log(document length), as bm25 discounts length.
            cursor.execute(
                "SELECT id, ts_rank_cd(%s::real[], document, %s::tsquery, 1)"
                " FROM core_searchentry WHERE id = ANY(%s)",
                [[0.0, extra / top, body / top, title / top], ranking, ids],
            )
            return cursor.fetchall()

    def keys(self, ids: Sequence[int]) -> dict[int, tuple[str, int]]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, kind, object_id FROM core_searchentry WHERE id = ANY(%s)", [list(ids)]
            )
            return {id_: (kind, object_id) for id_, kind, object_id in cursor.fetchall()}
