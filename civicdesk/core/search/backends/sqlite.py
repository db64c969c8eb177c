"""SQLite: an FTS5 table (rowid = SearchEntry.id) holding the analysed fields and filter terms.

Rows are inserted here, not by a trigger, because the FTS row is made from the analysed
document, which only Python has; a trigger deletes the FTS row with its entry (migration).

Measured at 1,000,000 cases, three FTS5 behaviours shape the queries:
- "newest" is `ORDER BY rowid DESC LIMIT n` (ids grow with sort_key): FTS5 walks the
  doclists backwards and stops after n matches, with the organisation, kinds and filters as
  terms of the same MATCH, so it never sorts or filters all matches.
- A prefix query ("wnios"*) merges the doclists of every term with that prefix in full
  before it returns a row (50-150 ms for common words). Prefixes of 3 characters (the
  shortest, see analysis.MIN_PREFIX_LENGTH) use FTS5's prefix index, which it walks lazily;
  longer ones are expanded to the terms that exist (backends.expand_prefixes), which it
  walks lazily too. The prefix index adds 40 % to the index; one for 2 characters too would
  add 73 % (measured).
- bm25() computes each query term's document frequency by reading its whole doclist,
  including the organisation, kind and visibility terms (a million postings): 60-240 ms.
  Relevance is therefore scored from the stored terms of the newest `window` matches (FTS5
  keeps them to delete rows): which fields hold which query word, times the field's weight
  and the word's rarity within the window. Asking FTS5 one word and field at a time cost up
  to 130 ms for two words, testing the terms in Python 18 ms per article query; SQLite's
  instr() does it in 2-3 ms (measured).
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Sequence
from typing import Final

from django.db import connection
from django.utils import timezone

from civicdesk.core.search.analysis import AnyOf, Expr, Term
from civicdesk.core.search.backends import Entry, Positions, Query, expand_prefixes

EXPAND_FROM: Final = 4  # 3-character prefixes have an FTS5 prefix index
MAX_SCORED_WORDS: Final = 8  # a pasted paragraph is matched, but scored by its first words


def render(expr: Expr) -> str:
    """The tree in FTS5 query syntax; every term quoted, so no word is read as an operator."""
    if isinstance(expr, Term):
        return '"' + expr.text.replace('"', '""') + '"' + ("*" if expr.prefix else "")
    operator = " OR " if isinstance(expr, AnyOf) else " AND "
    return "(" + operator.join(render(part) for part in expr.parts) + ")"


def _column(positions: Positions) -> str:
    # With detail=column FTS5 records only whether a field holds a term, so each term once.
    return " ".join(dict.fromkeys(itertools.chain.from_iterable(positions)))


def _held(expr: Expr, column: str) -> tuple[str, list[object]]:
    """SQL that is 1 when the padded, space-separated `column` holds the expression."""
    if isinstance(expr, Term):
        # A prefix left unexpanded (too many completions) matches at the start of a term.
        return f"instr({column}, %s) > 0", [" " + expr.text + ("" if expr.prefix else " ")]
    parts = [_held(part, column) for part in expr.parts]
    operator = " OR " if isinstance(expr, AnyOf) else " AND "
    return (
        "(" + operator.join(sql for sql, _params in parts) + ")",
        [param for _sql, params in parts for param in params],
    )


def _scores(query: Query, rows: list[tuple]) -> list[tuple[int, float]]:
    """Per entry of the window: the sum over query words and the fields that hold them of
    the field's weight times the word's rarity within the window (log(1 + n / holders)).
    `rows` are (id, then per scored word one 0/1 per field)."""
    scores = dict.fromkeys((row[0] for row in rows), 0.0)
    for word in range(min(len(query.words), MAX_SCORED_WORDS)):
        holders: dict[int, float] = {}
        for id_, *held in rows:
            weight = sum(held[word * 3 + field] * query.weights[field] for field in range(3))
            if weight:
                holders[id_] = weight
        rarity = math.log(1 + len(rows) / len(holders)) if holders else 0.0
        for id_, weight in holders.items():
            scores[id_] += weight * rarity
    return list(scores.items())


class SQLiteBackend:
    def delete(self, kind: str, object_ids: Sequence[int]) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM core_searchentry WHERE kind = %s"
                " AND object_id IN (SELECT value FROM json_each(%s))",
                [kind, json.dumps(list(object_ids))],
            )

    def insert(self, entries: Sequence[Entry]) -> list[Entry]:
        # SQLite runs one writer at a time, so ids free now stay free until commit.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id FROM core_searchentry WHERE id IN (SELECT value FROM json_each(%s))",
                [json.dumps([entry.id for entry in entries])],
            )
            taken = {row[0] for row in cursor.fetchall()}
            free = [entry for entry in entries if entry.id not in taken]
            now = connection.ops.adapt_datetimefield_value(timezone.now())
            cursor.executemany(
                "INSERT INTO core_searchentry"
                " (id, organisation_id, kind, object_id, language, sort_key, updated_at)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s)",
                [
                    (e.id, e.organisation_id, e.kind, e.object_id, e.language, e.sort_key, now)
                    for e in free
                ],
            )
            columns = [[_column(field) for field in entry.fields] for entry in free]
            cursor.executemany(
                "INSERT INTO core_searchentry_fts (rowid, title, body, extra, filters)"
                " VALUES (%s, %s, %s, %s, %s)",
                [
                    (entry.id, *texts, " ".join(entry.filters))
                    for entry, texts in zip(free, columns, strict=True)
                ],
            )
            vocabulary = {term for texts in columns for text in texts for term in text.split()}
            cursor.execute(
                "INSERT OR IGNORE INTO core_searchentry_terms (term)"
                " SELECT value FROM json_each(%s)",
                [json.dumps(sorted(vocabulary))],
            )
        return [entry for entry in entries if entry.id in taken]

    def newest(self, query: Query, *, limit: int, offset: int) -> list[tuple[str, int]]:
        with connection.cursor() as cursor:
            query = expand_prefixes(cursor, query, min_length=EXPAND_FROM)
            cursor.execute(
                "SELECT e.kind, e.object_id FROM ("
                "  SELECT rowid FROM core_searchentry_fts WHERE core_searchentry_fts MATCH %s"
                "  AND rowid BETWEEN %s AND %s ORDER BY rowid DESC LIMIT %s OFFSET %s"
                ") AS f JOIN core_searchentry AS e ON e.id = f.rowid ORDER BY e.id DESC",
                [render(query.match), *query.id_range, limit, offset],
            )
            return cursor.fetchall()

    def ranked(self, query: Query, *, window: int) -> list[tuple[int, float]]:
        with connection.cursor() as cursor:
            query = expand_prefixes(cursor, query, min_length=EXPAND_FROM)
            # Which fields of each match hold which word, tested by SQLite in C on the terms
            # FTS5 stores (padded with spaces, so that instr() finds whole terms only).
            held = [
                _held(word, column)
                for word in query.words[:MAX_SCORED_WORDS]
                for column in ("title", "body", "extra")
            ]
            columns = ", ".join(sql for sql, _params in held)
            cursor.execute(
                f"SELECT id, {columns} FROM ("  # noqa: S608  (fixed fragments)
                "  SELECT rowid AS id, ' ' || title || ' ' AS title, ' ' || body || ' ' AS body,"
                "  ' ' || extra || ' ' AS extra FROM core_searchentry_fts"
                "  WHERE core_searchentry_fts MATCH %s AND rowid BETWEEN %s AND %s"
                "  ORDER BY rowid DESC LIMIT %s"
                ") AS window_",
                [
                    *(param for _sql, params in held for param in params),
                    render(query.match),
                    *query.id_range,
                    window,
                ],
            )
            return _scores(query, cursor.fetchall())

    def keys(self, ids: Sequence[int]) -> dict[int, tuple[str, int]]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, kind, object_id FROM core_searchentry"
                " WHERE id IN (SELECT value FROM json_each(%s))",
                [json.dumps(list(ids))],
            )
            return {id_: (kind, object_id) for id_, kind, object_id in cursor.fetchall()}
