"""How many SMS parts a text takes, as the operators count them (3GPP TS 23.038).

A text in the GSM 7-bit alphabet fits 160 characters in one message and 153 in each part of a
longer one; the characters of the extension table (€, [, ], {, }, |, ^, ~, \\) take two places.
One character outside that alphabet (Polish ą ę ł ś ż, emoji) sends the whole text as UCS-2:
70 places in one message, 67 per part, and a character beyond the Basic Multilingual Plane
(most emoji) takes two. Swedish and Finnish å ä ö and é are in the GSM alphabet.
"""

from __future__ import annotations

from dataclasses import dataclass

GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = frozenset("\f^{}\\[~]|€")

SINGLE = {"gsm": 160, "ucs2": 70}
PART = {"gsm": 153, "ucs2": 67}


@dataclass(frozen=True)
class Segments:
    encoding: str  # "gsm" or "ucs2"
    characters: int  # places the text takes in its encoding
    parts: int
    per_part: int  # places in each part at this length: 160/70 for one, 153/67 for more


def _units(text: str) -> tuple[str, list[int]]:
    if all(ch in GSM_BASIC or ch in GSM_EXTENSION for ch in text):
        return "gsm", [2 if ch in GSM_EXTENSION else 1 for ch in text]
    return "ucs2", [2 if ord(ch) > 0xFFFF else 1 for ch in text]


def count_segments(text: str) -> Segments:
    encoding, units = _units(text)
    total = sum(units)
    if total <= SINGLE[encoding]:
        return Segments(encoding, total, 1 if total else 0, SINGLE[encoding])
    # A two-place character (an escape pair, a surrogate pair) is never split between parts.
    parts, room = 1, PART[encoding]
    for unit in units:
        if unit > room:
            parts, room = parts + 1, PART[encoding]
        room -= unit
    return Segments(encoding, total, parts, PART[encoding])
