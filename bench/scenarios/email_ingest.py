"""(m) E-mail ingestion on one core from a local source: messages per second and memory.

10,000 raw messages are built in memory first (so the source costs nothing): about 70 % new
questions from citizens in the organisation's language, 25 % replies that name their case in
the subject or only in In-Reply-To, and 5 % auto-replies to such replies; one in five carries a
small PDF and one in three an HTML alternative. Each goes through
`civicdesk.intake.services.receive_message`, as the IMAP poller, the MTA pipe and the gateway
endpoint call it, in this process, one transaction per message. Recorded: messages per second
over all of them (target at least 200), and the resident memory after 1,000 and after 10,000
messages, with the growth between them (target: flat, that is a few MiB at most, not growing
with the count). Python's own allocations (tracemalloc) are sampled in a second, shorter pass
so that tracing does not weigh on the rate.
"""

from __future__ import annotations

import gc
import random
import time
import tracemalloc
from email.message import EmailMessage
from email.utils import format_datetime

from django.utils import timezone

from civicdesk.catalog.models import CaseType
from civicdesk.intake.models import InboundMessage, Mailbox, QuarantinedMessage
from civicdesk.intake.services import receive_message
from civicdesk.org.models import Organisation

MESSAGES = 10_000
TRACED = 2_000
CHECKPOINT = 1_000
PDF = b"%PDF-1.4\n" + b"0" * 12_000 + b"\n%%EOF\n"

QUESTIONS = {
    "sv": ("Fråga om bygglov", "Hej! Hur lång är handläggningstiden för bygglov för en carport?"),
    "pl": ("Pytanie o dowód osobisty", "Dzień dobry, ile trwa wydanie dowodu osobistego?"),
    "fi": ("Kysymys päiväkodista", "Hei, milloin päiväkotihakemukseni käsitellään?"),
    "en": ("A question", "Hello, how long does a building permit take?"),
}


def _rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * 4096 / 1048576


def _mailbox(organisation: Organisation) -> Mailbox:
    case_type = CaseType.objects.filter(organisation=organisation, is_active=True).first()
    mailbox, _created = Mailbox.objects.get_or_create(
        organisation=organisation,
        address=f"bench-{organisation.slug}@kommun.example",
        defaults={"name": "Benchmark mailbox", "default_case_type": case_type},
    )
    return mailbox


def _messages(organisation: Organisation, mailbox: Mailbox, count: int, run: str, rng) -> list:
    """Raw messages; a reply names a case that an earlier message of the run opened, by the
    reference it will have (numbers are given in order) or by that message's Message-ID."""
    subject, text = QUESTIONS.get(organisation.default_language, QUESTIONS["en"])
    first_number = _next_number(organisation)
    year = timezone.localtime().year
    raws, new_ids = [], []
    for index in range(count):
        mail = EmailMessage()
        sender = f"person{rng.randint(1, 5000)}@medborgare.example"
        mail["From"] = f"Citizen {index} <{sender}>"
        mail["To"] = mailbox.address
        mail["Date"] = format_datetime(timezone.now())
        mail["Message-ID"] = f"<{run}.{index}@medborgare.example>"
        roll = rng.random()
        if roll < 0.70 or not new_ids:
            mail["Subject"] = f"{subject} {index}"
            new_ids.append(index)
            body = f"{text}\n\n{sender}"
        else:
            parent = rng.choice(new_ids)
            number = first_number + new_ids.index(parent)
            reference = f"{organisation.reference_prefix}-{year}-{number:06d}"
            if roll < 0.85:
                mail["Subject"] = f"Re: [{reference}] {subject}"
            else:
                mail["Subject"] = f"Re: {subject}"
                mail["In-Reply-To"] = f"<{run}.{parent}@medborgare.example>"
            if roll >= 0.95:
                mail["Auto-Submitted"] = "auto-replied"
            body = "Tack för svaret!\n\n> " + text
        mail.set_content(body)
        if index % 3 == 0:
            mail.add_alternative(f"<p>{body}</p>", subtype="html")
        if index % 5 == 0:
            mail.add_attachment(PDF, maintype="application", subtype="pdf", filename="bilaga.pdf")
        raws.append(bytes(mail))
    return raws


def _next_number(organisation: Organisation) -> int:
    from civicdesk.cases.models import CaseSequence

    year = timezone.localtime().year
    row = CaseSequence.objects.filter(organisation=organisation, year=year).first()
    return (row.last_number if row else 0) + 1


def _receive_all(mailbox: Mailbox, raws: list[bytes], *, checkpoints=()) -> tuple[float, dict]:
    memory = {}
    memory["cpu_started"] = time.process_time()
    started = time.perf_counter()
    for index, raw in enumerate(raws, start=1):
        result = receive_message(mailbox=mailbox, raw=raw, source="bench")
        if isinstance(result, QuarantinedMessage):
            raise RuntimeError(f"benchmark message {index} quarantined: {result.detail}")
        if index in checkpoints:
            gc.collect()
            memory[index] = _rss_mib()
    elapsed = time.perf_counter() - started
    memory["cpu_seconds"] = time.process_time() - memory.pop("cpu_started")
    return elapsed, memory


def run(bench) -> None:
    organisation = Organisation.objects.order_by("pk").first()
    mailbox = _mailbox(organisation)
    rng = random.Random(bench.seed)
    before = InboundMessage.objects.count()
    raws = _messages(organisation, mailbox, MESSAGES, f"bench-{time.time_ns()}", rng)
    size = sum(map(len, raws)) / len(raws)
    print(f"  {MESSAGES:,} messages built, {size / 1024:.1f} KiB on average")
    gc.collect()
    elapsed, memory = _receive_all(mailbox, raws, checkpoints={CHECKPOINT, MESSAGES})
    del raws
    received = InboundMessage.objects.count() - before
    if received != MESSAGES:
        raise RuntimeError(f"{received} messages received of {MESSAGES}")
    growth = memory[MESSAGES] - memory[CHECKPOINT]
    print(
        f"  {MESSAGES / elapsed:.0f} messages/s; RSS {memory[CHECKPOINT]:.1f} MiB after "
        f"{CHECKPOINT:,}, {memory[MESSAGES]:.1f} MiB after {MESSAGES:,}"
    )
    bench.record("email.ingest_rate", MESSAGES / elapsed, "messages/s")
    # CPU time of this process alone: what the rate would be on a core nobody else uses.
    cpu_ms = memory["cpu_seconds"] * 1000 / MESSAGES
    print(f"  {cpu_ms:.2f} ms CPU per message in this process")
    bench.record("email.ingest_cpu_per_message", cpu_ms, "ms")
    bench.record("email.ingest_rss_after_1000", memory[CHECKPOINT], "MiB")
    bench.record("email.ingest_rss_after_10000", memory[MESSAGES], "MiB")
    bench.record("email.ingest_rss_growth_1000_to_10000", growth, "MiB")

    # Python allocations still held, over a traced pass (slower, so not in the rate above).
    raws = _messages(organisation, mailbox, TRACED, f"traced-{time.time_ns()}", rng)
    tracemalloc.start()
    _receive_all(mailbox, raws[: TRACED // 4])
    gc.collect()
    low, _peak = tracemalloc.get_traced_memory()
    _receive_all(mailbox, raws[TRACED // 4 :])
    gc.collect()
    high, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    per_thousand = (high - low) / 1024 / ((TRACED - TRACED // 4) / 1000)
    print(f"  traced Python memory held: {per_thousand:.1f} KiB more per 1,000 messages")
    bench.record("email.ingest_traced_growth_per_1000", per_thousand, "KiB")
