"""Rich text of articles and notices: checked, sanitised with nh3, and turned into plain text.

Editors write HTML. `clean_html` first refuses markup that is malformed (an element left
open, an end tag that closes nothing, a tag cut off), because guessing what was meant would
publish something else than the author saw; then nh3 keeps only the tags and attributes
below. Scripts, styles, event handlers, `javascript:` and `data:` links never survive, links
get rel="noopener noreferrer nofollow", and images are removed: a remote image would tell its
server who read the article and when (see docs/decisions/0010-knowledge-base.md).
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from typing import Final

import nh3
from django.utils.translation import gettext as _

from civicdesk.core.errors import DomainError

MAX_HTML_LENGTH: Final = 100_000

ALLOWED_TAGS: Final = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "code",
        "dd",
        "dl",
        "dt",
        "em",
        "h2",
        "h3",
        "h4",
        "hr",
        "i",
        "li",
        "ol",
        "p",
        "pre",
        "s",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
    }
)
ALLOWED_ATTRIBUTES: Final = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
URL_SCHEMES: Final = frozenset({"http", "https", "mailto", "tel"})
VOID_ELEMENTS: Final = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
BLOCK_ELEMENTS: Final = frozenset(
    {
        "blockquote",
        "caption",
        "dd",
        "dl",
        "dt",
        "h2",
        "h3",
        "h4",
        "hr",
        "li",
        "ol",
        "p",
        "pre",
        "table",
        "tr",
        "ul",
    }
)


_CUT_OFF_TAG: Final = re.compile(r"<[/!a-zA-Z][^>]*\Z")


class _Checker(HTMLParser):
    """Finds the first structural mistake; positions are reported as line numbers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, int]] = []
        self.problem: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag not in VOID_ELEMENTS:
            self.open.append((tag, self.getpos()[0]))

    def handle_endtag(self, tag):
        if self.problem or tag in VOID_ELEMENTS:
            return
        line = self.getpos()[0]
        if not self.open:
            self.problem = _("Line %(line)s: </%(tag)s> closes nothing.") % {
                "line": line,
                "tag": tag,
            }
        elif self.open[-1][0] != tag:
            self.problem = _("Line %(line)s: </%(tag)s> where </%(open)s> was expected.") % {
                "line": line,
                "tag": tag,
                "open": self.open[-1][0],
            }
        else:
            self.open.pop()


def check_html(html: str, *, field: str) -> None:
    """Raises DomainError naming the first malformed spot; well-formed HTML passes."""
    if len(html) > MAX_HTML_LENGTH:
        raise DomainError(
            _("The text is too long: %(length)s characters, at most %(limit)s.")
            % {"length": len(html), "limit": MAX_HTML_LENGTH},
            field=field,
            code="too_long",
        )
    checker = _Checker()
    checker.feed(html)
    # What the parser could not finish is left in rawdata: a tag cut off ("<p class=").
    leftover = _CUT_OFF_TAG.search(checker.rawdata)
    checker.close()
    problem = checker.problem
    if problem is None and leftover:
        problem = _("The text ends inside a tag: “%(tag)s”.") % {"tag": leftover.group()[:40]}
    if problem is None and checker.open:
        tag, line = checker.open[-1]
        problem = _("Line %(line)s: <%(tag)s> is never closed.") % {"line": line, "tag": tag}
    if problem:
        raise DomainError(
            _("The text is not well-formed HTML. %(problem)s") % {"problem": problem},
            field=field,
            code="malformed_html",
        )


def sanitise(html: str) -> str:
    """Only the allowed markup; scripts and styles are removed with their content."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ).strip()


def clean_html(html: str, *, field: str = "body") -> str:
    """Checked and sanitised HTML, ready to be stored and shown."""
    html = (html or "").strip()
    check_html(html, field=field)
    return sanitise(html)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_ELEMENTS or tag == "br":
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("• ")
        if tag == "a":
            self.links.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag):
        if tag == "a" and self.links:
            href = self.links.pop()
            if href:
                self.parts.append(f" <{href}>")
        if tag in BLOCK_ELEMENTS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def to_text(html: str) -> str:
    """The text of sanitised HTML, a line per block, link targets in <angle brackets>: what
    search indexes, snippets quote and version diffs compare."""
    parser = _Text()
    parser.feed(html or "")
    parser.close()
    lines = (" ".join(line.split()) for line in unescape("".join(parser.parts)).splitlines())
    return "\n".join(line for line in lines if line)
