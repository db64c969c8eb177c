"""Reading the index: the caller's scope, filters and text become one engine query."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from civicdesk.core.search import analysis, backends
from civicdesk.core.search.analysis import Expr, Prefix, Term
from civicdesk.core.search.documents import (
    DEFAULT_WEIGHTS,
    FIELDS,
    Match,
    Order,
    SearchHit,
    SearchPage,
    check_kind,
)
from civicdesk.core.search.keys import MAX_SORT_KEY, first_id, last_id, sort_key_of

# Relevance ranks the newest RELEVANCE_WINDOW matches, not all of them: scoring each of the
# 300,000 cases that mention a common word would take seconds on either engine, and such a
# word ranks nothing useful anyway. A knowledge-base query of two or three words matches
# fewer, so there the window is all matches.
RELEVANCE_WINDOW: Final = 500
MAX_LIMIT: Final = 200
_EMPTY: Final = SearchPage(hits=(), has_more=False)


def _scope(organisation_id: int | None, include_global: bool) -> Expr | None:
    terms: list[Expr] = []
    if organisation_id is not None:
        terms.append(Term(analysis.organisation_term(organisation_id)))
    if include_global:
        terms.append(Term(analysis.organisation_term(None)))
    return analysis.any_of(terms) if terms else None


def _strings(values: Iterable[str], name: str) -> list[str]:
    # A lone string is iterable too, and would silently become its letters.
    if isinstance(values, str):
        raise TypeError(f"{name} must be a list of strings, not one string")
    return sorted(set(values))


def _weights(weights: Mapping[str, float] | None) -> tuple[float, float, float]:
    merged = {**DEFAULT_WEIGHTS, **(weights or {})}
    if set(merged) != set(FIELDS) or min(merged.values()) < 0 or max(merged.values()) <= 0:
        raise ValueError(f"weights are non-negative numbers for {FIELDS}, one above 0")
    return merged["title"], merged["body"], merged["extra"]


def search(
    *,
    kinds: Iterable[str],
    text: str,
    organisation_id: int | None,
    include_global: bool = False,
    all_of: Iterable[Iterable[str]] = (),
    order: Order = "relevance",
    limit: int = 20,
    offset: int = 0,
    prefix: Prefix = "last",
    match: Match = "all",
    sort_key_range: tuple[int, int] | None = None,
    weights: Mapping[str, float] | None = None,
    freshness: int | None = None,
) -> SearchPage:
    """Entries of the given kinds that one organisation may see, matching text and filters.

    Scope: the entries of `organisation_id`, plus global entries (organisation None) only
    with include_global=True; organisation_id None searches global entries alone. No search
    spans organisations.
    all_of: an AND of OR-groups of filter tokens, e.g. [["vis:all", "vis:group:3"],
    ["status:open"]]; an empty group matches nothing (fails closed).
    text: every word (match="any": some word) in any form, see analysis.query_words;
    text without words sets no condition.
    order: "newest" (highest sort_key first) or "relevance" among the newest
    RELEVANCE_WINDOW matches (on PostgreSQL fewer for a word too common to gather them,
    see backends/postgresql.py), with field `weights` (default title 3, body 1, extra 1),
    times freshness / (freshness + age) when `freshness`, a half-life in sort_key units,
    is given; relevance without words is newest.
    sort_key_range: inclusive bounds on sort_key, e.g. a registration-date window.
    """
    kind_names = _strings(kinds, "kinds")
    groups = [_strings(group, "each group of all_of") for group in all_of]
    if not kind_names:
        raise ValueError("search needs at least one kind")
    for kind in kind_names:
        check_kind(kind)
    if not 1 <= limit <= MAX_LIMIT or offset < 0:
        raise ValueError(f"limit must be in 1..{MAX_LIMIT} and offset not negative")
    if freshness is not None and freshness <= 0:
        raise ValueError("freshness is a half-life above 0")
    query_weights = _weights(weights)
    scope = _scope(organisation_id, include_global)
    if scope is None or any(not group for group in groups):
        return _EMPTY
    low, high = sort_key_range or (0, MAX_SORT_KEY)
    low, high = max(low, 0), min(high, MAX_SORT_KEY)
    if low > high:
        return _EMPTY

    conditions = [
        *(
            analysis.any_of([Term(analysis.filter_term(token)) for token in group])
            for group in groups
        ),
        scope,
        analysis.any_of([Term(analysis.kind_term(kind)) for kind in kind_names]),
    ]
    query = backends.Query(
        words=analysis.query_words(text, prefix=prefix),
        match_all=match == "all",
        conditions=tuple(conditions),
        kinds=tuple(kind_names),
        id_range=(first_id(low), last_id(high)),
        weights=query_weights,
    )
    backend = backends.current()
    if order == "newest" or not query.words:
        rows = backend.newest(query, limit=limit + 1, offset=offset)
        hits = [SearchHit(kind, object_id, 0.0) for kind, object_id in rows]
        return SearchPage(hits=tuple(hits[:limit]), has_more=len(hits) > limit)
    return _ranked(backend, query, limit=limit, offset=offset, freshness=freshness)


def _ranked(
    backend: backends.Backend,
    query: backends.Query,
    *,
    limit: int,
    offset: int,
    freshness: int | None,
) -> SearchPage:
    scored = backend.ranked(query, window=RELEVANCE_WINDOW)
    if freshness and scored:
        # Age relative to the newest match, so no clock is needed and sort_key is any unit.
        newest = max(sort_key_of(id_) for id_, _score in scored)
        scored = [
            (id_, score * freshness / (freshness + newest - sort_key_of(id_)))
            for id_, score in scored
        ]
    scored.sort(key=lambda row: (-row[1], -row[0]))  # ties: newest first
    page = scored[offset : offset + limit + 1]
    keys = backend.keys([id_ for id_, _score in page[:limit]])
    hits = [SearchHit(*keys[id_], score) for id_, score in page[:limit] if id_ in keys]
    return SearchPage(hits=tuple(hits), has_more=len(page) > limit)
