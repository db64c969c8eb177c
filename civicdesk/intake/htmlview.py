"""A received message's HTML as an agent sees it: sanitised again on the way out, remote images
replaced by a placeholder until the agent asks for them, inline (cid:) images as data: URIs.

The result goes into a sandboxed iframe's srcdoc (no scripts, no same origin), under the page's
Content-Security-Policy, which only lets remote images load on the response where the agent
asked for them (views.message).
"""

from __future__ import annotations

import base64

import nh3

from civicdesk.cases.models import CaseAttachment
from civicdesk.intake.mailparse import MAIL_ATTRIBUTES, MAIL_TAGS, MAIL_URL_SCHEMES, is_remote
from civicdesk.intake.models import InboundMessage

INLINE_IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif"})
MAX_INLINE_BYTES = 2 * 1024 * 1024  # of cid: images put into one page

# A grey frame with a crossed-out picture: where a remote image would be.
BLOCKED_IMAGE = "data:image/svg+xml;base64," + base64.b64encode(
    b'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">'
    b'<rect x="1" y="1" width="118" height="38" fill="#f1f3f5" stroke="#868e96" '
    b'stroke-dasharray="4 3"/><path d="M48 12h24v16H48z" fill="none" stroke="#868e96"/>'
    b'<path d="M46 10l28 20" stroke="#c92a2a" stroke-width="2"/></svg>'
).decode("ascii")


def inline_images(message: InboundMessage) -> dict[str, str]:
    """{Content-ID: data URI} of the message's inline images of safe types (one query)."""
    ids = {pk: cid for cid, pk in (message.content_ids or {}).items()}
    if not ids or message.event_id is None:
        return {}
    found, total = {}, 0
    images = CaseAttachment.objects.filter(
        event_id=message.event_id, pk__in=ids, content_type__in=INLINE_IMAGE_TYPES
    ).only("pk", "content_type", "content", "size")
    for item in images:
        total += item.size
        if total > MAX_INLINE_BYTES:
            break
        data = base64.b64encode(bytes(item.content)).decode("ascii")
        found[ids[item.pk]] = f"data:{item.content_type};base64,{data}"
    return found


def html_for_agent(
    sanitised_html: str, *, remote_images: bool, inline: dict[str, str] | None = None
) -> str:
    """The srcdoc document of the message's HTML."""
    inline = inline or {}

    def image_source(tag: str, attribute: str, value: str) -> str | None:
        if tag != "img" or attribute != "src":
            return value
        if value.lower().startswith("cid:"):
            return inline.get(value[4:].strip("<>"), BLOCKED_IMAGE)
        if is_remote(value):
            return value if remote_images else BLOCKED_IMAGE
        return None

    body = nh3.clean(
        sanitised_html,
        tags=set(MAIL_TAGS),
        clean_content_tags={"script", "style"},
        attributes={tag: set(names) for tag, names in MAIL_ATTRIBUTES.items()},
        url_schemes=set(MAIL_URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        attribute_filter=image_source,
    )
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        '<meta name="referrer" content="no-referrer"><base target="_blank"></head>'
        f"<body>{body}</body></html>"
    )
