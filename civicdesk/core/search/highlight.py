"""Snippets of a hit's text with the matching words marked, by the same analysis as search."""

from __future__ import annotations

import re
from html import escape

from django.utils.safestring import SafeString, mark_safe

from civicdesk.core.search import analysis
from civicdesk.core.search.analysis import Prefix

_SPACE = re.compile(r"\s+")
_ELLIPSIS = "…"


def _matched_spans(text: str, query: str, prefix: Prefix) -> list[tuple[int, int]]:
    terms = [
        term
        for word in analysis.query_words(query, prefix=prefix)
        for term in analysis.terms_of(word)
    ]
    exact = {term.text for term in terms if not term.prefix}
    prefixes = tuple(term.text for term in terms if term.prefix)

    def matches(candidates: tuple[str, ...]) -> bool:
        return any(term in exact or term.startswith(prefixes) for term in candidates)

    spans = []
    for word in analysis.words(text):
        if word.joined and matches((word.joined,)):
            spans.append((word.start, word.end))
            continue
        spans += [
            (start, start + len(part))
            for part, start in zip(word.parts, word.starts, strict=True)
            if matches(analysis.word_terms(part))
        ]
    return spans


def _window(text: str, first_match: int, length: int) -> tuple[int, int]:
    """About `length` characters around the first match, cut at spaces."""
    if len(text) <= length:
        return 0, len(text)
    start = max(0, first_match - length // 4)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + length)
    if end < len(text) and (space := text.rfind(" ", start, end)) > start:
        end = space
    return start, end


def highlight(text: str, query: str, *, length: int = 200, prefix: Prefix = "last") -> SafeString:
    """An HTML-escaped snippet of `text` with <mark> around each word the query matches.

    A word is marked when search would match it: any of its forms, stems or lemma equals a
    query term, or starts with the query's prefix term. Without a match the snippet is the
    start of the text. Runs of white space become one space.
    """
    text = analysis.normalise(text)
    spans = _matched_spans(text, query, prefix)
    start, end = _window(text, spans[0][0] if spans else 0, length)
    pieces = [_ELLIPSIS] if start > 0 else []
    position = start
    for span_start, span_end in spans:
        if span_start < position or span_end > end:
            continue
        pieces.append(escape(_SPACE.sub(" ", text[position:span_start])))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    pieces.append(escape(_SPACE.sub(" ", text[position:end])))
    if end < len(text):
        pieces.append(_ELLIPSIS)
    return mark_safe("".join(pieces).strip())  # noqa: S308  (every piece is escaped above)
