"""E-mail demo: one mailbox per demo organisation and a few messages in its language, received
through `receive_message` as the IMAP poller, the MTA pipe and the gateway endpoint do: a
question (a new case in the front line), an HTML message whose remote image stays blocked
until the agent asks, the first sender's reply by In-Reply-To (the same case), and an
out-of-office answer that belongs to no case (the quarantine's first entry).

Idempotent: the messages are fixed bytes with fixed Message-IDs, so a second load finds every
one (dedupe) and adds nothing.
"""

from __future__ import annotations

from email.message import EmailMessage

from civicdesk.catalog.models import CaseType
from civicdesk.intake.models import InboundMessage, Mailbox, MessageSource, QuarantinedMessage
from civicdesk.intake.services import receive_message
from civicdesk.org.models import Organisation

ADDRESS = {"sv": "kontakt", "pl": "kontakt", "fi": "asiakaspalvelu"}
DATE = "Mon, 16 Nov 2026 08:12:00 +0100"

MESSAGES = {
    "sv": {
        "sender": ("Ingrid Holm", "ingrid.holm@medborgare.example"),
        "question": (
            "Fråga om snöröjning på Kanalgatan",
            "Hej!\n\nKanalgatan har inte plogats sedan i fredags och det är svårt att ta sig "
            "fram med rullator. När kommer plogbilen?\n\nVänliga hälsningar\nIngrid Holm",
        ),
        "html": (
            "Nyhetsbrev från Byaföreningen – frågor om badplatsen",
            "<p>Hej kommunen,</p><p>Byaföreningen undrar vem som sköter bryggan vid "
            "badplatsen i sommar.</p><p>Med vänlig hälsning<br>Per Åberg, ordförande</p>"
            '<img src="https://nyhetsbrev.byaforeningen.example/open.gif?id=4711" '
            'alt="Byaföreningens logotyp" width="120" height="40">',
            ("Per Åberg", "per.aberg@byaforeningen.example"),
        ),
        "reply": "Tack! Jag bor på Kanalgatan 14, om det hjälper.\n\n/Ingrid",
        "away": ("Frånvaro: Ert ärende", "Jag är ledig till och med 30 november."),
    },
    "pl": {
        "sender": ("Katarzyna Wójcik", "katarzyna.wojcik@poczta.example"),
        "question": (
            "Pytanie o kartę parkingową dla osoby niepełnosprawnej",
            "Dzień dobry,\n\nchciałabym złożyć wniosek o kartę parkingową dla mamy. Jakie "
            "dokumenty są potrzebne?\n\nZ poważaniem\nKatarzyna Wójcik",
        ),
        "html": (
            "Zapytanie wspólnoty mieszkaniowej o wywóz gabarytów",
            "<p>Dzień dobry,</p><p>wspólnota przy ul. Lipowej 7 prosi o termin wywozu "
            "odpadów wielkogabarytowych.</p><p>Zarząd wspólnoty<br>Marek Nowicki</p>"
            '<img src="https://newsletter.wspolnota.example/pixel.png?u=99" '
            'alt="Logo wspólnoty" width="120" height="40">',
            ("Marek Nowicki", "zarzad@wspolnota.example"),
        ),
        "reply": "Dziękuję, dosyłam jeszcze numer telefonu: 501 234 567.\n\nKatarzyna",
        "away": ("Automatyczna odpowiedź: urlop", "Jestem na urlopie do 30 listopada."),
    },
    "fi": {
        "sender": ("Aino Lehtonen", "aino.lehtonen@posti.example"),
        "question": (
            "Kysymys Kelan asumistuesta",
            "Hei,\n\nvoinko hakea asumistukea palvelupisteessä, jos en osaa käyttää "
            "verkkopalvelua?\n\nYstävällisin terveisin\nAino Lehtonen",
        ),
        "html": (
            "Kyläyhdistyksen kysymys kirjastoautosta",
            "<p>Hei,</p><p>kyläyhdistys kysyy, pysähtyykö kirjastoauto taas koululla "
            "joulukuussa.</p><p>Terveisin<br>Jussi Mäki, puheenjohtaja</p>"
            '<img src="https://uutiskirje.kylayhdistys.example/auki.gif?id=12" '
            'alt="Kyläyhdistyksen logo" width="120" height="40">',
            ("Jussi Mäki", "jussi.maki@kylayhdistys.example"),
        ),
        "reply": "Kiitos! Tulen ensi viikolla palvelupisteeseen.\n\nAino",
        "away": ("Automaattinen vastaus: lomalla", "Olen lomalla 30.11. asti."),
    },
}


def _mail(*, sender, to, subject, message_id, text="", html="", headers=None) -> bytes:
    mail = EmailMessage()
    mail["From"] = f"{sender[0]} <{sender[1]}>"
    mail["To"] = to
    mail["Subject"] = subject
    mail["Date"] = DATE
    mail["Message-ID"] = message_id
    for name, value in (headers or {}).items():
        mail[name] = value
    if html:
        mail.set_content(html, subtype="html")  # one part: no boundary to vary between loads
    else:
        mail.set_content(text)
    return bytes(mail)


def load(*, spec: dict, report) -> None:
    organisation = Organisation.objects.get(slug=spec["slug"])
    language = organisation.default_language if organisation.default_language in MESSAGES else "sv"
    texts = MESSAGES[language]
    address = f"{ADDRESS[language]}@{spec['slug']}.example"
    mailbox, created = Mailbox.objects.get_or_create(
        organisation=organisation,
        address=address,
        defaults={
            "name": {"sv": "Kontaktcenter", "pl": "Zielona Linia", "fi": "Asiakaspalvelu"}[
                language
            ],
            "default_case_type": CaseType.objects.filter(
                organisation=organisation, is_active=True, confidential_by_default=False
            )
            .order_by("code")
            .first(),
        },
    )
    report.count(Mailbox, created=created)
    slug = spec["slug"]
    question_id = f"<demo-question@{slug}.medborgare.example>"
    subject, text = texts["question"]
    html_subject, html, html_sender = texts["html"]
    away_subject, away_text = texts["away"]
    raws = [
        _mail(
            sender=texts["sender"], to=address, subject=subject, message_id=question_id, text=text
        ),
        _mail(
            sender=html_sender,
            to=address,
            subject=html_subject,
            message_id=f"<demo-html@{slug}.medborgare.example>",
            text="",
            html=html,
        ),
        _mail(
            sender=texts["sender"],
            to=address,
            subject=f"Re: {subject}",
            message_id=f"<demo-reply@{slug}.medborgare.example>",
            text=texts["reply"],
            headers={"In-Reply-To": question_id, "References": question_id},
        ),
        _mail(
            sender=("", f"kansli@{slug}.myndighet.example"),
            to=address,
            subject=away_subject,
            message_id=f"<demo-away@{slug}.myndighet.example>",
            text=away_text,
            headers={"Auto-Submitted": "auto-replied"},
        ),
    ]
    for raw in raws:
        result = receive_message(mailbox=mailbox, raw=raw, source=MessageSource.DEMO)
        model = InboundMessage if isinstance(result, InboundMessage) else QuarantinedMessage
        report.count(model, created=not getattr(result, "duplicate", False))
