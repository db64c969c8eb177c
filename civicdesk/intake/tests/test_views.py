"""The agent's view of a message and the administrators' quarantine."""

from __future__ import annotations

import pytest
from django.urls import reverse

from civicdesk.customers.models import PersonalDataAccess
from civicdesk.intake.models import InboundMessage, QuarantinedMessage
from civicdesk.intake.services import receive_message
from civicdesk.intake.tests.conftest import build_mail
from civicdesk.org.choices import Role
from civicdesk.testing import factories

pytestmark = pytest.mark.django_db

TRACKING_HTML = (
    '<p onclick="steal()">Hej!<script>alert(1)</script></p>'
    '<img src="https://tracker.example/pixel.gif?who=anna" alt="logo">'
    '<p style="background:url(https://tracker.example/bg)">Tack</p>'
    '<a href="javascript:alert(1)">x</a><a href="https://kommun.example/info">info</a>'
)


def agent_of(mailbox, *roles):
    return factories.UserFactory(
        organisation=mailbox.organisation, roles=list(roles) or ["general_agent"]
    )


def test_remote_images_are_blocked_until_the_agent_asks(client, mailbox):
    message = receive_message(mailbox=mailbox, raw=build_mail(html=TRACKING_HTML), source="imap")
    assert message.has_remote_images
    assert "script" not in message.body_html and "onclick" not in message.body_html
    assert "style" not in message.body_html and "javascript" not in message.body_html
    client.force_login(agent_of(mailbox))
    url = reverse("intake:message", args=[message.pk])
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "tracker.example" not in html
    assert 'sandbox="allow-popups allow-popups-to-escape-sandbox"' in html
    assert "img-src 'self' data:;" in page["Content-Security-Policy"] + ";"
    assert "Show remote images" in html
    shown = client.get(url + "?images=remote")
    assert "https://tracker.example/pixel.gif" in shown.content.decode()
    assert "https:" in shown["Content-Security-Policy"].split("img-src")[1].split(";")[0]


def test_inline_images_show_from_the_message_itself(client, mailbox):
    from email.message import EmailMessage

    mail = EmailMessage()
    mail["From"] = "anna@medborgare.example"
    mail["To"] = "kontakt@kommun.example"
    mail["Subject"] = "Bild på hålet i vägen"
    mail.set_content("Se bilden")
    mail.add_alternative('<p>Se bilden</p><img src="cid:hole@x">', subtype="html")
    mail.get_payload()[1].add_related(
        b"\x89PNG\r\n\x1a\nfake", maintype="image", subtype="png", cid="<hole@x>"
    )
    message = receive_message(mailbox=mailbox, raw=bytes(mail), source="imap")
    assert not message.has_remote_images and message.content_ids == {
        "hole@x": message.case.attachments.get().pk
    }
    client.force_login(agent_of(mailbox))
    page = client.get(reverse("intake:message", args=[message.pk])).content.decode()
    assert "data:image/png;base64," in page


def test_the_case_timeline_links_each_mail_in_one_query(
    client, mailbox, django_assert_max_num_queries
):
    first = receive_message(mailbox=mailbox, raw=build_mail(), source="imap")
    for n in range(3):
        receive_message(
            mailbox=mailbox, raw=build_mail(subject=f"{first.case.reference} #{n}"), source="imap"
        )
    client.force_login(agent_of(mailbox))
    url = reverse("cases:detail", args=[first.case_id])
    client.get(url)
    with django_assert_max_num_queries(40) as captured:
        page = client.get(url).content.decode()
    mail_queries = [q for q in captured.captured_queries if "intake_inboundmessage" in q["sql"]]
    assert len(mail_queries) == 1
    for message in InboundMessage.objects.all():
        assert reverse("intake:message", args=[message.pk]) in page


def test_opening_a_customers_mail_is_in_the_access_log(client, mailbox):
    customer = factories.CustomerFactory(
        organisation=mailbox.organisation, emails=["anna@medborgare.example"]
    )
    message = receive_message(mailbox=mailbox, raw=build_mail(), source="imap")
    agent = agent_of(mailbox)
    client.force_login(agent)
    client.get(reverse("intake:message", args=[message.pk]))
    assert PersonalDataAccess.objects.filter(customer=customer, actor=agent).count() == 1


