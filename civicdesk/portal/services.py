"""What the citizens' pages change: a message through the web form becomes a case, and a status
look-up sends a one-time code and checks it. docs/portal.md describes both."""

from __future__ import annotations

import datetime
import hmac
import secrets
from dataclasses import dataclass
from enum import Enum

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from civicdesk.cases.choices import Channel, EventKind
from civicdesk.cases.models import Case
from civicdesk.cases.services import attach_file, check_attachment, register_contact
from civicdesk.catalog.models import CaseType
from civicdesk.core import crypto
from civicdesk.core.errors import DomainError
from civicdesk.customers.contacts import normalise_email, normalise_phone
from civicdesk.customers.selectors import sole_customer_reachable_at
from civicdesk.integrations.mail import queue_email
from civicdesk.org.models import Organisation
from civicdesk.org.services import channel_service_user
from civicdesk.portal import conf, selectors
from civicdesk.portal.models import CodeChannel, StatusCode, WebFormContact
from civicdesk.sms.services import queue_sms

# --- the contact form --------------------------------------------------------------------------


@dataclass(frozen=True)
class Upload:
    filename: str
    content_type: str
    content: bytes


def sender_details(*, email: str, phone: str, region: str) -> tuple[str, str]:
    """The sender's e-mail address and phone number, normalised; at least one is needed to
    answer. A DomainError names the field."""
    email = normalise_email(email) if email.strip() else ""
    phone = normalise_phone(phone, region=region) if phone.strip() else ""
    if not email and not phone:
        raise DomainError(
            _("Give an e-mail address or a phone number, so that we can answer you."),
            field="email",
        )
    return email, phone


@transaction.atomic
def submit_web_form(
    *,
    organisation: Organisation,
    case_type: CaseType,
    subject: str,
    message: str,
    name: str,
    email: str,
    phone: str,
    language: str,
    attachment: Upload | None = None,
) -> Case:
    """Registers a message from the web form as a new, unassigned case of the front line.

    The sender is linked to a customer only when their e-mail address or phone number points
    to exactly one; nobody is added to the register from an unverified form. Their name and
    contact details go on the case's contact (the agents need them to answer) and, as keyed
    hashes only, on the WebFormContact that a status look-up checks. A confirmation with the
    reference goes to the e-mail address, or by SMS to a phone number given alone; it never
    repeats what the sender wrote, so the form cannot send someone else a message of a
    stranger's choosing.
    """
    email, phone = sender_details(email=email, phone=phone, region=organisation.country)
    name = name.strip()
    if attachment is not None:
        check_attachment(
            filename=attachment.filename,
            content_type=attachment.content_type,
            size=len(attachment.content),
        )
    actor = channel_service_user(organisation, Channel.WEB_FORM)
    case = register_contact(
        actor=actor,
        organisation=organisation,
        channel=Channel.WEB_FORM,
        case_type=case_type,
        subject=subject,
        description=message,
        customer=sole_customer_reachable_at(organisation.pk, email=email, phone=phone),
        summary=_summary(organisation, name=name, email=email, phone=phone, language=language),
        assign_to_actor=False,
    )
    if attachment is not None:
        attach_file(
            actor=actor,
            case=case,
            filename=attachment.filename,
            content_type=attachment.content_type,
            content=attachment.content,
            event=case.events.get(kind=EventKind.CONTACT),
        )
    WebFormContact.objects.create(
        organisation=organisation,
        case=case,
        language=language,
        email_hash=selectors.contact_hash(CodeChannel.EMAIL, email) if email else "",
        phone_hash=selectors.contact_hash(CodeChannel.SMS, phone) if phone else "",
    )
    _confirm(case, case_type=case_type, email=email, phone=phone, language=language)
    return case


def _summary(organisation: Organisation, *, name: str, email: str, phone: str, language: str):
    """The contact's text on the timeline, in the organisation's language (agents read it)."""
    with translation.override(organisation.default_language):
        lines = [
            _("Sent through the web form in %(language)s.")
            % {"language": translation.get_language_info(language)["name_translated"]},
            _("Name: %(name)s") % {"name": name or "–"},
        ]
        if email:
            lines.append(_("E-mail: %(email)s") % {"email": email})
        if phone:
            lines.append(_("Phone: %(phone)s") % {"phone": phone})
    return "\n".join(lines)


def _status_url(organisation: Organisation, language: str) -> str:
    path = reverse("portal:status", args=[organisation.slug])
    return f"{settings.SITE_URL}{path}?lang={language}"


