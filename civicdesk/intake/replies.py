"""E-mail out: an agent answers the customer from the case.

The reply is an outbound e-mail contact on the case (`append_contact`, so first response and
department-contact deadlines are met by it) and a message in the outbox, committed together;
the outbox sends it after the commit and keeps it while the mail server is away.

Who it goes to: the sender of the case's latest message from the customer (the address the
conversation is on), else the customer's e-mail address in the register (the primary first).

Who it comes from (From and Reply-To, so the answer comes back to a mailbox civicdesk reads):
1. the case's answer group's e-mail address;
2. else an active mailbox of the case's answer group;
3. else the mailbox the case's latest message arrived in;
4. else the organisation's front-line mailbox (active, without a group; the first created);
5. else DEFAULT_FROM_EMAIL.

Threading: the subject carries `[REFERENCE]`, the Message-ID is `<REFERENCE.random@domain>`
and In-Reply-To/References name the latest message received on the case; intake recognises
each of them (civicdesk/intake/services.py, find_thread), so the customer's answer joins the
case. No Auto-Submitted header: a person wrote it, and the customer's auto-reply to it is
recognised on its own headers.

The body is what the agent wrote between a greeting and a signature in the reply's language
(the customer's preferred language, else the organisation's). Nothing else of the case is
copied into it, which matters for confidential cases.
"""

from __future__ import annotations

import re
import secrets
from email.headerregistry import Address
from email.utils import parseaddr

from django.conf import settings
from django.db import transaction
from django.template.loader import select_template
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civicdesk.cases import services as case_services
from civicdesk.cases.choices import Channel, Direction
from civicdesk.cases.models import Case
from civicdesk.core import authz
from civicdesk.core.errors import DomainError
from civicdesk.core.i18n import validate_language
from civicdesk.customers.models import ContactKind
from civicdesk.intake.models import InboundMessage, Mailbox
from civicdesk.integrations.mail import queue_email
from civicdesk.integrations.models import OutboundEmail
from civicdesk.org.models import User

MAX_REPLY = 20_000
NO_ADDRESS = gettext_lazy(
    "The customer has no e-mail address: add one to the customer record, or answer on "
    "another channel."
)
SUBJECT_CHARS = 200
# Reply and forward prefixes of the mail clients of the four languages, stripped before "Re:".
_PREFIXES = re.compile(r"^\s*((re|aw|sv|vs|odp|fw|fwd|vl|pd|vb)\s*(\[\d+\])?\s*:\s*)+", re.I)


def last_received(case: Case) -> InboundMessage | None:
    """The latest message from the customer on the case; automatic ones (auto-replies, bounces)
    are not who the agent answers."""
    return (
        InboundMessage.objects.filter(case=case, is_automatic=False)
        .select_related("mailbox")
        .defer("raw", "body_html")
        .order_by("-received_at", "-pk")
        .first()
    )


def reply_recipient(case: Case, last: InboundMessage | None) -> str:
    if last is not None and last.from_address:
        return last.from_address
    if case.customer_id is None:
        return ""
    return (
        case.customer.contacts.filter(kind=ContactKind.EMAIL)
        .order_by("-is_primary", "pk")
        .values_list("value", flat=True)
        .first()
        or ""
    )


def reply_sender(case: Case, last: InboundMessage | None) -> str:
    """The address the reply comes from and answers go to (the order is in the module's doc)."""
    group = case.answer_group
    if group is not None and group.email:
        return group.email
    mailboxes = Mailbox.objects.filter(organisation_id=case.organisation_id, is_active=True)
    if group is not None:
        address = (
            mailboxes.filter(answer_group=group)
            .order_by("pk")
            .values_list("address", flat=True)
            .first()
        )
        if address:
            return address
    if last is not None and last.mailbox is not None:
        return last.mailbox.address
    front_line = mailboxes.filter(answer_group__isnull=True).order_by("pk").first()
    if front_line is not None:
        return front_line.address
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def reply_language(case: Case) -> str:
    if case.customer_id is not None and case.customer.preferred_language:
        return case.customer.preferred_language
    return case.organisation.default_language


def reply_subject(case: Case, last: InboundMessage | None) -> str:
    """`Re: <the customer's subject> [REFERENCE]`, without piling up prefixes or references.
    With no message from the customer, the case's subject; for a confidential case a neutral
    one in the active language (a subject line is seen by more eyes than the body)."""
    if last is not None and last.subject:
        subject = last.subject
    elif case.is_confidential:
        subject = _("Your case")
    else:
        subject = case.subject
    subject = subject.replace(f"[{case.reference}]", "")
    subject = " ".join(_PREFIXES.sub("", subject).split())[:SUBJECT_CHARS]
    return f"Re: {subject} [{case.reference}]" if subject else f"[{case.reference}]"


def new_message_id(case: Case, sender: str) -> str:
    domain = sender.rpartition("@")[2] or "civicdesk.local"
    return f"<{case.reference}.{secrets.token_hex(6)}@{domain.lower()}>"


def render_reply(*, case: Case, actor: User, text: str) -> str:
    """The body in the active language: a template for it when there is one, else the shared
    one with translated greeting and signature."""
    language = translation.get_language()
    template = select_template([f"intake/email/reply.{language}.txt", "intake/email/reply.txt"])
    return template.render(
        {
            "case": case,
            "customer": case.customer,
            "text": text,
            "agent": actor.get_full_name() or actor.username,
            "group": case.answer_group,
            "organisation": case.organisation,
        }
    )


@transaction.atomic
def reply_to_customer(*, actor: User, case: Case, text: str, language: str = "") -> OutboundEmail:
    """Sends the agent's answer to the customer by e-mail and records it on the case."""
    authz.require(actor, "cases.work_on_case", case)
    text = (text or "").strip()
    if not text:
        raise DomainError(_("Write the answer to the customer."), field="text")
    if len(text) > MAX_REPLY:
        raise DomainError(
            _("The answer is too long (at most %(limit)s characters).") % {"limit": MAX_REPLY},
            field="text",
        )
    language = validate_language(language or reply_language(case))
    last = last_received(case)
    recipient = reply_recipient(case, last)
    if not recipient:
        raise DomainError(NO_ADDRESS, code="no_email")
    contact = case_services.append_contact(
        actor=actor,
        case=case,
        channel=Channel.EMAIL,
        direction=Direction.OUTBOUND,
        summary=text,
    )
    sender = reply_sender(case, last)
    headers = {
        "Message-ID": new_message_id(case, sender),
        "X-Civicdesk-Case": case.reference,
    }
    if last is not None and last.message_id:
        headers["In-Reply-To"] = headers["References"] = last.message_id
    with translation.override(language):
        subject = reply_subject(case, last)
        body = render_reply(case=case, actor=actor, text=text)
    email = queue_email(
        dedupe_key=f"case-reply:{contact.pk}",
        organisation_id=case.organisation_id,
        to=[recipient],
        subject=subject,
        body_text=body,
        from_email=str(Address(display_name=case.organisation.name, addr_spec=sender)),
        reply_to=[sender],
        headers=headers,
    )
    return email
