"""The analyser: one function of text to index terms, shared by indexing, queries and highlights.

Pure Python (no Django), so both engines index exactly the terms made here: PostgreSQL gets
them as a tsvector literal, SQLite's FTS5 as space-separated text that its "ascii" tokenizer
splits on the spaces and nowhere else. Per word the terms are:

- the surface form: casefolded, diacritics stripped, ł/ø/æ/ß/đ/þ... spelled out;
- its Snowball stems (PyStemmer, or snowballstemmer when PyStemmer is missing), taken from the
  word as written and then folded: Polish rules need the diacritics ("wniosków" -> "wniosk",
  but the folded "wnioskow" stays "wnioskow"). A document in an unknown language gets the
  stems of all four languages; a query always does, because its language is unknown;
- its lemma from `lemmas.py`, for the common domain words Snowball leaves apart.

Words joined by - . / _ or an apostrophe ("SKE-2026-000123", "e-mail") are also indexed as
one joined term, so a reference is found whole or by its parts; while it is being typed,
its parts match with the last one as a prefix (a prefix of the joined term would match a
third of all references while "SKE-2" is typed).
There are no stop words: Finnish and Polish short words carry meaning ("ei", "nie", "o").
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

from civicdesk.core.search import lemmas

try:  # PyStemmer is the same Snowball code compiled, about 60 times faster.
    from Stemmer import Stemmer as _new_stemmer
except ImportError:  # pragma: no cover - exercised only where PyStemmer failed to install
    from snowballstemmer import stemmer as _new_stemmer

LANGUAGES: Final = ("pl", "sv", "fi", "en")
_ALGORITHMS: Final = {"pl": "polish", "sv": "swedish", "fi": "finnish", "en": "english"}

# Longer tokens are cut, identically at index and query time (PostgreSQL refuses lexemes over
# 2 KiB and nobody types 64 characters to find one word).
MAX_TERM_LENGTH: Final = 64
# Shorter prefixes would expand to a large part of the vocabulary and find noise.
MIN_PREFIX_LENGTH: Final = 3

Prefix = Literal["none", "last", "all"]

# Letters that NFKD does not decompose into a base letter plus a combining mark.
_LETTERS: Final = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "æ": "ae",
        "ß": "ss",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "œ": "oe",
        "ħ": "h",
        "ı": "i",
        "ŀ": "l",
    }
)
# A word is a run of letters and digits; runs joined by a connector form one compound.
_WORD: Final = re.compile(r"[^\W_]+(?:[-‐‑./_'’][^\W_]+)*")
_PART: Final = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Casefold and strip diacritics: "Łódź" -> "lodz", "Malmö" -> "malmo", "ß" -> "ss"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _term(text: str) -> str:
    """`text` folded to one term: compatibility forms may bring punctuation ("½" -> "1⁄2")."""
    folded = fold(text)
    if not folded.isalnum():
        folded = "".join(char for char in folded if char.isalnum())
    return folded[:MAX_TERM_LENGTH]


class _Stemmers(threading.local):
    """Snowball stemmers keep state between calls: one set per thread."""

    def __init__(self) -> None:
        self.by_language = {lang: _new_stemmer(name) for lang, name in _ALGORITHMS.items()}


_stemmers = _Stemmers()

# (language, folded form) -> folded lemma.
_LEMMA_OF: Final = {
    (language, _term(form)): _term(lemma)
    for language, table in lemmas.LEMMAS.items()
    for lemma, forms in table.items()
    for form in (lemma, *forms)
}


@lru_cache(maxsize=200_000)
def word_terms(word: str, languages: tuple[str, ...] = LANGUAGES) -> tuple[str, ...]:
    """The terms of one word (a run of letters and digits): surface form first, then stems
    and lemma, without repeats; empty when nothing searchable is left."""
    surface = _term(word)
    if not surface:
        return ()
    terms = [surface]
    if not any(char.isdigit() for char in surface):
        lowered = word.casefold()
        for language in languages:
            stem = _term(_stemmers.by_language[language].stemWord(lowered))
            if stem and stem not in terms:
                terms.append(stem)
    for language in languages:
        lemma = _LEMMA_OF.get((language, surface))
        if lemma and lemma not in terms:
            terms.append(lemma)
    return tuple(terms)


@dataclass(frozen=True)
class Word:
    """A word or compound of the text: where it is and its parts as written."""

    start: int
    end: int
    parts: tuple[str, ...]
    starts: tuple[int, ...]  # where each part starts

    @property
    def joined(self) -> str | None:
        """The compound's parts as one term ("SKE-2026-000123" -> "ske2026000123")."""
        return _term("".join(self.parts)) if len(self.parts) > 1 else None


