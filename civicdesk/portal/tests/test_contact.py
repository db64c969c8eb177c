"""The contact form: a message becomes a web-form case, the reference is shown and mailed."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from civicdesk.cases.choices import Channel, EventKind, Status
from civicdesk.cases.models import Case, CaseAttachment
from civicdesk.customers.models import Customer
from civicdesk.integrations.models import OutboundEmail
from civicdesk.portal.models import WebFormContact
from civicdesk.portal.tests.helpers import contact_url, message, send
from civicdesk.sms.models import OutboundSms
from civicdesk.testing import factories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_fill_time")]


def web_form_cases(tenant):
    return Case.objects.filter(organisation=tenant.organisation, channel=Channel.WEB_FORM)


def test_a_message_becomes_an_unassigned_web_form_case_with_its_reference_on_screen(
    client, tenant_a, django_capture_on_commit_callbacks
):
    page = client.get(contact_url(tenant_a)).content.decode()
    assert tenant_a.topic.name_en in page
    with django_capture_on_commit_callbacks(execute=True):
        sent = send(client, tenant_a)
    assert sent.status_code == 302
    case = web_form_cases(tenant_a).get()
    assert (case.case_type, case.status, case.handler) == (tenant_a.case_type, Status.NEW, None)
    assert case.subject == "Broken street light"
    assert case.description == "The light outside Storgatan 12 has been dark for a week."
    assert case.registered_by.is_channel_account
    contact = case.events.get(kind=EventKind.CONTACT)
    assert "Anna Berg" in contact.text and "anna.berg@example.se" in contact.text

    thanks = client.get(sent["Location"])
    assert case.reference in thanks.content.decode()
    assert client.get(sent["Location"]).status_code == 200  # a reload shows it again

    (confirmation,) = mail.outbox
    assert confirmation.to == ["anna.berg@example.se"]
    assert case.reference in confirmation.subject and case.reference in confirmation.body
    assert reverse("portal:status", args=[tenant_a.organisation.slug]) in confirmation.body
    # Never what the sender wrote: the form must not relay a stranger's text to an address.
    assert "Storgatan" not in confirmation.body and "Anna Berg" not in confirmation.body


def test_only_hashes_of_the_contact_details_are_kept_beside_the_case(client, tenant_a):
    send(client, tenant_a, message(tenant_a, phone="070-555 01 99"))
    sender = WebFormContact.objects.get(case__channel=Channel.WEB_FORM)
    assert sender.language == "en"
    assert len(sender.email_hash) == len(sender.phone_hash) == 64
    stored = " ".join(str(value) for value in WebFormContact.objects.values().get().values())
    assert "anna" not in stored.lower() and "555" not in stored


def test_a_known_sender_is_linked_to_their_customer_and_a_stranger_is_not_registered(
    client, tenant_a
):
    customers = Customer.objects.count()
    send(client, tenant_a, message(tenant_a, email=f"Citizen@{tenant_a.organisation.slug}.example"))
    send(client, tenant_a, message(tenant_a, email="stranger@example.se"))
    known, stranger = web_form_cases(tenant_a).order_by("pk")
    assert known.customer == tenant_a.customer
    assert stranger.customer is None
    assert Customer.objects.count() == customers


def test_details_pointing_to_two_customers_link_neither(client, tenant_a):
    other = factories.CustomerFactory(
        organisation=tenant_a.organisation, emails=["other@example.se"]
    )
    send(
        client,
        tenant_a,
        message(
            tenant_a,
            email="other@example.se",
            phone=tenant_a.customer.contacts.get(kind="phone").value,
        ),
    )
    assert web_form_cases(tenant_a).get().customer is None
    assert other.cases.count() == 0


def test_the_confirmation_goes_out_in_the_citizens_language(client, tenant_a):
    send(client, tenant_a, lang="pl")
    confirmation = OutboundEmail.objects.get(dedupe_key__startswith="portal-confirmation:")
    with translation.override("pl"):
        opening = translation.gettext("Thank you for writing to %(name)s.").split("%")[0]
    assert opening != "Thank you for writing to "
    assert opening in confirmation.body_text
    assert "lang=pl" in confirmation.body_text


def test_a_sender_with_only_a_phone_gets_the_reference_by_sms(client, tenant_a):
    send(client, tenant_a, message(tenant_a, email="", phone="070-555 01 99"))
    case = web_form_cases(tenant_a).get()
    sms = OutboundSms.objects.get(case=case)
    assert sms.to == "+46705550199"
    assert case.reference in sms.text
    assert not OutboundEmail.objects.filter(dedupe_key__startswith="portal-confirmation:").exists()


def test_without_a_way_to_answer_nothing_is_sent_and_the_text_is_kept(client, tenant_a):
    answer = send(client, tenant_a, message(tenant_a, email="", phone=""))
    assert answer.status_code == 400
    page = answer.content.decode()
    assert "Give an e-mail address or a phone number" in page
    assert "Storgatan 12 has been dark" in page
    assert not web_form_cases(tenant_a).exists()
    bad = send(client, tenant_a, message(tenant_a, email="anna@", phone="12"))
    assert "is not a valid e-mail address" in bad.content.decode()
    assert "is not a valid phone number" in bad.content.decode()


def test_an_attached_file_is_stored_with_the_contact(client, tenant_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = SimpleUploadedFile("kvitto.pdf", b"%PDF-1.4 receipt", content_type="application/pdf")
    assert send(client, tenant_a, message(tenant_a, attachment=pdf)).status_code == 302
    case = web_form_cases(tenant_a).get()
    stored = CaseAttachment.objects.get(case=case)
    assert (stored.filename, stored.content_type, bytes(stored.content)) == (
        "kvitto.pdf",
        "application/pdf",
        b"%PDF-1.4 receipt",
    )
    assert stored.event == case.events.get(kind=EventKind.CONTACT)


@pytest.mark.parametrize(
    ("name", "content_type", "size", "reason"),
    [
        ("virus.exe", "application/x-msdownload", 10, "of a type that is not accepted"),
        ("scan.pdf", "application/pdf", 2048, "files may be at most"),
    ],
)
def test_a_refused_file_marks_the_field_with_the_reason_and_keeps_the_text(
    client, tenant_a, settings, name, content_type, size, reason
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.CIVICDESK_ATTACHMENT_MAX_BYTES = 1024
    upload = SimpleUploadedFile(name, b"x" * size, content_type=content_type)
    answer = send(client, tenant_a, message(tenant_a, attachment=upload))
    assert answer.status_code == 400
    assert reason in str(answer.context["form"].errors["attachment"])
    page = answer.content.decode()
    assert 'id="id_attachment_error"' in page
    assert "Storgatan 12 has been dark" in page and 'value="Anna Berg"' in page
    assert not web_form_cases(tenant_a).exists()


def test_a_file_of_unknown_browser_type_is_judged_by_its_name(client, tenant_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("photo.png", b"\x89PNG", content_type="application/octet-stream")
    assert send(client, tenant_a, message(tenant_a, attachment=upload)).status_code == 302
    assert CaseAttachment.objects.get().content_type == "image/png"


def test_topics_offered_and_the_case_type_each_becomes(client, tenant_a):
    organisation = tenant_a.organisation
    topic = factories.TopicFactory(organisation=organisation, name_en="Care and support")

    def case_type(code, **fields):
        return factories.CaseTypeFactory(
            organisation=organisation,
            department=tenant_a.department,
            topic=topic,
            code=code,
            **fields,
        )

    case_type("a-expert", rosa_tier="expert")
    chosen = case_type("b-specialist", rosa_tier="specialist")
    case_type("c-general-outside-contract", handled_by_centre=False)
    case_type("d-confidential", confidential_by_default=True)
    case_type("e-inactive", is_active=False)
    secret = factories.TopicFactory(organisation=organisation, name_en="Child protection")
    factories.CaseTypeFactory(
        organisation=organisation,
        department=tenant_a.department,
        topic=secret,
        confidential_by_default=True,
    )
    page = client.get(contact_url(tenant_a)).content.decode()
    assert "Care and support" in page and "Child protection" not in page
    send(client, tenant_a, message(tenant_a, topic=topic.pk))
    assert web_form_cases(tenant_a).get().case_type == chosen
    refused = send(client, tenant_a, message(tenant_a, topic=secret.pk))
    assert refused.status_code == 400 and "topic" in refused.context["form"].errors


def test_an_organisation_without_topics_says_the_form_is_not_open(client, tenant_a):
    tenant_a.topic.is_active = False
    tenant_a.topic.save()
    page = client.get(contact_url(tenant_a)).content.decode()
    assert "The contact form is not open yet" in page
    assert client.get(reverse("portal:contact", args=["no-such-place"])).status_code == 404


def test_the_thank_you_page_shows_only_a_reference_it_signed(client, tenant_a, tenant_b):
    sent = send(client, tenant_a)["Location"]
    page = reverse("portal:contact_sent", args=[tenant_a.organisation.slug])
    form = reverse("portal:contact", args=[tenant_a.organisation.slug])
    for forged in (page, f"{page}?sent=SKE-2026-000001", sent.replace("sent=", "sent=x")):
        answer = client.get(forged)
        assert answer.status_code == 302 and answer["Location"].startswith(form)
    theirs = sent.replace(tenant_a.organisation.slug, tenant_b.organisation.slug)
    assert client.get(theirs)["Location"].startswith(
        reverse("portal:contact", args=[tenant_b.organisation.slug])
    )


def test_the_form_reads_its_topics_in_one_query(client, tenant_a, django_assert_num_queries):
    for _ in range(3):
        factories.CaseTypeFactory(
            organisation=tenant_a.organisation,
            department=tenant_a.department,
            topic=factories.TopicFactory(organisation=tenant_a.organisation),
        )
    with django_assert_num_queries(2):  # the organisation, the case types with their topics
        assert client.get(contact_url(tenant_a)).status_code == 200
