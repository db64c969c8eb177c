"""A corpus of mail shaped like real traffic: each message ends as a contact on a case or in
quarantine with the expected reason, and none raises.

Messages marked {REFERENCE} continue a case: the test opens one first and writes its
reference in. The corpus is bytes as mail servers deliver them (CRLF, 8-bit, broken ones too).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from civicdesk.cases.choices import EventKind
from civicdesk.cases.models import CaseEvent
from civicdesk.intake.models import InboundMessage, QuarantinedMessage, QuarantineReason
from civicdesk.intake.services import receive_message
from civicdesk.intake.tests.conftest import CORPUS, build_mail

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class OnCase:
    subject: str = ""
    from_address: str = ""
    text: tuple[str, ...] = ()  # in the text body
    not_in_html: tuple[str, ...] = ()
    files: tuple[str, ...] = ()  # attachment names on the event
    threaded_by: str = "new"
    automatic: bool = False
    defects: bool = False
    remote_images: bool = False


@dataclass(frozen=True)
class Quarantined:
    reasons: frozenset[str] = field(default_factory=frozenset)


Q = QuarantineReason
EXPECTED = {
    "01_alternative_sv.eml": OnCase(
        subject="Fråga om bygglov för carport",
        from_address="anna.svensson@medborgare.example",
        text=("handläggningstiden är för bygglov",),
    ),
    "02_mixed_pdf_attachment.eml": OnCase(
        subject="Hakemus liitteenä", text=("liitteenä hakemukseni",), files=("hakemus.pdf",)
    ),
    "03_forward_nested.eml": OnCase(
        subject="Fwd: Fwd: Wniosek o dowód osobisty",
        text=("Proszę o informację",),
        files=("forwarded.eml",),
    ),
    "04_inline_image.eml": OnCase(
        subject="Hål i vägen på Storgatan", text=("stort hål i vägen",), files=("image001.png",)
    ),
    "05_calendar_invitation.eml": OnCase(
        subject="Inbjudan: Möte om detaljplan",
        text=("möte om detaljplanen",),
        files=("attachment.ics", "invite.ics"),
    ),
    "06_polish_iso8859_2_qp.eml": OnCase(
        subject="Zgłoszenie awarii oświetlenia Żółkiewskiego",
        from_address="lukasz.g@poczta.example",
        text=("uszkodzoną latarnię przy ulicy Żółkiewskiego", "Łukasz Grzegorczyk"),
    ),
    "07_swedish_windows1252.eml": OnCase(
        subject="Fel på fakturan – avfallshämtning",
        text=("1 200 € för ”avfallshämtning” – men vi har inget kärl", "Åsa Öberg"),
    ),
    "08_finnish_iso8859_1_base64.eml": OnCase(
        subject="Päiväkotihakemus", text=("päiväkotihakemukseni käsitellään", "Matti Mäkelä")
    ),
    "09_mislabelled_latin1_with_cp1252_quotes.eml": OnCase(
        text=("kiitos “nopeasta” vastauksesta – asia",)
    ),
    "10_missing_headers.eml": OnCase(from_address="nils@medborgare.example", text=("återvinning",)),
    "11_duplicated_headers.eml": OnCase(
        subject="Snöröjning", from_address="olle@medborgare.example", text=("inte plogad",)
    ),
    "12_broken_boundary.eml": OnCase(subject="Bifogar ritningen", defects=True),
    "13_attachment_over_limit.eml": Quarantined(frozenset({Q.ATTACHMENT_REFUSED})),
    "14_header_line_500k.eml": Quarantined(frozenset({Q.HEADER_TOO_LARGE})),
    "15_out_of_office.eml": Quarantined(frozenset({Q.AUTOMATIC})),
    "16_bounce_dsn.eml": OnCase(
        subject="Undelivered Mail Returned to Sender",
        text=("User unknown", "Final-Recipient"),
        threaded_by="headers",
        automatic=True,
    ),
    "17_loop_from_own_address.eml": Quarantined(frozenset({Q.AUTOMATIC})),
    "18_html_only_tracking.eml": OnCase(
        text=("Varför kostar parkeringen vid simhallen",),
        not_in_html=("<script", "onload", "style", "javascript:", "<iframe", "<form", "evil"),
        remote_images=True,
    ),
    "19_reply_with_reference.eml": OnCase(
        text=("skickar jag in ritningen",), threaded_by="subject"
    ),
    "20_reply_by_headers_only.eml": OnCase(text=("En fråga till",), threaded_by="headers"),
    "21_no_sender.eml": Quarantined(frozenset({Q.NO_SENDER})),
    "22_binary_garbage.eml": Quarantined(frozenset({Q.NO_SENDER, Q.UNPARSEABLE})),
    "23_too_many_addresses.eml": Quarantined(frozenset({Q.TOO_MANY_ADDRESSES})),
    "24_rfc2231_filename_octet_stream.eml": OnCase(
        subject="Ansökan", files=("ansökan bygglov.pdf",)
    ),
    "25_executable_attachment.eml": Quarantined(frozenset({Q.ATTACHMENT_REFUSED})),
    "26_truncated_base64_and_unknown_charset.eml": OnCase(text=("bibliotekets"), defects=True),
}


def test_every_corpus_file_has_an_expectation():
    assert sorted(path.name for path in CORPUS.glob("*.eml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_message(name, mailbox, settings):
    settings.CIVICDESK_ATTACHMENT_MAX_BYTES = 100 * 1024
    raw = (CORPUS / name).read_bytes()
    if b"{REFERENCE}" in raw:
        earlier = receive_message(mailbox=mailbox, raw=build_mail(), source="imap")
        raw = raw.replace(b"{REFERENCE}", earlier.case.reference.encode())
    contacts_before = CaseEvent.objects.filter(kind=EventKind.CONTACT).count()
    result = receive_message(mailbox=mailbox, raw=raw, source="imap")
    expected = EXPECTED[name]
    new_contacts = CaseEvent.objects.filter(kind=EventKind.CONTACT).count() - contacts_before
    if isinstance(expected, Quarantined):
        assert isinstance(result, QuarantinedMessage), result
        assert result.reason in expected.reasons, (result.reason, result.detail)
        assert result.detail and bytes(result.raw) == raw and new_contacts == 0
        return
    assert isinstance(result, InboundMessage), (result.reason, result.detail)
    assert new_contacts == 1 and result.event.case_id == result.case_id
    assert bytes(result.raw) == raw
    if expected.subject:
        assert result.subject == expected.subject
    if expected.from_address:
        assert result.from_address == expected.from_address
    for text in (expected.text,) if isinstance(expected.text, str) else expected.text:
        assert text in result.body_text, result.body_text
    for text in expected.not_in_html:
        assert text not in result.body_html, result.body_html
    files = sorted(
        result.case.attachments.filter(event=result.event).values_list("filename", flat=True)
    )
    assert files == sorted(expected.files)
    assert result.threaded_by == expected.threaded_by
    assert result.is_automatic == expected.automatic
    assert bool(result.defects) == expected.defects, result.defects
    assert result.has_remote_images == expected.remote_images


def test_the_same_corpus_twice_adds_nothing(mailbox, settings):
    settings.CIVICDESK_ATTACHMENT_MAX_BYTES = 100 * 1024
    raws = [path.read_bytes() for path in sorted(CORPUS.glob("*.eml"))]
    first = [receive_message(mailbox=mailbox, raw=raw, source="imap") for raw in raws]
    counts = (
        CaseEvent.objects.count(),
        InboundMessage.objects.count(),
        QuarantinedMessage.objects.count(),
    )
    again = [receive_message(mailbox=mailbox, raw=raw, source="pipe") for raw in raws]
    assert [(type(a), a.pk) for a in again] == [(type(f), f.pk) for f in first]
    assert counts == (
        CaseEvent.objects.count(),
        InboundMessage.objects.count(),
        QuarantinedMessage.objects.count(),
    )
