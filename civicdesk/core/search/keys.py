"""Entry ids: sort_key * 2**TIE_BITS + a tie-break, so that id order is sort_key order.

"Newest first" is then "highest id first": FTS5 walks its doclists in rowid order and stops
after one page, and PostgreSQL walks the primary key backwards, instead of sorting every
match. 23 bits leave 8.4 million entries per sort_key value (kinds without a date use 0)
and sort keys up to 2**40 (seconds until the year 36812).
"""

from __future__ import annotations

from typing import Final

TIE_BITS: Final = 23
MAX_SORT_KEY: Final = 2**40 - 1


def first_id(sort_key: int) -> int:
    return sort_key << TIE_BITS


def last_id(sort_key: int) -> int:
    return (sort_key << TIE_BITS) | (2**TIE_BITS - 1)


def sort_key_of(entry_id: int) -> int:
    return entry_id >> TIE_BITS