def words(text: str) -> Iterator[Word]:
    """The words of `text`, which must be NFC-normalised (see `normalise`)."""
    for match in _WORD.finditer(text):
        parts = list(_PART.finditer(text, match.start(), match.end()))
        yield Word(
            match.start(),
            match.end(),
            tuple(part.group() for part in parts),
            tuple(part.start() for part in parts),
        )


def normalise(text: str) -> str:
    """NFC, so that a letter typed as base + combining mark is one character of one word."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def analyse(text: str, language: str | None) -> list[tuple[str, ...]]:
    """The index terms of a document field, one tuple of alternative terms per position."""
    languages = (language,) if language else LANGUAGES
    positions: list[tuple[str, ...]] = []
    for chunk in _WORD.findall(normalise(text)):
        if chunk.isalnum():  # a plain word, no connectors: the common case, kept fast
            if terms := word_terms(chunk, languages):
                positions.append(terms)
            continue
        parts = _PART.findall(chunk)
        positions.extend(terms for part in parts if (terms := word_terms(part, languages)))
        if joined := _term("".join(parts)):
            positions.append((joined,))
    return positions


# --- queries ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    text: str
    prefix: bool = False


@dataclass(frozen=True)
class AnyOf:
    parts: tuple[Expr, ...]


@dataclass(frozen=True)
class AllOf:
    parts: tuple[Expr, ...]


Expr = Term | AnyOf | AllOf


def any_of(parts: list[Expr]) -> Expr:
    unique = tuple(dict.fromkeys(parts))
    return unique[0] if len(unique) == 1 else AnyOf(unique)


def all_of(parts: list[Expr]) -> Expr:
    unique = tuple(dict.fromkeys(parts))
    return unique[0] if len(unique) == 1 else AllOf(unique)


def _word_query(part: str, *, prefix: bool) -> Expr | None:
    terms = word_terms(part)
    if not terms:
        return None
    surface, variants = terms[0], terms[1:]
    if prefix and len(surface) >= MIN_PREFIX_LENGTH:
        # The prefix already covers the variants that start with the surface form.
        alternatives: list[Expr] = [Term(surface, prefix=True)]
        alternatives += [Term(term) for term in variants if not term.startswith(surface)]
    else:
        alternatives = [Term(term) for term in terms]
    return any_of(alternatives)


def query_words(text: str, *, prefix: Prefix = "last") -> tuple[Expr, ...]:
    """One expression per word of the query, matching any of the word's terms.

    The terms are the surface form, the stems in every language (the query's language is
    unknown) and the lemma; a compound matches as its joined term or as all its parts. With
    prefix="last" the last word is a prefix unless the text ends after it with a space or
    punctuation (the user finished typing it).
    """
    text = normalise(text)
    found = list(words(text))
    clauses: list[Expr] = []
    for index, word in enumerate(found):
        open_end = prefix == "all" or (
            prefix == "last" and index == len(found) - 1 and word.end == len(text)
        )
        parts = [
            expr
            for position, part in enumerate(word.parts)
            if (expr := _word_query(part, prefix=open_end and position == len(word.parts) - 1))
        ]
        if not parts:
            continue
        if word.joined:
            clauses.append(any_of([Term(word.joined), all_of(parts)]))
        else:
            clauses.append(parts[0])
    return tuple(dict.fromkeys(clauses))


def terms_of(expr: Expr) -> Iterator[Term]:
    if isinstance(expr, Term):
        yield expr
    else:
        for part in expr.parts:
            yield from terms_of(part)


# --- filter and scope terms ---------------------------------------------------------------------
# Filter tokens become terms that no word can produce: words never contain "_", every filter
# term does (or starts with it), so "status:open" can never be matched by typing "status open".

_PLAIN: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


@lru_cache(maxsize=100_000)
def filter_term(token: str) -> str:
    """An opaque filter token as one index term: a-z and 0-9 stay, every other byte is _hh."""
    return "".join(
        char if char in _PLAIN else "".join(f"_{byte:02x}" for byte in char.encode())
        for char in token
    )


# Scope terms use "_" + a letter that is not a hex digit, so no filter term can equal them.
def organisation_term(organisation_id: int | None) -> str:
    return "_og" if organisation_id is None else f"_o{organisation_id}"


def kind_term(kind: str) -> str:
    return "_k" + filter_term(kind)
