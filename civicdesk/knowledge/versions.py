"""Versions of articles and service cards: what a snapshot holds and how two are compared.

A snapshot is plain JSON of everything an editor can change, so a version stays readable
when the article has moved on or a case type was renamed. Diffs compare snapshots line by
line with the standard library's difflib; rich text is compared as its text (a line per
block, link targets shown), which is what a reader sees change.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Literal

from django.utils.translation import gettext_lazy as _

from civicdesk.core.i18n import LANGUAGE_CODES
from civicdesk.knowledge.richtext import to_text

Op = Literal["equal", "delete", "insert"]

# The labels of snapshot fields, in the order a diff lists them.
ARTICLE_FIELDS = {
    "status": _("Status"),
    "audience": _("Audience"),
    "department": _("Owning department"),
    "owner": _("Owner"),
    "review_by": _("Review by"),
    "tags": _("Tags"),
    "case_types": _("Case types"),
}
ARTICLE_TEXTS = {"title": _("Title"), "summary": _("Summary"), "body": _("Text")}
CARD_FIELDS = {
    "status": _("Status"),
    "code": _("Code"),
    "producer": _("Service producer"),
    "delivery": _("Delivered as"),
    "eservice_url": _("E-service address"),
    "support_phone": _("Support phone"),
    "support_email": _("Support e-mail"),
    "support_chat_url": _("Support chat"),
    "support_hours": _("Support hours"),
    "links": _("Links"),
    "case_types": _("Case types"),
    "service_points": _("Offered at"),
    "maintainer": _("Maintainer"),
}
CARD_TEXTS = {
    "name": _("Name"),
    "description": _("What the service is"),
    "eligibility": _("Who may use it"),
    "documents": _("Required documents"),
    "fees": _("Fees"),
    "instructions": _("How to serve it"),
}
RICH_TEXT_FIELDS = frozenset({"body"})


def article_snapshot(article) -> dict:
    return {
        "status": article.status,
        "audience": article.audience,
        "department": article.department.name,
        "owner": str(article.owner) if article.owner else "",
        "review_by": article.review_by.isoformat(),
        "tags": sorted(tag.name for tag in article.tags.all()),
        "case_types": sorted(str(case_type) for case_type in article.case_types.all()),
        "translations": {
            row.language: {"title": row.title, "summary": row.summary, "body": row.body}
            for row in article.translations.all()
        },
    }


def card_snapshot(card) -> dict:
    return {
        "status": card.status,
        "code": card.code,
        "producer": card.producer.name,
        "delivery": card.delivery,
        "eservice_url": card.eservice_url,
        "support_phone": card.support_phone,
        "support_email": card.support_email,
        "support_chat_url": card.support_chat_url,
        "support_hours": card.support_hours,
        "links": [f"{link['title']} <{link['url']}>" for link in card.links],
        "case_types": sorted(str(case_type) for case_type in card.case_types.all()),
        "service_points": sorted(point.name for point in card.service_points.all()),
        "maintainer": str(card.maintainer) if card.maintainer else "",
        "translations": {
            row.language: {name: getattr(row, name) for name in CARD_TEXTS}
            for row in card.translations.all()
        },
    }


@dataclass(frozen=True)
class Line:
    op: Op
    text: str


@dataclass
class Change:
    """One changed field: its label, the language for a text, and the lines compared."""

    field: str
    label: str
    language: str | None = None
    lines: list[Line] = field(default_factory=list)


def _lines(value) -> list[str]:
    if isinstance(value, list):
        return [str(item) for item in value]
    return str(value or "").splitlines()


def compare_lines(old: list[str], new: list[str]) -> list[Line]:
    lines: list[Line] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if tag == "equal":
            lines += [Line("equal", text) for text in old[a_start:a_end]]
            continue
        lines += [Line("delete", text) for text in old[a_start:a_end]]
        lines += [Line("insert", text) for text in new[b_start:b_end]]
    return lines


def diff_snapshots(old: dict, new: dict, *, fields: dict, texts: dict) -> list[Change]:
    """The fields that differ between two snapshots, metadata first, then each language."""
    changes: list[Change] = []
    for name, label in fields.items():
        if old.get(name) != new.get(name):
            changes.append(
                Change(
                    name,
                    str(label),
                    None,
                    compare_lines(_lines(old.get(name)), _lines(new.get(name))),
                )
            )
    old_texts, new_texts = old.get("translations", {}), new.get("translations", {})
    for language in LANGUAGE_CODES:
        before, after = old_texts.get(language, {}), new_texts.get(language, {})
        for name, label in texts.items():
            a, b = before.get(name, ""), after.get(name, "")
            if a == b:
                continue
            if name in RICH_TEXT_FIELDS:
                a, b = to_text(a), to_text(b)
            changes.append(
                Change(
                    f"translations.{language}.{name}",
                    str(label),
                    language,
                    compare_lines(_lines(a), _lines(b)),
                )
            )
    return changes


def diff_articles(old: dict, new: dict) -> list[Change]:
    return diff_snapshots(old, new, fields=ARTICLE_FIELDS, texts=ARTICLE_TEXTS)


def diff_cards(old: dict, new: dict) -> list[Change]:
    return diff_snapshots(old, new, fields=CARD_FIELDS, texts=CARD_TEXTS)
