"""The demo's mail: a mailbox per organisation, messages on cases and one in quarantine."""

import pytest

from civicdesk.demo.constants import DEMO_PASSWORD
from civicdesk.demo.data import DEMO_ORGANISATIONS
from civicdesk.demo.extras import mail
from civicdesk.demo.services import LoadReport, ensure_installation_admin, load_organisation
from civicdesk.intake.models import InboundMessage, Mailbox, QuarantinedMessage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("spec", DEMO_ORGANISATIONS, ids=lambda spec: spec["slug"])
def test_each_organisation_gets_a_mailbox_with_mail_loaded_once(spec):
    report = LoadReport()
    admin = ensure_installation_admin(password=DEMO_PASSWORD, report=report)
    organisation = load_organisation(actor=admin, spec=spec, password=DEMO_PASSWORD, report=report)
    mail.load(spec=spec, report=report)

    mailbox = Mailbox.objects.get(organisation=organisation)
    messages = InboundMessage.objects.filter(mailbox=mailbox).order_by("pk")
    assert messages.count() == 3
    question, html, reply = messages
    assert reply.case == question.case and reply.threaded_by == "headers"
    assert html.has_remote_images and html.case != question.case
    assert QuarantinedMessage.objects.get(mailbox=mailbox).reason == "automatic"

    again = LoadReport()
    mail.load(spec=spec, report=again)
    assert not again.created
    assert InboundMessage.objects.filter(mailbox=mailbox).count() == 3