def test_a_confidential_cases_mail_is_hidden_from_those_outside_it(client, mailbox):
    mailbox.default_case_type.confidential_by_default = True
    mailbox.default_case_type.save()
    group = factories.AnswerGroupFactory(organisation=mailbox.organisation)
    mailbox.answer_group = group
    mailbox.save()
    message = receive_message(mailbox=mailbox, raw=build_mail(), source="imap")
    outsider = agent_of(mailbox)
    client.force_login(outsider)
    assert client.get(reverse("intake:message", args=[message.pk])).status_code == 404
    assert client.get(reverse("intake:message_original", args=[message.pk])).status_code == 404
    member = agent_of(mailbox)
    group.memberships.create(user=member)
    member.__dict__.pop("group_ids", None)
    client.force_login(member)
    assert client.get(reverse("intake:message", args=[message.pk])).status_code == 200
    original = client.get(reverse("intake:message_original", args=[message.pk]))
    assert original.content == bytes(message.raw)
    assert original["Content-Disposition"].startswith("attachment")


def quarantined(mailbox) -> QuarantinedMessage:
    return receive_message(
        mailbox=mailbox,
        raw=b"Subject: =?utf-8?q?<script>alert(1)</script>?=\r\n\r\nno sender\r\n",
        source="pipe",
    )


def test_only_administrators_see_the_quarantine(client, mailbox):
    item = quarantined(mailbox)
    client.force_login(agent_of(mailbox, Role.TEAM_LEAD))
    assert client.get(reverse("intake:quarantine")).status_code == 403
    assert client.get(reverse("intake:quarantined", args=[item.pk])).status_code == 403
    assert client.post(reverse("intake:discard", args=[item.pk])).status_code == 403
    client.force_login(agent_of(mailbox, Role.ADMINISTRATOR))
    listing = client.get(reverse("intake:quarantine")).content.decode()
    assert reverse("intake:quarantined", args=[item.pk]) in listing
    detail = client.get(reverse("intake:quarantined", args=[item.pk])).content.decode()
    assert "<script>alert" not in detail and "&lt;script&gt;" in detail
    original = client.get(reverse("intake:quarantined_original", args=[item.pk]))
    assert original.content == bytes(item.raw)


def test_discarding_keeps_the_row(client, mailbox):
    item = quarantined(mailbox)
    admin = agent_of(mailbox, Role.ADMINISTRATOR)
    client.force_login(admin)
    client.post(reverse("intake:discard", args=[item.pk]))
    item.refresh_from_db()
    assert item.resolution == "discarded" and item.resolved_by == admin
    assert (
        reverse("intake:quarantined", args=[item.pk])
        not in client.get(reverse("intake:quarantine")).content.decode()
    )


def test_releasing_an_attachment_over_the_limit_leaves_the_file_out(client, mailbox, settings):
    settings.CIVICDESK_ATTACHMENT_MAX_BYTES = 1000
    from email.message import EmailMessage

    mail = EmailMessage()
    mail["From"] = "anna@medborgare.example"
    mail["Subject"] = "Ritning"
    mail.set_content("Här är ritningen")
    mail.add_attachment(
        b"%PDF" + b"x" * 5000, maintype="application", subtype="pdf", filename="ritning.pdf"
    )
    item = receive_message(mailbox=mailbox, raw=bytes(mail), source="imap")
    assert isinstance(item, QuarantinedMessage) and item.reason == "attachment"
    assert "ritning.pdf" in item.detail
    client.force_login(agent_of(mailbox, Role.ADMINISTRATOR))
    response = client.post(reverse("intake:release", args=[item.pk]))
    message = InboundMessage.objects.get()
    assert response.url == reverse("cases:detail", args=[message.case_id])
    assert "ritning.pdf" in message.event.text and not message.case.attachments.exists()
    item.refresh_from_db()
    assert item.resolution == "released" and item.released_as == message
    assert client.post(reverse("intake:release", args=[item.pk])).status_code == 302
    assert InboundMessage.objects.count() == 1


def test_a_message_that_still_fails_stays_in_quarantine(client, mailbox):
    item = quarantined(mailbox)
    client.force_login(agent_of(mailbox, Role.ADMINISTRATOR))
    client.post(reverse("intake:release", args=[item.pk]))
    item.refresh_from_db()
    assert item.resolved_at is None and not InboundMessage.objects.exists()


def test_administrators_find_the_quarantine_in_the_menu(client, mailbox):
    client.force_login(agent_of(mailbox, Role.ADMINISTRATOR))
    assert reverse("intake:quarantine") in client.get(reverse("home")).content.decode()
    client.force_login(agent_of(mailbox, Role.GENERAL_AGENT))
    assert reverse("intake:quarantine") not in client.get(reverse("home")).content.decode()
