"""Writing the index: analyse documents, give each an id that sorts by sort_key, store."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import replace
from operator import attrgetter
from typing import Final, TypeVar

from django.db import transaction

from civicdesk.core.search import backends
from civicdesk.core.search.analysis import analyse, filter_term, kind_term, organisation_term
from civicdesk.core.search.backends import Entry
from civicdesk.core.search.documents import FIELDS, SearchDocument, check_kind
from civicdesk.core.search.keys import TIE_BITS, first_id

T = TypeVar("T")

BATCH_SIZE: Final = 2000
# Longer field text is cut: a tsvector is limited to 1 MB, and the first 50,000 characters of
# a message thread hold what anyone searches for.
MAX_FIELD_LENGTH: Final = 50_000
# A free id is found in one or two probes unless millions of entries share a sort_key.
MAX_PROBES: Final = 1000


def _entry_id(document: SearchDocument, probe: int) -> int:
    # A hash, not the object id, breaks ties: kinds with a constant sort_key (0) and dense
    # object ids would otherwise collide in long runs. Deterministic, so re-indexing an
    # unchanged document keeps its id.
    seed = f"{document.kind}:{document.object_id}:{probe}".encode()
    tie = int.from_bytes(hashlib.blake2b(seed, digest_size=8).digest()) >> (64 - TIE_BITS)
    return first_id(document.sort_key) + tie


def _entry(document: SearchDocument) -> Entry:
    title, body, extra = (
        analyse(document.fields.get(name, "")[:MAX_FIELD_LENGTH], document.language)
        for name in FIELDS
    )
    return Entry(
        id=_entry_id(document, 0),
        kind=document.kind,
        object_id=document.object_id,
        organisation_id=document.organisation_id,
        language=document.language or "",
        sort_key=document.sort_key,
        fields=(title, body, extra),
        filters=(
            organisation_term(document.organisation_id),
            kind_term(document.kind),
            *sorted(map(filter_term, document.filters)),
        ),
    )


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _store(backend: backends.Backend, documents: list[SearchDocument]) -> None:
    """Insert the documents, moving each whose id is taken to its next probe until all fit."""
    entries = [_entry(document) for document in documents]
    probes = [0] * len(documents)
    waiting = list(range(len(documents)))
    while waiting:
        ids: set[int] = set()  # ids must also differ within the batch
        for index in waiting:
            while (id_ := _entry_id(documents[index], probes[index])) in ids:
                probes[index] += 1
            if probes[index] > MAX_PROBES:
                raise RuntimeError(f"No free entry id for sort_key {documents[index].sort_key}")
            ids.add(id_)
            entries[index] = replace(entries[index], id=id_)
        taken = {entry.id for entry in backend.insert([entries[index] for index in waiting])}
        waiting = [index for index in waiting if entries[index].id in taken]
        for index in waiting:
            probes[index] += 1


def index_documents(documents: Iterable[SearchDocument]) -> None:
    """Add or replace the documents' entries, in batches of BATCH_SIZE (one transaction each).

    A document indexed twice in one call keeps its last version. Call it in the transaction
    that changes the object, so the index never shows a state the database does not have.
    """
    backend = backends.current()
    for batch in _batches(documents, BATCH_SIZE):
        latest = list({(doc.kind, doc.object_id): doc for doc in batch}.values())
        with transaction.atomic():
            by_kind = itertools.groupby(sorted(latest, key=attrgetter("kind")), attrgetter("kind"))
            for kind, group in by_kind:
                backend.delete(kind, [document.object_id for document in group])
            _store(backend, latest)


def remove_documents(kind: str, object_ids: Iterable[int]) -> None:
    """Remove the entries of these objects; ids that were never indexed are ignored."""
    check_kind(kind)
    backend = backends.current()
    for batch in _batches(object_ids, BATCH_SIZE):
        with transaction.atomic():
            backend.delete(kind, batch)