def _confirm(case: Case, *, case_type: CaseType, email: str, phone: str, language: str) -> None:
    organisation = case.organisation
    with translation.override(language):
        context = {
            "organisation": organisation,
            "reference": case.reference,
            "topic": case_type.topic.name_in(language) if case_type.topic else "",
            "status_url": _status_url(organisation, language),
        }
        if email:
            queue_email(
                dedupe_key=f"portal-confirmation:{case.pk}",
                to=[email],
                subject=render_to_string("portal/email/confirmation_subject.txt", context).strip(),
                body_text=render_to_string("portal/email/confirmation.txt", context),
                organisation_id=organisation.pk,
            )
        else:
            queue_sms(
                organisation=organisation,
                to=phone,
                text=_(
                    "%(organisation)s has received your message. Your reference is "
                    "%(reference)s. Follow it at %(url)s"
                )
                % {
                    "organisation": organisation.name,
                    "reference": case.reference,
                    "url": context["status_url"],
                },
                dedupe_key=f"portal-confirmation:{case.pk}",
                case=case,
            )


# --- the status look-up ------------------------------------------------------------------------


def contact_detail(raw: str, *, region: str) -> tuple[str, str]:
    """(channel, normalised value) of what the citizen typed: an e-mail address or a phone
    number."""
    raw = (raw or "").strip()
    if "@" in raw:
        return CodeChannel.EMAIL, normalise_email(raw, field="contact")
    try:
        return CodeChannel.SMS, normalise_phone(raw, region=region, field="contact")
    except DomainError:
        raise DomainError(
            _("Give the e-mail address or the phone number you gave with your message."),
            field="contact",
        ) from None


def _code_hash(token: str, code: str) -> str:
    return crypto.lookup_hash("portal-status-code", f"{token}:{code}")


@transaction.atomic
def request_status_code(
    *, organisation: Organisation, reference: str, contact: str, language: str
) -> StatusCode:
    """Sends a one-time code to the citizen when the reference and the contact detail belong
    to one web-form case; otherwise sends nothing. Either way it returns a StatusCode (without
    a case when nothing matched), so the citizen's next page is the same and never tells
    whether the reference exists."""
    channel, value = contact_detail(contact, region=organisation.country)
    reference = reference.strip().upper()
    case = selectors.web_form_case(organisation, reference, channel, value)
    token = secrets.token_urlsafe(32)
    code = f"{secrets.randbelow(1_000_000):06d}"
    status_code = StatusCode.objects.create(
        organisation=organisation,
        token=token,
        case=case,
        channel=channel,
        code_hash=_code_hash(token, code),
        expires_at=timezone.now() + conf.code_lifetime(),
    )
    if case is not None:
        _send_code(status_code, organisation=organisation, to=value, code=code, language=language)
    return status_code


def _send_code(status_code: StatusCode, *, organisation, to: str, code: str, language: str):
    minutes = int(conf.code_lifetime().total_seconds() // 60)
    with translation.override(language):
        context = {"organisation": organisation, "code": code, "minutes": minutes}
        if status_code.channel == CodeChannel.EMAIL:
            queue_email(
                dedupe_key=f"portal-code:{status_code.pk}",
                to=[to],
                subject=render_to_string("portal/email/code_subject.txt", context).strip(),
                body_text=render_to_string("portal/email/code.txt", context),
                organisation_id=organisation.pk,
            )
        else:
            queue_sms(
                organisation=organisation,
                to=to,
                text=_(
                    "Your code to see the status of your case at %(organisation)s: %(code)s. "
                    "It is valid for %(minutes)s minutes."
                )
                % {"organisation": organisation.name, "code": code, "minutes": minutes},
                dedupe_key=f"portal-code:{status_code.pk}",
            )


class CodeCheck(Enum):
    RIGHT = "right"
    WRONG = "wrong"
    SPENT = "spent"  # expired, used, or tried too often: ask for a new code


def attempts_left(status_code: StatusCode) -> int:
    return max(conf.code_attempts() - status_code.attempts, 0)


def is_spent(status_code: StatusCode) -> bool:
    """Used, expired or tried too often: only a new code helps."""
    return (
        status_code.verified_at is not None
        or status_code.expires_at <= timezone.now()
        or not attempts_left(status_code)
    )


@transaction.atomic
def check_status_code(*, status_code: StatusCode, code: str) -> CodeCheck:
    """Checks a code the citizen typed. Each try counts; after CIVICDESK_PORTAL_CODE_ATTEMPTS
    wrong ones, or once the code expired or was used, the code is spent. A request that matched
    no case has no right code."""
    status_code.refresh_from_db(from_queryset=StatusCode.objects.select_for_update())
    if is_spent(status_code):
        return CodeCheck.SPENT
    status_code.attempts += 1
    code = "".join(ch for ch in (code or "") if ch.isdigit())
    right = status_code.case_id is not None and hmac.compare_digest(
        status_code.code_hash, _code_hash(status_code.token, code)
    )
    if right:
        status_code.verified_at = timezone.now()
    status_code.save(update_fields=["attempts", "verified_at", "updated_at"])
    return CodeCheck.RIGHT if right else CodeCheck.WRONG


def prune_status_codes(now=None) -> int:
    """Forgets codes expired for a day (a verified one shows the status only while valid)."""
    now = now or timezone.now()
    cutoff = now - conf.code_lifetime() - datetime.timedelta(days=1)
    deleted, _counts = StatusCode.objects.filter(expires_at__lt=cutoff).delete()
    return deleted
